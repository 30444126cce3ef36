#include "clusterplanner.h"

#include "catalog/machinecatalog.h"
#include "clusterruntime.h"

#include <algorithm>

namespace rov::localplane {

namespace {

constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr int kDeadlineMarginSeconds = 60;

} // namespace

NodePlan ClusterPlanner::makeNode(const PoolSpec &pool, int ordinal, bool head)
{
    const auto machine = catalog::MachineCatalog::builtIn().machine(pool.machineType);
    NodePlan node;
    node.poolId = pool.id;
    node.ordinal = ordinal;
    node.head = head;
    node.numCpus = head ? 0 : machine->vcpu; // as on Google Cloud, no work runs on the head
    node.memoryBytes = qint64(machine->memoryGb * double(kGiB));
    return node;
}

std::variant<std::vector<NodePlan>, rest::ApiError>
ClusterPlanner::planCluster(const ClusterSpec &spec)
{
    std::vector<NodePlan> nodes;
    const PoolSpec &headPool = spec.headPool();
    for (int ordinal = 0; ordinal < headPool.initialNodes(); ++ordinal)
        nodes.push_back(makeNode(headPool, ordinal, ordinal == 0));
    for (const auto &pool : spec.pools) {
        if (pool.id == headPool.id)
            continue;
        for (int ordinal = 0; ordinal < pool.initialNodes(); ++ordinal)
            nodes.push_back(makeNode(pool, ordinal, false));
    }
    if (auto exhausted = m_addresses.assign(nodes))
        return *exhausted;
    return nodes;
}

QDateTime ClusterPlanner::deadlineFor(int nodesToStart, int nodesToStop) const
{
    const QDateTime start = QDateTime::currentDateTimeUtc();
    if (m_operationDeadline.count() > 0)
        return start.addSecs(m_operationDeadline.count());
    // Ray's own timeouts for the work, and a margin: the deadline is the backstop for anything
    // that would otherwise never end.
    const ClusterRuntime::Settings ray;
    qint64 ms = kDeadlineMarginSeconds * 1000LL;
    if (nodesToStart > 0)
        ms += ClusterRuntime::kStartAttempts *
              (ray.headTimeout.count() + qint64(nodesToStart - 1) * ray.nodeTimeout.count());
    if (nodesToStop > 0)
        ms += 2 * ray.stopGrace.count(); // workers, then the head
    return start.addMSecs(ms);
}

void ClusterPlanner::release(const std::vector<NodePlan> &nodes)
{
    for (const auto &node : nodes)
        m_addresses.release(node);
}

std::variant<ClusterPlanner::ResizePlan, rest::ApiError>
ClusterPlanner::planResize(const ClusterRecord &record, const std::map<QString, qint64> &targets,
                           const QStringList &preferred)
{
    ResizePlan plan;
    plan.targets = targets;
    for (const auto &[poolId, target] : targets) {
        const PoolSpec *pool = record.spec.pool(poolId);
        if (!pool)
            continue;
        std::vector<const NodePlan *> current;
        for (const auto &node : record.nodes) {
            if (node.poolId == poolId && !node.head)
                current.push_back(&node);
        }
        const qint64 heads = record.nodesInPool(poolId) - qint64(current.size());
        // The preferred ones last, so they are retired first; otherwise the newest go.
        std::sort(current.begin(), current.end(), [&](const NodePlan *a, const NodePlan *b) {
            const bool aPreferred = preferred.contains(a->label());
            if (aPreferred != preferred.contains(b->label()))
                return !aPreferred;
            return a->ordinal < b->ordinal;
        });
        int nextOrdinal = 0;
        for (const auto &node : record.nodes) {
            if (node.poolId == poolId)
                nextOrdinal = std::max(nextOrdinal, node.ordinal + 1);
        }
        for (qint64 count = heads + qint64(current.size()); count < target; ++count)
            plan.added.push_back(makeNode(*pool, nextOrdinal++, false));
        for (qint64 count = qint64(current.size()); count + heads > target && count > 0; --count)
            plan.retired.append(current[size_t(count - 1)]->label());
    }
    if (!plan.added.empty()) {
        if (auto exhausted = m_addresses.assign(plan.added))
            return *exhausted;
    }
    return plan;
}

ClusterRecord ClusterPlanner::withPlan(ClusterRecord record, const ResizePlan &plan)
{
    for (auto &pool : record.spec.pools) {
        if (const auto it = plan.targets.find(pool.id);
            it != plan.targets.end() && !pool.autoscaling)
            pool.replicaCount = it->second;
    }
    record.nodes.insert(record.nodes.end(), plan.added.begin(), plan.added.end());
    return record;
}

std::map<QString, qint64> ClusterPlanner::reconcileTargets(const ClusterRecord &record)
{
    std::map<QString, qint64> targets;
    for (const auto &pool : record.spec.pools) {
        const qint64 have = record.nodesInPool(pool.id);
        const qint64 want = pool.autoscaling
                                ? std::clamp(have, pool.minReplicaCount, pool.maxReplicaCount)
                                : pool.replicaCount;
        if (have != want)
            targets[pool.id] = want;
    }
    return targets;
}

} // namespace rov::localplane
