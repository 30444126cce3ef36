#include "clusterspec.h"

#include "api/vertex/wire.h"

namespace rov::localplane {

const PoolSpec *ClusterSpec::pool(const QString &id) const
{
    for (const auto &candidate : pools) {
        if (candidate.id == id)
            return &candidate;
    }
    return nullptr;
}

qint64 ClusterSpec::initialNodeCount() const
{
    qint64 total = 0;
    for (const auto &candidate : pools)
        total += candidate.initialNodes();
    return total;
}

nlohmann::json ClusterSpec::toJson(const RenderOptions &options) const
{
    using nlohmann::json;
    json pools = json::array();
    json images = json::object();
    for (const auto &spec : this->pools) {
        json machine = {{"machineType", spec.machineType.toStdString()}};
        if (spec.acceleratorCount > 0) {
            machine["acceleratorType"] = wire::encode(
                spec.acceleratorType, wire::acceleratorTypeNumber(spec.acceleratorType),
                options.enumsAsIntegers);
            machine["acceleratorCount"] = spec.acceleratorCount;
        }
        const auto used = options.usedReplicaCounts.find(spec.id);
        json pool = {{"id", spec.id.toStdString()},
                     {"machineSpec", machine},
                     {"replicaCount", std::to_string(spec.replicaCount)},
                     {"diskSpec",
                      {{"bootDiskType", spec.bootDiskType.toStdString()},
                       {"bootDiskSizeGb", spec.bootDiskSizeGb}}},
                     {"usedReplicaCount",
                      std::to_string(used == options.usedReplicaCounts.end() ? 0 : used->second)}};
        if (spec.autoscaling)
            pool["autoscalingSpec"] = {{"minReplicaCount", std::to_string(spec.minReplicaCount)},
                                       {"maxReplicaCount", std::to_string(spec.maxReplicaCount)}};
        pools.push_back(std::move(pool));
        images[spec.id.toStdString()] = spec.imageUri.toStdString();
    }

    json raySpec = {{"resourcePoolImages", images},
                    {"headNodeResourcePoolId", headPoolId.toStdString()},
                    {"rayMetricSpec", {{"disabled", metricsExportDisabled}}},
                    {"rayLogsSpec", {{"disabled", logsExportDisabled}}}};
    if (options.v1beta1 && nfsMounts.is_array() && !nfsMounts.empty())
        raySpec["nfsMounts"] = nfsMounts;
    json runtimeSpec = {{"raySpec", raySpec}};
    if (!serviceAccountSpec.is_null())
        runtimeSpec["serviceAccountSpec"] = serviceAccountSpec;

    json resource = {{"displayName", displayName.toStdString()},
                     {"resourcePools", pools},
                     {"resourceRuntimeSpec", runtimeSpec},
                     {"labels", labels}};
    if (!network.isEmpty())
        resource["network"] = network.toStdString();
    for (const auto &[key, value] : {std::pair{"pscInterfaceConfig", &pscInterfaceConfig},
                                     std::pair{"encryptionSpec", &encryptionSpec},
                                     std::pair{"reservedIpRanges", &reservedIpRanges}}) {
        if (!value->is_null())
            resource[key] = *value;
    }
    return resource;
}

} // namespace rov::localplane
