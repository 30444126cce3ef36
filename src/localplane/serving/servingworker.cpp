#include "servingworker.h"

#include "localplane/clusters/operationdoc.h"
#include "localplane/diagnostics.h"

#include <QThread>

namespace rov::localplane::serving {

using nlohmann::json;
using rest::ApiError;
using namespace docs;
namespace wire = api::vertex::serving;
using wire::DeploymentStage;

ServingWorker::ServingWorker(ServingOwner &owner, ServeBackend &serve,
                             std::chrono::seconds deployTimeout)
    : m_owner(owner), m_serve(serve), m_deployTimeout(deployTimeout)
{}

ServingWorker::~ServingWorker()
{
    stop();
}

void ServingWorker::start(const QStringList &operations)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = false;
        m_queue.clear();
        m_queue.push_back(QString()); // first what is deployed serves again
        for (const QString &operation : operations)
            m_queue.push_back(operation);
    }
    m_thread = std::thread([this] { run(); });
}

void ServingWorker::stop()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    m_queueChanged.notify_all();
    if (m_thread.joinable())
        m_thread.join();
}

bool ServingWorker::stopping()
{
    std::lock_guard lock(m_queueMutex);
    return m_stopping;
}

void ServingWorker::enqueue(const QString &operation)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_queue.push_back(operation);
    }
    m_queueChanged.notify_all();
}

void ServingWorker::checkSoon()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_checkNow = true;
    }
    m_queueChanged.notify_all();
}

void ServingWorker::setScrapeListener(std::function<void()> changed)
{
    std::lock_guard lock(m_queueMutex);
    m_scrapeChanged = std::move(changed);
}

void ServingWorker::setInstanceLostListener(std::function<void()> lost)
{
    std::lock_guard lock(m_queueMutex);
    m_instanceLost = std::move(lost);
}

void ServingWorker::notifyScrapeChanged()
{
    std::function<void()> changed;
    {
        std::lock_guard lock(m_queueMutex);
        changed = m_scrapeChanged;
    }
    if (changed)
        changed();
}

void ServingWorker::run()
{
    for (;;) {
        QString next;
        bool check = false;
        {
            std::unique_lock lock(m_queueMutex);
            m_queueChanged.wait_for(lock, kHealthInterval, [this] {
                return m_stopping || !m_queue.empty() || m_checkNow;
            });
            if (m_stopping)
                return;
            if (!m_queue.empty()) {
                next = m_queue.front();
                m_queue.pop_front();
            } else {
                check = true;
                m_checkNow = false;
            }
        }
        if (check)
            checkHealth();
        else if (next.isEmpty())
            restore();
        else
            runOperation(next);
    }
}

void ServingWorker::restore()
{
    if (m_owner.snapshot()->desiredApps().empty())
        return;
    if (const auto error = ensureInstance(); !error)
        (void)applyConfig(); // what fails here, the health check finds and heals
}

// The serving instance watched: a dead one (its `ray start` gone, or its dashboard silent for
// kSilentChecks checks in a row) is started again and given the deployed models; meanwhile and
// after, each deployed model's status says how many replicas Serve runs for it.
void ServingWorker::checkHealth()
{
    m_owner.apply([](ServingOwner::Change &change) { change.retryWrites(); });
    const auto state = m_owner.snapshot();
    if (state->desiredApps().empty())
        return;
    const std::optional<InstanceRecord> instance = state->instance;
    if (instance && m_serve.processAlive(*instance)) {
        const auto status = m_serve.status(*instance);
        if (const auto *answer = std::get_if<json>(&status)) {
            m_silentChecks = 0;
            m_backoff.succeeded();
            updateReplicaStatus(readServeStatus(*answer), {});
            return;
        }
        if (++m_silentChecks < kSilentChecks)
            return;
    }
    m_silentChecks = 0;
    // Counted once: the instance was serving; until it serves again it is not lost again.
    if (instance && m_owner.snapshot()->serving) {
        std::function<void()> lost;
        {
            std::lock_guard lock(m_queueMutex);
            lost = m_instanceLost;
        }
        if (lost)
            lost();
    }
    updateReplicaStatus({}, instance ? QStringLiteral("The model server stopped; rovd is "
                                                      "starting it again")
                                     : QStringLiteral("The model server is starting"));
    const auto now = RestartBackoff::Clock::now();
    if (!m_backoff.due(now))
        return;
    diagnostics::warn(diagnostics::lcServing(),
                      instance ? QStringLiteral("the serving instance (pid %1) stopped "
                                                "answering; starting it again")
                                     .arg(instance->pid)
                               : QStringLiteral("starting the serving instance"));
    std::optional<ApiError> error = ensureInstance(/*restart=*/true);
    if (!error)
        error = applyConfig();
    if (error) {
        const auto wait = m_backoff.failed(now);
        diagnostics::warn(diagnostics::lcServing(), error->message);
        updateReplicaStatus({}, QStringLiteral("The model server could not start again (%1); "
                                               "rovd tries again in %2 s")
                                    .arg(error->message.left(400))
                                    .arg(std::max<qint64>(1, wait.count() / 1000)));
    }
}

