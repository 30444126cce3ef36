#include "clustermanager.h"

#include "clusterautoscaler.h"
#include "clusterrecovery.h"
#include "clusterruntime.h"
#include "localplane/diagnostics.h"
#include "localplane/state/stateview.h"
#include "localplane/state/statewriter.h"
#include "localplane/state/store.h"
#include "operationdoc.h"
#include "rest/restclient.h"
#include "scalerequest.h"
#include "strayprocesses.h"

#include <QDir>
#include <QFileInfo>
#include <QRandomGenerator>
#include <algorithm>
#include <cstdio>

namespace rov::localplane {

using nlohmann::json;
using wire::ClusterState;
using Write = Store::Write;
using lifecycle::Action;
using lifecycle::Event;
using lifecycle::Outcome;

namespace {

constexpr double kGiB = 1024.0 * 1024 * 1024;

QString now()
{
    return operationdoc::timestamp(QDateTime::currentDateTimeUtc());
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

json rpcStatus(const QString &status, const QString &message)
{
    return rest::ApiError::withStatus(status, message).toRpcStatusJson();
}

ApiResult notFound(const QString &name)
{
    return ApiResult::error(QStringLiteral("NOT_FOUND"),
                            QStringLiteral("PersistentResource %1 not found").arg(name));
}

// "Live nodes: head-node 1, workers 2": the event record's words for a change of node counts.
QString liveNodesReason(const std::map<QString, qint64> &live)
{
    QStringList pools;
    for (const auto &[pool, count] : live)
        pools << QStringLiteral("%1 %2").arg(pool).arg(count);
    return pools.isEmpty() ? QStringLiteral("No node is live")
                           : QStringLiteral("Live nodes: ") + pools.join(QStringLiteral(", "));
}

QString liveNodesJson(const std::map<QString, qint64> &live)
{
    json counts = json::object();
    for (const auto &[pool, count] : live)
        counts[pool.toStdString()] = count;
    return QString::fromStdString(counts.dump());
}

Write eventWrite(const ClusterRecord &record, const QString &reason)
{
    return Write::addEvent({record.name, record.updateTime, wire::stateName(record.state), reason});
}

// QDir("") is the working directory: a record without a temp dir must never remove that.
void removeTree(const QString &path)
{
    if (!path.isEmpty() && QDir::isAbsolutePath(path))
        QDir(path).removeRecursively();
}

} // namespace

ClusterManager::ClusterManager(ManagerSettings settings, Store &store, StateWriter &writer,
                               StateView &view, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_store(store), m_writer(writer),
      m_view(view), m_parser(catalog::MachineCatalog::builtIn(), m_settings.support),
      m_planner(m_settings.operationDeadline), m_client(std::make_unique<rest::RestClient>())
{
    m_deadlineTimer.setInterval(1000);
    connect(&m_deadlineTimer, &QTimer::timeout, this, &ClusterManager::checkDeadlines);
    m_deadlineTimer.start();
    m_retryTimer.setInterval(2000);
    connect(&m_retryTimer, &QTimer::timeout, this, [this] { m_writer.retry(); });
    m_retryTimer.start();
    publishCapacity();
}

ClusterManager::~ClusterManager() = default;

ClusterManager::Cluster *ClusterManager::find(const QString &name)
{
    auto it = m_clusters.find(name);
    return it == m_clusters.end() ? nullptr : it->second.get();
}

int ClusterManager::liveNodeCount() const
{
    int count = 0;
    for (const auto &[name, cluster] : m_clusters)
        count += int(cluster->record.nodes.size());
    return count;
}

QString ClusterManager::logDir(const QString &clusterName) const
{
    return QDir(m_settings.dataDir)
        .filePath(QStringLiteral("clusters/%1").arg(clusterName.section(QLatin1Char('/'), -1)));
}

json ClusterManager::startOperation(const ClusterRecord &cluster, const char *metadataType,
                                    const QString &message, bool v1beta1,
                                    const QDateTime &deadline) const
{
    const QString name = cluster.name + QStringLiteral("/operations/") + randomDigits(19);
    return operationdoc::make(name, metadataType, message, v1beta1, QDateTime::currentDateTimeUtc(),
                              deadline);
}

std::optional<rest::ApiError> ClusterManager::commitChange(Cluster &cluster,
                                                           const ClusterRecord &next,
                                                           const json &operation,
                                                           const QString &reason)
{
    std::vector<Write> writes{Write::put(Store::Kind::Cluster, next.name, next.toDocument())};
    std::vector<json> operations;
    // A delete ends what was in flight, and says why.
    if (!cluster.record.pendingOperation.isEmpty() &&
        cluster.record.pendingOperation != next.pendingOperation) {
        if (auto open = m_view.operation(cluster.record.pendingOperation))
            operations.push_back(operationdoc::finished(
                *open, nullptr,
                rpcStatus(QStringLiteral("ABORTED"), QStringLiteral("The cluster was deleted")),
                QDateTime::currentDateTimeUtc()));
    }
    if (!operation.is_null())
        operations.push_back(operation);
    for (const auto &changed : operations)
        writes.push_back(Write::put(Store::Kind::Operation,
                                    QString::fromStdString(changed["name"].get<std::string>()),
                                    changed));
    if (!reason.isEmpty())
        writes.push_back(eventWrite(next, reason));
    if (auto refused = m_writer.commit(std::move(writes)))
        return refused;
    cluster.record = next;
    // The cluster first: whoever sees an operation done must then read the cluster it made.
    publish(cluster);
    for (const auto &changed : operations)
        m_view.putOperation(QString::fromStdString(changed["name"].get<std::string>()), changed);
    return std::nullopt;
}

ApiResult ClusterManager::create(const QString &parent, const QString &id, const json &body,
                                 bool v1beta1)
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
    auto parsed = m_parser.parse(body, v1beta1);
    if (auto *error = std::get_if<rest::ApiError>(&parsed))
        return ApiResult::error(*error);
    ClusterRecord record;
    record.name = name;
    record.spec = std::move(std::get<ClusterSpec>(parsed));
    const int wanted = int(record.spec.initialNodeCount());
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
    auto planned = m_planner.planCluster(record.spec);
    if (const auto *exhausted = std::get_if<rest::ApiError>(&planned))
        return ApiResult::error(*exhausted);
    record.nodes = std::get<std::vector<NodePlan>>(std::move(planned));
    record.createTime = record.updateTime = now();
    record.tempDir = QDir(m_settings.tempRoot)
                         .filePath(QString::number(QRandomGenerator::global()->generate(), 16));
    record.state = ClusterState::Provisioning;
    const json operation = startOperation(record, "CreatePersistentResourceOperationMetadata",
                                          QStringLiteral("Starting %1 Ray nodes").arg(wanted),
                                          v1beta1, m_planner.deadlineFor(wanted, 0));
    record.pendingOperation = QString::fromStdString(operation["name"].get<std::string>());

    auto cluster = std::make_unique<Cluster>();
    if (auto refused = commitChange(*cluster, record, operation,
                                    QStringLiteral("Created; starting %1 Ray nodes").arg(wanted))) {
        m_planner.release(record.nodes);
        return ApiResult::error(*refused);
    }
    Cluster &stored = *m_clusters.emplace(name, std::move(cluster)).first->second;
    attachRuntime(stored)->start();
    publishCapacity();
    return ApiResult::ok(operation);
}

ApiResult ClusterManager::remove(const QString &name, bool v1beta1)
{
    Cluster *cluster = find(name);
    if (!cluster)
        return notFound(name);
    if (cluster->record.state == ClusterState::Stopping &&
        !cluster->record.pendingOperation.isEmpty()) {
        if (auto deleting = m_view.operation(cluster->record.pendingOperation))
            return ApiResult::ok(*deleting);
    }
    ClusterRecord next = cluster->record;
    const json operation =
        startOperation(next, "DeleteOperationMetadata", QStringLiteral("Stopping every Ray node"),
                       v1beta1, m_planner.deadlineFor(0, int(next.nodes.size())));
    next.state = ClusterState::Stopping;
    next.updateTime = now();
    next.pendingOperation = QString::fromStdString(operation["name"].get<std::string>());
    if (auto refused =
            commitChange(*cluster, next, operation, QStringLiteral("Deletion requested")))
        return ApiResult::error(*refused);
    cluster->resizing = false;
    if (cluster->runtime)
        cluster->runtime->stop(); // NodesStopped forgets it
    else
        forget(*cluster);
    return ApiResult::ok(operation);
}

ApiResult ClusterManager::update(const QString &name, const json &body, const QString &updateMask,
                                 bool v1beta1)
{
    Cluster *cluster = find(name);
    if (!cluster)
        return notFound(name);
    auto read = ScaleRequest::read(cluster->record.spec, body, updateMask);
    if (auto *error = std::get_if<rest::ApiError>(&read))
        return ApiResult::error(*error);
    const ScaleRequest &request = std::get<ScaleRequest>(read);
    if (cluster->record.state != ClusterState::Running)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("The cluster is %1; it can be scaled only while RUNNING")
                .arg(wire::stateName(cluster->record.state)));
    if (cluster->resizing)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("The autoscaler is resizing this cluster; try again in a minute"));

