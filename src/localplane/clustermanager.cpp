#include "clustermanager.h"

#include "clusterautoscaler.h"
#include "clusterruntime.h"
#include "rest/restclient.h"
#include "store.h"

#include <QDateTime>
#include <QDir>
#include <QRandomGenerator>
#include <QSet>
#include <algorithm>

namespace rov::localplane {

using nlohmann::json;
using wire::ClusterState;

namespace {

constexpr const char *kTypePrefix = "type.googleapis.com/google.cloud.aiplatform.v1beta1.";
constexpr qint64 kGiB = 1024LL * 1024 * 1024;
constexpr const char *kOriginKey = "rovApiVersion"; // stored with an operation, never answered

QString now()
{
    return QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs);
}

QString randomDigits(int count)
{
    QString digits;
    for (int i = 0; i < count; ++i)
        digits += QChar(u'0' + QRandomGenerator::global()->bounded(10));
    if (digits.startsWith(QLatin1Char('0')))
        digits[0] = QLatin1Char('1');
    return digits;
}

std::string text(const QString &value)
{
    return value.toStdString();
}

QString idOf(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

// DeleteOperationMetadata has only genericMetadata; clients that parse strictly refuse more.
bool hasProgressMessage(const json &operation)
{
    const std::string type = operation["metadata"].value("@type", std::string());
    return type.find("DeleteOperationMetadata") == std::string::npos;
}

json rpcStatus(const QString &status, const QString &message)
{
    return rest::ApiError::withStatus(status, message).toRpcStatusJson();
}

} // namespace

ClusterManager::ClusterManager(ManagerSettings settings, Store &store, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_store(store),
      m_parser(catalog::MachineCatalog::builtIn(), m_settings.support),
      m_client(std::make_unique<rest::RestClient>())
{}

ClusterManager::~ClusterManager() = default;

ClusterManager::Cluster *ClusterManager::find(const QString &name)
{
    auto it = m_clusters.find(name);
    return it == m_clusters.end() ? nullptr : it->second.get();
}

const ClusterManager::Cluster *ClusterManager::find(const QString &name) const
{
    auto it = m_clusters.find(name);
    return it == m_clusters.end() ? nullptr : it->second.get();
}

int ClusterManager::liveNodeCount() const
{
    int count = 0;
    for (const auto &[name, cluster] : m_clusters)
        count += int(cluster->nodes.size());
    return count;
}

QString ClusterManager::takeNodeIp()
{
    // 127.0.0.1 is left alone: Ray replaces it with the machine's network address.
    for (int host = 2; host < 256 * 254; ++host) {
        const QString ip = QStringLiteral("127.0.%1.%2").arg(host / 254).arg(host % 254 + 1);
        if (m_nodeIps.insert(ip).second)
            return ip;
    }
    return {};
}

NodePlan ClusterManager::makeNode(const PoolSpec &pool, int ordinal, bool head) const
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

bool ClusterManager::allocate(std::vector<NodePlan> &nodes, QString *error)
{
    for (auto &node : nodes) {
        node.ip = takeNodeIp();
        if (node.ip.isEmpty() || !node.ports.allocate(m_ports, node.head)) {
            for (auto &allocated : nodes) {
                allocated.ports.release(m_ports);
                m_nodeIps.erase(allocated.ip);
            }
            *error = QStringLiteral("This machine has no free TCP ports left for another Ray node");
            return false;
        }
    }
    return true;
}

std::vector<NodePlan> ClusterManager::planNodes(const ClusterSpec &spec, QString *error)
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
    if (!allocate(nodes, error))
        return {};
    return nodes;
}

ApiResult ClusterManager::create(const QString &parent, const QString &id, const json &body,
                                 const Call &call)
{
    if (const QString problem = ClusterSpecParser::checkResourceId(id); !problem.isEmpty())
        return ApiResult::error(QStringLiteral("INVALID_ARGUMENT"), problem);
    const QString name = parent + QStringLiteral("/persistentResources/") + id;
    if (find(name))
        return ApiResult::error(
            QStringLiteral("ALREADY_EXISTS"),
            QStringLiteral(
                "PersistentResource %1 already exists; choose another id or delete it first")
                .arg(name));
    auto parsed = m_parser.parse(body, call.v1beta1);
    if (auto *error = std::get_if<rest::ApiError>(&parsed))
        return ApiResult::error(*error);
    auto cluster = std::make_unique<Cluster>();
    cluster->name = name;
    cluster->spec = std::move(std::get<ClusterSpec>(parsed));
    const int wanted = int(cluster->spec.initialNodeCount());
    if (liveNodeCount() + wanted > m_settings.maxNodesTotal)
        return ApiResult::error(QStringLiteral("RESOURCE_EXHAUSTED"),
                                QStringLiteral("This machine hosts at most %1 Ray nodes across all "
                                               "clusters (each needs about 0.5 to 1.5 GB "
                                               "of memory and some CPU); %2 are in use and this "
                                               "cluster needs %3. Delete a cluster, ask for "
                                               "fewer replicas, or use Google Cloud")
                                    .arg(m_settings.maxNodesTotal)
                                    .arg(liveNodeCount())
                                    .arg(wanted));
    QString problem;
    cluster->nodes = planNodes(cluster->spec, &problem);
    if (cluster->nodes.empty())
        return ApiResult::error(QStringLiteral("RESOURCE_EXHAUSTED"), problem);
    cluster->createTime = cluster->updateTime = now();
    cluster->tempDir = QDir(m_settings.tempRoot)
                           .filePath(QString::number(QRandomGenerator::global()->generate(), 16));

    Cluster &stored = *cluster;
    m_clusters.emplace(name, std::move(cluster));
    const QString operation =
        newOperation(stored, "CreatePersistentResourceOperationMetadata",
                     QStringLiteral("Starting %1 Ray nodes").arg(wanted), call);
    setState(stored, ClusterState::Provisioning,
             QStringLiteral("Created; starting %1 Ray nodes").arg(wanted));
    startRuntime(stored, false);
    return getOperation(operation, call);
}

void ClusterManager::startRuntime(Cluster &cluster, bool adoptRunningNodes)
{
    ClusterRuntime::Settings settings;
    settings.rayProgram = m_settings.rayProgram;
    settings.tempDir = cluster.tempDir;
    settings.logDir = QDir(m_settings.dataDir)
                          .filePath(QStringLiteral("clusters/%1/logs").arg(idOf(cluster.name)));
    auto *runtime = new ClusterRuntime(settings, cluster.nodes, m_client.get(), this);
    cluster.runtime = runtime;
    const QString name = cluster.name;

    connect(runtime, &ClusterRuntime::progressed, this, [this, name](const QString &message) {
        if (Cluster *found = find(name))
            updateProgress(*found, message);
    });
    connect(runtime, &ClusterRuntime::nodesChanged, this, [this, name, runtime] {
        if (Cluster *found = find(name)) {
            found->nodes = runtime->nodes();
            save(*found);
        }
    });
    connect(runtime, &ClusterRuntime::started, this, [this, name] {
        Cluster *found = find(name);
        if (!found)
            return;
        found->resizing = false;
        const bool unchanged =
            found->state == ClusterState::Running && found->pendingOperation.isEmpty();
        if (!unchanged)
            finishStart(*found);
        watchLoad(*found); // a replaced, adopted or autoscaled node changes nothing else
    });
    connect(runtime, &ClusterRuntime::failed, this, [this, name, runtime](const QString &reason) {
        Cluster *found = find(name);
        if (!found)
            return;
        found->error = rpcStatus(QStringLiteral("FAILED_PRECONDITION"), reason);
        setState(*found, ClusterState::Error, reason.section(QLatin1Char('\n'), 0, 0));
        finishOperation(*found, nullptr, found->error);
        runtime->stop(); // nothing of a failed start stays behind
    });
    connect(
        runtime, &ClusterRuntime::nodeExited, this,
        [this, name, runtime](const QString &label, bool head) {
            Cluster *found = find(name);
            if (!found || found->state == ClusterState::Stopping)
                return;
            if (head) {
                found->error = rpcStatus(
                    QStringLiteral("UNAVAILABLE"),
                    QStringLiteral("The head node exited; reboot the cluster to start it again\n") +
                        runtime->logTail());
                setState(*found, ClusterState::Error, QStringLiteral("The head node exited"));
                return;
            }
            m_store.addEvent({name, now(), wire::stateName(found->state),
                              QStringLiteral("Node %1 exited; starting a replacement").arg(label)});
            runtime->start();
        });
    connect(runtime, &ClusterRuntime::stopped, this, [this, name, runtime] {
        Cluster *found = find(name);
        if (found && found->state == ClusterState::Stopping)
            forget(*found);
        else if (found && found->state == ClusterState::Rebooting)
            runtime->start();
    });
    connect(runtime, &ClusterRuntime::retired, this, [this, name, runtime] {
        Cluster *found = find(name);
        if (!found || !found->resizing)
            return;
        for (const auto &node : found->nodes) {
            if (std::none_of(runtime->nodes().begin(), runtime->nodes().end(),
                             [&](const NodePlan &kept) { return kept.label() == node.label(); })) {
                node.ports.release(m_ports);
                m_nodeIps.erase(node.ip);
            }
        }
        found->nodes = runtime->nodes();
        save(*found);
        runtime->start(); // starts the added nodes; `started` ends the update
    });
    if (adoptRunningNodes) {
        const int alive = runtime->adopt();
        m_store.addEvent(
            {name, now(), wire::stateName(cluster.state),
             QStringLiteral("rovd restarted: %1 of %2 nodes still ran and were adopted")
                 .arg(alive)
                 .arg(cluster.nodes.size())});
        if (cluster.state == ClusterState::Stopping) {
            runtime->stop();
            return;
        }
        if (cluster.state == ClusterState::Error)
            return; // stays as it was; a reboot starts it again
    }
    runtime->start();
}

void ClusterManager::finishStart(Cluster &cluster)
{
    if (cluster.startTime.isEmpty())
        cluster.startTime = now();
    cluster.error = nullptr;
    setState(cluster, ClusterState::Running,
             QStringLiteral("All %1 Ray nodes are alive").arg(cluster.nodes.size()));
    json resource = render(cluster, Call{});
    resource["@type"] = std::string(kTypePrefix) + "PersistentResource";
    finishOperation(cluster, resource, nullptr);
}

void ClusterManager::setState(Cluster &cluster, ClusterState state, const QString &reason)
{
    cluster.state = state;
    cluster.updateTime = now();
    save(cluster);
    m_store.addEvent({cluster.name, cluster.updateTime, wire::stateName(state), reason});
}

QString ClusterManager::newOperation(Cluster &cluster, const char *metadataType,
                                     const QString &message, const Call &call)
{
    const QString name = cluster.name + QStringLiteral("/operations/") + randomDigits(19);
    const QString time = now();
    json operation = {{"name", text(name)},
                      {"metadata",
                       {{"@type", std::string(kTypePrefix) + metadataType},
                        {"genericMetadata",
                         {{"createTime", text(time)},
                          {"updateTime", text(time)},
                          {"partialFailures", json::array()}}}}},
                      {"done", false},
                      {kOriginKey, call.v1beta1 ? "v1beta1" : "v1"}};
    if (hasProgressMessage(operation))
        operation["metadata"]["progressMessage"] = text(message);
    m_store.put(Store::Kind::Operation, name, operation);
    cluster.pendingOperation = name;
    save(cluster);
    return name;
}

void ClusterManager::updateProgress(Cluster &cluster, const QString &message)
{
    if (cluster.pendingOperation.isEmpty())
        return;
    auto operation = m_store.get(Store::Kind::Operation, cluster.pendingOperation);
    if (!operation)
        return;
    if (hasProgressMessage(*operation))
        (*operation)["metadata"]["progressMessage"] = text(message);
    (*operation)["metadata"]["genericMetadata"]["updateTime"] = text(now());
    m_store.put(Store::Kind::Operation, cluster.pendingOperation, *operation);
}

void ClusterManager::finishOperation(Cluster &cluster, const json &response, const json &error)
{
    if (cluster.pendingOperation.isEmpty())
        return;
    auto operation = m_store.get(Store::Kind::Operation, cluster.pendingOperation);
    if (operation) {
        (*operation)["done"] = true;
        (*operation)["metadata"]["genericMetadata"]["updateTime"] = text(now());
        if (!error.is_null())
            (*operation)["error"] = error;
        else
            (*operation)["response"] = response;
        m_store.put(Store::Kind::Operation, cluster.pendingOperation, *operation);
    }
    cluster.pendingOperation.clear();
    save(cluster);
}

void ClusterManager::save(const Cluster &cluster)
{
    json nodes = json::array();
    for (const auto &node : cluster.nodes)
        nodes.push_back(node.toJson());
    ClusterSpec::RenderOptions options;
    const json document = {{"spec", cluster.spec.toJson(options)},
                           {"state", text(wire::stateName(cluster.state))},
                           {"error", cluster.error},
                           {"createTime", text(cluster.createTime)},
                           {"startTime", text(cluster.startTime)},
                           {"updateTime", text(cluster.updateTime)},
                           {"tempDir", text(cluster.tempDir)},
                           {"pendingOperation", text(cluster.pendingOperation)},
                           {"nodes", nodes}};
    m_store.put(Store::Kind::Cluster, cluster.name, document);
}

void ClusterManager::forget(Cluster &cluster)
{
    for (const auto &node : cluster.nodes) {
        node.ports.release(m_ports);
        m_nodeIps.erase(node.ip);
    }
    m_store.addEvent({cluster.name, now(), QStringLiteral("DELETED"),
                      QStringLiteral("Every node stopped; the cluster is gone")});
    finishOperation(cluster, {{"@type", "type.googleapis.com/google.protobuf.Empty"}}, nullptr);
    m_store.remove(Store::Kind::Cluster, cluster.name);
    if (cluster.runtime)
        cluster.runtime->deleteLater();
    m_clusters.erase(cluster.name);
}

json ClusterManager::render(const Cluster &cluster, const Call &call) const
{
    ClusterSpec::RenderOptions options;
    options.enumsAsIntegers = call.enumsAsIntegers;
    options.v1beta1 = call.v1beta1;
    if (cluster.runtime)
        options.usedReplicaCounts = cluster.runtime->liveNodesByPool();
    json resource = cluster.spec.toJson(options);
    resource["name"] = text(cluster.name);
    resource["state"] =
        wire::encode(wire::stateName(cluster.state), int(cluster.state), call.enumsAsIntegers);
    resource["createTime"] = text(cluster.createTime);
    resource["updateTime"] = text(cluster.updateTime);
    if (!cluster.startTime.isEmpty())
        resource["startTime"] = text(cluster.startTime);
    if (!cluster.error.is_null())
        resource["error"] = cluster.error;
    const bool reachable =
        cluster.state == ClusterState::Running || cluster.state == ClusterState::Updating;
    if (reachable && !cluster.nodes.empty()) {
        const NodePlan &headNode = cluster.nodes.front();
        const NodePorts &head = headNode.ports;
        resource["resourceRuntime"] = {
            {"accessUris",
             {{"RAY_DASHBOARD_URI", "127.0.0.1:" + std::to_string(head.dashboard)},
              {"RAY_HEAD_NODE_INTERNAL_IP",
               text(headNode.ip) + ":" + std::to_string(head.rayClient)}}}};
    }
    return resource;
}

json ClusterManager::forVersion(json operation, const Call &call)
{
    const bool v1beta1 =
        call.asCreated ? operation.value(kOriginKey, "v1beta1") == "v1beta1" : call.v1beta1;
    operation.erase(kOriginKey);
    if (v1beta1)
        return operation;
    // The same operation asked for through /v1/ names the v1 message types.
    std::string dumped = operation.dump();
    const std::string from = "google.cloud.aiplatform.v1beta1.", to = "google.cloud.aiplatform.v1.";
    for (size_t at = dumped.find(from); at != std::string::npos;
         at = dumped.find(from, at + to.size()))
        dumped.replace(at, from.size(), to);
    return json::parse(dumped);
}

ApiResult ClusterManager::get(const QString &name, const Call &call) const
{
    const Cluster *cluster = find(name);
    if (!cluster)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("PersistentResource %1 not found").arg(name));
    return ApiResult::ok(render(*cluster, call));
}

