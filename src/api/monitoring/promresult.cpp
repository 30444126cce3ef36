#include "promresult.h"

#include <QCoreApplication>
#include <algorithm>
#include <cmath>

namespace rov::api::monitoring {

using nlohmann::json;
using rest::ApiError;

QString Series::label(const QString &name) const
{
    const auto it = labels.find(name);
    return it == labels.end() ? QString() : it->second;
}

std::optional<double> parseSampleValue(const std::string &text)
{
    char *end = nullptr;
    const double value = std::strtod(text.c_str(), &end);
    if (end == text.c_str() || *end != '\0' || !std::isfinite(value))
        return std::nullopt;
    return value;
}

namespace {

Sample sampleFrom(const json &pair, bool &usable)
{
    usable = false;
    if (!pair.is_array() || pair.size() != 2 || !pair[0].is_number() || !pair[1].is_string())
        return {};
    const auto value = parseSampleValue(pair[1].get<std::string>());
    if (!value)
        return {};
    usable = true;
    return {pair[0].get<double>(), *value};
}

Series seriesFrom(const json &item)
{
    Series series;
    series.labels = stringMap(item, "metric");
    bool usable = false;
    if (item.contains("values")) {
        for (const auto &pair : item["values"]) {
            const Sample sample = sampleFrom(pair, usable);
            if (usable)
                series.samples.push_back(sample);
        }
    } else if (item.contains("value")) {
        const Sample sample = sampleFrom(item["value"], usable);
        if (usable)
            series.samples.push_back(sample);
    }
    return series;
}

} // namespace

const json &prometheusData(const json &answer)
{
    static const json kNothing = json::object();
    if (!answer.is_object())
        return kNothing;
    const auto found = answer.find("data");
    return found != answer.end() && found->is_object() ? *found : kNothing;
}

std::map<QString, QString> stringMap(const json &object, const char *field)
{
    std::map<QString, QString> map;
    const auto it = object.find(field);
    if (it == object.end() || !it->is_object())
        return map;
    for (auto entry = it->begin(); entry != it->end(); ++entry)
        if (entry->is_string())
            map.emplace(QString::fromStdString(entry.key()),
                        QString::fromStdString(entry->get<std::string>()));
    return map;
}

std::optional<ApiError> prometheusFailure(int httpStatus, const json &body, const QByteArray &raw)
{
    if (body.is_object() && body.value("status", "") == "success")
        return std::nullopt;
    if (body.is_object() && body.value("status", "") == "error") {
        ApiError error = ApiError::withHttpStatus(
            httpStatus == 0 ? 400 : httpStatus,
            QString::fromStdString(body.value("errorType", std::string("bad_data"))),
            QString::fromStdString(body.value("error", std::string())));
        return error;
    }
    if (httpStatus >= 400)
        return ApiError::fromHttpResponse(httpStatus, raw);
    return ApiError::withStatus(
        QStringLiteral("INTERNAL"),
        QCoreApplication::translate("Monitoring", "The metrics backend answered something that is "
                                                  "not a Prometheus answer"));
}

std::variant<QueryResult, ApiError> parseQueryResult(int httpStatus, const QByteArray &body)
{
    const json parsed = json::parse(body.toStdString(), nullptr, false);
    if (auto error = prometheusFailure(httpStatus, parsed, body))
        return *error;
    const json &data = prometheusData(parsed);
    QueryResult result;
    const std::string type = data.value("resultType", std::string());
    result.kind = type == "matrix"   ? QueryResult::Kind::Matrix
                  : type == "scalar" ? QueryResult::Kind::Scalar
                                     : QueryResult::Kind::Vector;
    static const json kNone = json::array();
    const auto resultItems = data.find("result");
    const json &items = resultItems != data.end() ? *resultItems : kNone;
    if (result.kind == QueryResult::Kind::Scalar) {
        bool usable = false;
        const Sample sample = sampleFrom(items, usable);
        result.series.push_back({});
        if (usable)
            result.series.back().samples.push_back(sample);
    } else if (items.is_array()) {
        for (const auto &item : items)
            result.series.push_back(seriesFrom(item));
    }
    if (const auto warnings = parsed.find("warnings");
        warnings != parsed.end() && warnings->is_array()) {
        for (const auto &warning : *warnings)
            if (warning.is_string())
                result.warnings << QString::fromStdString(warning.get<std::string>());
    }
    return result;
}

std::variant<QStringList, ApiError> parseStringList(int httpStatus, const QByteArray &body)
{
    const json parsed = json::parse(body.toStdString(), nullptr, false);
    if (auto error = prometheusFailure(httpStatus, parsed, body))
        return *error;
    QStringList values;
    if (const auto data = parsed.find("data"); data != parsed.end() && data->is_array()) {
        for (const auto &item : *data)
            if (item.is_string())
                values << QString::fromStdString(item.get<std::string>());
    }
    return values;
}

namespace {

// Where in [i, j) (two samples at least) a step is longer than `maxGap`: the indexes that begin
// a new run, in order.
void findGaps(std::span<const Sample> samples, size_t i, size_t j, double step, double maxGap,
              std::vector<size_t> &cuts)
{
    const double length = samples[j - 1].time - samples[i].time;
    // j - i - 1 steps, each at least `step` long: if one were longer than maxGap, the stretch
    // would be longer than this.
    if (step > 0 && length <= maxGap + double(j - i - 2) * step + 1e-6)
        return;
    if (j - i == 2) {
        if (length > maxGap)
            cuts.push_back(i + 1);
        return;
    }
    const size_t middle = i + (j - i) / 2;
    findGaps(samples, i, middle + 1, step, maxGap, cuts);
    findGaps(samples, middle, j, step, maxGap, cuts);
}

} // namespace

std::vector<std::pair<size_t, size_t>> runs(std::span<const Sample> samples, double stepSeconds,
                                            double maxGapSeconds)
{
    std::vector<std::pair<size_t, size_t>> bounds;
    if (samples.empty())
        return bounds;
    std::vector<size_t> cuts;
    if (samples.size() >= 2)
        findGaps(samples, 0, samples.size(), stepSeconds, maxGapSeconds, cuts);
    size_t begin = 0;
    for (const size_t cut : cuts) {
        bounds.emplace_back(begin, cut);
        begin = cut;
    }
    bounds.emplace_back(begin, samples.size());
    return bounds;
}

} // namespace rov::api::monitoring
