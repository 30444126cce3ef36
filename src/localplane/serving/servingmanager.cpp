#include "servingmanager.h"

#include "api/vertex/servingwire.h"
#include "catalog/machinecatalog.h"
#include "localplane/clusters/nodeaddressbook.h"
#include "localplane/clusters/operationdoc.h"
#include "localplane/clusters/raynodeprocess.h"
#include "localplane/diagnostics.h"
#include "localplane/state/durablefile.h"
#include "rest/jsonfields.h"
#include "servinghealth.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QThread>
#include <cerrno>
#include <httplib.h>
#include <random>
#include <unistd.h>

namespace rov::localplane::serving {

using nlohmann::json;
using rest::ApiError;
namespace wire = api::vertex::serving;
using wire::DeploymentStage;

struct ServingManager::Route
{
    quint16 port = 0;
    QString app;
    std::string deployedModelId;
    std::string model; // projects/P/locations/L/models/M
    std::string modelDisplayName;
};

namespace {

constexpr int kMaxPageSize = 1000;
constexpr const char *kWork = "rovWork";

std::string text(const QString &value)
{
    return value.toStdString();
}

QString qtext(const json &object, const char *key)
{
    return rest::stringMember(object, key);
}

QString now()
{
    return operationdoc::timestamp(QDateTime::currentDateTimeUtc());
}

// Vertex AI's generated ids are long decimal numbers.
QString randomId()
{
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::uniform_int_distribution<quint64> digits(1000000000000000000ULL, 9223372036854775807ULL);
    return QString::number(digits(random));
}

// An operation as the caller sees it: without the work rovd keeps in it.
ApiResult answer(json operation, const ApiCall &call)
{
    operation.erase(kWork);
    return ApiResult::ok(callview::operation(std::move(operation), call));
}

double randomPercent()
{
    thread_local std::mt19937_64 random{std::random_device{}()};
    return std::uniform_real_distribution<double>(0.0, 100.0)(random);
}

// A document as the API shows it: rovd's own keys ("rov…") left out, at every level.
json publicView(json doc)
{
    if (doc.is_object()) {
        for (auto it = doc.begin(); it != doc.end();) {
            if (it.key().rfind("rov", 0) == 0)
                it = doc.erase(it);
            else
                *it = publicView(std::move(*it)), ++it;
        }
    } else if (doc.is_array()) {
        for (json &item : doc)
            item = publicView(std::move(item));
    }
    return doc;
}

QString parentOf(const QString &name)
{
    return name.section(QLatin1Char('/'), 0, 3);
}

ApiResult notFound(const QString &what, const QString &name)
{
    return ApiResult::error(QStringLiteral("NOT_FOUND"),
                            QStringLiteral("%1 %2 not found").arg(what, name.left(300)));
}

std::optional<int> readPageSize(const QString &text, ApiResult *error)
{
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const int size = text.toInt(&ok);
    if (!ok || size < 0 || size > kMaxPageSize) {
        *error = ApiResult::error(ApiError::invalidArgument(
            QStringLiteral("pageSize must be a whole number from 0 to %1").arg(kMaxPageSize)));
        return std::nullopt;
    }
    return size;
}

// One page of `docs` (ordered by name) under `parent`: the names after the token's.
ApiResult listPage(const std::map<QString, json> &docs, const QString &parent, const char *field,
                   const QString &pageSize, const QString &pageToken,
                   const std::function<json(const json &)> &view)
{
    ApiResult error;
    const auto size = readPageSize(pageSize, &error);
    if (!size)
        return error;
    const QString after = pageToken.isEmpty()
                              ? QString()
                              : QString::fromUtf8(QByteArray::fromBase64(pageToken.toLatin1()));
    if (!pageToken.isEmpty() && !after.startsWith(parent + QLatin1Char('/')))
        return ApiResult::error(
            ApiError::invalidArgument(QStringLiteral("pageToken is not one this list gave")));
    const int limit = *size == 0 ? kMaxPageSize : *size;
    json items = json::array();
    QString last;
    bool more = false;
    for (auto it = docs.upper_bound(after.isEmpty() ? parent : after); it != docs.end(); ++it) {
        if (!it->first.startsWith(parent + QLatin1Char('/')))
            continue;
        if (int(items.size()) == limit) {
            more = true;
            break;
        }
        items.push_back(view(it->second));
        last = it->first;
    }
    json page = {{field, items}};
    if (more)
        page["nextPageToken"] = text(QString::fromLatin1(last.toUtf8().toBase64()));
    return ApiResult::ok(page);
}

// Copies the folder `from` into `to`, durably and whole or not at all: into a folder beside it,
// renamed into place once every file is on disk.
std::optional<FileFault> copyFolder(const QString &from, const QString &to)
{
    const QString partial = to + QStringLiteral(".partial");
    QDir(partial).removeRecursively();
    if (auto fault = makeDirectories(partial))
        return fault;
    std::optional<FileFault> fault;
    QDirIterator files(from, QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot,
                       QDirIterator::Subdirectories);
    while (files.hasNext() && !fault) {
        const QString file = files.next();
        fault = copyFileDurably(file, QDir(partial).filePath(QDir(from).relativeFilePath(file)));
    }
    if (!fault) {
        QDir(to).removeRecursively(); // what a failed earlier upload of this id left
        if (::rename(QFile::encodeName(partial).constData(), QFile::encodeName(to).constData()) !=
            0)
            fault = FileFault{errno, QStringLiteral("rename"), to};
        else
            fault = syncDirectory(QFileInfo(to).absolutePath());
    }
    if (fault)
        QDir(partial).removeRecursively();
    return fault;
}

json replicasJson(const Replicas &replicas)
{
    return {{"machineType", text(replicas.machineType)},
            {"cpus", replicas.cpusPerReplica},
            {"min", replicas.minReplicas},
            {"max", replicas.maxReplicas}};
}

Replicas replicasOf(const json &deployed)
{
    const json stored = deployed.value("rovReplicas", json::object());
    Replicas replicas;
    replicas.machineType = qtext(stored, "machineType");
    replicas.cpusPerReplica = stored.value("cpus", 1);
    replicas.minReplicas = stored.value("min", 1);
    replicas.maxReplicas = stored.value("max", 1);
    return replicas;
}

QStringList deployedIds(const json &endpoint)
{
    QStringList ids;
    for (const json &deployed : endpoint.value("deployedModels", json::array()))
        ids << qtext(deployed, "id");
    return ids;
}

TrafficSplit splitOf(const json &endpoint)
{
    const auto split = readTrafficSplit(endpoint.value("trafficSplit", json()));
    return std::holds_alternative<TrafficSplit>(split) ? std::get<TrafficSplit>(split)
                                                       : TrafficSplit{};
}

} // namespace

ServingManager::ServingManager(ServingSettings settings, std::unique_ptr<Store> store)
    : m_settings(std::move(settings)), m_store(std::move(store)), m_writer(*m_store)
{
    for (auto &[name, doc] : m_store->list(Store::Kind::Model))
        m_models[name] = doc;
    for (auto &[name, doc] : m_store->list(Store::Kind::Endpoint))
        m_endpoints[name] = doc;
    for (auto &[name, doc] : m_store->list(Store::Kind::Operation))
        m_operations[name] = doc;
    if (const auto record = m_store->get(Store::Kind::ServingInstance, QStringLiteral("instance")))
        m_instance = InstanceRecord::fromJson(*record);
}

ServingManager::~ServingManager()
{
    stop();
    if (m_settings.stopInstanceOnExit && m_instance)
        stopInstance(*m_instance);
}

void ServingManager::start()
{
    // The predictor that Serve imports, as this rovd was built with it. Without it no model
    // serves: a deploy then fails with Serve's ImportError, and rovd's log says why.
    QFile predictor(QStringLiteral(":/serving/rov_predictor.py"));
    const QString target =
        QDir(m_settings.instance.pythonPath).filePath(QStringLiteral("rov_predictor.py"));
    if (predictor.open(QIODevice::ReadOnly)) {
        if (const auto fault = writeFileDurably(target, predictor.readAll()))
            diagnostics::warn(QStringLiteral("serving: %1").arg(fault->describe()));
    }
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = false;
    }
    // The worker first serves what is deployed, then takes up what a killed rovd left.
    enqueue(QString());
    std::lock_guard lock(m_mutex);
    removeStrayCopies();
    for (const auto &[name, operation] : m_operations) {
        if (!operationdoc::isDone(operation) && operation.contains(kWork))
            enqueue(name);
    }
    m_worker = std::thread([this] { run(); });
}

