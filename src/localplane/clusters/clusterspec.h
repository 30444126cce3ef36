#pragma once

#include "api/vertex/wire.h"

#include <QString>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

namespace rov::localplane {

namespace wire = api::vertex::wire;

struct PoolSpec
{
    QString id;
    QString machineType;
    QString acceleratorType = QStringLiteral("ACCELERATOR_TYPE_UNSPECIFIED");
    int acceleratorCount = 0;
    qint64 replicaCount = 1; // for the head pool, the head node included
    bool autoscaling = false;
    qint64 minReplicaCount = 0;
    qint64 maxReplicaCount = 0;
    QString bootDiskType = QStringLiteral("pd-ssd");
    int bootDiskSizeGb = 100;
    QString imageUri;

    // The nodes a new cluster starts with in this pool.
    qint64 initialNodes() const { return autoscaling ? minReplicaCount : replicaCount; }
};

// What a client asked for in a PersistentResource that runs Ray, checked and normalised.
struct ClusterSpec
{
    QString displayName;
    std::vector<PoolSpec> pools;
    QString headPoolId;
    QString rayVersion;    // "2.47"
    QString pythonVersion; // "3.11"
    bool metricsExportDisabled = false;
    bool logsExportDisabled = false;
    nlohmann::json labels = nlohmann::json::object();
    QString network;
    nlohmann::json pscInterfaceConfig; // null when absent
    nlohmann::json encryptionSpec;
    nlohmann::json reservedIpRanges;
    nlohmann::json serviceAccountSpec;
    nlohmann::json nfsMounts; // v1beta1 only

    const PoolSpec *pool(const QString &id) const;
    const PoolSpec &headPool() const { return *pool(headPoolId); }
    qint64 initialNodeCount() const;

    struct RenderOptions
    {
        bool enumsAsIntegers = false;
        bool v1beta1 = true;
        std::map<QString, qint64> usedReplicaCounts; // by pool id; absent pools show 0
    };
    // The PersistentResource fields that describe the cluster (no name, state or times).
    nlohmann::json toJson(const RenderOptions &options) const;
};

} // namespace rov::localplane
