#pragma once

#include "wire.h"

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace rov::api::vertex {

using wire::ClusterState;
inline ClusterState clusterStateFromJson(const nlohmann::json &value) // a name or Google's number
{
    return wire::stateFromJson(value);
}
inline QString clusterStateName(ClusterState state) // "RUNNING"
{
    return wire::stateName(state);
}
// Billed while RUNNING or UPDATING only.
inline bool isBilled(ClusterState state)
{
    return state == ClusterState::Running || state == ClusterState::Updating;
}
// PROVISIONING, UPDATING, REBOOTING, STOPPING: something is about to change.
bool isChanging(ClusterState state);

struct MachineSpec
{
    QString machineType;
    QString acceleratorType; // empty for none
    int acceleratorCount = 0;
};

struct ResourcePool
{
    QString id;
    MachineSpec machine;
    qint64 replicaCount = 1;
    qint64 usedReplicaCount = 0;                          // output only
    std::optional<std::pair<qint64, qint64>> autoscaling; // min, max
    QString bootDiskType = QStringLiteral("pd-ssd");
    int bootDiskSizeGb = 100;

    nlohmann::json toJson() const;
    static ResourcePool fromJson(const nlohmann::json &json);
};

// A Vertex AI PersistentResource that runs Ray. Fields this console does not use are kept in
// `extra` so that nothing a backend sends is lost on a round trip.
struct PersistentResource
{
    QString name; // projects/{p}/locations/{l}/persistentResources/{id}
    QString displayName;
    ClusterState state = ClusterState::Unspecified;
    QString errorMessage;
    QDateTime createTime, startTime, updateTime;
    std::vector<ResourcePool> pools;
    QString headPoolId;
    QString imageUri;                      // raySpec.imageUri (custom image), may be empty
    std::map<QString, QString> poolImages; // raySpec.resourcePoolImages
    std::map<QString, QString> accessUris; // resourceRuntime.accessUris
    std::map<QString, QString> labels;
    QString network;
    QStringList reservedIpRanges;
    QString networkAttachment; // pscInterfaceConfig.networkAttachment
    QString serviceAccount;    // resourceRuntimeSpec.serviceAccountSpec.serviceAccount
    QString kmsKeyName;        // encryptionSpec.kmsKeyName
    bool metricsExportDisabled = false;
    bool logsExportDisabled = false;
    nlohmann::json extra = nlohmann::json::object();

    QString id() const { return name.section(QLatin1Char('/'), -1); }
    QString location() const { return name.section(QLatin1Char('/'), 3, 3); }
    const ResourcePool *headPool() const;
    // "2.47" from an image such as ".../ray-cpu.2-47.py311:latest"; empty when it is not one.
    std::optional<wire::RayImage> rayImage() const;
    QString rayVersion() const;
    QString pythonVersion() const;
    qint64 liveNodes() const;

    // The create body (or the resource as the backend returns it, with `name` and outputs).
    nlohmann::json toJson() const;
    static PersistentResource fromJson(const nlohmann::json &json);
};

// "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest" for a Ray and Python version.
inline QString prebuiltImage(const QString &rayVersion, const QString &pythonVersion, bool gpu)
{
    return wire::prebuiltImage({rayVersion, pythonVersion, gpu});
}

// The API's rule for persistentResourceId (the console shows its own translated text for each
// reason).
using wire::IdProblem;
inline IdProblem checkClusterId(const QString &id)
{
    return wire::checkResourceId(id);
}

} // namespace rov::api::vertex