ApiResult ClusterManager::list(const QString &parent, int pageSize, const QString &pageToken,
                               const Call &call) const
{
    const QString prefix = parent + QStringLiteral("/persistentResources/");
    const int limit = pageSize <= 0 ? 100 : std::min(pageSize, 1000);
    const QString after = pageToken.isEmpty()
                              ? QString()
                              : QString::fromUtf8(QByteArray::fromBase64(pageToken.toLatin1()));
    json resources = json::array();
    QString last;
    bool more = false;
    for (const auto &[name, cluster] : m_clusters) {
        if (!name.startsWith(prefix) || (!after.isEmpty() && name <= after))
            continue;
        if (int(resources.size()) == limit) {
            more = true;
            break;
        }
        resources.push_back(render(*cluster, call));
        last = name;
    }
    json page = {{"persistentResources", resources}};
    if (more)
        page["nextPageToken"] = last.toUtf8().toBase64().toStdString();
    return ApiResult::ok(page);
}

ApiResult ClusterManager::remove(const QString &name, const Call &call)
{
    Cluster *cluster = find(name);
    if (!cluster)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("PersistentResource %1 not found").arg(name));
    if (cluster->state == ClusterState::Stopping && !cluster->pendingOperation.isEmpty())
        return getOperation(cluster->pendingOperation, call);
    // A create or update still in flight ends now, and says why.
    finishOperation(
        *cluster, nullptr,
        rpcStatus(QStringLiteral("ABORTED"), QStringLiteral("The cluster was deleted")));
    const QString operation = newOperation(*cluster, "DeleteOperationMetadata",
                                           QStringLiteral("Stopping every Ray node"), call);
    setState(*cluster, ClusterState::Stopping, QStringLiteral("Deletion requested"));
    const ApiResult answer = getOperation(operation, call);
    if (cluster->runtime)
        cluster->runtime->stop();
    else
        forget(*cluster);
    return answer;
}

