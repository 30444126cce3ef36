#pragma once

#include "api/monitoring/promresult.h"
#include "api/monitoring/querystep.h"

#include <QString>
#include <array>
#include <vector>

namespace rov::core {

// The Logs page's histogram: entries a bucket by severity, from a counter through PromQL
// (rovd_log_entries_total on rovd; logging.googleapis.com/log_entry_count on Google Cloud).
namespace logvolume {

// The bars' severity groups, bottom to top, as Logs Explorer colours them.
enum class Group
{
    Other, // DEFAULT, DEBUG
    Info,  // INFO, NOTICE
    Warning,
    Error, // ERROR and above
    Count
};
Group groupOf(int severityRank);

struct Bucket
{
    qint64 start = 0; // seconds since the epoch
    std::array<double, size_t(Group::Count)> counts{};
    double total() const;
};

// A range query that counts the entries of each bucket of `step` seconds by severity; for one
// cluster when `clusterId` is set, and from `minSeverity` (a rank; 0: all) up.
QString query(bool rovd, const QString &clusterId, int minSeverity, qint64 stepSeconds);
// The answer as buckets across the range, a bucket for each step (empty ones too).
std::vector<Bucket> buckets(const api::monitoring::QueryResult &result,
                            const api::monitoring::RangeStep &range);
// The step for a range drawn `bars` bars wide: whole minutes or more, at least the scrape
// interval.
api::monitoring::RangeStep rangeFor(qint64 start, qint64 end, int bars);

} // namespace logvolume
} // namespace rov::core
