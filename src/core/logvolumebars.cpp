#include "logvolumebars.h"

#include "api/logging/logwire.h"

#include <cmath>

namespace rov::core::logvolume {

namespace lw = api::logging;

Group groupOf(int rank)
{
    if (rank >= 500)
        return Group::Error;
    if (rank >= 400)
        return Group::Warning;
    if (rank >= 200)
        return Group::Info;
    return Group::Other;
}

double Bucket::total() const
{
    double sum = 0;
    for (double count : counts)
        sum += count;
    return sum;
}

QString query(bool rovd, const QString &clusterId, int minSeverity, qint64 stepSeconds)
{
    QStringList matchers;
    if (rovd && !clusterId.isEmpty())
        matchers << QStringLiteral("ray_io_cluster=\"%1\"").arg(clusterId);
    if (minSeverity > 0) {
        QStringList names;
        for (const auto &[name, rank] : lw::kSeverities)
            if (rank >= minSeverity)
                names << QLatin1String(name);
        matchers << QStringLiteral("severity=~\"%1\"").arg(names.join(QLatin1Char('|')));
    }
    const QLatin1String metric(rovd ? lw::kVolumeMetric : lw::kGoogleVolumeMetric);
    return QStringLiteral("sum by (severity) (increase(%1{%2}[%3s]))")
        .arg(metric, matchers.join(QLatin1Char(',')))
        .arg(stepSeconds);
}

std::vector<Bucket> buckets(const api::monitoring::QueryResult &result,
                            const api::monitoring::RangeStep &range)
{
    std::vector<Bucket> bars;
    if (range.step <= 0 || range.end < range.start)
        return bars;
    for (qint64 t = range.start; t <= range.end; t += range.step)
        bars.push_back({t - range.step, {}});
    for (const auto &series : result.series) {
        const Group group = groupOf(lw::severityRank(series.label(QStringLiteral("severity"))));
        for (const auto &sample : series.samples) {
            const qint64 index = (qint64(std::llround(sample.time)) - range.start) / range.step;
            if (index >= 0 && index < qint64(bars.size()))
                bars[size_t(index)].counts[size_t(group)] += std::max(0.0, sample.value);
        }
    }
    return bars;
}

api::monitoring::RangeStep rangeFor(qint64 start, qint64 end, int bars)
{
    const qint64 span = std::max<qint64>(60, end - start);
    qint64 step = std::max<qint64>(60, span / std::max(1, bars));
    step = (step + 59) / 60 * 60;
    // Each sample counts the step before it: the first bucket ends one step after `start`.
    const qint64 alignedEnd = (end + step - 1) / step * step;
    const qint64 buckets = (alignedEnd - (end - span) + step - 1) / step;
    return {alignedEnd - (buckets - 1) * step, alignedEnd, step};
}

} // namespace rov::core::logvolume