ApiResult ClusterManager::update(const QString &name, const json &body, const QString &updateMask,
                                 const Call &call)
{
    Cluster *cluster = find(name);
    if (!cluster)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("PersistentResource %1 not found").arg(name));
    const QStringList fields = updateMask.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QSet<QString> allowed{QStringLiteral("resourcePools.replicaCount"),
                                QStringLiteral("resource_pools.replica_count")};
    if (fields.isEmpty() || std::any_of(fields.begin(), fields.end(), [&](const QString &field) {
            return !allowed.contains(field.trimmed());
        }))
        return ApiResult::error(
            QStringLiteral("INVALID_ARGUMENT"),
            QStringLiteral(
                "updateMask \"%1\" is not supported: only resourcePools.replicaCount can be "
                "updated (manual scaling of existing pools)")
                .arg(updateMask));
    if (cluster->state != ClusterState::Running)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("The cluster is %1; it can be scaled only while RUNNING")
                .arg(wire::stateName(cluster->state)));
    const json *pools = wire::member(body, "resourcePools", "resource_pools");
    if (!pools || !pools->is_array())
        return ApiResult::error(
            QStringLiteral("INVALID_ARGUMENT"),
            QStringLiteral("resourcePools with the new replica counts is required"));

    std::map<QString, qint64> targets;
    for (const auto &pool : *pools) {
        const QString id = QString::fromStdString(pool.value("id", std::string()));
        const PoolSpec *spec = cluster->spec.pool(id);
        if (!spec)
            return ApiResult::error(
                QStringLiteral("INVALID_ARGUMENT"),
                QStringLiteral(
                    "Pool \"%1\" is not in this cluster; scaling changes the replica counts of "
                    "existing pools only")
                    .arg(id));
        const json *count = wire::member(pool, "replicaCount", "replica_count");
        const auto replicas = count ? wire::readInt64(*count) : std::nullopt;
        if (!replicas)
            return ApiResult::error(
                QStringLiteral("INVALID_ARGUMENT"),
                QStringLiteral("Pool \"%1\" needs an integer replicaCount").arg(id));
        if (spec->autoscaling)
            return ApiResult::error(
                QStringLiteral("INVALID_ARGUMENT"),
                QStringLiteral(
                    "Pool \"%1\" autoscales between %2 and %3 nodes; its size follows the load")
                    .arg(id)
                    .arg(spec->minReplicaCount)
                    .arg(spec->maxReplicaCount));
        if (*replicas < 1)
            return ApiResult::error(
                QStringLiteral("INVALID_ARGUMENT"),
                QStringLiteral("Pool \"%1\" cannot go below 1 replica (asked for %2)")
                    .arg(id)
                    .arg(*replicas));
        targets[id] = *replicas;
    }
    if (cluster->resizing)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("The autoscaler is resizing this cluster; try again in a minute"));
    qint64 newSize = qint64(cluster->nodes.size());
    for (const auto &[id, count] : targets)
        newSize += count - nodesInPool(*cluster, id);
    const qint64 growth = newSize - qint64(cluster->nodes.size());
    if (newSize > m_settings.support.maxNodesPerCluster ||
        liveNodeCount() + growth > m_settings.maxNodesTotal)
        return ApiResult::error(QStringLiteral("RESOURCE_EXHAUSTED"),
                                QStringLiteral("This machine hosts at most %1 Ray nodes; %2 are in "
                                               "use and the new size needs %3 more")
                                    .arg(m_settings.maxNodesTotal)
                                    .arg(liveNodeCount())
                                    .arg(growth));

    const qint64 before = qint64(cluster->nodes.size());
    QString problem;
    if (!resize(*cluster, targets, {}, &problem))
        return ApiResult::error(QStringLiteral("RESOURCE_EXHAUSTED"), problem);
    const QString operation =
        newOperation(*cluster, "UpdatePersistentResourceOperationMetadata",
                     QStringLiteral("Resizing from %1 to %2 nodes").arg(before).arg(newSize), call);
    setState(*cluster, ClusterState::Updating,
             QStringLiteral("Scaling from %1 to %2 nodes").arg(before).arg(newSize));
    return getOperation(operation, call);
}

