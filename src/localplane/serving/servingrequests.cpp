#include "servingrequests.h"

#include "api/vertex/servingwire.h"
#include "api/vertex/wire.h"
#include "catalog/machinecatalog.h"

#include <QRegularExpression>
#include <QStringList>

namespace rov::localplane::serving {

using nlohmann::json;
using rest::ApiError;
using rest::member;
using rest::stringMember;
namespace wire = api::vertex::serving;

namespace {

ApiError invalid(const QString &message)
{
    return ApiError::invalidArgument(message);
}

// A string member that, when present, must be a string.
std::optional<ApiError> stringProblem(const json &object, const char *key, const QString &where)
{
    const json *value = member(object, key);
    if (value && !value->is_string())
        return invalid(QStringLiteral("%1.%2 must be a string").arg(where, QLatin1String(key)));
    return std::nullopt;
}

std::optional<ApiError> labelsProblem(const json &object, const QString &where)
{
    const json *labels = member(object, "labels");
    if (!labels)
        return std::nullopt;
    if (!labels->is_object())
        return invalid(QStringLiteral("%1.labels must map names to strings").arg(where));
    for (const auto &[key, value] : labels->items()) {
        if (!value.is_string())
            return invalid(QStringLiteral("%1.labels[\"%2\"] must be a string")
                               .arg(where, QString::fromStdString(key)));
    }
    return std::nullopt;
}

// The fields of a Model or an Endpoint that the caller writes and rovd keeps as they are.
json copied(const json &body, std::initializer_list<const char *> keys)
{
    json kept = json::object();
    for (const char *key : keys) {
        if (const json *value = member(body, key))
            kept[key] = *value;
    }
    return kept;
}

std::optional<int> readCount(const json &object, const char *camel, const char *snake)
{
    const json *value = member(object, camel, snake);
    if (!value)
        return std::nullopt;
    const auto number = api::vertex::wire::readInt64(*value);
    if (!number || *number < 0 || *number > 1000)
        return -1;
    return int(*number);
}

std::variant<Replicas, ApiError> readReplicas(const json &resources, const QString &where,
                                              const catalog::MachineCatalog &machines)
{
    Replicas replicas;
    const json *spec = member(resources, "machineSpec", "machine_spec");
    replicas.machineType = spec ? stringMember(*spec, "machineType") : QString();
    if (spec && replicas.machineType.isEmpty())
        replicas.machineType = stringMember(*spec, "machine_type");
    if (replicas.machineType.isEmpty())
        replicas.machineType = QLatin1String(wire::kDefaultServingMachine);
    const auto machine = machines.machine(replicas.machineType);
    if (!machine)
        return invalid(QStringLiteral("%1.machineSpec.machineType \"%2\" is not a machine type "
                                      "rovd knows")
                           .arg(where, replicas.machineType.left(80)));
    if (spec && member(*spec, "acceleratorCount", "accelerator_count") &&
        api::vertex::wire::readInt64(*member(*spec, "acceleratorCount", "accelerator_count"))
                .value_or(0) > 0)
        return invalid(QStringLiteral("%1.machineSpec asks for accelerators; the scikit-learn and "
                                      "XGBoost images rovd serves run on CPUs")
                           .arg(where));
    replicas.cpusPerReplica = std::max(1, machine->vcpu);
    const auto min = readCount(resources, "minReplicaCount", "min_replica_count");
    const auto max = readCount(resources, "maxReplicaCount", "max_replica_count");
    if (min && *min < 1)
        return invalid(
            QStringLiteral("%1.minReplicaCount must be a whole number from 1 to 1000").arg(where));
    if (max && *max < 0)
        return invalid(
            QStringLiteral("%1.maxReplicaCount must be a whole number from 0 to 1000").arg(where));
    replicas.minReplicas = min.value_or(1);
    // 0 (or absent) means "as many as the minimum", as in Vertex AI.
    replicas.maxReplicas = max && *max > 0 ? *max : replicas.minReplicas;
    if (replicas.maxReplicas < replicas.minReplicas)
        return invalid(QStringLiteral("%1.maxReplicaCount (%2) is less than minReplicaCount (%3)")
                           .arg(where)
                           .arg(replicas.maxReplicas)
                           .arg(replicas.minReplicas));
    return replicas;
}

} // namespace

std::optional<std::pair<QString, QString>> splitGsUri(const QString &uri)
{
    static const QRegularExpression gs(
        QStringLiteral("^gs://([a-z0-9][a-z0-9._-]{1,221}[a-z0-9])(?:/(.*))?$"));
    const auto match = gs.match(uri);
    if (!match.hasMatch())
        return std::nullopt;
    QString path = match.captured(2);
    while (path.endsWith(QLatin1Char('/')))
        path.chop(1);
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    if (parts.contains(QStringLiteral("..")) || parts.contains(QStringLiteral(".")))
        return std::nullopt;
    return std::pair{match.captured(1), parts.join(QLatin1Char('/'))};
}

std::variant<ModelDraft, ApiError> readUploadRequest(const json &body)
{
    ModelDraft draft;
    if (const json *id = member(body, "modelId", "model_id")) {
        if (!id->is_string())
            return invalid(QStringLiteral("modelId must be a string"));
        draft.id = QString::fromStdString(id->get<std::string>());
        if (const QString problem = wire::modelIdProblem(draft.id); !problem.isEmpty())
            return invalid(problem);
    }
    if (member(body, "parentModel", "parent_model"))
        return ApiError::withStatus(QStringLiteral("UNIMPLEMENTED"),
                                    QStringLiteral("rovd keeps one version of each model: upload "
                                                   "a new model instead of a parentModel version"));
    const json *model = member(body, "model");
    if (!model || !model->is_object())
        return invalid(QStringLiteral("The request needs model: a Model object"));
    for (const char *key : {"displayName", "description", "artifactUri"}) {
        if (auto problem = stringProblem(*model, key, QStringLiteral("model")))
            return *problem;
    }
    if (auto problem = labelsProblem(*model, QStringLiteral("model")))
        return *problem;
    const QString displayName = stringMember(*model, "displayName");
    if (displayName.trimmed().isEmpty())
        return invalid(QStringLiteral("model.displayName is required"));
    if (displayName.size() > 128)
        return invalid(QStringLiteral("model.displayName must be at most 128 characters"));
    const json *container = member(*model, "containerSpec", "container_spec");
    const QString imageUri = container ? stringMember(*container, "imageUri") : QString();
    if (imageUri.isEmpty())
        return invalid(QStringLiteral("model.containerSpec.imageUri is required: one of Google's "
                                      "prebuilt prediction images"));
    const auto image = api::vertex::parsePredictionImage(imageUri);
    if (!image || !image->runsLocally())
        return invalid(QStringLiteral("model.containerSpec.imageUri \"%1\" cannot run on this "
                                      "computer: rovd serves Google's prebuilt scikit-learn and "
                                      "XGBoost CPU images (…/vertex-ai/prediction/sklearn-cpu.1-6, "
                                      "xgboost-cpu.2-1, …); custom containers and GPU images need "
                                      "Google Cloud")
                           .arg(imageUri.left(200)));
    draft.image = *image;
    draft.artifactUri = stringMember(*model, "artifactUri");
    if (draft.artifactUri.isEmpty())
        return invalid(QStringLiteral("model.artifactUri is required: the gs:// folder that holds "
                                      "one of %1")
                           .arg(image->artifactFiles().join(QStringLiteral(", "))));
    if (!splitGsUri(draft.artifactUri))
        return invalid(QStringLiteral("model.artifactUri \"%1\" is not a gs://bucket/folder URI")
                           .arg(draft.artifactUri.left(200)));
    draft.model = copied(*model, {"displayName", "description", "labels", "artifactUri"});
    draft.model["containerSpec"] = {{"imageUri", imageUri.toStdString()}};
    return draft;
}

std::variant<json, ApiError> readEndpointBody(const json &body)
{
    for (const char *key : {"displayName", "description"}) {
        if (auto problem = stringProblem(body, key, QStringLiteral("endpoint")))
            return *problem;
    }
    if (auto problem = labelsProblem(body, QStringLiteral("endpoint")))
        return *problem;
    const QString displayName = stringMember(body, "displayName");
    if (displayName.trimmed().isEmpty())
        return invalid(QStringLiteral("endpoint.displayName is required"));
    if (displayName.size() > 128)
        return invalid(QStringLiteral("endpoint.displayName must be at most 128 characters"));
    if (member(body, "deployedModels", "deployed_models"))
        return invalid(QStringLiteral("endpoint.deployedModels is output only: deploy models with "
                                      ":deployModel"));
    return copied(body, {"displayName", "description", "labels"});
}

std::variant<DeployDraft, ApiError> readDeployRequest(const json &body,
                                                      const catalog::MachineCatalog &machines)
{
    const json *deployed = member(body, "deployedModel", "deployed_model");
    if (!deployed || !deployed->is_object())
        return invalid(QStringLiteral("The request needs deployedModel: a DeployedModel object"));
    DeployDraft draft;
    for (const char *key : {"id", "model", "displayName"}) {
        if (auto problem = stringProblem(*deployed, key, QStringLiteral("deployedModel")))
            return *problem;
    }
    draft.id = stringMember(*deployed, "id");
    if (!draft.id.isEmpty()) {
        if (const QString problem = wire::deployedModelIdProblem(draft.id); !problem.isEmpty())
            return invalid(problem);
    }
    static const QRegularExpression modelName(QStringLiteral(
        "^projects/[^/]+/locations/[^/]+/models/([a-z0-9_-]{1,63})(@(1|default))?$"));
    const QString model = stringMember(*deployed, "model");
    const auto matched = modelName.match(model);
    if (!matched.hasMatch())
        return invalid(
            QStringLiteral("deployedModel.model \"%1\" is not a model name "
                           "(projects/P/locations/L/models/M, or M@1 for its only version)")
                .arg(model.left(200)));
    draft.modelName = model.left(
        model.indexOf(QLatin1Char('@')) < 0 ? model.size() : model.indexOf(QLatin1Char('@')));
    draft.displayName = stringMember(*deployed, "displayName");
    const json *dedicated = member(*deployed, "dedicatedResources", "dedicated_resources");
    const json *automatic = member(*deployed, "automaticResources", "automatic_resources");
    if (member(*deployed, "sharedResources", "shared_resources"))
        return invalid(
            QStringLiteral("deployedModel.sharedResources needs a DeploymentResourcePool "
                           "on Google Cloud; use dedicatedResources"));
    if (dedicated && automatic)
        return invalid(QStringLiteral("deployedModel takes one of dedicatedResources and "
                                      "automaticResources, not both"));
    if (!dedicated && !automatic)
        return invalid(QStringLiteral("deployedModel.dedicatedResources is required for a model "
                                      "with a prebuilt image (machineSpec, minReplicaCount)"));
    draft.automatic = automatic != nullptr;
    auto replicas = readReplicas(dedicated ? *dedicated : *automatic,
                                 dedicated ? QStringLiteral("deployedModel.dedicatedResources")
                                           : QStringLiteral("deployedModel.automaticResources"),
                                 machines);
    if (auto *error = std::get_if<ApiError>(&replicas))
        return *error;
    draft.replicas = std::get<Replicas>(replicas);
    auto split = readTrafficSplit(body.value("trafficSplit", json()));
    if (auto *problem = std::get_if<QString>(&split))
        return invalid(*problem);
    draft.requestedSplit = std::get<TrafficSplit>(split);
    return draft;
}

std::variant<UndeployDraft, ApiError> readUndeployRequest(const json &body)
{
    UndeployDraft draft;
    if (auto problem = stringProblem(body, "deployedModelId", QStringLiteral("request")))
        return *problem;
    draft.deployedModelId = stringMember(body, "deployedModelId");
    if (draft.deployedModelId.isEmpty())
        draft.deployedModelId = stringMember(body, "deployed_model_id");
    if (draft.deployedModelId.isEmpty())
        return invalid(QStringLiteral("The request needs deployedModelId"));
    auto split = readTrafficSplit(body.value("trafficSplit", json()));
    if (auto *problem = std::get_if<QString>(&split))
        return invalid(*problem);
    draft.requestedSplit = std::get<TrafficSplit>(split);
    return draft;
}

std::variant<MutateDraft, ApiError> readMutateRequest(const json &body, const QString &updateMask,
                                                      const Replicas &current)
{
    const json *deployed = member(body, "deployedModel", "deployed_model");
    if (!deployed || !deployed->is_object())
        return invalid(QStringLiteral("The request needs deployedModel: a DeployedModel object"));
    MutateDraft draft;
    draft.deployedModelId = stringMember(*deployed, "id");
    if (draft.deployedModelId.isEmpty())
        return invalid(QStringLiteral("deployedModel.id names the deployed model to change"));
    QString mask = updateMask;
    if (mask.isEmpty())
        mask = stringMember(body, "updateMask");
    if (const json *object = member(body, "updateMask", "update_mask");
        object && object->is_object())
        mask = stringMember(*object, "paths");
    if (mask.isEmpty())
        return invalid(QStringLiteral("updateMask is required: the fields to change, e.g. "
                                      "dedicatedResources.minReplicaCount"));
    const json *resources = member(*deployed, "dedicatedResources", "dedicated_resources");
    if (!resources)
        resources = member(*deployed, "automaticResources", "automatic_resources");
    draft.replicas = current;
    for (QString path : mask.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        path = path.trimmed();
        const QString field = path.section(QLatin1Char('.'), -1);
        const bool min = field == QLatin1String("minReplicaCount") ||
                         field == QLatin1String("min_replica_count");
        const bool max = field == QLatin1String("maxReplicaCount") ||
                         field == QLatin1String("max_replica_count");
        if (!min && !max)
            return invalid(QStringLiteral("updateMask path \"%1\" cannot change: only the minimum "
                                          "and maximum replica counts can")
                               .arg(path.left(100)));
        const auto value = resources
                               ? readCount(*resources, min ? "minReplicaCount" : "maxReplicaCount",
                                           min ? "min_replica_count" : "max_replica_count")
                               : std::nullopt;
        if (!value || *value < (min ? 1 : 0))
            return invalid(QStringLiteral("deployedModel.dedicatedResources.%1 must be a whole "
                                          "number from %2 to 1000")
                               .arg(min ? QStringLiteral("minReplicaCount")
                                        : QStringLiteral("maxReplicaCount"))
                               .arg(min ? 1 : 0));
        (min ? draft.replicas.minReplicas : draft.replicas.maxReplicas) = *value;
    }
    if (draft.replicas.maxReplicas == 0)
        draft.replicas.maxReplicas = draft.replicas.minReplicas;
    if (draft.replicas.maxReplicas < draft.replicas.minReplicas)
        return invalid(QStringLiteral("maxReplicaCount (%1) is less than minReplicaCount (%2)")
                           .arg(draft.replicas.maxReplicas)
                           .arg(draft.replicas.minReplicas));
    return draft;
}

json resourcesJson(const Replicas &replicas, bool automatic)
{
    json resources = {{"minReplicaCount", replicas.minReplicas},
                      {"maxReplicaCount", replicas.maxReplicas}};
    if (!automatic)
        resources["machineSpec"] = {{"machineType", replicas.machineType.toStdString()}};
    return resources;
}

std::optional<ApiError> predictProblem(const json &body)
{
    const json *instances = member(body, "instances");
    if (!instances || !instances->is_array())
        return invalid(QStringLiteral("The request needs instances: a list of instances"));
    if (instances->empty())
        return invalid(QStringLiteral("instances is empty: send at least one instance"));
    return std::nullopt;
}

} // namespace rov::localplane::serving
