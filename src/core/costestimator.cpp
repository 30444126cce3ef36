#include "costestimator.h"

#include "catalog/machinecatalog.h"

namespace rov::core {

using api::vertex::PersistentResource;
using api::vertex::ResourcePool;

CostEstimator::CostEstimator(const catalog::MachineCatalog &catalog) : m_catalog(catalog) {}

std::optional<double> CostEstimator::nodePerHour(const ResourcePool &pool) const
{
    return m_catalog.nodeUsdPerHour(pool.machine.machineType, pool.machine.acceleratorType,
                                    pool.machine.acceleratorCount);
}

CostEstimator::Range CostEstimator::plannedPerHour(const std::vector<ResourcePool> &pools) const
{
    Range range;
    for (const auto &pool : pools) {
        const auto price = nodePerHour(pool);
        if (!price) {
            range.complete = false;
            continue;
        }
        range.low +=
            *price * double(pool.autoscaling ? pool.autoscaling->first : pool.replicaCount);
        range.high +=
            *price * double(pool.autoscaling ? pool.autoscaling->second : pool.replicaCount);
    }
    return range;
}

double CostEstimator::currentPerHour(const PersistentResource &cluster) const
{
    if (!api::vertex::isBilled(cluster.state))
        return 0;
    double total = 0;
    for (const auto &pool : cluster.pools)
        total += nodePerHour(pool).value_or(0) * double(pool.usedReplicaCount);
    return total;
}

double CostEstimator::soFar(const PersistentResource &cluster, const QDateTime &now) const
{
    if (!cluster.startTime.isValid() || !api::vertex::isBilled(cluster.state))
        return 0;
    const double hours = double(std::max<qint64>(0, cluster.startTime.secsTo(now))) / 3600.0;
    return currentPerHour(cluster) * hours;
}

} // namespace rov::core