    const qint64 before = qint64(cluster->record.nodes.size());
    if (request.changesNothing(cluster->record.spec)) {
        // Nothing to move: the operation is born done, and the cluster stays RUNNING.
        json resource = cluster->record.render(cluster->runtime->liveNodesByPool());
        resource["@type"] = std::string(operationdoc::kTypePrefix) + "PersistentResource";
        const json operation = operationdoc::finished(
            startOperation(cluster->record, "UpdatePersistentResourceOperationMetadata",
                           QStringLiteral("Every pool already has the size asked for"), v1beta1,
                           m_planner.deadlineFor(0, 0)),
            resource, nullptr, QDateTime::currentDateTimeUtc());
        const QString opName = QString::fromStdString(operation["name"].get<std::string>());
        if (auto refused = m_writer.commit({Write::put(Store::Kind::Operation, opName, operation)}))
            return ApiResult::error(*refused);
        m_view.putOperation(opName, operation);
        return ApiResult::ok(operation);
    }

    qint64 after = before;
    for (const auto &[id, count] : request.targets)
        after += count - cluster->record.nodesInPool(id);
    const qint64 growth = after - before;
    if (after > m_settings.support.maxNodesPerCluster ||
        liveNodeCount() + growth > m_settings.maxNodesTotal)
        return ApiResult::error(QStringLiteral("RESOURCE_EXHAUSTED"),
                                QStringLiteral("This machine hosts at most %1 Ray nodes; %2 are in "
                                               "use and the new size needs %3 more")
                                    .arg(m_settings.maxNodesTotal)
                                    .arg(liveNodeCount())
                                    .arg(growth));
    auto planned = m_planner.planResize(cluster->record, request.targets, {});
    if (auto *exhausted = std::get_if<rest::ApiError>(&planned))
        return ApiResult::error(*exhausted);
    const ClusterPlanner::ResizePlan &plan = std::get<ClusterPlanner::ResizePlan>(planned);
    ClusterRecord next = ClusterPlanner::withPlan(cluster->record, plan);
    next.state = ClusterState::Updating;
    next.updateTime = now();
    const json operation = startOperation(
        next, "UpdatePersistentResourceOperationMetadata",
        QStringLiteral("Resizing from %1 to %2 nodes").arg(before).arg(after), v1beta1,
        m_planner.deadlineFor(int(plan.added.size()), int(plan.retired.size())));
    next.pendingOperation = QString::fromStdString(operation["name"].get<std::string>());
    if (auto refused =
            commitChange(*cluster, next, operation,
                         QStringLiteral("Scaling from %1 to %2 nodes").arg(before).arg(after))) {
        m_planner.release(plan.added);
        return ApiResult::error(*refused);
    }
    carryOut(*cluster, plan);
    return ApiResult::ok(operation);
}

