#include "clusterspecparser.h"

#include "api/vertex/wire.h"

#include <QRegularExpression>
#include <QSet>

namespace rov::localplane {

using nlohmann::json;
using rest::ApiError;

namespace {

constexpr qint64 kMaxNodesPerPool = 1000;
constexpr qint64 kMaxNodesPerCluster = 2000;
constexpr int kMaxDisplayName = 128;

// Thrown inside the parser only; parse() turns it into an ApiError value.
struct SpecProblem
{
    ApiError error;
};

[[noreturn]] void refuse(const QString &message,
                         const QString &status = QStringLiteral("INVALID_ARGUMENT"))
{
    throw SpecProblem{ApiError::withStatus(status, message)};
}

QString text(const json *value)
{
    return value && value->is_string() ? QString::fromStdString(value->get<std::string>())
                                       : QString();
}

qint64 int64Field(const json &object, const char *camel, const char *snake, const QString &path,
                  qint64 fallback)
{
    const json *value = wire::member(object, camel, snake);
    if (!value)
        return fallback;
    const auto number = wire::readInt64(*value);
    if (!number)
        refuse(QStringLiteral("%1 must be an integer (a JSON number or a decimal string), not %2")
                   .arg(path, QString::fromStdString(value->dump())));
    return *number;
}

bool disabledFlag(const json &raySpec, const char *camel, const char *snake)
{
    const json *spec = wire::member(raySpec, camel, snake);
    const json *disabled = spec ? wire::member(*spec, "disabled") : nullptr;
    return disabled && disabled->is_boolean() && disabled->get<bool>();
}

QString defaultPoolId(size_t index)
{
    return index == 0 ? QStringLiteral("head-node") : QStringLiteral("worker-pool%1").arg(index);
}

} // namespace

ClusterSpecParser::ClusterSpecParser(const catalog::MachineCatalog &catalog, RuntimeSupport support)
    : m_catalog(catalog), m_support(std::move(support))
{}

QString ClusterSpecParser::checkResourceId(const QString &id)
{
    return wire::resourceIdMessage(wire::checkResourceId(id), id);
}

QString ClusterSpecParser::runtimeImage() const
{
    return wire::prebuiltImage({m_support.rayVersion, m_support.pythonVersion, false});
}

std::variant<ClusterSpec, ApiError> ClusterSpecParser::parse(const json &resource,
                                                             bool v1beta1) const
{
    try {
        if (!resource.is_object())
            refuse(QStringLiteral("The request body must be a JSON object: a PersistentResource"));
        ClusterSpec spec;
        spec.displayName = text(wire::member(resource, "displayName", "display_name"));
        if (spec.displayName.size() > kMaxDisplayName)
            refuse(QStringLiteral("displayName is %1 characters long; at most %2 are allowed")
                       .arg(spec.displayName.size())
                       .arg(kMaxDisplayName));

        const json *pools = wire::member(resource, "resourcePools", "resource_pools");
        if (!pools || !pools->is_array() || pools->empty())
            refuse(QStringLiteral("resourcePools is required: give at least the head node's pool"));
        QSet<QString> ids;
        for (size_t index = 0; index < pools->size(); ++index) {
            PoolSpec pool;
            readPool((*pools)[index], index, pool);
            if (ids.contains(pool.id))
                refuse(QStringLiteral("resourcePools[%1].id \"%2\" is used by another pool; pool "
                                      "ids must be unique")
                           .arg(index)
                           .arg(pool.id));
            ids.insert(pool.id);
            spec.pools.push_back(pool);
        }

        const json *runtime =
            wire::member(resource, "resourceRuntimeSpec", "resource_runtime_spec");
        const json *raySpec = runtime ? wire::member(*runtime, "raySpec", "ray_spec") : nullptr;
        if (!raySpec || !raySpec->is_object())
            refuse(QStringLiteral(
                "resourceRuntimeSpec.raySpec is required: this backend runs Ray clusters only"));
        spec.headPoolId =
            text(wire::member(*raySpec, "headNodeResourcePoolId", "head_node_resource_pool_id"));
        if (spec.headPoolId.isEmpty())
            spec.headPoolId = spec.pools.front().id;
        if (!spec.pool(spec.headPoolId))
            refuse(QStringLiteral(
                       "raySpec.headNodeResourcePoolId \"%1\" names no pool; the pools are: %2")
                       .arg(spec.headPoolId, QStringList(ids.values()).join(QStringLiteral(", "))));
        spec.metricsExportDisabled = disabledFlag(*raySpec, "rayMetricSpec", "ray_metric_spec");
        spec.logsExportDisabled = disabledFlag(*raySpec, "rayLogsSpec", "ray_logs_spec");
        if (v1beta1) {
            if (const json *mounts = wire::member(*raySpec, "nfsMounts", "nfs_mounts");
                mounts && mounts->is_array())
                spec.nfsMounts = *mounts;
        }
        if (const json *account =
                wire::member(*runtime, "serviceAccountSpec", "service_account_spec"))
            spec.serviceAccountSpec = *account;
        readImages(*raySpec, spec);
        readVersions(spec);

        const PoolSpec &head = spec.headPool();
        if (head.autoscaling)
            refuse(QStringLiteral("The head pool \"%1\" cannot autoscale: give it a replicaCount")
                       .arg(head.id));
        if (head.replicaCount < 1)
            refuse(QStringLiteral("The head pool \"%1\" needs replicaCount 1 or more: its count "
                                  "includes the head node")
                       .arg(head.id));
        if (spec.initialNodeCount() > kMaxNodesPerCluster)
            refuse(QStringLiteral("The cluster asks for %1 nodes; a cluster has at most %2")
                       .arg(spec.initialNodeCount())
                       .arg(kMaxNodesPerCluster));
        if (spec.initialNodeCount() > m_support.maxNodesPerCluster)
            refuse(
                QStringLiteral(
                    "The cluster asks for %1 Ray nodes, but this machine can host at most %2: "
                    "every "
                    "node is a set of Ray processes that needs about 0.5 to 1.5 GB of memory. Use "
                    "fewer replicas, or Google Cloud for larger clusters")
                    .arg(spec.initialNodeCount())
                    .arg(m_support.maxNodesPerCluster),
                QStringLiteral("RESOURCE_EXHAUSTED"));

        if (const json *labels = wire::member(resource, "labels"))
            checkLabels(*labels), spec.labels = *labels;
        checkNetworking(resource, spec);
        return spec;
    } catch (const SpecProblem &problem) {
        return problem.error;
    }
}

void ClusterSpecParser::readPool(const json &pool, size_t index, PoolSpec &spec) const
{
    const QString path = QStringLiteral("resourcePools[%1]").arg(index);
    if (!pool.is_object())
        refuse(QStringLiteral("%1 must be a JSON object").arg(path));
    spec.id = text(wire::member(pool, "id"));
    if (spec.id.isEmpty())
        spec.id = defaultPoolId(index);
    if (wire::checkResourceId(spec.id) != wire::IdProblem::None)
        refuse(
            QStringLiteral(
                "%1.id \"%2\" is not valid: use lower-case letters, digits and hyphens, starting "
                "with a letter")
                .arg(path, spec.id));

    const json *machine = wire::member(pool, "machineSpec", "machine_spec");
    spec.machineType =
        machine ? text(wire::member(*machine, "machineType", "machine_type")) : QString();
    if (spec.machineType.isEmpty())
        refuse(QStringLiteral("%1.machineSpec.machineType is required; known types: %2")
                   .arg(path, m_catalog.machineNames().join(QStringLiteral(", "))));
    const auto type = m_catalog.machine(spec.machineType);
    if (!type)
        refuse(
            QStringLiteral(
                "%1.machineSpec.machineType \"%2\" is not a machine type this backend knows; known "
                "types: %3")
                .arg(path, spec.machineType, m_catalog.machineNames().join(QStringLiteral(", "))));
    if (const json *accelerator = wire::member(*machine, "acceleratorType", "accelerator_type")) {
        const auto name = wire::acceleratorTypeName(*accelerator);
        if (!name)
            refuse(QStringLiteral("%1.machineSpec.acceleratorType %2 is unknown; known types: %3")
                       .arg(path, QString::fromStdString(accelerator->dump()),
                            wire::acceleratorTypeNames().join(QStringLiteral(", "))));
        spec.acceleratorType = *name;
    }
    spec.acceleratorCount =
        int(int64Field(*machine, "acceleratorCount", "accelerator_count",
                       path + QStringLiteral(".machineSpec.acceleratorCount"), 0));
    if (spec.acceleratorCount < 0)
        refuse(QStringLiteral("%1.machineSpec.acceleratorCount cannot be negative").arg(path));
    const bool wantsAccelerator =
        spec.acceleratorCount > 0 &&
        spec.acceleratorType != QLatin1String("ACCELERATOR_TYPE_UNSPECIFIED");
    if (wantsAccelerator || type->bundledAcceleratorCount > 0)
        refuse(
            QStringLiteral(
                "%1 asks for %2 accelerators, but this machine has no GPU or TPU that Ray could "
                "use. "
                "Choose a machine type without accelerators, or run this cluster on Google Cloud")
                .arg(path)
                .arg(wantsAccelerator ? spec.acceleratorType : type->bundledAccelerator),
            QStringLiteral("INVALID_ARGUMENT"));

    spec.replicaCount = int64Field(pool, "replicaCount", "replica_count",
                                   path + QStringLiteral(".replicaCount"), 1);
    if (const json *autoscaling = wire::member(pool, "autoscalingSpec", "autoscaling_spec")) {
        spec.autoscaling = true;
        spec.minReplicaCount =
            int64Field(*autoscaling, "minReplicaCount", "min_replica_count",
                       path + QStringLiteral(".autoscalingSpec.minReplicaCount"), 1);
        spec.maxReplicaCount =
            int64Field(*autoscaling, "maxReplicaCount", "max_replica_count",
                       path + QStringLiteral(".autoscalingSpec.maxReplicaCount"), 0);
        if (spec.minReplicaCount < 1)
            refuse(QStringLiteral("%1.autoscalingSpec.minReplicaCount is %2; a worker pool never "
                                  "goes below 1 replica")
                       .arg(path)
                       .arg(spec.minReplicaCount));
        if (spec.maxReplicaCount <= spec.minReplicaCount)
            refuse(QStringLiteral("%1.autoscalingSpec.maxReplicaCount (%2) must be greater than "
                                  "minReplicaCount (%3)")
                       .arg(path)
                       .arg(spec.maxReplicaCount)
                       .arg(spec.minReplicaCount));
        if (spec.maxReplicaCount > kMaxNodesPerPool)
            refuse(QStringLiteral(
                       "%1.autoscalingSpec.maxReplicaCount is %2; a pool has at most %3 nodes")
                       .arg(path)
                       .arg(spec.maxReplicaCount)
                       .arg(kMaxNodesPerPool));
        spec.replicaCount = spec.minReplicaCount;
    } else if (spec.replicaCount < 1) {
        refuse(QStringLiteral("%1.replicaCount is %2; a pool needs at least 1 replica")
                   .arg(path)
                   .arg(spec.replicaCount));
    } else if (spec.replicaCount > kMaxNodesPerPool) {
        refuse(QStringLiteral("%1.replicaCount is %2; a pool has at most %3 nodes")
                   .arg(path)
                   .arg(spec.replicaCount)
                   .arg(kMaxNodesPerPool));
    }

    if (const json *disk = wire::member(pool, "diskSpec", "disk_spec")) {
        if (const QString diskType = text(wire::member(*disk, "bootDiskType", "boot_disk_type"));
            !diskType.isEmpty())
            spec.bootDiskType = diskType;
        spec.bootDiskSizeGb =
            int(int64Field(*disk, "bootDiskSizeGb", "boot_disk_size_gb",
                           path + QStringLiteral(".diskSpec.bootDiskSizeGb"), 100));
    }
    static const QStringList diskTypes{QStringLiteral("pd-ssd"), QStringLiteral("pd-standard"),
                                       QStringLiteral("hyperdisk-balanced")};
    if (!diskTypes.contains(spec.bootDiskType))
        refuse(QStringLiteral("%1.diskSpec.bootDiskType \"%2\" is not one of %3")
                   .arg(path, spec.bootDiskType, diskTypes.join(QStringLiteral(", "))));
    if (spec.bootDiskSizeGb < 100 || spec.bootDiskSizeGb > 64000)
        refuse(QStringLiteral("%1.diskSpec.bootDiskSizeGb is %2; it must be between 100 and 64000")
                   .arg(path)
                   .arg(spec.bootDiskSizeGb));
}

void ClusterSpecParser::readImages(const json &raySpec, ClusterSpec &spec) const
{
    const QString shared = text(wire::member(raySpec, "imageUri", "image_uri"));
    const json *perPool = wire::member(raySpec, "resourcePoolImages", "resource_pool_images");
    if (perPool && !perPool->is_object())
        refuse(QStringLiteral("raySpec.resourcePoolImages must map pool ids to image URIs"));
    if (perPool) {
        for (const auto &[poolId, image] : perPool->items()) {
            if (!spec.pool(QString::fromStdString(poolId)))
                refuse(QStringLiteral("raySpec.resourcePoolImages names pool \"%1\", which is not "
                                      "in resourcePools")
                           .arg(QString::fromStdString(poolId)));
        }
    }
    const QString fallback = runtimeImage();
    for (auto &pool : spec.pools) {
        const json *image =
            perPool ? wire::member(*perPool, pool.id.toStdString().c_str()) : nullptr;
        pool.imageUri = image ? text(image) : shared;
        if (pool.imageUri.isEmpty())
            pool.imageUri = fallback;
    }
}

void ClusterSpecParser::readVersions(ClusterSpec &spec) const
{
    const QString runnable = QStringLiteral("Ray %1 with Python %2 (image %3)")
                                 .arg(m_support.rayVersion, m_support.pythonVersion,
                                      runtimeImage().section(QLatin1Char('/'), -1));
    for (const auto &pool : spec.pools) {
        const auto image = wire::parseRayImage(pool.imageUri);
        if (!image)
            refuse(QStringLiteral(
                       "Pool \"%1\": cannot read a Ray and Python version from image \"%2\"; this "
                       "machine runs %3")
                       .arg(pool.id, pool.imageUri, runnable));
        if (image->rayVersion != m_support.rayVersion ||
            image->pythonVersion != m_support.pythonVersion)
            refuse(QStringLiteral("Pool \"%1\" asks for Ray %2 with Python %3, which this machine "
                                  "cannot run; it runs %4")
                       .arg(pool.id, image->rayVersion, image->pythonVersion, runnable));
        if (!spec.rayVersion.isEmpty() && spec.rayVersion != image->rayVersion)
            refuse(QStringLiteral("All pools of a cluster must run the same Ray version"));
        spec.rayVersion = image->rayVersion;
        spec.pythonVersion = image->pythonVersion;
    }
}

void ClusterSpecParser::checkNetworking(const json &resource, ClusterSpec &spec) const
{
    spec.network = text(wire::member(resource, "network"));
    if (const json *psc = wire::member(resource, "pscInterfaceConfig", "psc_interface_config"))
        spec.pscInterfaceConfig = *psc;
    if (!spec.network.isEmpty() && !spec.pscInterfaceConfig.is_null())
        refuse(QStringLiteral(
            "Give either network (VPC peering) or pscInterfaceConfig (Private Service Connect), "
            "not both"));
    static const QRegularExpression networkRule(
        QStringLiteral("^projects/[^/]+/global/networks/[^/]+$"));
    if (!spec.network.isEmpty() && !networkRule.match(spec.network).hasMatch())
        refuse(QStringLiteral(
                   "network \"%1\" must look like projects/{project number}/global/networks/{name}")
                   .arg(spec.network));
    if (const json *encryption = wire::member(resource, "encryptionSpec", "encryption_spec"))
        spec.encryptionSpec = *encryption;
    if (const json *ranges = wire::member(resource, "reservedIpRanges", "reserved_ip_ranges"))
        spec.reservedIpRanges = *ranges;
}

void ClusterSpecParser::checkLabels(const json &labels) const
{
    if (!labels.is_object())
        refuse(QStringLiteral("labels must map keys to values"));
    static const QRegularExpression keyRule(QStringLiteral("^[a-z][a-z0-9_-]{0,63}$"));
    static const QRegularExpression valueRule(QStringLiteral("^[a-z0-9_-]{0,64}$"));
    for (const auto &[key, value] : labels.items()) {
        const QString name = QString::fromStdString(key);
        if (!keyRule.match(name).hasMatch())
            refuse(
                QStringLiteral(
                    "Label key \"%1\" is not valid: up to 64 lower-case letters, digits, _ and -, "
                    "starting with a letter")
                    .arg(name));
        if (!value.is_string() ||
            !valueRule.match(QString::fromStdString(value.get<std::string>())).hasMatch())
            refuse(QStringLiteral("Label \"%1\" has value %2: values are up to 64 lower-case "
                                  "letters, digits, _ and -")
                       .arg(name, QString::fromStdString(value.dump())));
    }
}

} // namespace rov::localplane
