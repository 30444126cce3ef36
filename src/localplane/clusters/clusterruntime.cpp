#include "clusterruntime.h"

#include "api/vertex/wire.h"
#include "raynodeprocess.h"
#include "rest/restclient.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QSet>

namespace rov::localplane {

namespace {
constexpr int kPollIntervalMs = 500;
}

ClusterRuntime::ClusterRuntime(Settings settings, std::vector<NodePlan> nodes,
                               rest::RestClient *client, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)), m_nodes(std::move(nodes)), m_client(client)
{
    for (size_t index = 0; index < m_nodes.size(); ++index)
        m_processes.push_back(newProcess());
    m_pollTimer.setSingleShot(true);
    connect(&m_pollTimer, &QTimer::timeout, this, &ClusterRuntime::pollReadiness);
}

ClusterRuntime::~ClusterRuntime() = default;

std::unique_ptr<RayNodeProcess> ClusterRuntime::newProcess()
{
    auto process = std::make_unique<RayNodeProcess>();
    RayNodeProcess *raw = process.get();
    connect(raw, &RayNodeProcess::exited, this, [this, raw] {
        for (size_t index = 0; index < m_processes.size(); ++index) {
            if (m_processes[index].get() == raw) {
                onNodeExited(index);
                return;
            }
        }
    });
    return process;
}

void ClusterRuntime::addNodes(const std::vector<NodePlan> &nodes)
{
    for (const auto &node : nodes) {
        m_nodes.push_back(node);
        m_processes.push_back(newProcess());
    }
    Q_EMIT nodesChanged();
}

void ClusterRuntime::retireNodes(const QStringList &labels)
{
    for (size_t index = 0; index < m_nodes.size(); ++index) {
        if (labels.contains(m_nodes[index].label()) && !m_nodes[index].head) {
            m_retiring.insert(m_nodes[index].label());
            m_processes[index]->stop(m_settings.stopGrace);
        }
    }
    removeRetiredNodes();
}

void ClusterRuntime::removeRetiredNodes()
{
    for (size_t index = m_nodes.size(); index-- > 0;) {
        if (m_retiring.contains(m_nodes[index].label()) && !m_processes[index]->isRunning()) {
            m_retiring.remove(m_nodes[index].label());
            m_nodes.erase(m_nodes.begin() + qsizetype(index));
            // Deleted later: its exit signal may be what got us here.
            m_processes[index].release()->deleteLater();
            m_processes.erase(m_processes.begin() + qsizetype(index));
        }
    }
    Q_EMIT nodesChanged();
    if (m_retiring.isEmpty())
        Q_EMIT retired();
}

const NodePlan &ClusterRuntime::headNode() const
{
    for (const auto &node : m_nodes) {
        if (node.head)
            return node;
    }
    return m_nodes.front();
}

QString ClusterRuntime::marker() const
{
    return QStringLiteral("--temp-dir=%1").arg(m_settings.tempDir);
}

std::map<QString, qint64> ClusterRuntime::liveNodesByPool() const
{
    std::map<QString, qint64> live;
    for (size_t index = 0; index < m_nodes.size(); ++index) {
        if (m_processes[index]->isRunning() && (!m_startingUp || index < m_starting))
            ++live[m_nodes[index].poolId];
    }
    return live;
}

int ClusterRuntime::adopt()
{
    int alive = 0;
    for (size_t index = 0; index < m_nodes.size(); ++index) {
        if (m_nodes[index].pid > 0 && m_processes[index]->adopt(m_nodes[index].pid, marker()))
            ++alive;
        else
            m_nodes[index].pid = 0;
    }
    Q_EMIT nodesChanged();
    return alive;
}

void ClusterRuntime::start()
{
    if (m_startingUp && !m_stopping) {
        m_startAgain = true;
        return;
    }
    m_stopping = false;
    m_startAgain = false;
    m_startingUp = true;
    m_starting = 0;
    if (m_settings.tempDir.isEmpty()) {
        fail(QStringLiteral("The cluster has no temp directory; delete and create it again"));
        return;
    }
    QDir().mkpath(m_settings.tempDir);
    QDir().mkpath(m_settings.logDir);
    startNext();
}

