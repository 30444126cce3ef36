#include "servingmanager.h"

#include "api/vertex/servingwire.h"
#include "catalog/machinecatalog.h"
#include "localplane/clusters/nodeaddressbook.h"
#include "localplane/clusters/operationdoc.h"
#include "localplane/diagnostics.h"
#include "localplane/state/durablefile.h"
#include "rest/jsonfields.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <httplib.h>
#include <random>
#include <unistd.h>

namespace rov::localplane::serving {

using nlohmann::json;
using rest::ApiError;
using namespace docs;
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

QString parentOf(const QString &name)
{
    return name.section(QLatin1Char('/'), 0, 3);
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

} // namespace

ServingManager::ServingManager(ServingSettings settings, std::unique_ptr<Store> store,
                               std::unique_ptr<ServeBackend> serve)
    : m_settings(std::move(settings)),
      m_serve(serve ? std::move(serve) : rayServe(m_settings.instance)), m_owner(std::move(store)),
      m_worker(m_owner, *m_serve, m_settings.deployTimeout)
{}

ServingManager::~ServingManager()
{
    stop();
    const auto state = m_owner.snapshot();
    if (m_settings.stopInstanceOnExit && state->instance)
        m_serve->stop(*state->instance);
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
            diagnostics::warn(diagnostics::lcServing(), fault->describe());
    }
    endHalfDone();
    m_worker.start(m_owner.snapshot()->openOperations());
}

void ServingManager::endHalfDone()
{
    const auto state = m_owner.snapshot();
    const QDir copies(QDir(m_settings.dataDir).filePath(QStringLiteral("serving/models")));
    std::set<QString> kept;
    for (const auto &[name, model] : state->models)
        kept.insert(QFileInfo(qtext(model, "rovArtifactDir")).fileName());
    for (const QString &entry : copies.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        if (kept.count(entry))
            continue;
        diagnostics::warn(diagnostics::lcServing(),
                          QStringLiteral("removing %1, a model copy no model has (an "
                                         "upload that did not end)")
                              .arg(copies.filePath(entry)));
        QDir(copies.filePath(entry)).removeRecursively();
    }
    m_owner.apply([](ServingOwner::Change &change) {
        auto writes = change.state().withoutOrphanedDeployments();
        if (writes.empty())
            return;
        diagnostics::warn(diagnostics::lcServing(),
                          QStringLiteral("%1 endpoint(s) had a deployment no operation "
                                         "will end; it is dropped")
                              .arg(writes.size()));
        change.record(std::move(writes));
    });
}

void ServingManager::stop()
{
    m_worker.stop();
}

std::optional<metrics::ScrapeCluster> ServingManager::scrapeTarget() const
{
    const auto state = m_owner.snapshot();
    if (!state->instance || state->instance->metricsPort == 0)
        return std::nullopt;
    metrics::ScrapeCluster target;
    target.clusterId = QLatin1String(api::vertex::serving::kServingScrapeId);
    target.discoveryFile = QDir(m_settings.instance.tempDir)
                               .filePath(QStringLiteral("prom_metrics_service_discovery.json"));
    target.nodes.push_back({QStringLiteral("%1:%2")
                                .arg(QLatin1String(kServingNodeIp))
                                .arg(state->instance->metricsPort),
                            QStringLiteral("serving")});
    return target;
}

void ServingManager::setScrapeListener(std::function<void()> changed)
{
    m_worker.setScrapeListener(std::move(changed));
}

std::string ServingManager::renderState() const
{
    const auto state = m_owner.snapshot();
    if (!state->instance || !state->serving || state->desiredApps().empty())
        return {};
    return std::string("rovd_cluster_state{ray_io_cluster=\"") +
           api::vertex::serving::kServingScrapeId + "\",state=\"RUNNING\"} 1\n";
}

void ServingManager::setInstanceLostListener(std::function<void()> lost)
{
    m_worker.setInstanceLostListener(std::move(lost));
}

