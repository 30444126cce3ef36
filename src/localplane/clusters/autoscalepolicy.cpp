#include "autoscalepolicy.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace rov::localplane {

namespace {

// How many tasks of this shape one node of the pool holds at once; 0 when it cannot run it.
qint64 shapesPerNode(const ScalablePool &pool, const RayLoad::Shape &shape)
{
    qint64 fit = std::numeric_limits<qint64>::max();
    for (const auto &[resource, amount] : shape.resources) {
        if (amount <= 0 || resource == "object_store_memory" || resource == "objectStoreMemory")
            continue;
        double capacity = 0; // GPUs, custom resources and node pins: no pool node has them
        if (resource == "CPU")
            capacity = pool.cpusPerNode;
        else if (resource == "memory")
            capacity = pool.memoryBytesPerNode;
        fit = std::min(fit, qint64(std::floor(capacity / amount)));
    }
    return fit == std::numeric_limits<qint64>::max() ? 1 : fit;
}

QString describe(const RayLoad::Shape &shape)
{
    QStringList parts;
    for (const auto &[resource, amount] : shape.resources)
        parts << QStringLiteral("%1: %2").arg(QString::fromStdString(resource)).arg(amount);
    return QStringLiteral("{%1}").arg(parts.join(QStringLiteral(", ")));
}

} // namespace

ScalingDecision decideScaling(const std::vector<ScalablePool> &pools,
                              const std::vector<RayLoad::Shape> &pending,
                              std::chrono::milliseconds idleTimeout, qint64 spareNodes)
{
    std::map<QString, qint64> wanted; // extra nodes per pool
    std::map<QString, QStringList> waiting;
    for (const auto &shape : pending) {
        for (const auto &pool : pools) {
            const qint64 fit = shapesPerNode(pool, shape);
            if (fit <= 0)
                continue;
            wanted[pool.id] += (shape.count + fit - 1) / fit;
            waiting[pool.id] << QStringLiteral("%1 × %2").arg(shape.count).arg(describe(shape));
            break;
        }
    }

    ScalingDecision decision;
    for (const auto &pool : pools) {
        const auto size = qint64(pool.nodes.size());
        if (const auto it = wanted.find(pool.id); it != wanted.end()) {
            const qint64 grow = std::min({it->second, pool.maxNodes - size, spareNodes});
            if (grow > 0) {
                spareNodes -= grow;
                decision.targets[pool.id] = size + grow;
                decision.reasons << QStringLiteral("Pool %1 grows from %2 to %3 nodes: Ray has "
                                                   "work waiting (%4)")
                                        .arg(pool.id)
                                        .arg(size)
                                        .arg(size + grow)
                                        .arg(waiting[pool.id].join(QStringLiteral(", ")));
            }
            continue; // a pool with waiting work never shrinks
        }
        std::vector<const ScalablePool::Node *> idle;
        for (const auto &node : pool.nodes) {
            if (!node.rayNodeId.isEmpty() && node.idleFor >= idleTimeout)
                idle.push_back(&node);
        }
        std::sort(idle.begin(), idle.end(),
                  [](const auto *a, const auto *b) { return a->idleFor > b->idleFor; });
        const qint64 shrink = std::min(qint64(idle.size()), size - pool.minNodes);
        if (shrink <= 0)
            continue;
        for (qint64 index = 0; index < shrink; ++index)
            decision.retire << idle[size_t(index)]->label;
        decision.targets[pool.id] = size - shrink;
        decision.reasons
            << QStringLiteral("Pool %1 shrinks from %2 to %3 nodes: %4 idle for "
                              "over %5 s")
                   .arg(pool.id)
                   .arg(size)
                   .arg(size - shrink)
                   .arg(decision.retire.mid(decision.retire.size() - int(shrink))
                            .join(QStringLiteral(", ")))
                   .arg(std::chrono::duration_cast<std::chrono::seconds>(idleTimeout).count());
    }
    return decision;
}

} // namespace rov::localplane