qint64 ClusterManager::nodesInPool(const Cluster &cluster, const QString &poolId) const
{
    return std::count_if(cluster.nodes.begin(), cluster.nodes.end(),
                         [&](const NodePlan &node) { return node.poolId == poolId; });
}

bool ClusterManager::resize(Cluster &cluster, const std::map<QString, qint64> &targets,
                            const QStringList &preferred, QString *error)
{
    std::vector<NodePlan> added;
    QStringList retired;
    for (const auto &[poolId, target] : targets) {
        const PoolSpec *pool = cluster.spec.pool(poolId);
        std::vector<const NodePlan *> current;
        for (const auto &node : cluster.nodes) {
            if (node.poolId == poolId && !node.head)
                current.push_back(&node);
        }
        const qint64 heads = nodesInPool(cluster, poolId) - qint64(current.size());
        // The preferred ones last, so they are retired first; otherwise the newest go.
        std::sort(current.begin(), current.end(), [&](const NodePlan *a, const NodePlan *b) {
            const bool aPreferred = preferred.contains(a->label());
            if (aPreferred != preferred.contains(b->label()))
                return !aPreferred;
            return a->ordinal < b->ordinal;
        });
        int nextOrdinal = 0;
        for (const auto &node : cluster.nodes) {
            if (node.poolId == poolId)
                nextOrdinal = std::max(nextOrdinal, node.ordinal + 1);
        }
        for (qint64 count = heads + qint64(current.size()); count < target; ++count)
            added.push_back(makeNode(*pool, nextOrdinal++, false));
        for (qint64 count = qint64(current.size()); count + heads > target && count > 0; --count)
            retired.append(current[size_t(count - 1)]->label());
    }
    if (!added.empty() && !allocate(added, error))
        return false;

    for (auto &pool : cluster.spec.pools) {
        if (const auto it = targets.find(pool.id); it != targets.end())
            pool.replicaCount = it->second;
    }
    cluster.resizing = true;
    cluster.runtime->addNodes(added);
    cluster.nodes = cluster.runtime->nodes();
    save(cluster);
    cluster.runtime->retireNodes(retired); // `retired` follows, then the new nodes start
    return true;
}