void ClusterRuntime::startNext()
{
    while (m_starting < m_nodes.size() && m_processes[m_starting]->isRunning())
        ++m_starting;
    if (m_starting == m_nodes.size() && m_startAgain) {
        // A node that exited while others started: one more pass brings it back.
        m_startAgain = false;
        m_starting = 0;
        startNext();
        return;
    }
    if (m_starting == m_nodes.size()) {
        m_startingUp = false;
        Q_EMIT started();
        return;
    }
    m_attempt = 1;
    launch(m_starting);
}

QStringList ClusterRuntime::arguments(const NodePlan &node) const
{
    const NodePorts &ports = node.ports;
    QStringList arguments{
        QStringLiteral("start"), QStringLiteral("--block"),
        QStringLiteral("--node-ip-address=%1").arg(node.ip),
        QStringLiteral("--num-cpus=%1").arg(node.numCpus),
        QStringLiteral("--memory=%1").arg(node.memoryBytes),
        QStringLiteral("--object-store-memory=%1").arg(m_settings.objectStoreBytes),
        QStringLiteral("--dashboard-agent-listen-port=%1").arg(ports.agentListen),
        QStringLiteral("--dashboard-agent-grpc-port=%1").arg(ports.agentGrpc),
        QStringLiteral("--runtime-env-agent-port=%1").arg(ports.runtimeEnvAgent),
        QStringLiteral("--metrics-export-port=%1").arg(ports.metricsExport),
        QStringLiteral("--node-manager-port=%1").arg(ports.nodeManager),
        QStringLiteral("--object-manager-port=%1").arg(ports.objectManager),
        QStringLiteral("--min-worker-port=%1").arg(ports.firstWorker),
        QStringLiteral("--max-worker-port=%1").arg(ports.firstWorker + NodePorts::kWorkerPorts - 1),
        QStringLiteral("--disable-usage-stats"),
        // Lets any Ray client (the console's nodes table) tell which resource pool a node is in.
        QStringLiteral("--labels=resource-pool=%1").arg(node.poolId), marker()};
    const NodePorts &head = headNode().ports;
    if (node.head) {
        // Nodes share one machine: a dead one is told apart from a replacement within seconds,
        // not after Ray's default of half a minute.
        arguments << QStringLiteral("--head") << QStringLiteral("--port=%1").arg(ports.gcs)
                  << QStringLiteral(
                         "--system-config={\"health_check_period_ms\":1000,"
                         "\"health_check_timeout_ms\":2000,\"health_check_failure_threshold\":4}")
                  << QStringLiteral("--dashboard-host=127.0.0.1")
                  << QStringLiteral("--dashboard-port=%1").arg(ports.dashboard)
                  << QStringLiteral("--ray-client-server-port=%1").arg(ports.rayClient);
    } else {
        // Nodes after the head share its temp dir; one log monitor (the head's) is enough.
        arguments << QStringLiteral("--address=%1:%2").arg(headNode().ip).arg(head.gcs)
                  << QStringLiteral("--include-log-monitor=false");
    }
    return arguments;
}

void ClusterRuntime::launch(size_t index)
{
    NodePlan &node = m_nodes[index];
    const NodePorts &head = headNode().ports;
    NodeCommand command;
    command.program = m_settings.rayProgram;
    command.arguments = arguments(node);
    command.environment =
        rayNodeEnvironment(m_settings.rayProgram, node.ip, m_settings.loopbackLibrary,
                           node.ports.wildcardRangesText());
    if (m_settings.environment) {
        for (const auto &[variable, value] : m_settings.environment())
            command.environment.insert(variable, value);
    }
    command.environment.insert(QStringLiteral("DASHBOARD_METRIC_PORT"),
                               QString::number(head.dashboardMetrics));
    command.environment.insert(QStringLiteral("AUTOSCALER_METRIC_PORT"),
                               QString::number(head.autoscalerMetrics));
    command.logFile = QDir(m_settings.logDir).filePath(node.label() + QStringLiteral(".log"));
    command.marker = marker();

    Q_EMIT progressed(node.head ? QStringLiteral("Starting the head node")
                                : QStringLiteral("Starting node %1 of %2 (%3)")
                                      .arg(index + 1)
                                      .arg(m_nodes.size())
                                      .arg(node.label()));
    QString error;
    if (!m_processes[index]->start(command, &error)) {
        retryOrFail(error);
        return;
    }
    node.pid = m_processes[index]->pid();
    node.nodeId.clear();
    Q_EMIT nodesChanged();
    // Ray's clock and ours are the same machine's; a second of slack covers the rounding.
    m_launchedAtMs = QDateTime::currentMSecsSinceEpoch() - 1000;
    m_readyDeadline.setRemainingTime(node.head ? m_settings.headTimeout : m_settings.nodeTimeout);
    m_pollTimer.start(kPollIntervalMs);
}

