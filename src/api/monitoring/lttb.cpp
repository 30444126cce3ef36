#include "lttb.h"

#include <cmath>

namespace rov::api::monitoring {

std::vector<QPointF> lttb(const std::vector<QPointF> &points, size_t threshold)
{
    if (threshold >= points.size() || threshold < 3)
        return points;
    std::vector<QPointF> kept;
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
            avgX += points[i].x();
            avgY += points[i].y();
        }
        const double count = double(std::max<size_t>(1, nextTo - nextFrom));
        avgX /= count;
        avgY /= count;
        const QPointF &a = points[previous];
        double largest = -1;
        size_t chosen = from;
        for (size_t i = from; i < to; ++i) {
            const double area = std::abs((a.x() - avgX) * (points[i].y() - a.y()) -
                                         (a.x() - points[i].x()) * (avgY - a.y()));
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

} // namespace rov::api::monitoring
