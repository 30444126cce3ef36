#pragma once

#include "rest/apierror.h"

#include <QPointF>
#include <QString>
#include <QStringList>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
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

// Why a parsed Prometheus answer is not a success: Prometheus' own error body ({"status":
// "error", "errorType", "error"}) with its message, a Google error body as it came, or anything
// else. Nothing when it is a success.
std::optional<rest::ApiError> prometheusFailure(int httpStatus, const nlohmann::json &body,
                                                const QByteArray &raw);

// The "data" object of a Prometheus answer (an empty object when there is none).
const nlohmann::json &prometheusData(const nlohmann::json &answer);
// The string members of `object[field]` ("metric", "labels", "annotations").
std::map<QString, QString> stringMap(const nlohmann::json &object, const char *field);

// "1.5", "NaN", "+Inf", "-Inf": the value when it is a finite number.
std::optional<double> parseSampleValue(const std::string &text);

// Prometheus' answer ({"status": "success", "data": {"resultType", "result"}}), or why not:
// Prometheus' own errors ({"status": "error", "errorType", "error"}) with their message, Google's
// error bodies (Cloud Monitoring's 401, 403, 429) as they come.
std::variant<QueryResult, rest::ApiError> parseQueryResult(int httpStatus, const QByteArray &body);
// Label values or names ({"data": ["a", "b"]}).
std::variant<QStringList, rest::ApiError> parseStringList(int httpStatus, const QByteArray &body);

// The runs of `samples` to draw as lines, as [begin, end) ranges: a run ends where samples are
// missing (the next one is more than `maxGapSeconds` later). The samples of a range query sit on
// its step's grid (no two closer than `stepSeconds`), so a stretch whose length leaves no room
// for a longer step has no gap and is not read: a series without gaps costs a few reads, not one
// per sample. With no step (0), every pair is compared.
std::vector<std::pair<size_t, size_t>> runs(std::span<const Sample> samples, double stepSeconds,
                                            double maxGapSeconds);

} // namespace rov::api::monitoring