qint64 ServingManager::instanceProcessGroup() const
{
    const auto state = m_owner.snapshot();
    return state->instance ? state->instance->pid : 0;
}

QString ServingManager::storagePath(const QString &gsUri) const
{
    const auto parts = splitGsUri(gsUri);
    if (!parts)
        return {};
    return QDir(m_settings.storageRoot).filePath(parts->first + QLatin1Char('/') + parts->second);
}

ApiResult ServingManager::change(const std::function<ApiResult(ServingOwner::Change &)> &change)
{
    if (auto result = m_owner.run(change, kPatience))
        return std::move(*result);
    return ownerBusy(kPatience);
}

json ServingManager::newOperation(const QString &resource, const char *metadataType,
                                  const json &work, const ApiCall &call) const
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

ApiResult ServingManager::startOperation(ServingOwner::Change &change, const QString &resource,
                                         const char *metadataType, const json &work,
                                         const ApiCall &call, std::vector<Store::Write> writes,
                                         QString *queued) const
{
    json operation = newOperation(resource, metadataType, work, call);
    if (std::string_view(metadataType) == wire::kDeployModelMetadata)
        operation["metadata"]["deploymentStage"] =
            text(wire::stageName(DeploymentStage::StartingDeployment));
    const QString name = qtext(operation, "name");
    writes.push_back(Store::Write::put(Store::Kind::Operation, name, operation));
    if (const auto refused = change.commit(std::move(writes)))
        return ApiResult::error(*refused);
    *queued = name;
    return answer(operation, call);
}

ApiResult ServingManager::endedOperation(ServingOwner::Change &change, const QString &resource,
                                         const char *metadataType, const json &response,
                                         const ApiCall &call,
                                         std::vector<Store::Write> writes) const
{
    json operation = newOperation(resource, metadataType, nullptr, call);
    operation =
        operationdoc::finished(operation, response, nullptr, QDateTime::currentDateTimeUtc());
    writes.push_back(
        Store::Write::put(Store::Kind::Operation, qtext(operation, "name"), operation));
    if (const auto refused = change.commit(std::move(writes)))
        return ApiResult::error(*refused);
    return answer(operation, call);
}

ApiResult ServingManager::runThenQueue(
    const std::function<ApiResult(ServingOwner::Change &, QString *)> &work)
{
    QString queued;
    ApiResult result = change([&](ServingOwner::Change &step) { return work(step, &queued); });
    // Queued once the owner has published the operation, so the worker finds it.
    if (!queued.isEmpty())
        m_worker.enqueue(queued);
    return result;
}

ApiResult ServingManager::operation(const QString &name, const ApiCall &call) const
{
    const auto state = m_owner.snapshot();
    const auto it = state->operations.find(name);
    if (it == state->operations.end())
        return notFound(QStringLiteral("Operation"), name);
    return answer(it->second, call);
}

// ---- models ---------------------------------------------------------------------------------

namespace {

// The file of `source` that the draft's image loads, or the 400 that says which are missing.
std::variant<QString, ApiResult> artifactFileOf(const ModelDraft &draft, const QString &source)
{
    QStringList files;
    QDirIterator found(source, QDir::Files);
    while (found.hasNext())
        files << QFileInfo(found.next()).fileName();
    const QString file = api::vertex::artifactFileIn(draft.image, files);
    if (!file.isEmpty())
        return file;
    return ApiResult::error(ApiError::invalidArgument(
        QStringLiteral("model.artifactUri %1 holds none of the files the %2 image loads (%3)%4")
            .arg(draft.artifactUri, draft.image.framework,
                 draft.image.artifactFiles().join(QStringLiteral(", ")),
                 files.isEmpty() ? QStringLiteral("; the folder is empty or missing")
                                 : QStringLiteral("; it holds %1")
                                       .arg(files.mid(0, 10).join(QStringLiteral(", "))))));
}

// The Model as rovd keeps it: Vertex AI's fields, and where its copy is and what loads it.
json modelDocument(const ModelDraft &draft, const QString &name, const QString &copy,
                   const QString &file)
{
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
    return model;
}

} // namespace