// A rovd killed during models:upload leaves a half copy (<id>.partial), or a whole one whose
// model was never stored: no model's, so they go before anything is served.
void ServingManager::removeStrayCopies()
{
    const QDir copies(QDir(m_settings.dataDir).filePath(QStringLiteral("serving/models")));
    std::set<QString> kept;
    for (const auto &[name, model] : m_models)
        kept.insert(QFileInfo(qtext(model, "rovArtifactDir")).fileName());
    for (const QString &entry : copies.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (kept.count(entry))
            continue;
        diagnostics::warn(QStringLiteral("serving: removing %1, a model copy no model has (an "
                                         "upload that did not end)")
                              .arg(copies.filePath(entry)));
        QDir(copies.filePath(entry)).removeRecursively();
    }
}

void ServingManager::stop()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_stopping = true;
    }
    m_queueChanged.notify_all();
    if (m_worker.joinable())
        m_worker.join();
}

std::optional<metrics::ScrapeCluster> ServingManager::scrapeTarget() const
{
    std::lock_guard lock(m_mutex);
    if (!m_instance || m_instance->metricsPort == 0)
        return std::nullopt;
    metrics::ScrapeCluster target;
    target.clusterId = QLatin1String(api::vertex::serving::kServingScrapeId);
    target.discoveryFile = QDir(m_settings.instance.tempDir)
                               .filePath(QStringLiteral("prom_metrics_service_discovery.json"));
    target.nodes.push_back(
        {QStringLiteral("%1:%2").arg(QLatin1String(kServingNodeIp)).arg(m_instance->metricsPort),
         QStringLiteral("serving")});
    return target;
}

void ServingManager::setScrapeListener(std::function<void()> changed)
{
    std::lock_guard lock(m_mutex);
    m_scrapeChanged = std::move(changed);
}

std::string ServingManager::renderState() const
{
    std::lock_guard lock(m_mutex);
    if (!m_instance || !m_serving || desiredApps().empty())
        return {};
    return std::string("rovd_cluster_state{ray_io_cluster=\"") +
           api::vertex::serving::kServingScrapeId + "\",state=\"RUNNING\"} 1\n";
}

void ServingManager::setInstanceLostListener(std::function<void()> lost)
{
    std::lock_guard lock(m_mutex);
    m_instanceLost = std::move(lost);
}

qint64 ServingManager::instanceProcessGroup() const
{
    std::lock_guard lock(m_mutex);
    return m_instance ? m_instance->pid : 0;
}

QString ServingManager::storagePath(const QString &gsUri) const
{
    const auto parts = splitGsUri(gsUri);
    if (!parts)
        return {};
    return QDir(m_settings.storageRoot).filePath(parts->first + QLatin1Char('/') + parts->second);
}

void ServingManager::applyToMemory(const std::vector<Store::Write> &writes)
{
    for (const Store::Write &write : writes) {
        std::map<QString, json> *docs = write.kind == Store::Kind::Model       ? &m_models
                                        : write.kind == Store::Kind::Endpoint  ? &m_endpoints
                                        : write.kind == Store::Kind::Operation ? &m_operations
                                                                               : nullptr;
        if (!docs)
            continue;
        if (write.type == Store::Write::Type::Put)
            (*docs)[write.name] = write.document;
        else if (write.type == Store::Write::Type::Remove)
            docs->erase(write.name);
    }
}