void ServingWorker::updateReplicaStatus(const std::map<QString, ServeAppState> &apps,
                                        const QString &downReason)
{
    m_owner.apply([&](ServingOwner::Change &change) {
        if (!downReason.isEmpty())
            change.setServing(false);
        const QString time = now();
        std::vector<Store::Write> writes;
        for (const auto &[name, endpoint] : change.state().endpoints) {
            if (const auto updated = withReplicaStatus(endpoint, apps, downReason, time))
                writes.push_back(Store::Write::put(Store::Kind::Endpoint, name, *updated));
        }
        if (!writes.empty())
            change.record(std::move(writes));
    });
}

std::optional<ApiError> ServingWorker::ensureInstance(bool restart)
{
    const std::optional<InstanceRecord> record = m_owner.snapshot()->instance;
    if (record && !restart && m_serve.alive(*record))
        return std::nullopt;
    if (record)
        m_serve.stop(*record); // what is left of one that stopped answering
    auto started = m_serve.start();
    if (const auto *problem = std::get_if<QString>(&started))
        return ApiError::withStatus(QStringLiteral("UNAVAILABLE"), *problem);
    m_owner.apply([&](ServingOwner::Change &change) {
        change.setInstance(std::get<InstanceRecord>(started));
    });
    notifyScrapeChanged();
    return std::nullopt;
}

std::optional<ApiError> ServingWorker::applyConfig()
{
    const auto state = m_owner.snapshot();
    if (!state->instance)
        return ApiError::withStatus(QStringLiteral("UNAVAILABLE"),
                                    QStringLiteral("the serving instance is not running"));
    const InstanceRecord record = *state->instance;
    const auto apps = state->desiredApps();
    if (apps.empty()) {
        // Nothing to serve: the instance goes, and its CPUs and memory with it.
        m_serve.stop(record);
        m_owner.apply([](ServingOwner::Change &change) { change.setInstance(std::nullopt); });
        notifyScrapeChanged();
        return std::nullopt;
    }
    if (const auto problem = m_serve.putConfig(record, serveConfig(record.httpPort, apps)))
        return ApiError::withStatus(QStringLiteral("UNAVAILABLE"), *problem);
    m_owner.apply([](ServingOwner::Change &change) { change.setServing(true); });
    return std::nullopt;
}

