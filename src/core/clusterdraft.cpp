#include "clusterdraft.h"

#include "api/vertex/vertexclient.h"

#include <QUrl>

namespace rov::core {

using api::vertex::IdProblem;
using api::vertex::PersistentResource;
using api::vertex::ResourcePool;

ClusterDraft::ClusterDraft()
{
    head.id = QStringLiteral("head-node");
    head.machine.machineType = QStringLiteral("n1-standard-4");
    head.replicaCount = 1;
    ResourcePool worker;
    worker.id = QStringLiteral("worker-pool1");
    worker.machine.machineType = QStringLiteral("n1-standard-4");
    worker.replicaCount = 1;
    workers.push_back(worker);
}

QString ClusterDraft::idProblemText(IdProblem problem)
{
    switch (problem) {
    case IdProblem::None:
        return {};
    case IdProblem::Empty:
        return tr("Give the cluster an id.");
    case IdProblem::TooLong:
        return tr("The id has more than 63 characters.");
    case IdProblem::FirstNotLetter:
        return tr("The id must start with a lower-case letter.");
    case IdProblem::BadCharacter:
        return tr("Use only lower-case letters, digits and hyphens.");
    case IdProblem::EndsWithHyphen:
        return tr("The id cannot end with a hyphen.");
    }
    return {};
}

qint64 ClusterDraft::nodesAtMost() const
{
    qint64 total = head.replicaCount;
    for (const auto &pool : workers)
        total += pool.autoscaling ? pool.autoscaling->second : pool.replicaCount;
    return total;
}

std::vector<ClusterDraft::Problem> ClusterDraft::problems(int maxNodesPerCluster) const
{
    std::vector<Problem> found;
    if (const auto problem = api::vertex::checkClusterId(id); problem != IdProblem::None)
        found.push_back({QStringLiteral("id"), idProblemText(problem)});
    if ((head.machine.acceleratorCount > 0) != !head.machine.acceleratorType.isEmpty())
        found.push_back({QStringLiteral("head/accelerator"),
                         tr("Choose an accelerator type and a count, or neither.")});
    QStringList ids{head.id};
    for (size_t index = 0; index < workers.size(); ++index) {
        const ResourcePool &pool = workers[index];
        const QString prefix = QStringLiteral("pools/%1/").arg(index);
        if (api::vertex::checkClusterId(pool.id) != IdProblem::None)
            found.push_back({prefix + QStringLiteral("id"),
                             tr("Pool id \"%1\": lower-case letters, digits and hyphens, starting "
                                "with a letter.")
                                 .arg(pool.id)});
        else if (ids.contains(pool.id))
            found.push_back(
                {prefix + QStringLiteral("id"), tr("Two pools are called \"%1\".").arg(pool.id)});
        ids << pool.id;
        if (pool.autoscaling) {
            if (pool.autoscaling->first < 1)
                found.push_back(
                    {prefix + QStringLiteral("min"), tr("A worker pool keeps at least 1 node.")});
            if (pool.autoscaling->second <= pool.autoscaling->first)
                found.push_back({prefix + QStringLiteral("max"),
                                 tr("The maximum (%1) must be greater than the minimum (%2).")
                                     .arg(pool.autoscaling->second)
                                     .arg(pool.autoscaling->first)});
        } else if (pool.replicaCount < 1) {
            found.push_back(
                {prefix + QStringLiteral("replicas"), tr("A worker pool has at least 1 node.")});
        }
    }
    if (nodesAtMost() > maxNodesPerCluster)
        found.push_back({QStringLiteral("pools"),
                         tr("This cluster could grow to %1 nodes; the backend runs at most %2.")
                             .arg(nodesAtMost())
                             .arg(maxNodesPerCluster)});
    return found;
}

PersistentResource ClusterDraft::toResource() const
{
    PersistentResource resource;
    resource.displayName = displayName.isEmpty() ? id : displayName;
    resource.pools.push_back(head);
    for (const auto &pool : workers)
        resource.pools.push_back(pool);
    resource.headPoolId = head.id;
    resource.imageUri = customImage.isEmpty()
                            ? api::vertex::prebuiltImage(rayVersion, pythonVersion,
                                                         head.machine.acceleratorCount > 0)
                            : customImage;
    resource.network = network;
    resource.reservedIpRanges = reservedIpRanges;
    resource.networkAttachment = networkAttachment;
    resource.serviceAccount = serviceAccount;
    resource.kmsKeyName = kmsKeyName;
    resource.metricsExportDisabled = !metricsExport;
    resource.logsExportDisabled = !logsExport;
    resource.labels = labels;
    return resource;
}

QString ClusterDraft::restBody() const
{
    return QString::fromStdString(toResource().toJson().dump(2));
}

QString ClusterDraft::restUrl(const QUrl &baseUrl, const QString &project) const
{
    return QStringLiteral("POST ") +
           api::vertex::Endpoint::join(
               baseUrl, QStringLiteral("v1beta1/projects/%1/locations/%2/persistentResources?"
                                       "persistentResourceId=%3")
                            .arg(project, region, id));
}

namespace {

QString python(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString resourcesCall(const ResourcePool &pool)
{
    QStringList arguments{QStringLiteral("machine_type=%1").arg(python(pool.machine.machineType))};
    if (pool.autoscaling)
        arguments << QStringLiteral("autoscaling_spec=AutoscalingSpec(min_replica_count=%1, "
                                    "max_replica_count=%2)")
                         .arg(pool.autoscaling->first)
                         .arg(pool.autoscaling->second);
    else
        arguments << QStringLiteral("node_count=%1").arg(pool.replicaCount);
    if (pool.machine.acceleratorCount > 0)
        arguments << QStringLiteral("accelerator_type=%1").arg(python(pool.machine.acceleratorType))
                  << QStringLiteral("accelerator_count=%1").arg(pool.machine.acceleratorCount);
    arguments << QStringLiteral("boot_disk_type=%1").arg(python(pool.bootDiskType))
              << QStringLiteral("boot_disk_size_gb=%1").arg(pool.bootDiskSizeGb);
    return QStringLiteral("Resources(%1)").arg(arguments.join(QStringLiteral(", ")));
}

} // namespace

QString ClusterDraft::pythonCall(const QString &project) const
{
    QStringList imports{QStringLiteral("AutoscalingSpec"), QStringLiteral("Resources")};
    if (!customImage.isEmpty())
        imports << QStringLiteral("NodeImages");
    if (!networkAttachment.isEmpty())
        imports << QStringLiteral("PscIConfig");
    QString init = QStringLiteral("aiplatform.init(project=%1, location=%2")
                       .arg(python(project), python(region));
    if (!kmsKeyName.isEmpty())
        init += QStringLiteral(", encryption_spec_key_name=%1").arg(python(kmsKeyName));
    QStringList lines{
        QStringLiteral("from google.cloud import aiplatform"),
        QStringLiteral("from google.cloud.aiplatform import vertex_ray"),
        QStringLiteral("from google.cloud.aiplatform.vertex_ray.util.resources import ") +
            imports.join(QStringLiteral(", ")),
        QString(),
        init + QLatin1Char(')'),
        QStringLiteral("cluster_name = vertex_ray.create_ray_cluster(")};
    lines << QStringLiteral("    head_node_type=%1,").arg(resourcesCall(head));
    QStringList pools;
    for (const auto &pool : workers)
        pools << resourcesCall(pool);
    lines << QStringLiteral("    worker_node_types=[%1],").arg(pools.join(QStringLiteral(", ")));
    lines << QStringLiteral("    cluster_name=%1,").arg(python(id));
    lines << QStringLiteral("    ray_version=%1,").arg(python(rayVersion))
          << QStringLiteral("    python_version=%1,").arg(python(pythonVersion));
    if (!customImage.isEmpty())
        lines << QStringLiteral("    custom_images=NodeImages(head=%1, worker=%1),")
                     .arg(python(customImage));
    if (!network.isEmpty())
        lines << QStringLiteral("    network=%1,").arg(python(network));
    if (!reservedIpRanges.isEmpty()) {
        QStringList quoted;
        for (const auto &range : reservedIpRanges)
            quoted << python(range);
        lines << QStringLiteral("    reserved_ip_ranges=[%1],")
                     .arg(quoted.join(QStringLiteral(", ")));
    }
    if (!networkAttachment.isEmpty())
        lines << QStringLiteral("    psc_interface_config=PscIConfig(network_attachment=%1),")
                     .arg(python(networkAttachment));
    if (!serviceAccount.isEmpty())
        lines << QStringLiteral("    service_account=%1,").arg(python(serviceAccount));
    if (!metricsExport)
        lines << QStringLiteral("    enable_metrics_collection=False,");
    if (!logsExport)
        lines << QStringLiteral("    enable_logging=False,");
    if (!labels.empty()) {
        QStringList pairs;
        for (const auto &[key, value] : labels)
            pairs << python(key) + QStringLiteral(": ") + python(value);
        lines << QStringLiteral("    labels={%1},").arg(pairs.join(QStringLiteral(", ")));
    }
    lines << QStringLiteral(")");
    return lines.join(QLatin1Char('\n'));
}

} // namespace rov::core
