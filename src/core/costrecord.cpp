#include "costrecord.h"

#include <algorithm>

namespace rov::core {

namespace {

// Pools with no live node are the same as pools not named.
CostRecord::Counts withoutZeros(const CostRecord::Counts &live)
{
    CostRecord::Counts kept;
    for (const auto &[pool, count] : live) {
        if (count > 0)
            kept[pool] = count;
    }
    return kept;
}

double perHourOf(const CostRecord::Counts &live, const std::map<QString, double> &perHour)
{
    double total = 0;
    for (const auto &[pool, count] : live) {
        const auto price = perHour.find(pool);
        if (price != perHour.end())
            total += double(count) * price->second;
    }
    return total;
}

} // namespace

CostRecord CostRecord::watched(const QDateTime &time, const Counts &live)
{
    CostRecord record;
    record.observe(time, live);
    return record;
}

CostRecord CostRecord::fromEvents(const std::vector<api::vertex::ClusterEvent> &events,
                                  const CostRecord &seen)
{
    CostRecord record;
    record.m_source = Source::BackendRecord;
    for (const auto &event : events) {
        if (event.liveNodes && event.time.isValid())
            record.observe(event.time, *event.liveNodes);
    }
    // rovd counts from a cluster's first moment; a record without counts is another backend's.
    if (record.m_counts.empty())
        return seen;
    for (const auto &count : seen.m_counts)
        record.observe(count.time, count.live);
    return record;
}

void CostRecord::observe(const QDateTime &time, const Counts &live)
{
    if (!time.isValid())
        return;
    Counts kept = withoutZeros(live);
    if (!m_counts.empty() && (time <= m_counts.back().time || kept == m_counts.back().live))
        return;
    m_counts.push_back({time, std::move(kept)});
}

double CostRecord::until(const QDateTime &now, const std::map<QString, double> &perHour) const
{
    double dollars = 0;
    for (size_t i = 0; i < m_counts.size(); ++i) {
        const QDateTime &from = m_counts[i].time;
        const QDateTime to = i + 1 < m_counts.size() ? std::min(m_counts[i + 1].time, now) : now;
        const qint64 ms = from.msecsTo(to);
        if (ms > 0)
            dollars += perHourOf(m_counts[i].live, perHour) * double(ms) / 3'600'000.0;
    }
    return dollars;
}

} // namespace rov::core