ApiResult ClusterManager::reboot(const QString &name, bool v1beta1)
{
    Cluster *cluster = find(name);
    if (!cluster)
        return notFound(name);
    const ClusterState state = cluster->record.state;
    if (state != ClusterState::Running && state != ClusterState::Error)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("The cluster is %1; it can be rebooted when RUNNING or in ERROR")
                .arg(wire::stateName(state)));
    ClusterRecord next = cluster->record;
    const int nodes = int(next.nodes.size());
    const json operation = startOperation(next, "RebootPersistentResourceOperationMetadata",
                                          QStringLiteral("Restarting every Ray node"), v1beta1,
                                          m_planner.deadlineFor(nodes, nodes));
    next.state = ClusterState::Rebooting;
    next.updateTime = now();
    next.pendingOperation = QString::fromStdString(operation["name"].get<std::string>());
    if (auto refused = commitChange(*cluster, next, operation, QStringLiteral("Reboot requested")))
        return ApiResult::error(*refused);
    cluster->resizing = false;
    cluster->runtime->stop(); // NodesStopped starts it again
    return ApiResult::ok(operation);
}

ApiResult ClusterManager::cancelOperation(const QString &name)
{
    const auto operation = m_view.operation(name);
    if (!operation)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("Operation %1 not found").arg(name));
    if (operationdoc::isDone(*operation))
        return ApiResult::ok(json::object());
    const QString clusterName = name.section(QStringLiteral("/operations/"), 0, 0);
    Cluster *cluster = find(clusterName);
    if (!cluster || cluster->record.state != ClusterState::Provisioning ||
        cluster->record.pendingOperation != name)
        return ApiResult::error(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral(
                "Only the creation of a cluster can be cancelled, while it is provisioning"));
    const json cancelled =
        operationdoc::finished(*operation, nullptr,
                               rpcStatus(QStringLiteral("CANCELLED"),
                                         QStringLiteral("Cancelled; the cluster is being deleted")),
                               QDateTime::currentDateTimeUtc());
    if (auto refused = m_writer.commit({Write::put(Store::Kind::Operation, name, cancelled)}))
        return ApiResult::error(*refused);
    m_view.putOperation(name, cancelled);
    cluster->record.pendingOperation.clear();
    const ApiResult removed = remove(clusterName, true);
    if (removed.status != 200)
        return removed;
    return ApiResult::ok(json::object());
}

