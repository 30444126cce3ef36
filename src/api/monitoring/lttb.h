#pragma once

#include <QPointF>
#include <vector>

namespace rov::api::monitoring {

// Largest-Triangle-Three-Buckets (Steinarsson, 2013): `points` (in x order) reduced to
// `threshold` points that keep the shape, peaks included; the first and last are always kept.
// Fewer points than the threshold come back as they are.
std::vector<QPointF> lttb(const std::vector<QPointF> &points, size_t threshold);

} // namespace rov::api::monitoring
