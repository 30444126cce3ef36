#pragma once

#include "rest/apierror.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>
#include <vector>

namespace rov::api::monitoring {

// One sample: seconds since the epoch, and a finite value.
struct Sample
{
    double time = 0;
    double value = 0;
};

// A series of a query's result: its labels and its samples in time order. Samples Prometheus
// did not have are missing (a gap); NaN and ±Inf are dropped here, so none reaches a chart.
struct Series
{
    std::map<QString, QString> labels;
    std::vector<Sample> samples;

    QString label(const QString &name) const;
};

// What a query answered: a matrix (query_range) or a vector (query), as series.
struct QueryResult
{
    enum class Kind
    {
        Vector,
        Matrix,
        Scalar
    };
    Kind kind = Kind::Vector;
    std::vector<Series> series;
    QStringList warnings;
};

// "1.5", "NaN", "+Inf", "-Inf": the value when it is a finite number.
std::optional<double> parseSampleValue(const std::string &text);

// Prometheus' answer ({"status": "success", "data": {"resultType", "result"}}), or why not:
// Prometheus' own errors ({"status": "error", "errorType", "error"}) with their message, Google's
// error bodies (Cloud Monitoring's 401, 403, 429) as they come.
std::variant<QueryResult, rest::ApiError> parseQueryResult(int httpStatus, const QByteArray &body);
// Label values or names ({"data": ["a", "b"]}).
std::variant<QStringList, rest::ApiError> parseStringList(int httpStatus, const QByteArray &body);

// The samples as runs to draw as lines: a run ends where a sample is missing (the next one is
// more than `maxGap` seconds later). Times are in milliseconds for QDateTimeAxis.
std::vector<std::vector<QPointF>> segments(const Series &series, double maxGapSeconds);

} // namespace rov::api::monitoring