ApiResult ClusterManager::deleteOperation(const QString &name)
{
    if (!m_view.operation(name))
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("Operation %1 not found").arg(name));
    // The client is no longer interested; the work itself goes on (google.longrunning).
    if (auto refused = m_writer.commit({Write::remove(Store::Kind::Operation, name)}))
        return ApiResult::error(*refused);
    m_view.removeOperation(name);
    return ApiResult::ok(json::object());
}

ClusterRuntime *ClusterManager::attachRuntime(Cluster &cluster)
{
    ClusterRuntime::Settings settings;
    settings.rayProgram = m_settings.rayProgram;
    settings.loopbackLibrary = m_settings.loopbackLibrary;
    settings.tempDir = cluster.record.tempDir;
    if (m_settings.nodeEnvironment)
        settings.environment =
            [environment = m_settings.nodeEnvironment, name = cluster.record.name,
             createTime = cluster.record.createTime] { return environment(name, createTime); };
    settings.logDir = QDir(logDir(cluster.record.name)).filePath(QStringLiteral("logs"));
    auto *runtime = new ClusterRuntime(settings, cluster.record.nodes, m_client.get(), this);
    cluster.runtime = runtime;
    const QString name = cluster.record.name;
    const QPointer<ClusterRuntime> from(runtime);
    // Queued: a runtime's report is handled after the call that caused it has returned, never
    // in the middle of it.
    const auto report = [this, name, from](Event event) {
        return [this, name, from, event](const QString &detail = {}) {
            onRuntimeEvent(name, from, event, detail);
        };
    };
    connect(
        runtime, &ClusterRuntime::started, this, [report] { report(Event::NodesStarted)(); },
        Qt::QueuedConnection);
    connect(
        runtime, &ClusterRuntime::failed, this,
        [report](const QString &reason) { report(Event::StartFailed)(reason); },
        Qt::QueuedConnection);
    connect(
        runtime, &ClusterRuntime::stopped, this, [report] { report(Event::NodesStopped)(); },
        Qt::QueuedConnection);
    connect(
        runtime, &ClusterRuntime::retired, this, [report] { report(Event::NodesRetired)(); },
        Qt::QueuedConnection);
    connect(
        runtime, &ClusterRuntime::nodeExited, this,
        [report](const QString &label, bool head) {
            report(head ? Event::HeadExited : Event::WorkerExited)(label);
        },
        Qt::QueuedConnection);
    connect(
        runtime, &ClusterRuntime::progressed, this,
        [this, name](const QString &message) { onProgress(name, message); }, Qt::QueuedConnection);
    connect(
        runtime, &ClusterRuntime::nodesChanged, this,
        [this, name, from] {
            Cluster *found = find(name);
            if (!found || !from || found->runtime != from)
                return;
            syncNodes(*found);
            save(*found);
        },
        Qt::QueuedConnection);
    return runtime;
}

