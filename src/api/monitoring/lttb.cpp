#include "lttb.h"

#include <algorithm>
#include <cmath>

namespace rov::api::monitoring {

std::vector<Sample> lttb(std::span<const Sample> points, size_t threshold)
{
    if (threshold >= points.size() || threshold < 3)
        return {points.begin(), points.end()};
    std::vector<Sample> kept;
    kept.reserve(threshold);
    kept.push_back(points.front());
    // The points between the first and the last fall into threshold - 2 buckets of equal count.
    const double bucket = double(points.size() - 2) / double(threshold - 2);
    size_t previous = 0;
    for (size_t b = 0; b < threshold - 2; ++b) {
        const size_t from = size_t(std::floor(double(b) * bucket)) + 1;
        const size_t to =
            std::min(size_t(std::floor(double(b + 1) * bucket)) + 1, points.size() - 1);
        // The average of the next bucket (the last point for the last bucket).
        const size_t nextFrom = to;
        const size_t nextTo =
            std::min(size_t(std::floor(double(b + 2) * bucket)) + 1, points.size());
        double avgX = 0, avgY = 0;
        for (size_t i = nextFrom; i < nextTo; ++i) {
            avgX += points[i].time;
            avgY += points[i].value;
        }
        const double count = double(std::max<size_t>(1, nextTo - nextFrom));
        avgX /= count;
        avgY /= count;
        const Sample &a = points[previous];
        double largest = -1;
        size_t chosen = from;
        for (size_t i = from; i < to; ++i) {
            const double area = std::abs((a.time - avgX) * (points[i].value - a.value) -
                                         (a.time - points[i].time) * (avgY - a.value));
            if (area > largest) {
                largest = area;
                chosen = i;
            }
        }
        kept.push_back(points[chosen]);
        previous = chosen;
    }
    kept.push_back(points.back());
    return kept;
}

Reduction reduceForChart(const std::vector<std::vector<Series>> &perQuery, double stepSeconds,
                         size_t threshold)
{
    Reduction reduction;
    for (size_t q = 0; q < perQuery.size(); ++q) {
        for (size_t i = 0; i < perQuery[q].size(); ++i) {
            const std::span<const Sample> samples(perQuery[q][i].samples);
            const auto bounds = runs(samples, stepSeconds, 2.5 * stepSeconds);
            if (bounds.empty())
                continue;
            ReducedSeries reduced{q, i, {}};
            for (const auto &[begin, end] : bounds) {
                reduced.runs.push_back(lttb(samples.subspan(begin, end - begin), threshold));
                for (const Sample &sample : reduced.runs.back())
                    reduction.largest = std::max(reduction.largest, sample.value);
            }
            reduction.series.push_back(std::move(reduced));
        }
    }
    return reduction;
}

} // namespace rov::api::monitoring
