#pragma once

#include "api/monitoring/promresult.h"

#include <QByteArray>
#include <QString>
#include <optional>
#include <span>
#include <vector>

namespace rov::core {

// One series of a chart as the backend answered it, before any reduction for drawing: its
// samples (seconds since the epoch, the value in the panel's base unit: bytes, cores, %), which
// the chart keeps alive. A gap is simply time without samples.
struct ChartSeries
{
    QString name;
    std::span<const api::monitoring::Sample> samples;
    bool limit = false; // a capacity line
};

// The value at `time`: the sample nearest in time, when one is at most `within` seconds away.
std::optional<double> valueAt(std::span<const api::monitoring::Sample> samples, double time,
                              double within);

// The chart as CSV (RFC 4180): a column "time" (RFC 3339, UTC, ms) and one per series, named
// by its legend; one row per time any series has a sample, a cell left empty where a series has
// none. Values are written in full (no rounding, no unit scaling).
QByteArray toCsv(const std::vector<ChartSeries> &series);

} // namespace rov::core