void ClusterManager::onRuntimeEvent(const QString &name, const ClusterRuntime *from, Event event,
                                    const QString &detail)
{
    Cluster *cluster = find(name);
    if (!cluster || !from || cluster->runtime != from)
        return; // a report of a runtime that is gone
    if (event == Event::NodesRetired) {
        // Always: a node the runtime no longer runs gives back its address and ports, also when
        // the resize already counts as done (the others were up before this one had exited).
        const bool released = syncNodes(*cluster);
        if (!cluster->resizing) {
            if (released)
                save(*cluster, {});
            return;
        }
    }
    if (event == Event::NodesStarted)
        cluster->resizing = false;
    auto transition =
        lifecycle::next(cluster->record.state, event, detail, int(cluster->record.nodes.size()));
    // A failed start: the whole reason (with Ray's log) goes into the error; the record gets
    // its first line.
    if (event == Event::StartFailed && transition.outcome == Outcome::Failed)
        transition.reason = detail;
    const bool lost = (event == Event::WorkerExited || event == Event::HeadExited) &&
                      (transition.state || transition.action != lifecycle::Action::Nothing);
    apply(*cluster, transition);
    if (lost) // detail: the node's label, "<pool>-<ordinal>"
        Q_EMIT nodeLost(name.section(QLatin1Char('/'), -1),
                        detail.section(QLatin1Char('-'), 0, -2));
}

bool ClusterManager::syncNodes(Cluster &cluster)
{
    bool released = false;
    for (const auto &node : cluster.record.nodes) {
        const auto &kept = cluster.runtime->nodes();
        if (std::none_of(kept.begin(), kept.end(),
                         [&](const NodePlan &other) { return other.label() == node.label(); })) {
            m_planner.release(node);
            released = true;
        }
    }
    cluster.record.nodes = cluster.runtime->nodes();
    return released;
}

void ClusterManager::apply(Cluster &cluster, const lifecycle::Transition &transition)
{
    ClusterRecord &record = cluster.record;
    const QString firstLine = transition.reason.section(QLatin1Char('\n'), 0, 0);
    if (transition.state) {
        record.state = *transition.state;
        record.updateTime = now();
        if (record.state == ClusterState::Running) {
            record.error = nullptr;
            if (record.startTime.isEmpty())
                record.startTime = record.updateTime;
        }
        if (record.state == ClusterState::Error)
            record.error = rpcStatus(transition.errorCode, transition.reason);
    }
    std::vector<Write> writes;
    std::optional<json> done;
    const QString finished = record.pendingOperation;
    if (transition.outcome != Outcome::Open && !record.pendingOperation.isEmpty()) {
        if (auto open = m_view.operation(record.pendingOperation)) {
            json response = nullptr, error = nullptr;
            if (transition.outcome == Outcome::Failed) {
                error = rpcStatus(transition.errorCode, transition.reason);
            } else if (record.state == ClusterState::Stopping) {
                response = {{"@type", "type.googleapis.com/google.protobuf.Empty"}};
            } else {
                response = record.render(cluster.runtime ? cluster.runtime->liveNodesByPool()
                                                         : std::map<QString, qint64>{});
                response["@type"] = std::string(operationdoc::kTypePrefix) + "PersistentResource";
            }
            done = operationdoc::finished(*open, response, error, QDateTime::currentDateTimeUtc());
            writes.push_back(Write::put(Store::Kind::Operation, record.pendingOperation, *done));
        }
        record.pendingOperation.clear();
    }
    if (!firstLine.isEmpty())
        writes.push_back(eventWrite(record, firstLine));
    save(cluster, std::move(writes));
    // Only now that the cluster is published: a waiter woken by the operation reads it as done.
    if (done)
        m_view.putOperation(finished, *done);
    act(cluster, transition.action);
}

void ClusterManager::act(Cluster &cluster, Action action)
{
    switch (action) {
    case Action::Nothing:
        return;
    case Action::StartNodes:
        cluster.runtime->start();
        return;
    case Action::StopNodes:
        cluster.resizing = false;
        cluster.runtime->stop();
        return;
    case Action::KillAndForget:
        cluster.runtime->kill();
        forget(cluster);
        return;
    case Action::Forget:
        forget(cluster);
        return;
    case Action::WatchLoad:
        watchLoad(cluster);
        return;
    }
}

void ClusterManager::onProgress(const QString &name, const QString &message)
{
    Cluster *cluster = find(name);
    if (!cluster || cluster->record.pendingOperation.isEmpty())
        return;
    const auto open = m_view.operation(cluster->record.pendingOperation);
    if (!open)
        return;
    const json progressed =
        operationdoc::withProgress(*open, message, QDateTime::currentDateTimeUtc());
    m_writer.write(
        {Write::put(Store::Kind::Operation, cluster->record.pendingOperation, progressed)});
    m_view.putOperation(cluster->record.pendingOperation, progressed);
}