void ClusterManager::watchLoad(Cluster &cluster)
{
    if (cluster.autoscaler || std::none_of(cluster.spec.pools.begin(), cluster.spec.pools.end(),
                                           [](const PoolSpec &pool) { return pool.autoscaling; }))
        return;
    const QString name = cluster.name;
    auto snapshot = [this, name]() -> std::optional<ClusterAutoscaler::Snapshot> {
        const Cluster *found = find(name);
        if (!found || found->state != ClusterState::Running || found->resizing ||
            !found->pendingOperation.isEmpty())
            return std::nullopt;
        ClusterAutoscaler::Snapshot snapshot;
        snapshot.spareNodes =
            std::min<qint64>(m_settings.maxNodesTotal - liveNodeCount(),
                             m_settings.support.maxNodesPerCluster - qint64(found->nodes.size()));
        for (const auto &pool : found->spec.pools) {
            if (!pool.autoscaling)
                continue;
            const auto machine = catalog::MachineCatalog::builtIn().machine(pool.machineType);
            ScalablePool scalable;
            scalable.id = pool.id;
            scalable.cpusPerNode = machine->vcpu;
            scalable.memoryBytesPerNode = machine->memoryGb * double(kGiB);
            scalable.minNodes = pool.minReplicaCount;
            scalable.maxNodes = pool.maxReplicaCount;
            for (const auto &node : found->nodes) {
                if (node.poolId == pool.id)
                    scalable.nodes.push_back({node.label(), node.nodeId, {}});
            }
            snapshot.pools.push_back(std::move(scalable));
        }
        return snapshot;
    };
    ClusterAutoscaler::Settings settings;
    settings.interval = m_settings.autoscaleInterval;
    settings.idleTimeout = m_settings.autoscaleIdleTimeout;
    const QUrl dashboard(
        QStringLiteral("http://127.0.0.1:%1/").arg(cluster.nodes.front().ports.dashboard));
    cluster.autoscaler =
        new ClusterAutoscaler(settings, dashboard, snapshot, m_client.get(), cluster.runtime);
    connect(cluster.autoscaler, &ClusterAutoscaler::decided, this,
            [this, name](const ScalingDecision &decision) { applyScaling(name, decision); });
}

