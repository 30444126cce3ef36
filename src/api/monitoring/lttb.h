#pragma once

#include "promresult.h"

#include <span>
#include <vector>

namespace rov::api::monitoring {

// Largest-Triangle-Three-Buckets (Steinarsson, 2013): `samples` (in time order) reduced to
// `threshold` samples that keep the shape, peaks included; the first and last are always kept.
// Fewer samples than the threshold come back as they are.
std::vector<Sample> lttb(std::span<const Sample> samples, size_t threshold);

// What a chart draws of its queries' answers: every series cut into runs where samples are
// missing (more than 2.5 steps apart), each run reduced to `threshold` samples with LTTB, and
// the largest value drawn. Pure: it runs on a worker thread while the GUI goes on.
struct ReducedSeries
{
    size_t query = 0;  // index into the answers
    size_t series = 0; // index into that query's series
    std::vector<std::vector<Sample>> runs;
};
struct Reduction
{
    double largest = 0;
    std::vector<ReducedSeries> series; // the series with samples, in the answers' order
};
Reduction reduceForChart(const std::vector<std::vector<Series>> &perQuery, double stepSeconds,
                         size_t threshold);

} // namespace rov::api::monitoring
