#include "querystep.h"

#include <algorithm>
#include <array>

namespace rov::api::monitoring {

namespace {

// The smallest of the steps people read easily that is at least `seconds`.
qint64 niceStep(qint64 seconds)
{
    static constexpr std::array<qint64, 16> nice{1,   2,   5,   10,   15,   30,   60,    120,
                                                 300, 600, 900, 1800, 3600, 7200, 21600, 86400};
    for (const qint64 step : nice)
        if (step >= seconds)
            return step;
    return ((seconds + 86399) / 86400) * 86400; // whole days
}

qint64 floorTo(qint64 value, qint64 step)
{
    return value >= 0 ? value / step * step : -((-value + step - 1) / step) * step;
}

} // namespace

RangeStep rangeStep(qint64 start, qint64 end, int widthPx, std::chrono::seconds scrapeInterval)
{
    if (end < start)
        std::swap(start, end);
    const qint64 span = std::max<qint64>(1, end - start);
    const qint64 perPixel = (span + std::max(1, widthPx) - 1) / std::max(1, widthPx);
    const qint64 fewestAllowed = (span + kMaxPoints - 2) / (kMaxPoints - 1);
    qint64 step =
        niceStep(std::max({perPixel, qint64(scrapeInterval.count()), fewestAllowed, qint64(1)}));
    RangeStep range{floorTo(start, step), floorTo(end + step - 1, step), step};
    // Aligning may add a step at either end; past the limit, the step grows.
    while (range.points() > kMaxPoints) {
        step = niceStep(step + 1);
        range = {floorTo(start, step), floorTo(end + step - 1, step), step};
    }
    return range;
}

} // namespace rov::api::monitoring