std::optional<ApiError> ServingManager::commit(std::vector<Store::Write> writes)
{
    if (auto refused = m_writer.commit(writes))
        return refused;
    applyToMemory(writes);
    return std::nullopt;
}

void ServingManager::record(std::vector<Store::Write> writes)
{
    applyToMemory(writes);
    m_writer.write(std::move(writes));
}

json ServingManager::newOperation(const QString &resource, const char *metadataType,
                                  const json &work, const ApiCall &call)
{
    const QDateTime time = QDateTime::currentDateTimeUtc();
    json operation = operationdoc::make(resource + QStringLiteral("/operations/") + randomId(),
                                        metadataType, QString(), call.isV1beta1(), time,
                                        time.addSecs(m_settings.deployTimeout.count() + 300));
    operation["metadata"].erase("progressMessage");
    if (!work.is_null())
        operation[kWork] = work;
    return operation;
}

void ServingManager::setStage(const QString &name, DeploymentStage stage)
{
    std::lock_guard lock(m_mutex);
    auto it = m_operations.find(name);
    if (it == m_operations.end() || operationdoc::isDone(it->second))
        return;
    json operation = it->second;
    operation["metadata"]["deploymentStage"] = text(wire::stageName(stage));
    operation["metadata"]["genericMetadata"]["updateTime"] = text(now());
    record({Store::Write::put(Store::Kind::Operation, name, operation)});
}

void ServingManager::finish(const QString &name, const json &response,
                            const std::optional<ApiError> &error,
                            std::vector<Store::Write> alongWith)
{
    auto it = m_operations.find(name);
    if (it == m_operations.end())
        return;
    json operation = it->second;
    operation.erase(kWork);
    if (operation["metadata"].contains("deploymentStage"))
        operation["metadata"]["deploymentStage"] = text(wire::stageName(
            error ? DeploymentStage::FailedToDeploy : DeploymentStage::SuccessfullyDeployed));
    json status = nullptr;
    if (error)
        status = {{"code", ApiError::rpcCodeForName(error->status)},
                  {"message", text(error->message)}};
    alongWith.push_back(Store::Write::put(
        Store::Kind::Operation, name,
        operationdoc::finished(operation, response, status, QDateTime::currentDateTimeUtc())));
    record(std::move(alongWith));
}

void ServingManager::enqueue(const QString &operation)
{
    {
        std::lock_guard lock(m_queueMutex);
        m_queue.push_back(operation);
    }
    m_queueChanged.notify_all();
}

ApiResult ServingManager::operation(const QString &name, const ApiCall &call) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_operations.find(name);
    if (it == m_operations.end())
        return notFound(QStringLiteral("Operation"), name);
    return answer(it->second, call);
}

// ---- models ---------------------------------------------------------------------------------

ApiResult ServingManager::uploadModel(const QString &parent, const json &body, const ApiCall &call)
{
    auto read = readUploadRequest(body);
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    ModelDraft draft = std::get<ModelDraft>(std::move(read));
    // The image loads one of its files from the folder; say which are missing before accepting.
    const QString source = storagePath(draft.artifactUri);
    QStringList files;
    QDirIterator found(source, QDir::Files);
    while (found.hasNext())
        files << QFileInfo(found.next()).fileName();
    const QString file = api::vertex::artifactFileIn(draft.image, files);
    if (file.isEmpty())
        return ApiResult::error(ApiError::invalidArgument(
            QStringLiteral("model.artifactUri %1 holds none of the files the %2 image loads (%3)%4")
                .arg(draft.artifactUri, draft.image.framework,
                     draft.image.artifactFiles().join(QStringLiteral(", ")),
                     files.isEmpty() ? QStringLiteral("; the folder is empty or missing")
                                     : QStringLiteral("; it holds %1")
                                           .arg(files.mid(0, 10).join(QStringLiteral(", "))))));
    std::unique_lock lock(m_mutex);
    const QString id = draft.id.isEmpty() ? randomId() : draft.id;
    const QString name = parent + QStringLiteral("/models/") + id;
    if (m_models.count(name) || m_uploading.count(name))
        return ApiResult::error(QStringLiteral("ALREADY_EXISTS"),
                                QStringLiteral("Model %1 already exists").arg(name));
    // As Vertex AI does, the model keeps a copy: the folder may change or go afterwards. The
    // copy is made without the lock (a large model must not hold up predictions); the name is
    // held meanwhile.
    m_uploading.insert(name);
    lock.unlock();
    const QString copy = QDir(m_settings.dataDir).filePath(QStringLiteral("serving/models/") + id);
    const auto fault = copyFolder(source, copy);
    lock.lock();
    m_uploading.erase(name);
    if (fault) {
        diagnostics::warn(
            QStringLiteral("serving: copying %1: %2").arg(draft.artifactUri, fault->describe()));
        return ApiResult::error(fault->toApiError(QStringLiteral("the model's copy")));
    }
    const QString time = now();
    json model = draft.model;
    model["name"] = text(name);
    model["versionId"] = "1";
    model["versionAliases"] = json::array({"default"});
    model["versionCreateTime"] = model["versionUpdateTime"] = text(time);
    model["createTime"] = model["updateTime"] = text(time);
    model["supportedDeploymentResourcesTypes"] = json::array({"DEDICATED_RESOURCES"});
    model["modelSourceInfo"] = {{"sourceType", "CUSTOM"}};
    model["etag"] = text(randomId());
    model["rovArtifactDir"] = text(copy);
    model["rovFramework"] = text(draft.image.framework);
    model["rovFile"] = text(file);
    json operation = newOperation(name, wire::kUploadModelMetadata, nullptr, call);
    operation = operationdoc::finished(
        operation,
        {{"@type", std::string(operationdoc::kTypePrefix) + "UploadModelResponse"},
         {"model", text(name)},
         {"modelVersionId", "1"}},
        nullptr, QDateTime::currentDateTimeUtc());
    if (const auto refused = commit(
            {Store::Write::put(Store::Kind::Model, name, model),
             Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation)})) {
        lock.unlock();
        QDir(copy).removeRecursively();
        return ApiResult::error(*refused);
    }
    return answer(operation, call);
}