void ClusterManager::checkDeadlines()
{
    const QDateTime current = QDateTime::currentDateTimeUtc();
    QStringList expired;
    for (const auto &[name, cluster] : m_clusters) {
        if (cluster->record.pendingOperation.isEmpty())
            continue;
        const auto open = m_view.operation(cluster->record.pendingOperation);
        const auto deadline = open ? operationdoc::deadline(*open) : std::nullopt;
        if (deadline && *deadline <= current)
            expired << name;
    }
    for (const QString &name : expired) {
        Cluster *cluster = find(name);
        if (!cluster)
            continue;
        const auto open = m_view.operation(cluster->record.pendingOperation);
        const auto created = open ? operationdoc::created(*open) : std::nullopt;
        const auto deadline = open ? operationdoc::deadline(*open) : std::nullopt;
        const qint64 seconds = created && deadline ? created->secsTo(*deadline) : 0;
        apply(*cluster, lifecycle::next(cluster->record.state, Event::DeadlinePassed,
                                        QStringLiteral("%1 s").arg(seconds),
                                        int(cluster->record.nodes.size())));
    }
}

void ClusterManager::carryOut(Cluster &cluster, const ClusterPlanner::ResizePlan &plan)
{
    cluster.resizing = true;
    cluster.runtime->addNodes(plan.added);
    cluster.runtime->retireNodes(plan.retired); // NodesRetired follows, then the new nodes start
}