ApiResult ServingManager::uploadModel(const QString &parent, const json &body, const ApiCall &call)
{
    auto read = readUploadRequest(body);
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    const ModelDraft draft = std::get<ModelDraft>(std::move(read));
    const QString source = storagePath(draft.artifactUri);
    const auto file = artifactFileOf(draft, source);
    if (const auto *refused = std::get_if<ApiResult>(&file))
        return *refused;
    const QString id = draft.id.isEmpty() ? randomId() : draft.id;
    const QString name = parent + QStringLiteral("/models/") + id;
    // The name is held while the copy is made, on this request's thread: a large model holds up
    // neither the owner nor anyone's reads.
    const ApiResult reserved = change([&](ServingOwner::Change &step) {
        return step.reserve(name)
                   ? ApiResult::ok(json::object())
                   : ApiResult::error(QStringLiteral("ALREADY_EXISTS"),
                                      QStringLiteral("Model %1 already exists").arg(name));
    });
    if (reserved.status != 200)
        return reserved;
    // As Vertex AI does, the model keeps a copy: the folder may change or go afterwards.
    const QString copy = QDir(m_settings.dataDir).filePath(QStringLiteral("serving/models/") + id);
    const auto fault = copyFolder(source, copy);
    if (fault)
        diagnostics::warn(
            diagnostics::lcServing(),
            QStringLiteral("copying %1: %2").arg(draft.artifactUri, fault->describe()));
    const json model = modelDocument(draft, name, copy, std::get<QString>(file));
    // The name is let go where it was taken, with or without the model; waited for however
    // long the owner takes, so that no reservation outlives its request.
    const auto registered = m_owner.run(
        [&](ServingOwner::Change &step) {
            step.release(name);
            if (fault)
                return ApiResult::error(fault->toApiError(QStringLiteral("the model's copy")));
            return endedOperation(
                step, name, wire::kUploadModelMetadata,
                {{"@type", std::string(operationdoc::kTypePrefix) + "UploadModelResponse"},
                 {"model", text(name)},
                 {"modelVersionId", "1"}},
                call, {Store::Write::put(Store::Kind::Model, name, model)});
        },
        ServingOwner::kNoLimit);
    if (!registered || registered->status != 200)
        QDir(copy).removeRecursively();
    return registered ? *registered
                      : ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                         QStringLiteral("rovd is stopping; nothing was changed. "
                                                        "Try again once it runs"));
}

ApiResult ServingManager::getModel(const QString &name) const
{
    const auto state = m_owner.snapshot();
    const auto it = state->models.find(name.section(QLatin1Char('@'), 0, 0));
    if (it == state->models.end())
        return notFound(QStringLiteral("Model"), name);
    return ApiResult::ok(state->modelView(it->second));
}

std::optional<json> ServingManager::storedModel(const QString &name) const
{
    const auto state = m_owner.snapshot();
    const auto it = state->models.find(name.section(QLatin1Char('@'), 0, 0));
    if (it == state->models.end())
        return std::nullopt;
    return it->second;
}

ApiResult ServingManager::listModels(const QString &parent, const QString &pageSize,
                                     const QString &pageToken) const
{
    const auto state = m_owner.snapshot();
    return listPage(state->models, parent + QStringLiteral("/models"), "models", pageSize,
                    pageToken, [&state](const json &doc) { return state->modelView(doc); });
}