json ServingManager::modelView(const json &doc) const
{
    const QString name = qtext(doc, "name");
    json model = publicView(doc);
    json deployed = json::array();
    for (const auto &[endpointName, endpoint] : m_endpoints) {
        for (const json &item : endpoint.value("deployedModels", json::array())) {
            if (qtext(item, "model") == name)
                deployed.push_back({{"endpoint", text(endpointName)},
                                    {"deployedModelId", item.value("id", std::string())}});
        }
    }
    if (!deployed.empty())
        model["deployedModels"] = deployed;
    return model;
}

ApiResult ServingManager::getModel(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_models.find(name.section(QLatin1Char('@'), 0, 0));
    if (it == m_models.end())
        return notFound(QStringLiteral("Model"), name);
    return ApiResult::ok(modelView(it->second));
}

ApiResult ServingManager::listModels(const QString &parent, const QString &pageSize,
                                     const QString &pageToken) const
{
    std::lock_guard lock(m_mutex);
    return listPage(m_models, parent + QStringLiteral("/models"), "models", pageSize, pageToken,
                    [this](const json &doc) { return modelView(doc); });
}

ApiResult ServingManager::deleteModel(const QString &name, const ApiCall &call)
{
    std::unique_lock lock(m_mutex);
    const auto it = m_models.find(name);
    if (it == m_models.end())
        return notFound(QStringLiteral("Model"), name);
    for (const auto &[endpointName, endpoint] : m_endpoints) {
        json all = endpoint.value("deployedModels", json::array());
        for (const json &item : endpoint.value("rovPending", json::array()))
            all.push_back(item);
        for (const json &item : all) {
            if (qtext(item, "model") == name)
                return ApiResult::error(
                    QStringLiteral("FAILED_PRECONDITION"),
                    QStringLiteral("Model %1 is deployed to %2 (deployed model %3): undeploy it "
                                   "first")
                        .arg(name, endpointName, qtext(item, "id")));
        }
    }
    const QString copy = qtext(it->second, "rovArtifactDir");
    json operation = newOperation(name, wire::kDeleteMetadata, nullptr, call);
    operation =
        operationdoc::finished(operation, {{"@type", "type.googleapis.com/google.protobuf.Empty"}},
                               nullptr, QDateTime::currentDateTimeUtc());
    if (const auto refused = commit(
            {Store::Write::remove(Store::Kind::Model, name),
             Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation)}))
        return ApiResult::error(*refused);
    lock.unlock();
    QDir(copy).removeRecursively(); // the model is gone: its copy is no one's
    return answer(operation, call);
}

// ---- endpoints ------------------------------------------------------------------------------

ApiResult ServingManager::createEndpoint(const QString &parent, const QString &id, const json &body,
                                         const ApiCall &call)
{
    if (!id.isEmpty()) {
        if (const QString problem = wire::endpointIdProblem(id); !problem.isEmpty())
            return ApiResult::error(ApiError::invalidArgument(problem));
    }
    auto read = readEndpointBody(body);
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    std::lock_guard lock(m_mutex);
    const QString name = parent + QStringLiteral("/endpoints/") + (id.isEmpty() ? randomId() : id);
    if (m_endpoints.count(name))
        return ApiResult::error(QStringLiteral("ALREADY_EXISTS"),
                                QStringLiteral("Endpoint %1 already exists").arg(name));
    json endpoint = std::get<json>(read);
    endpoint["name"] = text(name);
    endpoint["createTime"] = endpoint["updateTime"] = text(now());
    endpoint["etag"] = text(randomId());
    endpoint["deployedModels"] = json::array();
    endpoint["trafficSplit"] = json::object();
    json operation = newOperation(name, wire::kCreateEndpointMetadata, nullptr, call);
    json response = publicView(endpoint);
    response["@type"] = std::string(operationdoc::kTypePrefix) + "Endpoint";
    operation =
        operationdoc::finished(operation, response, nullptr, QDateTime::currentDateTimeUtc());
    if (const auto refused = commit(
            {Store::Write::put(Store::Kind::Endpoint, name, endpoint),
             Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation)}))
        return ApiResult::error(*refused);
    return answer(operation, call);
}

ApiResult ServingManager::getEndpoint(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_endpoints.find(name);
    if (it == m_endpoints.end())
        return notFound(QStringLiteral("Endpoint"), name);
    return ApiResult::ok(publicView(it->second));
}

ApiResult ServingManager::listEndpoints(const QString &parent, const QString &pageSize,
                                        const QString &pageToken) const
{
    std::lock_guard lock(m_mutex);
    return listPage(m_endpoints, parent + QStringLiteral("/endpoints"), "endpoints", pageSize,
                    pageToken, [](const json &doc) { return publicView(doc); });
}

ApiResult ServingManager::deleteEndpoint(const QString &name, const ApiCall &call)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_endpoints.find(name);
    if (it == m_endpoints.end())
        return notFound(QStringLiteral("Endpoint"), name);
    if (!it->second.value("rovPending", json::array()).empty())
        return ApiResult::error(QStringLiteral("FAILED_PRECONDITION"),
                                QStringLiteral("Endpoint %1 has a deployment in progress: wait for "
                                               "its operation to end")
                                    .arg(name));
    // The models stop serving first; the endpoint goes when Serve has let them go.
    json endpoint = it->second;
    endpoint["rovDeleting"] = true;
    endpoint["trafficSplit"] = json::object();
    json work = {{"kind", "deleteEndpoint"}, {"endpoint", text(name)}};
    json operation = newOperation(name, wire::kDeleteMetadata, work, call);
    if (const auto refused = commit(
            {Store::Write::put(Store::Kind::Endpoint, name, endpoint),
             Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation)}))
        return ApiResult::error(*refused);
    enqueue(qtext(operation, "name"));
    return answer(operation, call);
}

