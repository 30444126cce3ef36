#include "persistentresource.h"

#include "rest/apierror.h"
#include "rest/jsonfields.h"

namespace rov::api::vertex {

using nlohmann::json;
using rest::member;

namespace {

QString str(const json &object, const char *camel, const char *snake = "")
{
    const json *value = member(object, camel, snake);
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>())
                                       : QString();
}

qint64 int64(const json &object, const char *camel, const char *snake, qint64 fallback)
{
    const json *value = member(object, camel, snake);
    if (!value)
        return fallback;
    if (value->is_number_integer())
        return value->get<qint64>();
    if (value->is_string()) {
        bool ok = false;
        const qint64 parsed = QString::fromStdString(value->get<std::string>()).toLongLong(&ok);
        return ok ? parsed : fallback;
    }
    return fallback;
}

QDateTime time(const json &object, const char *camel, const char *snake)
{
    const QString text = str(object, camel, snake);
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

std::map<QString, QString> stringMap(const json *object)
{
    std::map<QString, QString> result;
    if (object && object->is_object()) {
        for (const auto &[key, value] : object->items()) {
            if (value.is_string())
                result[QString::fromStdString(key)] =
                    QString::fromStdString(value.get<std::string>());
        }
    }
    return result;
}

json toObject(const std::map<QString, QString> &map)
{
    json object = json::object();
    for (const auto &[key, value] : map)
        object[key.toStdString()] = value.toStdString();
    return object;
}

std::string text(const QString &value)
{
    return value.toStdString();
}

} // namespace

bool isChanging(ClusterState state)
{
    return state == ClusterState::Provisioning || state == ClusterState::Updating ||
           state == ClusterState::Rebooting || state == ClusterState::Stopping;
}

json ResourcePool::toJson() const
{
    json machineJson = {{"machineType", text(machine.machineType)}};
    if (machine.acceleratorCount > 0 && !machine.acceleratorType.isEmpty()) {
        machineJson["acceleratorType"] = text(machine.acceleratorType);
        machineJson["acceleratorCount"] = machine.acceleratorCount;
    }
    json pool = {
        {"id", text(id)},
        {"machineSpec", machineJson},
        {"diskSpec", {{"bootDiskType", text(bootDiskType)}, {"bootDiskSizeGb", bootDiskSizeGb}}}};
    if (autoscaling)
        pool["autoscalingSpec"] = {{"minReplicaCount", std::to_string(autoscaling->first)},
                                   {"maxReplicaCount", std::to_string(autoscaling->second)}};
    else
        pool["replicaCount"] = std::to_string(replicaCount);
    return pool;
}

ResourcePool ResourcePool::fromJson(const json &object)
{
    ResourcePool pool;
    pool.id = str(object, "id");
    if (const json *machine = member(object, "machineSpec", "machine_spec")) {
        pool.machine.machineType = str(*machine, "machineType", "machine_type");
        const json *type = member(*machine, "acceleratorType", "accelerator_type");
        if (type && type->is_string() && type->get<std::string>() != "ACCELERATOR_TYPE_UNSPECIFIED")
            pool.machine.acceleratorType = QString::fromStdString(type->get<std::string>());
        pool.machine.acceleratorCount =
            int(int64(*machine, "acceleratorCount", "accelerator_count", 0));
    }
    pool.replicaCount = int64(object, "replicaCount", "replica_count", 1);
    pool.usedReplicaCount = int64(object, "usedReplicaCount", "used_replica_count", 0);
    if (const json *scaling = member(object, "autoscalingSpec", "autoscaling_spec"))
        pool.autoscaling = std::pair{int64(*scaling, "minReplicaCount", "min_replica_count", 1),
                                     int64(*scaling, "maxReplicaCount", "max_replica_count", 1)};
    if (const json *disk = member(object, "diskSpec", "disk_spec")) {
        pool.bootDiskType = str(*disk, "bootDiskType", "boot_disk_type");
        pool.bootDiskSizeGb = int(int64(*disk, "bootDiskSizeGb", "boot_disk_size_gb", 100));
    }
    return pool;
}

const ResourcePool *PersistentResource::headPool() const
{
    for (const auto &pool : pools) {
        if (pool.id == headPoolId)
            return &pool;
    }
    return pools.empty() ? nullptr : &pools.front();
}

std::optional<wire::RayImage> PersistentResource::rayImage() const
{
    QString image = imageUri;
    if (image.isEmpty() && !poolImages.empty())
        image = poolImages.begin()->second;
    return wire::parseRayImage(image);
}

QString PersistentResource::rayVersion() const
{
    const auto image = rayImage();
    return image ? image->rayVersion : QString();
}

QString PersistentResource::pythonVersion() const
{
    const auto image = rayImage();
    return image ? image->pythonVersion : QString();
}

qint64 PersistentResource::liveNodes() const
{
    qint64 total = 0;
    for (const auto &pool : pools)
        total += pool.usedReplicaCount;
    return total;
}

json PersistentResource::toJson() const
{
    json object = extra.is_object() ? extra : json::object();
    if (!name.isEmpty())
        object["name"] = text(name);
    if (!displayName.isEmpty())
        object["displayName"] = text(displayName);
    json poolList = json::array();
    for (const auto &pool : pools)
        poolList.push_back(pool.toJson());
    object["resourcePools"] = poolList;
    json raySpec = {{"rayMetricSpec", {{"disabled", metricsExportDisabled}}},
                    {"rayLogsSpec", {{"disabled", logsExportDisabled}}}};
    if (!imageUri.isEmpty())
        raySpec["imageUri"] = text(imageUri);
    if (!poolImages.empty())
        raySpec["resourcePoolImages"] = toObject(poolImages);
    if (!headPoolId.isEmpty())
        raySpec["headNodeResourcePoolId"] = text(headPoolId);
    json runtimeSpec = {{"raySpec", raySpec}};
    if (!serviceAccount.isEmpty())
        runtimeSpec["serviceAccountSpec"] = {{"enableCustomServiceAccount", true},
                                             {"serviceAccount", text(serviceAccount)}};
    object["resourceRuntimeSpec"] = runtimeSpec;
    if (!labels.empty())
        object["labels"] = toObject(labels);
    if (!network.isEmpty())
        object["network"] = text(network);
    if (!reservedIpRanges.isEmpty()) {
        json ranges = json::array();
        for (const auto &range : reservedIpRanges)
            ranges.push_back(text(range));
        object["reservedIpRanges"] = ranges;
    }
    if (!networkAttachment.isEmpty())
        object["pscInterfaceConfig"] = {{"networkAttachment", text(networkAttachment)}};
    if (!kmsKeyName.isEmpty())
        object["encryptionSpec"] = {{"kmsKeyName", text(kmsKeyName)}};
    return object;
}

PersistentResource PersistentResource::fromJson(const json &object)
{
    PersistentResource resource;
    if (!object.is_object())
        return resource;
    resource.extra = object;
    for (const char *known :
         {"name", "displayName", "state", "error", "createTime", "startTime", "updateTime",
          "resourcePools", "resourceRuntimeSpec", "resourceRuntime", "labels", "network",
          "reservedIpRanges", "pscInterfaceConfig", "encryptionSpec"})
        resource.extra.erase(known);
    // Outputs are never sent back.
    resource.name = str(object, "name");
    resource.displayName = str(object, "displayName", "display_name");
    if (const json *state = member(object, "state", "state"))
        resource.state = clusterStateFromJson(*state);
    if (const json *error = member(object, "error", "error"); error && error->is_object())
        // In the reader's language when the server said it in that language too.
        resource.errorMessage = rest::ApiError::fromRpcStatus(*error).message;
    resource.createTime = time(object, "createTime", "create_time");
    resource.startTime = time(object, "startTime", "start_time");
    resource.updateTime = time(object, "updateTime", "update_time");
    if (const json *pools = member(object, "resourcePools", "resource_pools");
        pools && pools->is_array()) {
        for (const auto &pool : *pools)
            resource.pools.push_back(ResourcePool::fromJson(pool));
    }
    if (const json *runtimeSpec = member(object, "resourceRuntimeSpec", "resource_runtime_spec")) {
        if (const json *ray = member(*runtimeSpec, "raySpec", "ray_spec")) {
            resource.imageUri = str(*ray, "imageUri", "image_uri");
            resource.poolImages =
                stringMap(member(*ray, "resourcePoolImages", "resource_pool_images"));
            resource.headPoolId = str(*ray, "headNodeResourcePoolId", "head_node_resource_pool_id");
            if (const json *metrics = member(*ray, "rayMetricSpec", "ray_metric_spec"))
                resource.metricsExportDisabled = metrics->value("disabled", false);
            if (const json *logs = member(*ray, "rayLogsSpec", "ray_logs_spec"))
                resource.logsExportDisabled = logs->value("disabled", false);
        }
        if (const json *account =
                member(*runtimeSpec, "serviceAccountSpec", "service_account_spec"))
            resource.serviceAccount = str(*account, "serviceAccount", "service_account");
    }
    if (resource.headPoolId.isEmpty() && !resource.pools.empty())
        resource.headPoolId = resource.pools.front().id;
    if (const json *runtime = member(object, "resourceRuntime", "resource_runtime"))
        resource.accessUris = stringMap(member(*runtime, "accessUris", "access_uris"));
    resource.labels = stringMap(member(object, "labels", "labels"));
    resource.network = str(object, "network");
    if (const json *ranges = member(object, "reservedIpRanges", "reserved_ip_ranges");
        ranges && ranges->is_array()) {
        for (const auto &range : *ranges) {
            if (range.is_string())
                resource.reservedIpRanges << QString::fromStdString(range.get<std::string>());
        }
    }
    if (const json *psc = member(object, "pscInterfaceConfig", "psc_interface_config"))
        resource.networkAttachment = str(*psc, "networkAttachment", "network_attachment");
    if (const json *encryption = member(object, "encryptionSpec", "encryption_spec"))
        resource.kmsKeyName = str(*encryption, "kmsKeyName", "kms_key_name");
    return resource;
}

} // namespace rov::api::vertex
