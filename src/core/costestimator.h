#pragma once

#include "api/vertex/persistentresource.h"
#include "costrecord.h"

#include <QDateTime>
#include <map>
#include <optional>

namespace rov::catalog {
class MachineCatalog;
}

namespace rov::core {

// Cluster cost estimates from the machine catalogue's on-demand prices. A cluster is billed
// only while RUNNING or UPDATING, for the nodes that exist.
class CostEstimator
{
public:
    explicit CostEstimator(const catalog::MachineCatalog &catalog);

    // One node of the pool per hour; nullopt when the machine type is not in the catalogue.
    std::optional<double> nodePerHour(const api::vertex::ResourcePool &pool) const;
    // The cluster as asked for: fixed pools at their replica count, autoscaling pools at their
    // minimum and maximum.
    struct Range
    {
        double low = 0;
        double high = 0;
        bool complete = true; // false when a machine type has no price
    };
    Range plannedPerHour(const std::vector<api::vertex::ResourcePool> &pools) const;
    // What its live nodes cost per hour now (0 when it is not billed).
    double currentPerHour(const api::vertex::PersistentResource &cluster) const;
    // Per hour with `replicas` nodes in the pools it names; the others as asked for (autoscaling
    // pools: as they are now).
    double perHourWith(const api::vertex::PersistentResource &cluster,
                       const std::map<QString, qint64> &replicas) const;
    // One node of each priced pool per hour, by pool id.
    std::map<QString, double> perHourByPool(const api::vertex::PersistentResource &cluster) const;
    // The live nodes of each pool as a list shows them, for a CostRecord.
    static CostRecord::Counts liveNodes(const api::vertex::PersistentResource &cluster);
    // The record's node time at the catalogue's prices, until `now`.
    double soFar(const CostRecord &record, const api::vertex::PersistentResource &cluster,
                 const QDateTime &now) const;

private:
    const catalog::MachineCatalog &m_catalog;
};

} // namespace rov::core