namespace {

// Why `model` may not be deleted now (an endpoint serves it or deploys it), or nothing.
std::optional<ApiResult> modelInUse(const ServingState &state, const QString &model)
{
    for (const auto &[endpointName, endpoint] : state.endpoints) {
        json all = endpoint.value("deployedModels", json::array());
        for (const json &item : endpoint.value("rovPending", json::array()))
            all.push_back(item);
        for (const json &item : all) {
            if (qtext(item, "model") == model)
                return ApiResult::error(
                    QStringLiteral("FAILED_PRECONDITION"),
                    QStringLiteral("Model %1 is deployed to %2 (deployed model %3): undeploy it "
                                   "first")
                        .arg(model, endpointName, qtext(item, "id")));
        }
    }
    return std::nullopt;
}

} // namespace

ApiResult ServingManager::deleteModel(const QString &name, const ApiCall &call)
{
    QString copy;
    const ApiResult result = change([&](ServingOwner::Change &step) {
        const auto it = step.state().models.find(name);
        if (it == step.state().models.end())
            return notFound(QStringLiteral("Model"), name);
        if (auto refused = modelInUse(step.state(), name))
            return *refused;
        copy = qtext(it->second, "rovArtifactDir");
        return endedOperation(step, name, wire::kDeleteMetadata,
                              {{"@type", "type.googleapis.com/google.protobuf.Empty"}}, call,
                              {Store::Write::remove(Store::Kind::Model, name)});
    });
    if (result.status == 200 && !copy.isEmpty())
        QDir(copy).removeRecursively(); // the model is gone: its copy is no one's
    return result;
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
    const QString name = parent + QStringLiteral("/endpoints/") + (id.isEmpty() ? randomId() : id);
    json endpoint = std::get<json>(read);
    endpoint["name"] = text(name);
    endpoint["createTime"] = endpoint["updateTime"] = text(now());
    endpoint["etag"] = text(randomId());
    endpoint["deployedModels"] = json::array();
    endpoint["trafficSplit"] = json::object();
    json response = publicView(endpoint);
    response["@type"] = std::string(operationdoc::kTypePrefix) + "Endpoint";
    return change([&](ServingOwner::Change &step) {
        if (step.state().endpoints.count(name))
            return ApiResult::error(QStringLiteral("ALREADY_EXISTS"),
                                    QStringLiteral("Endpoint %1 already exists").arg(name));
        return endedOperation(step, name, wire::kCreateEndpointMetadata, response, call,
                              {Store::Write::put(Store::Kind::Endpoint, name, endpoint)});
    });
}

ApiResult ServingManager::getEndpoint(const QString &name) const
{
    const auto state = m_owner.snapshot();
    const auto it = state->endpoints.find(name);
    if (it == state->endpoints.end())
        return notFound(QStringLiteral("Endpoint"), name);
    return ApiResult::ok(publicView(it->second));
}

ApiResult ServingManager::listEndpoints(const QString &parent, const QString &pageSize,
                                        const QString &pageToken) const
{
    const auto state = m_owner.snapshot();
    return listPage(state->endpoints, parent + QStringLiteral("/endpoints"), "endpoints", pageSize,
                    pageToken, [](const json &doc) { return publicView(doc); });
}

ApiResult ServingManager::changeLiveEndpoint(
    const QString &endpointName,
    const std::function<ApiResult(ServingOwner::Change &, json, QString *)> &work)
{
    return runThenQueue([&](ServingOwner::Change &step, QString *queued) {
        const auto it = step.state().endpoints.find(endpointName);
        // One being deleted is gone already.
        if (it == step.state().endpoints.end() || it->second.value("rovDeleting", false))
            return notFound(QStringLiteral("Endpoint"), endpointName);
        return work(step, it->second, queued);
    });
}

