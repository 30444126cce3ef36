#include "prometheusproxy.h"

#include "prometheussupervisor.h"

#include <QUrl>
#include <httplib.h>

namespace rov::localplane::metrics {

namespace {

std::string encodedQuery(const std::multimap<QString, QString> &query)
{
    std::string encoded;
    for (const auto &[name, value] : query) {
        if (!encoded.empty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name).toStdString() + '=' +
                   QUrl::toPercentEncoding(value).toStdString();
    }
    return encoded;
}

} // namespace

ApiResult forwardToPrometheus(const PrometheusSupervisor *prometheus, const PrometheusCall &call)
{
    const quint16 port = prometheus ? prometheus->port() : 0;
    if (port == 0) {
        const QString why = prometheus ? prometheus->problem() : QString();
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                why.isEmpty() ? QStringLiteral("rovd's Prometheus is not running")
                                              : why);
    }
    httplib::Client client("127.0.0.1", port);
    client.set_connection_timeout(2);
    client.set_read_timeout(130); // Prometheus' own query timeout is two minutes
    std::string path = "/api/v1/" + call.endpoint.toStdString();
    std::string form = call.body.toStdString();
    std::string formType = call.contentType.isEmpty() ? "application/x-www-form-urlencoded"
                                                      : call.contentType.toStdString();
    // Google's discovery clients POST a JSON QueryRangeRequest; Prometheus takes a form.
    if (call.method == "POST" && call.contentType.toLower().startsWith("application/json")) {
        const auto fields = nlohmann::json::parse(form, nullptr, false);
        if (!fields.is_object())
            return ApiResult::error(rest::ApiError::invalidArgument(
                QStringLiteral("The request body is not a JSON object")));
        std::multimap<QString, QString> asForm;
        for (const auto &[name, value] : fields.items()) {
            const auto values = value.is_array() ? value : nlohmann::json::array({value});
            for (const auto &item : values)
                asForm.emplace(QString::fromStdString(name),
                               QString::fromStdString(item.is_string() ? item.get<std::string>()
                                                                       : item.dump()));
        }
        form = encodedQuery(asForm);
        formType = "application/x-www-form-urlencoded";
    }
    if (!call.query.empty())
        path += '?' + encodedQuery(call.query);
    httplib::Result answer =
        call.method == "POST" ? client.Post(path, form, formType) : client.Get(path);
    if (!answer)
        return ApiResult::error(
            QStringLiteral("UNAVAILABLE"),
            QStringLiteral("rovd's Prometheus did not answer (%1); it may be starting")
                .arg(QString::fromStdString(httplib::to_string(answer.error()))));
    ApiResult result;
    result.status = answer->status;
    result.rawBody = answer->body;
    result.rawContentType = answer->get_header_value("Content-Type");
    if (result.rawContentType.empty())
        result.rawContentType = "application/json";
    return result;
}

} // namespace rov::localplane::metrics