ApiResult ServingManager::deployModel(const QString &endpointName, const json &body,
                                      const ApiCall &call)
{
    auto read = readDeployRequest(body, catalog::MachineCatalog::builtIn());
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    DeployDraft draft = std::get<DeployDraft>(std::move(read));
    std::lock_guard lock(m_mutex);
    const auto endpointIt = m_endpoints.find(endpointName);
    if (endpointIt == m_endpoints.end() || endpointIt->second.value("rovDeleting", false))
        return notFound(QStringLiteral("Endpoint"), endpointName);
    if (parentOf(draft.modelName) != parentOf(endpointName))
        return ApiResult::error(ApiError::invalidArgument(
            QStringLiteral("Model %1 is not in the endpoint's project and location")
                .arg(draft.modelName)));
    const auto modelIt = m_models.find(draft.modelName);
    if (modelIt == m_models.end())
        return notFound(QStringLiteral("Model"), draft.modelName);
    json endpoint = endpointIt->second;
    const QStringList ids = deployedIds(endpoint);
    QStringList busy = ids;
    for (const json &pending : endpoint.value("rovPending", json::array()))
        busy << qtext(pending, "id");
    if (!draft.id.isEmpty() && busy.contains(draft.id))
        return ApiResult::error(
            QStringLiteral("ALREADY_EXISTS"),
            QStringLiteral("Deployed model %1 exists on %2 already").arg(draft.id, endpointName));
    const QString id = draft.id.isEmpty() ? randomId() : draft.id;
    // Checked now, so that a bad split is a 400 and not a failed operation; applied when the model
    // serves.
    const auto split = splitAfterDeploy(splitOf(endpoint), ids, draft.requestedSplit, id);
    if (const auto *problem = std::get_if<QString>(&split))
        return ApiResult::error(ApiError::invalidArgument(*problem));
    const json &model = modelIt->second;
    json deployed = {{"id", text(id)},
                     {"model", text(draft.modelName)},
                     {"modelVersionId", "1"},
                     {"displayName", text(draft.displayName.isEmpty() ? qtext(model, "displayName")
                                                                      : draft.displayName)},
                     {draft.automatic ? "automaticResources" : "dedicatedResources",
                      resourcesJson(draft.replicas, draft.automatic)},
                     {"rovApp", text(serveAppName(endpointName, id))},
                     {"rovReplicas", replicasJson(draft.replicas)}};
    endpoint["rovPending"].push_back(deployed);
    json requested = toJson(draft.requestedSplit);
    json work = {{"kind", "deploy"},
                 {"endpoint", text(endpointName)},
                 {"deployedModelId", text(id)},
                 {"split", requested}};
    json operation = newOperation(endpointName, wire::kDeployModelMetadata, work, call);
    operation["metadata"]["deploymentStage"] =
        text(wire::stageName(DeploymentStage::StartingDeployment));
    if (const auto refused = commit(
            {Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint),
             Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation)}))
        return ApiResult::error(*refused);
    enqueue(qtext(operation, "name"));
    return answer(operation, call);
}

ApiResult ServingManager::undeployModel(const QString &endpointName, const json &body,
                                        const ApiCall &call)
{
    auto read = readUndeployRequest(body);
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    const UndeployDraft draft = std::get<UndeployDraft>(read);
    std::lock_guard lock(m_mutex);
    const auto it = m_endpoints.find(endpointName);
    if (it == m_endpoints.end() || it->second.value("rovDeleting", false))
        return notFound(QStringLiteral("Endpoint"), endpointName);
    json endpoint = it->second;
    const QStringList ids = deployedIds(endpoint);
    if (!ids.contains(draft.deployedModelId))
        return notFound(QStringLiteral("Deployed model"),
                        draft.deployedModelId + QStringLiteral(" on ") + endpointName);
    const auto split =
        splitAfterUndeploy(splitOf(endpoint), ids, draft.requestedSplit, draft.deployedModelId);
    if (const auto *problem = std::get_if<QString>(&split))
        return ApiResult::error(QStringLiteral("FAILED_PRECONDITION"), *problem);
    // It stops taking traffic at once; Serve lets it go in the operation.
    json remaining = json::array();
    json gone;
    for (const json &item : endpoint["deployedModels"]) {
        if (qtext(item, "id") == draft.deployedModelId)
            gone = item;
        else
            remaining.push_back(item);
    }
    endpoint["deployedModels"] = remaining;
    endpoint["trafficSplit"] = toJson(std::get<TrafficSplit>(split));
    endpoint["updateTime"] = text(now());
    json work = {{"kind", "undeploy"},
                 {"endpoint", text(endpointName)},
                 {"app", gone.value("rovApp", std::string())}};
    json operation = newOperation(endpointName, wire::kUndeployModelMetadata, work, call);
    if (const auto refused = commit(
            {Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint),
             Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation)}))
        return ApiResult::error(*refused);
    enqueue(qtext(operation, "name"));
    return answer(operation, call);
}