void ClusterManager::applyScaling(const QString &name, const ScalingDecision &decision)
{
    Cluster *cluster = find(name);
    if (!cluster || cluster->state != ClusterState::Running || cluster->resizing)
        return;
    QString problem;
    if (!resize(*cluster, decision.targets, decision.retire, &problem)) {
        m_store.addEvent({name, now(), wire::stateName(cluster->state),
                          QStringLiteral("Autoscaling could not add nodes: ") + problem});
        return;
    }
    for (const auto &reason : decision.reasons)
        m_store.addEvent({name, now(), wire::stateName(cluster->state), reason});
}

ApiResult ClusterManager::reboot(const QString &name, const Call &call)
{
    Cluster *cluster = find(name);
    if (!cluster)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("PersistentResource %1 not found").arg(name));
    if (cluster->state != ClusterState::Running && cluster->state != ClusterState::Error)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("The cluster is %1; it can be rebooted when RUNNING or in ERROR")
                .arg(wire::stateName(cluster->state)));
    const QString operation = newOperation(*cluster, "RebootPersistentResourceOperationMetadata",
                                           QStringLiteral("Restarting every Ray node"), call);
    setState(*cluster, ClusterState::Rebooting, QStringLiteral("Reboot requested"));
    cluster->runtime->stop(); // `stopped` starts it again
    return getOperation(operation, call);
}

