#pragma once

#include "api/vertex/predictionimage.h"
#include "rest/apierror.h"
#include "trafficsplit.h"

#include <QString>
#include <nlohmann/json.hpp>
#include <variant>

namespace rov::catalog {
class MachineCatalog;
}

// The bodies of the Model Registry and endpoint requests, read and checked: pure functions from
// JSON to a draft that rovd can act on, or the Google error that the caller gets.
namespace rov::localplane::serving {

// models:upload, checked: the id (given or empty), the Model as it will be kept and the image
// that serves it. The artifact itself is checked where the files are (ServingManager).
struct ModelDraft
{
    QString id;
    nlohmann::json model; // displayName, description, labels, containerSpec, artifactUri
    api::vertex::PredictionImage image;
    QString artifactUri; // gs://bucket/folder
};
std::variant<ModelDraft, rest::ApiError> readUploadRequest(const nlohmann::json &body);

// gs://bucket/path → (bucket, path without a trailing slash); nullopt when it is not one.
std::optional<std::pair<QString, QString>> splitGsUri(const QString &uri);

// endpoints.create's body.
std::variant<nlohmann::json, rest::ApiError> readEndpointBody(const nlohmann::json &body);

// One DeployedModel's resources as rovd runs them.
struct Replicas
{
    QString machineType;
    int cpusPerReplica = 1;
    int minReplicas = 1;
    int maxReplicas = 1;
};

// endpoints.deployModel's body: the DeployedModel (its id given or empty, its model's name) and
// the split the request asks for.
struct DeployDraft
{
    QString id;
    QString modelName; // projects/P/locations/L/models/M (a version suffix removed)
    QString displayName;
    Replicas replicas;
    bool automatic = false; // automaticResources rather than dedicatedResources
    TrafficSplit requestedSplit;
};
std::variant<DeployDraft, rest::ApiError>
readDeployRequest(const nlohmann::json &body, const catalog::MachineCatalog &machines);

// endpoints.undeployModel's body.
struct UndeployDraft
{
    QString deployedModelId;
    TrafficSplit requestedSplit;
};
std::variant<UndeployDraft, rest::ApiError> readUndeployRequest(const nlohmann::json &body);

// endpoints.mutateDeployedModel's body applied to the replicas it has now: which model, and its
// new replicas. Only the replica counts can change (updateMask).
struct MutateDraft
{
    QString deployedModelId;
    Replicas replicas;
};
std::variant<MutateDraft, rest::ApiError>
readMutateRequest(const nlohmann::json &body, const QString &updateMask, const Replicas &current);

// The DeployedModel's resources as the API shows them.
nlohmann::json resourcesJson(const Replicas &replicas, bool automatic);

// predict's body: {"instances": [...], "parameters"?: ...}.
std::optional<rest::ApiError> predictProblem(const nlohmann::json &body);

} // namespace rov::localplane::serving
