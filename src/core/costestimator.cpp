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

std::map<QString, double> CostEstimator::perHourByPool(const PersistentResource &cluster) const
{
    std::map<QString, double> prices;
    for (const auto &pool : cluster.pools) {
        if (const auto price = nodePerHour(pool))
            prices[pool.id] = *price;
    }
    return prices;
}

double CostEstimator::perHourWith(const PersistentResource &cluster,
                                  const std::map<QString, qint64> &replicas) const
{
    double total = 0;
    for (const auto &pool : cluster.pools) {
        const auto count = replicas.find(pool.id);
        const qint64 nodes = count != replicas.end() ? count->second
                             : pool.autoscaling      ? pool.usedReplicaCount
                                                     : pool.replicaCount;
        total += nodePerHour(pool).value_or(0) * double(nodes);
    }
    return total;
}

CostRecord::Counts CostEstimator::liveNodes(const PersistentResource &cluster)
{
    CostRecord::Counts live;
    for (const auto &pool : cluster.pools)
        live[pool.id] = pool.usedReplicaCount;
    return live;
}

double CostEstimator::soFar(const CostRecord &record, const PersistentResource &cluster,
                            const QDateTime &now) const
{
    return record.until(now, perHourByPool(cluster));
}

} // namespace rov::core