ApiResult ServingManager::deleteEndpoint(const QString &name, const ApiCall &call)
{
    return runThenQueue([&](ServingOwner::Change &step, QString *queued) {
        const auto it = step.state().endpoints.find(name);
        if (it == step.state().endpoints.end())
            return notFound(QStringLiteral("Endpoint"), name);
        if (!it->second.value("rovPending", json::array()).empty())
            return ApiResult::error(QStringLiteral("FAILED_PRECONDITION"),
                                    QStringLiteral("Endpoint %1 has a deployment in progress: "
                                                   "wait for its operation to end")
                                        .arg(name));
        // The models stop serving first; the endpoint goes when Serve has let them go.
        json endpoint = it->second;
        endpoint["rovDeleting"] = true;
        endpoint["trafficSplit"] = json::object();
        return startOperation(step, name, wire::kDeleteMetadata,
                              {{"kind", "deleteEndpoint"}, {"endpoint", text(name)}}, call,
                              {Store::Write::put(Store::Kind::Endpoint, name, endpoint)}, queued);
    });
}

ApiResult ServingManager::deployModel(const QString &endpointName, const json &body,
                                      const ApiCall &call)
{
    auto read = readDeployRequest(body, catalog::MachineCatalog::builtIn());
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    const DeployDraft draft = std::get<DeployDraft>(std::move(read));
    if (parentOf(draft.modelName) != parentOf(endpointName))
        return ApiResult::error(ApiError::invalidArgument(
            QStringLiteral("Model %1 is not in the endpoint's project and location")
                .arg(draft.modelName)));
    return changeLiveEndpoint(endpointName, [&](ServingOwner::Change &step, json endpoint,
                                                QString *queued) {
        const auto modelIt = step.state().models.find(draft.modelName);
        if (modelIt == step.state().models.end())
            return notFound(QStringLiteral("Model"), draft.modelName);
        const QStringList ids = deployedIds(endpoint);
        QStringList busy = ids;
        for (const json &pending : endpoint.value("rovPending", json::array()))
            busy << qtext(pending, "id");
        if (!draft.id.isEmpty() && busy.contains(draft.id))
            return ApiResult::error(QStringLiteral("ALREADY_EXISTS"),
                                    QStringLiteral("Deployed model %1 exists on %2 already")
                                        .arg(draft.id, endpointName));
        const QString id = draft.id.isEmpty() ? randomId() : draft.id;
        // Checked now, so that a bad split is a 400 and not a failed operation; applied when the
        // model serves.
        const auto split = splitAfterDeploy(splitOf(endpoint), ids, draft.requestedSplit, id);
        if (const auto *problem = std::get_if<QString>(&split))
            return ApiResult::error(ApiError::invalidArgument(*problem));
        const json &model = modelIt->second;
        endpoint["rovPending"].push_back(
            {{"id", text(id)},
             {"model", text(draft.modelName)},
             {"modelVersionId", "1"},
             {"displayName",
              text(draft.displayName.isEmpty() ? qtext(model, "displayName") : draft.displayName)},
             {draft.automatic ? "automaticResources" : "dedicatedResources",
              resourcesJson(draft.replicas, draft.automatic)},
             {"rovApp", text(serveAppName(endpointName, id))},
             {"rovReplicas", replicasJson(draft.replicas)}});
        const json work = {{"kind", "deploy"},
                           {"endpoint", text(endpointName)},
                           {"deployedModelId", text(id)},
                           {"split", toJson(draft.requestedSplit)}};
        return startOperation(step, endpointName, wire::kDeployModelMetadata, work, call,
                              {Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint)},
                              queued);
    });
}

ApiResult ServingManager::undeployModel(const QString &endpointName, const json &body,
                                        const ApiCall &call)
{
    auto read = readUndeployRequest(body);
    if (auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    const UndeployDraft draft = std::get<UndeployDraft>(read);
    return changeLiveEndpoint(endpointName, [&](ServingOwner::Change &step, json endpoint,
                                                QString *queued) {
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
        const json work = {{"kind", "undeploy"},
                           {"endpoint", text(endpointName)},
                           {"app", gone.value("rovApp", std::string())}};
        return startOperation(step, endpointName, wire::kUndeployModelMetadata, work, call,
                              {Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint)},
                              queued);
    });
}

