#include "chartdata.h"

#include <QDateTime>
#include <QLocale>
#include <algorithm>
#include <cmath>
#include <map>

namespace rov::core {

std::optional<double> valueAt(std::span<const api::monitoring::Sample> samples, double time,
                              double within)
{
    using api::monitoring::Sample;
    const auto after =
        std::lower_bound(samples.begin(), samples.end(), time,
                         [](const Sample &sample, double t) { return sample.time < t; });
    const Sample *nearest = nullptr;
    if (after != samples.end())
        nearest = &*after;
    if (after != samples.begin()) {
        const Sample &before = *std::prev(after);
        if (!nearest || time - before.time < nearest->time - time)
            nearest = &before;
    }
    if (!nearest || std::abs(nearest->time - time) > within)
        return std::nullopt;
    return nearest->value;
}

namespace {

QByteArray csvField(const QString &text)
{
    if (!text.contains(QLatin1Char(',')) && !text.contains(QLatin1Char('"')) &&
        !text.contains(QLatin1Char('\n')) && !text.contains(QLatin1Char('\r')))
        return text.toUtf8();
    QString quoted = text;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return '"' + quoted.toUtf8() + '"';
}

} // namespace

QByteArray toCsv(const std::vector<ChartSeries> &series)
{
    QByteArray csv = "time";
    for (const ChartSeries &one : series)
        csv += ',' + csvField(one.name);
    csv += "\r\n";
    // Every time any series has, each with its values by column.
    std::map<qint64, std::vector<std::optional<double>>> rows;
    for (size_t column = 0; column < series.size(); ++column) {
        for (const auto &sample : series[column].samples) {
            auto &row = rows[qint64(std::llround(sample.time * 1000.0))];
            row.resize(series.size());
            row[column] = sample.value;
        }
    }
    for (const auto &[time, values] : rows) {
        csv += QDateTime::fromMSecsSinceEpoch(time, Qt::UTC).toString(Qt::ISODateWithMs).toUtf8();
        for (size_t column = 0; column < series.size(); ++column) {
            csv += ',';
            if (column < values.size() && values[column])
                csv +=
                    QString::number(*values[column], 'g', QLocale::FloatingPointShortest).toUtf8();
        }
        csv += "\r\n";
    }
    return csv;
}

} // namespace rov::core