ApiResult ServingManager::mutateDeployedModel(const QString &endpointName, const json &body,
                                              const QString &updateMask, const ApiCall &call)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_endpoints.find(endpointName);
    if (it == m_endpoints.end() || it->second.value("rovDeleting", false))
        return notFound(QStringLiteral("Endpoint"), endpointName);
    json endpoint = it->second;
    const json *deployedBody = rest::member(body, "deployedModel", "deployed_model");
    const QString id = deployedBody ? qtext(*deployedBody, "id") : QString();
    json *target = nullptr;
    for (json &item : endpoint["deployedModels"]) {
        if (qtext(item, "id") == id)
            target = &item;
    }
    if (!target && !id.isEmpty())
        return notFound(QStringLiteral("Deployed model"),
                        id + QStringLiteral(" on ") + endpointName);
    auto read = readMutateRequest(body, updateMask, target ? replicasOf(*target) : Replicas{});
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    const MutateDraft draft = std::get<MutateDraft>(read);
    const bool automatic = target->contains("automaticResources");
    (*target)[automatic ? "automaticResources" : "dedicatedResources"] =
        resourcesJson(draft.replicas, automatic);
    (*target)["rovReplicas"] = replicasJson(draft.replicas);
    json response = {
        {"@type", std::string(operationdoc::kTypePrefix) + "MutateDeployedModelResponse"},
        {"deployedModel", publicView(*target)}};
    json work = {{"kind", "mutate"},
                 {"endpoint", text(endpointName)},
                 {"app", target->value("rovApp", std::string())},
                 {"min", draft.replicas.minReplicas},
                 {"response", response}};
    json operation = newOperation(endpointName, wire::kMutateDeployedModelMetadata, work, call);
    if (const auto refused = commit(
            {Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint),
             Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation)}))
        return ApiResult::error(*refused);
    enqueue(qtext(operation, "name"));
    return answer(operation, call);
}

// ---- predictions ----------------------------------------------------------------------------

std::optional<ServingManager::Route> ServingManager::routeFor(const QString &endpointName,
                                                              ApiError *error)
{
    std::lock_guard lock(m_mutex);
    const auto it = m_endpoints.find(endpointName);
    if (it == m_endpoints.end() || it->second.value("rovDeleting", false)) {
        *error = ApiError::withStatus(QStringLiteral("NOT_FOUND"),
                                      QStringLiteral("Endpoint %1 not found").arg(endpointName));
        return std::nullopt;
    }
    const QString id = pickDeployedModel(splitOf(it->second), randomPercent());
    if (id.isEmpty()) {
        *error = ApiError::withStatus(
            QStringLiteral("FAILED_PRECONDITION"),
            QStringLiteral("Endpoint %1 has no deployed model with traffic").arg(endpointName));
        return std::nullopt;
    }
    if (!m_serving || !m_instance) {
        *error = ApiError::withStatus(QStringLiteral("UNAVAILABLE"),
                                      QStringLiteral("The endpoint's model server is starting; "
                                                     "try again in a few seconds"));
        return std::nullopt;
    }
    for (const json &deployed : it->second["deployedModels"]) {
        if (qtext(deployed, "id") != id)
            continue;
        if (!hasAvailableReplica(deployed)) {
            const QString why = qtext(deployed.value("status", json::object()), "message");
            *error = ApiError::withStatus(
                QStringLiteral("UNAVAILABLE"),
                QStringLiteral("Deployed model %1 has no replica running yet%2; try again in a "
                               "few seconds")
                    .arg(id, why.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(why)));
            return std::nullopt;
        }
        Route route;
        route.port = m_instance->httpPort;
        route.app = qtext(deployed, "rovApp");
        route.deployedModelId = deployed.value("id", std::string());
        route.model = deployed.value("model", std::string());
        if (const auto model = m_models.find(qtext(deployed, "model")); model != m_models.end())
            route.modelDisplayName = model->second.value("displayName", std::string());
        return route;
    }
    *error = ApiError::withStatus(QStringLiteral("INTERNAL"),
                                  QStringLiteral("the traffic split names %1, which is not "
                                                 "deployed")
                                      .arg(id));
    return std::nullopt;
}

namespace {

// A client per thread and port: predictions reuse their connection to Serve's proxy.
httplib::Client &serveClient(quint16 port)
{
    thread_local std::map<quint16, std::unique_ptr<httplib::Client>> clients;
    auto &client = clients[port];
    if (!client) {
        client = std::make_unique<httplib::Client>("127.0.0.1", port);
        client->set_keep_alive(true);
        client->set_tcp_nodelay(true); // headers and body go out at once
        client->set_connection_timeout(5);
        client->set_read_timeout(60);
    }
    return *client;
}

ApiError forwardError(const httplib::Result &answer)
{
    if (!answer)
        return ApiError::withStatus(
            QStringLiteral("UNAVAILABLE"),
            QStringLiteral("The model server did not answer (%1); try again in a few seconds")
                .arg(QString::fromStdString(httplib::to_string(answer.error()))));
    const json body = json::parse(answer->body, nullptr, false);
    const bool modelsWords = body.is_object() && body.contains("error");
    const QString message = modelsWords ? QString::fromStdString(body["error"].dump())
                                        : QString::fromStdString(answer->body).left(1000);
    // The model's own refusal (rov_predictor answers 400 with {"error"}); any other 4xx is Serve's
    // proxy, whose route is not there while the model starts.
    if (answer->status >= 400 && answer->status < 500 && modelsWords)
        return ApiError::invalidArgument(
            QStringLiteral("The model refused the request: %1").arg(message));
    return ApiError::withStatus(
        QStringLiteral("UNAVAILABLE"),
        QStringLiteral("The model server failed (HTTP %1): %2").arg(answer->status).arg(message));
}

// 503 tells the client when to come back (Google's clients and ours honour Retry-After).
ApiResult unavailableOr(const ApiError &error)
{
    ApiResult result = ApiResult::error(error);
    if (error.status == QLatin1String("UNAVAILABLE"))
        result.headers.push_back({"Retry-After", "5"});
    return result;
}

} // namespace

ApiResult ServingManager::predict(const QString &endpoint, const json &body, const QByteArray &raw)
{
    if (const auto problem = predictProblem(body))
        return ApiResult::error(*problem);
    ApiError error;
    const auto route = routeFor(endpoint, &error);
    if (!route)
        return unavailableOr(error);
    auto &client = serveClient(route->port);
    const auto answer = client.Post(("/" + route->app.toStdString()), raw.constData(),
                                    size_t(raw.size()), "application/json");
    if (!answer || answer->status != 200) {
        if (!answer)
            checkSoon(); // the model server may be gone: the worker looks now
        return unavailableOr(forwardError(answer));
    }
    json result = json::parse(answer->body, nullptr, false);
    if (!result.is_object() || !result.contains("predictions"))
        return unavailableOr(ApiError::withStatus(QStringLiteral("UNAVAILABLE"),
                                                  QStringLiteral("The model server's answer has no "
                                                                 "predictions")));
    result["deployedModelId"] = route->deployedModelId;
    result["model"] = route->model;
    result["modelVersionId"] = "1";
    result["modelDisplayName"] = route->modelDisplayName;
    return ApiResult::ok(result);
}

