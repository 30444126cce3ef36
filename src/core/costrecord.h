#pragma once

#include "api/vertex/vertexclient.h"

#include <QDateTime>
#include <map>
#include <vector>

namespace rov::core {

// What a cluster's nodes have cost: for each pool, its live nodes times its price per hour,
// summed over the time between one count and the next. A node added today costs from today; a
// pool that shrinks costs less from then on, and what it cost before stays (the sum never falls).
//
// The counts come from the backend's event record when it keeps one (rovd: since the cluster was
// created), and otherwise from what the console saw on each refresh, since it started watching.
class CostRecord
{
public:
    using Counts = std::map<QString, qint64>; // pool id to live nodes
    enum class Source
    {
        BackendRecord, // complete: from the cluster's creation
        Watched        // from `since()`, when the console first saw the cluster
    };
    struct Count
    {
        QDateTime time;
        Counts live;
    };

    // Counting starts at `time` with the counts seen then.
    static CostRecord watched(const QDateTime &time, const Counts &live);
    // The node counts of a backend's event record (events without counts are skipped); what the
    // console saw after the record's last count is kept from `seen`.
    static CostRecord fromEvents(const std::vector<api::vertex::ClusterEvent> &events,
                                 const CostRecord &seen);

    // A refresh saw `live` at `time`: a change is added, a repeat or an older time is not.
    void observe(const QDateTime &time, const Counts &live);
    // Dollars until `now` at `perHour` dollars per node of each pool (pools without a price
    // count nothing).
    double until(const QDateTime &now, const std::map<QString, double> &perHour) const;

    Source source() const { return m_source; }
    QDateTime since() const { return m_counts.empty() ? QDateTime() : m_counts.front().time; }
    bool isEmpty() const { return m_counts.empty(); }
    const std::vector<Count> &counts() const { return m_counts; }

private:
    Source m_source = Source::Watched;
    std::vector<Count> m_counts; // in time order
};

} // namespace rov::core