std::optional<ApiError> ServingWorker::waitForApp(const QString &app, int minReplicas, bool gone)
{
    const auto deadline = std::chrono::steady_clock::now() + m_deployTimeout;
    QString last;
    while (std::chrono::steady_clock::now() < deadline) {
        if (stopping())
            return ApiError::withStatus(QStringLiteral("ABORTED"),
                                        QStringLiteral("rovd stopped while waiting for Serve"));
        const std::optional<InstanceRecord> record = m_owner.snapshot()->instance;
        if (!record)
            return gone ? std::nullopt
                        : std::optional(
                              ApiError::withStatus(QStringLiteral("UNAVAILABLE"),
                                                   QStringLiteral("the serving instance stopped")));
        const auto status = m_serve.status(*record);
        if (const auto *problem = std::get_if<QString>(&status)) {
            last = *problem;
        } else {
            const auto states = readServeStatus(std::get<json>(status));
            const auto it = states.find(app);
            if (gone && it == states.end())
                return std::nullopt;
            if (!gone && it != states.end()) {
                const ServeAppState &state = it->second;
                if (state.phase == ServeAppState::Phase::Failed)
                    return ApiError::withStatus(
                        QStringLiteral("FAILED_PRECONDITION"),
                        QStringLiteral("The model server could not start: %1")
                            .arg(state.message.left(1500)));
                if (state.phase == ServeAppState::Phase::Running &&
                    state.runningReplicas >= minReplicas)
                    return std::nullopt;
                last = state.message;
            }
        }
        QThread::msleep(500);
    }
    return ApiError::withStatus(
        QStringLiteral("DEADLINE_EXCEEDED"),
        QStringLiteral("Serve did not %1 within %2 s%3")
            .arg(gone ? QStringLiteral("let the model go") : QStringLiteral("start the model"))
            .arg(m_deployTimeout.count())
            .arg(last.isEmpty() ? QString() : QStringLiteral(": ") + last));
}

void ServingWorker::setStage(const QString &name, DeploymentStage stage)
{
    m_owner.apply([&](ServingOwner::Change &change) {
        const auto it = change.state().operations.find(name);
        if (it == change.state().operations.end() || operationdoc::isDone(it->second))
            return;
        json operation = it->second;
        operation["metadata"]["deploymentStage"] = text(wire::stageName(stage));
        operation["metadata"]["genericMetadata"]["updateTime"] = text(now());
        change.record({Store::Write::put(Store::Kind::Operation, name, operation)});
    });
}

void ServingWorker::finish(const QString &name, const json &response,
                           const std::optional<ApiError> &error,
                           std::vector<Store::Write> alongWith)
{
    m_owner.apply([&](ServingOwner::Change &change) {
        const auto it = change.state().operations.find(name);
        if (it == change.state().operations.end())
            return;
        alongWith.push_back(Store::Write::put(Store::Kind::Operation, name,
                                              finishedOperation(it->second, response, error)));
        change.record(std::move(alongWith));
    });
}

void ServingWorker::runOperation(const QString &name)
{
    json work;
    {
        const auto state = m_owner.snapshot();
        const auto it = state->operations.find(name);
        if (it == state->operations.end() || operationdoc::isDone(it->second))
            return;
        work = it->second.value(kWork, json::object());
    }
    const std::string kind = work.value("kind", std::string());
    std::optional<ApiError> error;
    json response = json::object();
    std::vector<Store::Write> alongWith;
    if (kind == "deploy") {
        (void)deploy(name, work); // deploy() finishes its operation itself
        return;
    }
    if (kind == "undeploy" || kind == "deleteEndpoint") {
        error = undeploy(work);
        response = {{"@type", std::string(operationdoc::kTypePrefix) + "UndeployModelResponse"}};
        if (kind == "deleteEndpoint") {
            response = {{"@type", "type.googleapis.com/google.protobuf.Empty"}};
            // The endpoint goes with its operation's end, in one transaction.
            if (!error)
                alongWith.push_back(
                    Store::Write::remove(Store::Kind::Endpoint, qtext(work, "endpoint")));
        }
    } else if (kind == "mutate") {
        error = applyConfig();
        if (!error)
            error = waitForApp(qtext(work, "app"), work.value("min", 1), false);
        response = work.value("response", json::object());
    } else {
        error = ApiError::withStatus(
            QStringLiteral("INTERNAL"),
            QStringLiteral("unknown work %1").arg(QString::fromStdString(kind)));
    }
    if (error && error->status == QLatin1String("ABORTED"))
        return; // taken up again at the next start
    finish(name, response, error, std::move(alongWith));
}

std::optional<ApiError> ServingWorker::undeploy(const json &work)
{
    QStringList apps;
    {
        const auto state = m_owner.snapshot();
        if (work.contains("app"))
            apps << qtext(work, "app");
        const auto it = state->endpoints.find(qtext(work, "endpoint"));
        if (qtext(work, "kind") == QLatin1String("deleteEndpoint") &&
            it != state->endpoints.end()) {
            for (const json &deployed : it->second.value("deployedModels", json::array()))
                apps << qtext(deployed, "rovApp");
        }
        if (!state->instance)
            return std::nullopt; // nothing runs
    }
    if (auto error = applyConfig())
        return error;
    for (const QString &app : apps) {
        if (auto error = waitForApp(app, 0, true))
            return error;
    }
    return std::nullopt;
}