ApiResult ServingManager::rawPredict(const QString &endpoint, const QByteArray &body,
                                     const QByteArray &contentType)
{
    ApiError error;
    const auto route = routeFor(endpoint, &error);
    if (!route)
        return unavailableOr(error);
    auto &client = serveClient(route->port);
    const auto answer = client.Post(("/" + route->app.toStdString()), body.toStdString(),
                                    contentType.isEmpty() ? std::string("application/json")
                                                          : contentType.toStdString());
    if (!answer) {
        checkSoon();
        return unavailableOr(forwardError(answer));
    }
    ApiResult result;
    result.status = answer->status;
    result.rawBody = answer->body;
    result.rawContentType = answer->get_header_value("Content-Type");
    result.headers.push_back(
        {"X-Vertex-AI-Endpoint-Id", text(endpoint.section(QLatin1Char('/'), -1))});
    result.headers.push_back({"X-Vertex-AI-Deployed-Model-Id", route->deployedModelId});
    result.headers.push_back({"X-Vertex-AI-Model", route->model});
    result.headers.push_back({"X-Vertex-AI-Model-Version-Id", "1"});
    return result;
}

// ---- the worker -----------------------------------------------------------------------------

std::vector<ServeApp> ServingManager::desiredApps() const
{
    std::vector<ServeApp> apps;
    for (const auto &[name, endpoint] : m_endpoints) {
        json all = endpoint.value("rovDeleting", false)
                       ? json::array()
                       : endpoint.value("deployedModels", json::array());
        for (const json &item : endpoint.value("rovPending", json::array()))
            all.push_back(item);
        for (const json &deployed : all) {
            const auto model = m_models.find(qtext(deployed, "model"));
            if (model == m_models.end())
                continue;
            apps.push_back({qtext(deployed, "rovApp"), qtext(model->second, "rovArtifactDir"),
                            qtext(model->second, "rovFramework"), qtext(model->second, "rovFile"),
                            replicasOf(deployed)});
        }
    }
    return apps;
}

void ServingManager::run()
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

void ServingManager::checkSoon()
{
    {
        std::lock_guard lock(m_queueMutex);
        m_checkNow = true;
    }
    m_queueChanged.notify_all();
}

void ServingManager::restore()
{
    bool anything = false;
    {
        std::lock_guard lock(m_mutex);
        anything = !desiredApps().empty();
    }
    if (!anything)
        return;
    if (const auto error = ensureInstance(); !error)
        applyConfig();
}

