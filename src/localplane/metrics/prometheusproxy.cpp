#include "prometheusproxy.h"

#include "localplane/querystring.h"
#include "prometheussupervisor.h"

#include <QRegularExpression>
#include <QSet>
#include <QUrl>
#include <httplib.h>
#include <optional>

namespace rov::localplane::metrics {

namespace {

// Checked before Prometheus is asked: what it would refuse in words of its own HTTP server
// (plain text, not its API's JSON), or with a 405 the document does not promise.
std::optional<ApiResult> refusedBeforehand(const PrometheusCall &call)
{
    static const QSet<QString> postable = {QStringLiteral("query"), QStringLiteral("query_range"),
                                           QStringLiteral("series"), QStringLiteral("labels")};
    if (call.method == "POST" && !postable.contains(call.endpoint)) {
        ApiResult refused = ApiResult::error(rest::ApiError::withHttpStatus(
            405, QStringLiteral("UNIMPLEMENTED"),
            QStringLiteral("%1 takes GET only; POST is for query, query_range, series and labels")
                .arg(call.endpoint.left(40))));
        refused.headers.push_back({"Allow", "GET, HEAD"});
        return refused;
    }
    static const QRegularExpression labelName(QStringLiteral("^[a-zA-Z_][a-zA-Z0-9_]*$"));
    if (call.endpoint.startsWith(QLatin1String("label/"))) {
        const QString name = call.endpoint.section(QLatin1Char('/'), 1, 1);
        if (!labelName.match(name).hasMatch())
            return ApiResult::error(rest::ApiError::invalidArgument(
                QStringLiteral("\"%1\" is not a label name: a letter or _, then letters, digits "
                               "and _")
                    .arg(name.left(80))));
    }
    return std::nullopt;
}

} // namespace

ApiResult forwardToPrometheus(const PrometheusSupervisor *prometheus, const PrometheusCall &call)
{
    if (auto refused = refusedBeforehand(call))
        return *refused;
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
    client.set_basic_auth(kWebUser, prometheus->webPassword().toStdString());
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
    // Prometheus' API answers JSON; its HTTP server's own refusals are plain text, which the
    // client is given in Google's format instead.
    const std::string type = answer->get_header_value("Content-Type");
    if (answer->status != 200 && type.rfind("application/json", 0) != 0) {
        const QString status = rest::ApiError::canonicalNameForHttpStatus(answer->status);
        return ApiResult::error(rest::ApiError::withHttpStatus(
            answer->status, status,
            QStringLiteral("rovd's Prometheus refused the request: %1")
                .arg(QString::fromStdString(answer->body).trimmed().left(300))));
    }
    ApiResult result;
    result.status = answer->status;
    result.rawBody = answer->body;
    result.rawContentType = type.empty() ? std::string("application/json") : type;
    return result;
}

} // namespace rov::localplane::metrics