ApiResult ServingManager::mutateDeployedModel(const QString &endpointName, const json &body,
                                              const QString &updateMask, const ApiCall &call)
{
    return changeLiveEndpoint(endpointName, [&](ServingOwner::Change &step, json endpoint,
                                                QString *queued) {
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
        if (auto *problem = std::get_if<ApiError>(&read))
            return ApiResult::error(*problem);
        const MutateDraft draft = std::get<MutateDraft>(read);
        const bool automatic = target->contains("automaticResources");
        (*target)[automatic ? "automaticResources" : "dedicatedResources"] =
            resourcesJson(draft.replicas, automatic);
        (*target)["rovReplicas"] = replicasJson(draft.replicas);
        const json response = {
            {"@type", std::string(operationdoc::kTypePrefix) + "MutateDeployedModelResponse"},
            {"deployedModel", publicView(*target)}};
        const json work = {{"kind", "mutate"},
                           {"endpoint", text(endpointName)},
                           {"app", target->value("rovApp", std::string())},
                           {"min", draft.replicas.minReplicas},
                           {"response", response}};
        return startOperation(step, endpointName, wire::kMutateDeployedModelMetadata, work, call,
                              {Store::Write::put(Store::Kind::Endpoint, endpointName, endpoint)},
                              queued);
    });
}

// ---- predictions ----------------------------------------------------------------------------

std::optional<ServingManager::Route> ServingManager::routeFor(const QString &endpointName,
                                                              ApiError *error) const
{
    const auto state = m_owner.snapshot();
    const auto it = state->endpoints.find(endpointName);
    if (it == state->endpoints.end() || it->second.value("rovDeleting", false)) {
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
    if (!state->serving || !state->instance) {
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
        route.port = state->instance->httpPort;
        route.app = qtext(deployed, "rovApp");
        route.deployedModelId = deployed.value("id", std::string());
        route.model = deployed.value("model", std::string());
        if (const auto model = state->models.find(qtext(deployed, "model"));
            model != state->models.end())
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

// What a request whose client went away answers (no one reads it; the access log says 499).
ApiResult clientLeft()
{
    return ApiResult::error(QStringLiteral("CANCELLED"),
                            QStringLiteral("The client went away; the prediction was cancelled"));
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

ApiResult ServingManager::predict(const QString &endpoint, const json &body, const QByteArray &raw,
                                  const std::function<bool()> &clientGone)
{
    if (const auto problem = predictProblem(body))
        return ApiResult::error(*problem);
    ApiError error;
    const auto route = routeFor(endpoint, &error);
    if (!route)
        return unavailableOr(error);
    auto &client = serveClient(route->port);
    // A client that goes away closes the connection to Serve, which cancels the model's call.
    const auto watch = m_peerWatch.watch(clientGone, [&client] { client.stop(); });
    const auto answer = client.Post(("/" + route->app.toStdString()), raw.constData(),
                                    size_t(raw.size()), "application/json");
    if (watch.fired())
        return clientLeft();
    if (!answer || answer->status != 200) {
        if (!answer)
            m_worker.checkSoon(); // the model server may be gone: the worker looks now
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
                                     const QByteArray &contentType,
                                     const std::function<bool()> &clientGone)
{
    ApiError error;
    const auto route = routeFor(endpoint, &error);
    if (!route)
        return unavailableOr(error);
    auto &client = serveClient(route->port);
    const auto watch = m_peerWatch.watch(clientGone, [&client] { client.stop(); });
    const auto answer = client.Post(("/" + route->app.toStdString()), body.toStdString(),
                                    contentType.isEmpty() ? std::string("application/json")
                                                          : contentType.toStdString());
    if (watch.fired())
        return clientLeft();
    if (!answer) {
        m_worker.checkSoon();
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

} // namespace rov::localplane::serving