// The serving instance watched: a dead one (its `ray start` gone, or its dashboard silent for
// kSilentChecks checks in a row) is started again and given the deployed models; meanwhile and
// after, each deployed model's status says how many replicas Serve runs for it.
void ServingManager::checkHealth()
{
    std::optional<InstanceRecord> instance;
    bool wanted = false;
    {
        std::lock_guard lock(m_mutex);
        m_writer.retry(); // what the store refused before
        instance = m_instance;
        wanted = !desiredApps().empty();
    }
    if (!wanted)
        return;
    if (instance && RayNodeProcess::isAliveWithMarker(instance->pid, instanceMarker())) {
        const auto status = serveStatus(*instance);
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
    std::function<void()> lost;
    {
        std::lock_guard lock(m_mutex);
        if (instance && m_serving)
            lost = m_instanceLost;
    }
    if (lost)
        lost();
    updateReplicaStatus({}, instance ? QStringLiteral("The model server stopped; rovd is "
                                                      "starting it again")
                                     : QStringLiteral("The model server is starting"));
    const auto now = RestartBackoff::Clock::now();
    if (!m_backoff.due(now))
        return;
    diagnostics::warn(instance ? QStringLiteral("serving: the serving instance (pid %1) stopped "
                                                "answering; starting it again")
                                     .arg(instance->pid)
                               : QStringLiteral("serving: starting the serving instance"));
    std::optional<ApiError> error = ensureInstance(/*restart=*/true);
    if (!error)
        error = applyConfig();
    if (error) {
        const auto wait = m_backoff.failed(now);
        diagnostics::warn(QStringLiteral("serving: %1").arg(error->message));
        updateReplicaStatus({}, QStringLiteral("The model server could not start again (%1); "
                                               "rovd tries again in %2 s")
                                    .arg(error->message.left(400))
                                    .arg(std::max<qint64>(1, wait.count() / 1000)));
    }
}

void ServingManager::updateReplicaStatus(const std::map<QString, ServeAppState> &apps,
                                         const QString &downReason)
{
    std::lock_guard lock(m_mutex);
    if (!downReason.isEmpty())
        m_serving = false;
    const QString time = now();
    std::vector<Store::Write> writes;
    for (const auto &[name, endpoint] : m_endpoints) {
        if (const auto updated = withReplicaStatus(endpoint, apps, downReason, time))
            writes.push_back(Store::Write::put(Store::Kind::Endpoint, name, *updated));
    }
    if (!writes.empty())
        record(std::move(writes));
}

QString ServingManager::instanceMarker() const
{
    return QStringLiteral("--temp-dir=%1").arg(m_settings.instance.tempDir);
}

std::optional<ApiError> ServingManager::ensureInstance(bool restart)
{
    std::optional<InstanceRecord> record;
    {
        std::lock_guard lock(m_mutex);
        record = m_instance;
    }
    if (record && !restart && instanceAlive(*record, m_settings.instance))
        return std::nullopt;
    if (record)
        stopInstance(*record); // what is left of one that stopped answering
    auto started = startInstance(m_settings.instance);
    if (const auto *problem = std::get_if<QString>(&started))
        return ApiError::withStatus(QStringLiteral("UNAVAILABLE"), *problem);
    std::function<void()> changed;
    {
        std::lock_guard lock(m_mutex);
        m_instance = std::get<InstanceRecord>(started);
        m_serving = false;
        this->record({Store::Write::put(Store::Kind::ServingInstance, QStringLiteral("instance"),
                                        m_instance->toJson())});
        changed = m_scrapeChanged;
    }
    if (changed)
        changed();
    return std::nullopt;
}

std::optional<ApiError> ServingManager::applyConfig()
{
    json config;
    InstanceRecord record;
    bool empty = false;
    {
        std::lock_guard lock(m_mutex);
        if (!m_instance)
            return ApiError::withStatus(QStringLiteral("UNAVAILABLE"),
                                        QStringLiteral("the serving instance is not running"));
        record = *m_instance;
        const auto apps = desiredApps();
        empty = apps.empty();
        config = serveConfig(record.httpPort, apps);
    }
    if (empty) {
        // Nothing to serve: the instance goes, and its CPUs and memory with it.
        stopInstance(record);
        std::function<void()> changed;
        {
            std::lock_guard lock(m_mutex);
            m_instance.reset();
            m_serving = false;
            this->record(
                {Store::Write::remove(Store::Kind::ServingInstance, QStringLiteral("instance"))});
            changed = m_scrapeChanged;
        }
        if (changed)
            changed();
        return std::nullopt;
    }
    if (const auto problem = putServeConfig(record, config))
        return ApiError::withStatus(QStringLiteral("UNAVAILABLE"), *problem);
    std::lock_guard lock(m_mutex);
    m_serving = true;
    return std::nullopt;
}

std::optional<ApiError> ServingManager::waitForApp(const QString &app, int minReplicas, bool gone)
{
    const auto deadline = std::chrono::steady_clock::now() + m_settings.deployTimeout;
    QString last;
    while (std::chrono::steady_clock::now() < deadline) {
        {
            std::lock_guard lock(m_queueMutex);
            if (m_stopping)
                return ApiError::withStatus(QStringLiteral("ABORTED"),
                                            QStringLiteral("rovd stopped while waiting for Serve"));
        }
        std::optional<InstanceRecord> record;
        {
            std::lock_guard lock(m_mutex);
            record = m_instance;
        }
        if (!record)
            return gone ? std::nullopt
                        : std::optional(
                              ApiError::withStatus(QStringLiteral("UNAVAILABLE"),
                                                   QStringLiteral("the serving instance stopped")));
        const auto status = serveStatus(*record);
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
            .arg(m_settings.deployTimeout.count())
            .arg(last.isEmpty() ? QString() : QStringLiteral(": ") + last));
}

void ServingManager::runOperation(const QString &name)
{
    json work;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_operations.find(name);
        if (it == m_operations.end() || operationdoc::isDone(it->second))
            return;
        work = it->second.value(kWork, json::object());
    }
    const std::string kind = work.value("kind", std::string());
    std::optional<ApiError> error;
    json response = json::object();
    if (kind == "deploy") {
        error = deploy(name, work);
        return; // deploy() finishes its operation itself
    }
    if (kind == "undeploy" || kind == "deleteEndpoint") {
        error = undeploy(work);
        response = {{"@type", std::string(operationdoc::kTypePrefix) +
                                  (kind == "undeploy" ? "UndeployModelResponse" : "")}};
        if (kind == "deleteEndpoint") {
            response = {{"@type", "type.googleapis.com/google.protobuf.Empty"}};
            if (!error) {
                // The endpoint goes with its operation's end, in one transaction.
                std::lock_guard lock(m_mutex);
                finish(name, response, error,
                       {Store::Write::remove(Store::Kind::Endpoint, qtext(work, "endpoint"))});
                return;
            }
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
    std::lock_guard lock(m_mutex);
    finish(name, response, error);
}

std::optional<ApiError> ServingManager::undeploy(const json &work)
{
    QStringList apps;
    {
        std::lock_guard lock(m_mutex);
        if (work.contains("app"))
            apps << qtext(work, "app");
        const auto it = m_endpoints.find(qtext(work, "endpoint"));
        if (qtext(work, "kind") == QLatin1String("deleteEndpoint") && it != m_endpoints.end()) {
            for (const json &deployed : it->second.value("deployedModels", json::array()))
                apps << qtext(deployed, "rovApp");
        }
        if (!m_instance)
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

std::optional<ApiError> ServingManager::deploy(const QString &name, const json &work)
{
    const QString endpointName = qtext(work, "endpoint");
    const QString id = qtext(work, "deployedModelId");
    QString app;
    int minReplicas = 1;
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_endpoints.find(endpointName);
        if (it != m_endpoints.end()) {
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
    {
        std::lock_guard lock(m_mutex);
        error = settleDeploy(name, work, minReplicas, error);
    }
    // Nothing of a failed model keeps running: Serve lets its application go.
    if (error)
        applyConfig();
    return error;
}

std::optional<ApiError> ServingManager::settleDeploy(const QString &name, const json &work,
                                                     int minReplicas, std::optional<ApiError> error)
{
    const QString endpointName = qtext(work, "endpoint");
    const QString id = qtext(work, "deployedModelId");
    auto it = m_endpoints.find(endpointName);
    if (it == m_endpoints.end()) {
        finish(name, {},
               error ? error
                     : ApiError::withStatus(QStringLiteral("NOT_FOUND"),
                                            QStringLiteral("the endpoint went")));
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
    record({Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint)});
    json response = {{"@type", std::string(operationdoc::kTypePrefix) + "DeployModelResponse"},
                     {"deployedModel", publicView(deployed)}};
    finish(name, response, error);
    return error;
}

} // namespace rov::localplane::serving