ApiResult ClusterManager::getOperation(const QString &name, const Call &call) const
{
    const auto operation = m_store.get(Store::Kind::Operation, name);
    if (!operation)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("Operation %1 not found").arg(name));
    return ApiResult::ok(forVersion(*operation, call));
}

bool ClusterManager::isOperationDone(const QString &name) const
{
    const auto operation = m_store.get(Store::Kind::Operation, name);
    return !operation || operation->value("done", false);
}

ApiResult ClusterManager::listOperations(const QString &cluster, const Call &call) const
{
    json operations = json::array();
    for (const auto &[name, operation] :
         m_store.list(Store::Kind::Operation, cluster + QStringLiteral("/operations/")))
        operations.push_back(forVersion(operation, call));
    if (operations.empty() && !find(cluster))
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("PersistentResource %1 not found").arg(cluster));
    return ApiResult::ok({{"operations", operations}});
}

ApiResult ClusterManager::cancelOperation(const QString &name)
{
    const auto operation = m_store.get(Store::Kind::Operation, name);
    if (!operation)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("Operation %1 not found").arg(name));
    if (operation->value("done", false))
        return ApiResult::ok(json::object());
    const QString clusterName = name.section(QStringLiteral("/operations/"), 0, 0);
    Cluster *cluster = find(clusterName);
    if (!cluster || cluster->state != ClusterState::Provisioning)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral(
                "Only the creation of a cluster can be cancelled, while it is provisioning"));
    finishOperation(*cluster, nullptr,
                    rpcStatus(QStringLiteral("CANCELLED"),
                              QStringLiteral("Cancelled; the cluster is being deleted")));
    remove(clusterName, Call{});
    return ApiResult::ok(json::object());
}

