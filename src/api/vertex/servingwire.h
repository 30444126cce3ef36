#pragma once

#include <QString>

// The wire facts of Vertex AI's Model Registry and endpoints (model.proto, endpoint.proto,
// deployment_stage.proto) that rovd and the console share: id rules, the deployment stages and
// the operation metadata types.
namespace rov::api::vertex::serving {

// DeploymentStage, in the order a deployment goes through them.
enum class DeploymentStage
{
    Unspecified,
    StartingDeployment,     // 5
    PreparingModel,         // 6
    CreatingServingCluster, // 7
    StartingModelServer,    // 3
    FinishingUp,            // 4
    SuccessfullyDeployed,   // 11
    FailedToDeploy          // 12
};
QString stageName(DeploymentStage stage); // "STARTING_MODEL_SERVER"
int stageNumber(DeploymentStage stage);   // the proto's number, for $alt=json;enum-encoding=int
DeploymentStage stageFromName(const QString &name);

// The problem with a caller's id, in words; empty when it follows the rule.
// modelId: up to 63 of [a-z0-9_-], not starting with a digit or a hyphen.
QString modelIdProblem(const QString &id);
// endpointId: a letter then up to 62 of [a-z0-9-], not ending with a hyphen; or up to 9 digits
// without a leading zero.
QString endpointIdProblem(const QString &id);
// DeployedModel.id: 1 to 10 digits.
QString deployedModelIdProblem(const QString &id);

// The machine type a DeployedModel gets when the request names none.
inline constexpr const char *kDefaultServingMachine = "n1-standard-2";
// Vertex AI's online prediction payload limit, for requests and responses (1.5 MB).
inline constexpr qint64 kPredictPayloadLimit = 1536 * 1024;

// The ray_io_cluster label of the serving instance's metrics in rovd's Prometheus: not a
// cluster id (none starts with "_"), so no cluster's charts mix with it.
inline constexpr const char *kServingScrapeId = "_serving";
// The Serve application of a deployed model is "dm-<deployed model id>-<hash of the endpoint>":
// its metrics carry it as the application label.
inline constexpr const char *kServeAppPrefix = "dm-";

// The operation metadata types (type.googleapis.com/google.cloud.aiplatform.v1.<name>).
inline constexpr const char *kUploadModelMetadata = "UploadModelOperationMetadata";
inline constexpr const char *kCreateEndpointMetadata = "CreateEndpointOperationMetadata";
inline constexpr const char *kDeployModelMetadata = "DeployModelOperationMetadata";
inline constexpr const char *kUndeployModelMetadata = "UndeployModelOperationMetadata";
inline constexpr const char *kMutateDeployedModelMetadata = "MutateDeployedModelOperationMetadata";
inline constexpr const char *kDeleteMetadata = "DeleteOperationMetadata";

} // namespace rov::api::vertex::serving