namespace {

// The deployment's end as one change: the model joins the endpoint and its split, or leaves the
// pending list; the endpoint and the finished operation are written together.
std::optional<ApiError> settleDeploy(ServingOwner::Change &change, const QString &name,
                                     const json &work, int minReplicas,
                                     std::optional<ApiError> error)
{
    const QString endpointName = qtext(work, "endpoint");
    const QString id = qtext(work, "deployedModelId");
    const auto &state = change.state();
    const auto operation = state.operations.find(name);
    if (operation == state.operations.end())
        return error;
    const auto it = state.endpoints.find(endpointName);
    if (it == state.endpoints.end()) {
        if (!error)
            error = ApiError::withStatus(QStringLiteral("NOT_FOUND"),
                                         QStringLiteral("the endpoint went"));
        change.record({Store::Write::put(Store::Kind::Operation, name,
                                         finishedOperation(operation->second, {}, error))});
        return error;
    }
    json endpoint = it->second;
    json deployed;
    json pending = json::array();
    for (const json &item : endpoint.value("rovPending", json::array())) {
        if (qtext(item, "id") == id)
            deployed = item;
        else
            pending.push_back(item);
    }
    endpoint["rovPending"] = pending;
    if (!error && !deployed.is_null()) {
        const auto requested = readTrafficSplit(work.value("split", json()));
        const auto split = splitAfterDeploy(splitOf(endpoint), deployedIds(endpoint),
                                            std::get<TrafficSplit>(requested), id);
        if (const auto *problem = std::get_if<QString>(&split)) {
            error = ApiError::withStatus(QStringLiteral("FAILED_PRECONDITION"), *problem);
        } else {
            deployed["createTime"] = text(now());
            deployed["status"] = {{"availableReplicaCount", minReplicas},
                                  {"lastUpdateTime", text(now())}};
            endpoint["deployedModels"].push_back(deployed);
            endpoint["trafficSplit"] = toJson(std::get<TrafficSplit>(split));
            endpoint["updateTime"] = text(now());
        }
    }
    const json response = {
        {"@type", std::string(operationdoc::kTypePrefix) + "DeployModelResponse"},
        {"deployedModel", publicView(deployed)}};
    change.record({Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint),
                   Store::Write::put(Store::Kind::Operation, name,
                                     finishedOperation(operation->second, response, error))});
    return error;
}

} // namespace

std::optional<ApiError> ServingWorker::deploy(const QString &name, const json &work)
{
    const QString endpointName = qtext(work, "endpoint");
    const QString id = qtext(work, "deployedModelId");
    QString app;
    int minReplicas = 1;
    {
        const auto state = m_owner.snapshot();
        const auto it = state->endpoints.find(endpointName);
        if (it != state->endpoints.end()) {
            for (const json &pending : it->second.value("rovPending", json::array())) {
                if (qtext(pending, "id") == id) {
                    app = qtext(pending, "rovApp");
                    minReplicas = replicasOf(pending).minReplicas;
                }
            }
        }
    }
    std::optional<ApiError> error;
    if (app.isEmpty())
        error = ApiError::withStatus(QStringLiteral("NOT_FOUND"),
                                     QStringLiteral("the endpoint went while the model deployed"));
    if (!error) {
        setStage(name, DeploymentStage::CreatingServingCluster);
        error = ensureInstance();
    }
    if (!error) {
        setStage(name, DeploymentStage::StartingModelServer);
        error = applyConfig();
    }
    if (!error)
        error = waitForApp(app, minReplicas, false);
    if (error && error->status == QLatin1String("ABORTED"))
        return error;
    if (!error)
        setStage(name, DeploymentStage::FinishingUp);
    m_owner.apply([&](ServingOwner::Change &change) {
        error = settleDeploy(change, name, work, minReplicas, error);
    });
    // Nothing of a failed model keeps running: Serve lets its application go.
    if (error)
        (void)applyConfig();
    return error;
}

} // namespace rov::localplane::serving