void ClusterRuntime::pollReadiness()
{
    if (!m_startingUp || m_stopping || !m_client)
        return;
    if (m_readyDeadline.hasExpired()) {
        retryOrFail(QStringLiteral("Node %1 did not join the cluster in time")
                        .arg(m_nodes[m_starting].label()));
        return;
    }
    const QUrl url(QStringLiteral("http://127.0.0.1:%1/api/v0/nodes?limit=10000&detail=true")
                       .arg(headNode().ports.dashboard));
    auto request = rest::HttpRequest::get(url);
    request.retry = rest::RetryPolicy::none(); // not up yet is an answer: ask again later
    request.timeout = std::chrono::seconds(5);
    request.sendCredentials = false;
    m_client->send(std::move(request), this, [this](const rest::HttpResponse &response) {
        if (!m_startingUp || m_stopping)
            return;
        if (const QString joined = newlyJoinedNode(response); !joined.isEmpty()) {
            m_nodes[m_starting].nodeId = joined;
            pointDriversAtTheHead();
            Q_EMIT nodesChanged();
            ++m_starting;
            startNext();
        } else {
            m_pollTimer.start(kPollIntervalMs);
        }
    });
}

QString ClusterRuntime::newlyJoinedNode(const rest::HttpResponse &response) const
{
    // The node just started is the ALIVE one that no other node of ours claims and that started
    // after it was launched: a node that died a moment ago may still be listed as ALIVE.
    if (!response.ok())
        return {};
    QSet<QString> claimed;
    for (const auto &node : m_nodes)
        claimed.insert(node.nodeId);
    const nlohmann::json nodes = response.json();
    for (const auto &row : nodes["data"]["result"]["result"]) {
        const QString id = QString::fromStdString(row.value("node_id", std::string()));
        const qint64 startedAt = row.value("start_time_ms", qint64(0));
        if (row.value("state", std::string()) == "ALIVE" && !claimed.contains(id) &&
            startedAt >= m_launchedAtMs)
            return id;
    }
    return {};
}

void ClusterRuntime::pointDriversAtTheHead() const
{
    // Ray keeps "this host's node IP" in one file of the session dir, which all nodes of a
    // cluster share here, and each starting node overwrites it. A driver (a job's entrypoint, the
    // head's job manager) attaches to the node of that IP, so it would attach to whichever node
    // started last, and die with it. Pointing the file at the head, which lives as long as the
    // cluster, keeps drivers alive when a worker goes. Replaced atomically; readers never see
    // half a file.
    QSaveFile file(
        QDir(m_settings.tempDir).filePath(QStringLiteral("session_latest/node_ip_address.json")));
    if (file.open(QIODevice::WriteOnly)) {
        file.write(QByteArray::fromStdString(
            nlohmann::json{{"node_ip_address", headNode().ip.toStdString()}}.dump()));
        file.commit();
    }
}

void ClusterRuntime::onNodeExited(size_t index)
{
    NodePlan &node = m_nodes[index];
    node.pid = 0;
    Q_EMIT nodesChanged();
    if (m_retiring.contains(node.label())) {
        removeRetiredNodes();
        return;
    }
    if (m_stopping) {
        stopHeadWhenWorkersAreGone();
        return;
    }
    if (m_startingUp && index == m_starting) {
        if (m_relaunchOnExit) {
            m_relaunchOnExit = false;
            // Its ports are free again once every process of the attempt is gone.
            QTimer::singleShot(1000, this, [this, index] {
                if (m_startingUp && !m_stopping && index == m_starting)
                    launch(index);
            });
            return;
        }
        retryOrFail(QStringLiteral("Node %1 exited while starting").arg(node.label()));
        return;
    }
    Q_EMIT nodeExited(node.label(), node.head);
}

