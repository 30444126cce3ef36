#pragma once

#include <QtGlobal>
#include <chrono>

namespace rov::api::monitoring {

// The time range and step of a range query for a chart `widthPx` wide: about one point per pixel,
// a "nice" step never below the scrape interval, start and end aligned to the step (so that two
// refreshes ask the same buckets), and never more than Prometheus' 11,000 points per series.
struct RangeStep
{
    qint64 start = 0; // seconds since the epoch
    qint64 end = 0;
    qint64 step = 0; // seconds

    qint64 points() const { return step > 0 ? (end - start) / step + 1 : 0; }
    bool operator==(const RangeStep &) const = default;
};

inline constexpr qint64 kMaxPoints = 11000;
// How often rovd's Prometheus scrapes (its configuration) and the shortest step a chart asks.
inline constexpr std::chrono::seconds kScrapeInterval{5};

RangeStep rangeStep(qint64 start, qint64 end, int widthPx, std::chrono::seconds scrapeInterval);

} // namespace rov::api::monitoring