ApiResult ClusterManager::deleteOperation(const QString &name)
{
    if (!m_store.get(Store::Kind::Operation, name))
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("Operation %1 not found").arg(name));
    m_store.remove(Store::Kind::Operation, name);
    return ApiResult::ok(json::object());
}

ApiResult ClusterManager::rayRuntimes() const
{
    const auto &catalog = catalog::MachineCatalog::builtIn();
    json machines = json::array();
    for (const QString &name : catalog.machineNames()) {
        const auto machine = catalog.machine(name);
        if (machine->bundledAcceleratorCount > 0)
            continue; // no accelerators on this machine
        machines.push_back({{"machineType", text(name)},
                            {"vcpu", machine->vcpu},
                            {"memoryGb", machine->memoryGb}});
    }
    const RuntimeSupport &support = m_settings.support;
    const QString tag =
        QStringLiteral("ray-cpu.%1.py%2")
            .arg(QString(support.rayVersion).replace(QLatin1Char('.'), QLatin1Char('-')),
                 QString(support.pythonVersion).remove(QLatin1Char('.')));
    return ApiResult::ok(
        {{"rayRuntimes",
          {{{"rayVersion", text(support.rayVersion)},
            {"pythonVersion", text(support.pythonVersion)},
            {"imageUri", "us-docker.pkg.dev/vertex-ai/training/" + text(tag) + ":latest"}}}},
         {"machineTypes", machines},
         {"acceleratorTypes", json::array()},
         {"maxNodesPerCluster", support.maxNodesPerCluster},
         {"maxNodesTotal", m_settings.maxNodesTotal},
         {"nodesInUse", liveNodeCount()}});
}

ApiResult ClusterManager::events(const QString &name) const
{
    if (!find(name))
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("PersistentResource %1 not found").arg(name));
    json events = json::array();
    for (const auto &event : m_store.events(name))
        events.push_back({{"time", text(event.time)},
                          {"state", text(event.state)},
                          {"reason", text(event.reason)}});
    return ApiResult::ok({{"events", events}});
}

int ClusterManager::restore()
{
    const auto documents = m_store.list(Store::Kind::Cluster);
    for (const auto &[name, document] : documents) {
        auto parsed = m_parser.parse(document.value("spec", json::object()), true);
        if (!std::holds_alternative<ClusterSpec>(parsed))
            continue;
        auto cluster = std::make_unique<Cluster>();
        cluster->name = name;
        cluster->spec = std::get<ClusterSpec>(parsed);
        cluster->state =
            wire::stateFromName(QString::fromStdString(document.value("state", std::string())))
                .value_or(ClusterState::Error);
        cluster->error = document.value("error", json());
        cluster->createTime = QString::fromStdString(document.value("createTime", std::string()));
        cluster->startTime = QString::fromStdString(document.value("startTime", std::string()));
        cluster->updateTime = QString::fromStdString(document.value("updateTime", std::string()));
        cluster->tempDir = QString::fromStdString(document.value("tempDir", std::string()));
        cluster->pendingOperation =
            QString::fromStdString(document.value("pendingOperation", std::string()));
        for (const auto &node : document.value("nodes", json::array()))
            cluster->nodes.push_back(NodePlan::fromJson(node));
        for (const auto &node : cluster->nodes) {
            node.ports.reserve(m_ports);
            m_nodeIps.insert(node.ip);
        }
        Cluster &restored = *cluster;
        m_clusters.emplace(name, std::move(cluster));
        startRuntime(restored, true); // adopts what still runs, starts the rest
    }
    return int(documents.size());
}

void ClusterManager::stopAll()
{
    auto remaining = std::make_shared<int>(0);
    for (auto &[name, cluster] : m_clusters) {
        if (!cluster->runtime)
            continue;
        ++*remaining;
        // Their records stay: the next rovd starts these clusters again.
        connect(cluster->runtime, &ClusterRuntime::stopped, this, [this, remaining] {
            if (--*remaining == 0)
                Q_EMIT allStopped();
        });
        cluster->runtime->stop();
    }
    if (*remaining == 0)
        Q_EMIT allStopped();
}

} // namespace rov::localplane