void ClusterManager::watchLoad(Cluster &cluster)
{
    const ClusterSpec &spec = cluster.record.spec;
    if (cluster.autoscaler || std::none_of(spec.pools.begin(), spec.pools.end(),
                                           [](const PoolSpec &pool) { return pool.autoscaling; }))
        return;
    const QString name = cluster.record.name;
    auto snapshot = [this, name]() -> std::optional<ClusterAutoscaler::Snapshot> {
        Cluster *found = find(name);
        if (!found || found->record.state != ClusterState::Running || found->resizing ||
            !found->record.pendingOperation.isEmpty())
            return std::nullopt;
        ClusterAutoscaler::Snapshot snapshot;
        snapshot.spareNodes = std::min<qint64>(m_settings.maxNodesTotal - liveNodeCount(),
                                               m_settings.support.maxNodesPerCluster -
                                                   qint64(found->record.nodes.size()));
        for (const auto &pool : found->record.spec.pools) {
            if (!pool.autoscaling)
                continue;
            const auto machine = catalog::MachineCatalog::builtIn().machine(pool.machineType);
            ScalablePool scalable;
            scalable.id = pool.id;
            scalable.cpusPerNode = machine->vcpu;
            scalable.memoryBytesPerNode = machine->memoryGb * kGiB;
            scalable.minNodes = pool.minReplicaCount;
            scalable.maxNodes = pool.maxReplicaCount;
            for (const auto &node : found->record.nodes) {
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
    const auto head = std::find_if(cluster.record.nodes.begin(), cluster.record.nodes.end(),
                                   [](const NodePlan &node) { return node.head; });
    if (head == cluster.record.nodes.end())
        return;
    const QUrl dashboard(QStringLiteral("http://127.0.0.1:%1/").arg(head->ports.dashboard));
    cluster.autoscaler =
        new ClusterAutoscaler(settings, dashboard, snapshot, m_client.get(), cluster.runtime);
    connect(cluster.autoscaler, &ClusterAutoscaler::decided, this,
            [this, name](const ScalingDecision &decision) { applyScaling(name, decision); });
}

void ClusterManager::applyScaling(const QString &name, const ScalingDecision &decision)
{
    Cluster *cluster = find(name);
    if (!cluster || cluster->record.state != ClusterState::Running || cluster->resizing)
        return;
    const QString state = wire::stateName(cluster->record.state);
    auto planned = m_planner.planResize(cluster->record, decision.targets, decision.retire);
    if (auto *problem = std::get_if<rest::ApiError>(&planned)) {
        addEvent(name, state,
                 QStringLiteral("Autoscaling could not add nodes: ") + problem->message);
        return;
    }
    const ClusterPlanner::ResizePlan &plan = std::get<ClusterPlanner::ResizePlan>(planned);
    std::map<QString, qint64> before;
    for (const NodePlan &node : cluster->record.nodes)
        ++before[node.poolId];
    for (const auto &[pool, target] : decision.targets)
        Q_EMIT autoscaled(name.section(QLatin1Char('/'), -1), pool, target > before[pool]);
    cluster->record = ClusterPlanner::withPlan(cluster->record, plan);
    std::vector<Write> reasons;
    for (const auto &reason : decision.reasons)
        reasons.push_back(Write::addEvent({name, now(), state, reason}));
    save(*cluster, std::move(reasons));
    carryOut(*cluster, plan);
}

void ClusterManager::save(Cluster &cluster, std::vector<Write> also)
{
    also.insert(also.begin(),
                Write::put(Store::Kind::Cluster, cluster.record.name, cluster.record.toDocument()));
    m_writer.write(std::move(also));
    publish(cluster);
}

void ClusterManager::addEvent(const QString &cluster, const QString &state, const QString &reason)
{
    m_writer.write({Write::addEvent({cluster, now(), state, reason})});
}

void ClusterManager::publish(Cluster &cluster)
{
    const auto live =
        cluster.runtime ? cluster.runtime->liveNodesByPool() : std::map<QString, qint64>{};
    m_view.putCluster(cluster.record.name, cluster.record.render(live));
    recordLiveNodes(cluster, live);
    publishCapacity();
    Q_EMIT clustersChanged();
}

std::vector<ClusterTopology> ClusterManager::topology() const
{
    std::vector<ClusterTopology> clusters;
    for (const auto &[name, cluster] : m_clusters) {
        ClusterTopology topology;
        topology.name = name;
        topology.tempDir = cluster->record.tempDir;
        topology.nodeOutputDir = QDir(logDir(name)).filePath(QStringLiteral("logs"));
        topology.logsExportDisabled = cluster->record.spec.logsExportDisabled;
        for (const NodePlan &node : cluster->record.nodes)
            topology.nodes.push_back({node.label(), node.poolId, node.ip,
                                      int(node.ports.metricsExport), node.nodeId, node.pid,
                                      node.head});
        clusters.push_back(std::move(topology));
    }
    return clusters;
}

void ClusterManager::recordLiveNodes(Cluster &cluster, const std::map<QString, qint64> &live)
{
    if (cluster.recordedLive == live)
        return;
    cluster.recordedLive = live;
    m_writer.write(
        {Write::addEvent({cluster.record.name, now(), wire::stateName(cluster.record.state),
                          liveNodesReason(live), liveNodesJson(live)})});
}

void ClusterManager::publishCapacity()
{
    const auto &catalog = catalog::MachineCatalog::builtIn();
    json machines = json::array();
    for (const QString &machineName : catalog.machineNames()) {
        const auto machine = catalog.machine(machineName);
        if (machine->bundledAcceleratorCount > 0)
            continue; // no accelerators on this machine
        machines.push_back({{"machineType", machineName.toStdString()},
                            {"vcpu", machine->vcpu},
                            {"memoryGb", machine->memoryGb}});
    }
    const RuntimeSupport &support = m_settings.support;
    m_view.putCapacity({{"rayRuntimes",
                         {{{"rayVersion", support.rayVersion.toStdString()},
                           {"pythonVersion", support.pythonVersion.toStdString()},
                           {"imageUri", m_parser.runtimeImage().toStdString()}}}},
                        {"machineTypes", machines},
                        {"acceleratorTypes", json::array()},
                        {"maxNodesPerCluster", support.maxNodesPerCluster},
                        {"maxNodesTotal", m_settings.maxNodesTotal},
                        {"nodesInUse", liveNodeCount()},
                        {"portsInUse", m_planner.portsInUse()},
                        {"nodeAddressesInUse", m_planner.addressesInUse()},
                        {"stateWritesPending", m_writer.backlog()}});
}

void ClusterManager::forget(Cluster &cluster)
{
    const QString name = cluster.record.name;
    m_planner.release(cluster.record.nodes);
    m_writer.write({Write::remove(Store::Kind::Cluster, name),
                    Write::addEvent({name, now(), QStringLiteral("DELETED"),
                                     QStringLiteral("Every node stopped; the cluster is gone"),
                                     liveNodesJson({})})});
    m_view.removeCluster(name);
    if (cluster.runtime)
        cluster.runtime->deleteLater(); // its autoscaler goes with it
    Q_EMIT removingFiles(name.section(QLatin1Char('/'), -1));
    removeTree(cluster.record.tempDir);
    removeTree(logDir(name));
    m_clusters.erase(name);
    publishCapacity();
    Q_EMIT clustersChanged();
}

int ClusterManager::restore()
{
    const auto documents = m_store.list(Store::Kind::Cluster);
    for (const auto &[name, operation] : m_store.list(Store::Kind::Operation))
        m_view.putOperation(name, operation);
    std::map<QString, int> adopted;
    for (const auto &[name, document] : documents) {
        auto record = ClusterRecord::fromDocument(name, document, m_parser);
        if (!record) {
            diagnostics::warn(
                diagnostics::lcClusters(),
                QStringLiteral("the stored cluster %1 cannot be read; it is left alone").arg(name));
            continue;
        }
        for (const auto &node : record->nodes)
            m_planner.reserve(node);
        auto cluster = std::make_unique<Cluster>();
        cluster->record = std::move(*record);
        Cluster &restored = *m_clusters.emplace(name, std::move(cluster)).first->second;
        adopted[name] = attachRuntime(restored)->adopt();
        restored.record.nodes = restored.runtime->nodes(); // pids of what runs now, 0 for the rest
    }
    removeLeftovers();
    for (const auto &[name, alive] : adopted)
        recover(*m_clusters.at(name), alive);
    publishCapacity();
    return int(documents.size());
}

void ClusterManager::removeLeftovers()
{
    // What runs now and belongs to no adopted node is a leftover of the rovd that was killed.
    QSet<qint64> keepGroups = m_settings.otherProcessGroups;
    QSet<QString> tempDirs = m_settings.otherTempDirs, logDirs;
    for (const auto &[name, cluster] : m_clusters) {
        for (qint64 group : cluster->runtime->processGroups())
            keepGroups.insert(group);
        tempDirs.insert(cluster->record.tempDir);
        logDirs.insert(logDir(name));
    }
    const QString rayRoot =
        QFileInfo(QFileInfo(m_settings.rayProgram).absolutePath()).absolutePath();
    if (const int killed = StrayProcesses::kill(m_settings.tempRoot, rayRoot, keepGroups))
        diagnostics::warn(
            diagnostics::lcClusters(),
            QStringLiteral("stopped %1 Ray processes that belonged to no cluster").arg(killed));
    StrayProcesses::removeDirectories(m_settings.tempRoot, tempDirs);
    StrayProcesses::removeDirectories(QDir(m_settings.dataDir).filePath(QStringLiteral("clusters")),
                                      logDirs);
}

void ClusterManager::recover(Cluster &cluster, int alive)
{
    ClusterRecord &record = cluster.record;
    const int total = int(record.nodes.size());
    record.updateTime = now();
    addEvent(record.name, wire::stateName(record.state),
             QStringLiteral("rovd restarted: %1 of %2 nodes still ran and were adopted")
                 .arg(alive)
                 .arg(total));
    const bool headAlive =
        std::any_of(record.nodes.begin(), record.nodes.end(),
                    [](const NodePlan &node) { return node.head && node.pid > 0; });
    switch (recovery::stepFor(record.state, alive, headAlive)) {
    case recovery::Step::Leave:
        break;
    case recovery::Step::Stop:
        cluster.runtime->stop(); // and then forgotten, or started again
        break;
    case recovery::Step::Restart:
        // Not RUNNING while its nodes start: REBOOTING, until all are back.
        record.state = ClusterState::Rebooting;
        m_writer.write({eventWrite(record, QStringLiteral("The head node was not running after "
                                                          "rovd restarted; starting all %1 nodes "
                                                          "again")
                                               .arg(total))});
        cluster.runtime->stop();
        break;
    case recovery::Step::Resume:
        if (const auto targets = ClusterPlanner::reconcileTargets(record); !targets.empty()) {
            // Killed in the middle of a resize: finish it the way it was planned.
            auto planned = m_planner.planResize(record, targets, {});
            if (const auto *plan = std::get_if<ClusterPlanner::ResizePlan>(&planned)) {
                record = ClusterPlanner::withPlan(record, *plan);
                carryOut(cluster, *plan);
            }
        }
        cluster.runtime->start();
        break;
    }
    save(cluster);
}

void ClusterManager::stopAll()
{
    auto remaining = std::make_shared<int>(0);
    for (auto &[name, cluster] : m_clusters) {
        if (!cluster->runtime)
            continue;
        ++*remaining;
        // Their records stay: the next rovd starts these clusters again. Until then no node
        // runs, and the event record says so (the cost so far stops).
        connect(cluster->runtime, &ClusterRuntime::stopped, this,
                [this, clusterName = name, remaining] {
                    if (Cluster *stopped = find(clusterName))
                        recordLiveNodes(*stopped, {});
                    if (--*remaining == 0)
                        Q_EMIT allStopped();
                });
        cluster->runtime->stop();
    }
    if (*remaining == 0)
        Q_EMIT allStopped();
}

} // namespace rov::localplane