void ClusterRuntime::retryOrFail(const QString &reason)
{
    if (m_stopping || !m_startingUp || m_attempt >= kStartAttempts) {
        fail(m_attempt > 1 ? QStringLiteral("%1 (attempt %2 of %3)")
                                 .arg(reason)
                                 .arg(m_attempt)
                                 .arg(kStartAttempts)
                           : reason);
        return;
    }
    m_pollTimer.stop();
    const QString label = m_nodes[m_starting].label();
    const QString tail = logTail(600).section(QLatin1Char('\n'), -3).simplified();
    Q_EMIT progressed(QStringLiteral("Node %1 did not start (%2); trying again (attempt %3 of %4)")
                          .arg(label, tail.isEmpty() ? reason : tail.left(300))
                          .arg(m_attempt + 1)
                          .arg(kStartAttempts));
    ++m_attempt;
    RayNodeProcess &process = *m_processes[m_starting];
    if (process.isRunning()) {
        m_relaunchOnExit = true;
        process.kill(); // onNodeExited() starts it again
        return;
    }
    const size_t index = m_starting;
    QTimer::singleShot(1000, this, [this, index] {
        if (m_startingUp && !m_stopping && index == m_starting)
            launch(index);
    });
}

void ClusterRuntime::fail(const QString &reason)
{
    m_relaunchOnExit = false;
    m_startingUp = false;
    m_pollTimer.stop();
    const QString tail = logTail();
    Q_EMIT failed(tail.isEmpty() ? reason
                                 : reason + QLatin1String(api::vertex::wire::kRayLogMarker) + tail);
}

QString ClusterRuntime::logTail(int bytes) const
{
    const size_t index = std::min(m_starting, m_nodes.size() - 1);
    QFile log(QDir(m_settings.logDir).filePath(m_nodes[index].label() + QStringLiteral(".log")));
    if (!log.open(QIODevice::ReadOnly))
        return {};
    log.seek(std::max<qint64>(0, log.size() - bytes));
    return QString::fromUtf8(log.readAll()).trimmed();
}

void ClusterRuntime::stop()
{
    m_stopping = true;
    m_startingUp = false;
    m_pollTimer.stop();
    bool anyWorker = false;
    for (size_t index = 0; index < m_nodes.size(); ++index) {
        if (!m_nodes[index].head && m_processes[index]->isRunning()) {
            m_processes[index]->stop(m_settings.stopGrace);
            anyWorker = true;
        }
    }
    if (!anyWorker)
        stopHeadWhenWorkersAreGone();
}

void ClusterRuntime::kill()
{
    m_stopping = true;
    m_startingUp = false;
    m_pollTimer.stop();
    for (const auto &process : m_processes)
        process->kill();
}

QList<qint64> ClusterRuntime::processGroups() const
{
    QList<qint64> groups;
    for (const auto &process : m_processes) {
        if (process->isRunning() && process->processGroup() > 0)
            groups.append(process->processGroup());
    }
    return groups;
}

void ClusterRuntime::stopHeadWhenWorkersAreGone()
{
    for (size_t index = 0; index < m_nodes.size(); ++index) {
        if (!m_nodes[index].head && m_processes[index]->isRunning())
            return;
    }
    for (size_t index = 0; index < m_nodes.size(); ++index) {
        if (m_nodes[index].head && m_processes[index]->isRunning()) {
            m_processes[index]->stop(m_settings.stopGrace);
            return;
        }
    }
    // QDir("") is the working directory: only an absolute temp dir is ever removed.
    if (!m_settings.tempDir.isEmpty() && QDir::isAbsolutePath(m_settings.tempDir))
        QDir(m_settings.tempDir).removeRecursively();
    Q_EMIT stopped();
}

} // namespace rov::localplane
