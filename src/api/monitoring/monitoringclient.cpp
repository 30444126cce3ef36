#include "monitoringclient.h"

namespace rov::api::monitoring {

using rest::HttpRequest;
using rest::HttpResponse;

namespace {

// The answer read by `parse`, or why there is none (no answer at all; Prometheus' or Google's
// error).
template <typename T, typename Parse>
std::function<void(const HttpResponse &)> answer(Parse parse, std::function<void(Result<T>)> done)
{
    return [parse, done = std::move(done)](const HttpResponse &response) {
        if (response.status == 0 && response.error) {
            done({{}, response.error});
            return;
        }
        auto parsed = parse(response.status, response.body);
        if (auto *error = std::get_if<rest::ApiError>(&parsed))
            done({{}, *error});
        else
            done({std::get<T>(std::move(parsed)), std::nullopt});
    };
}

} // namespace

QUrl MonitoringEndpoint::url(const QString &apiPath) const
{
    QString base = baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/v1/projects/%1/location/global/prometheus/api/v1/%2")
                           .arg(project, apiPath));
}

MonitoringClient::MonitoringClient(rest::RestClient *client, MonitoringEndpoint endpoint,
                                   QObject *parent)
    : QObject(parent), m_client(client), m_endpoint(std::move(endpoint))
{}

HttpRequest MonitoringClient::form(const QString &apiPath,
                                   const QList<std::pair<QString, QString>> &fields) const
{
    HttpRequest request;
    request.method = rest::HttpMethod::Post;
    request.url = m_endpoint.url(apiPath);
    QList<std::pair<QByteArray, QByteArray>> encoded;
    for (const auto &[name, value] : fields)
        encoded.append({name.toUtf8(), value.toUtf8()});
    request.setFormBody(encoded);
    request.markedIdempotent = true; // a query changes nothing: it may be retried
    request.timeout = std::chrono::seconds(30);
    return request;
}

rest::Call MonitoringClient::query(const QString &promql, qint64 time, QObject *context,
                                   QueryDone done)
{
    QList<std::pair<QString, QString>> fields{{QStringLiteral("query"), promql}};
    if (time > 0)
        fields.append({QStringLiteral("time"), QString::number(time)});
    return rest::send(m_client, form(QStringLiteral("query"), fields), context,
                      answer<QueryResult>(parseQueryResult, std::move(done)));
}

rest::Call MonitoringClient::queryRange(const QString &promql, const RangeStep &range,
                                        QObject *context, QueryDone done)
{
    return rest::send(m_client,
                      form(QStringLiteral("query_range"),
                           {{QStringLiteral("query"), promql},
                            {QStringLiteral("start"), QString::number(range.start)},
                            {QStringLiteral("end"), QString::number(range.end)},
                            {QStringLiteral("step"), QString::number(range.step)}}),
                      context, answer<QueryResult>(parseQueryResult, std::move(done)));
}

rest::Call MonitoringClient::labelValues(const QString &label, QObject *context, ListDone done)
{
    auto request = HttpRequest::get(m_endpoint.url(QStringLiteral("label/%1/values").arg(label)));
    return rest::send(m_client, std::move(request), context,
                      answer<QStringList>(parseStringList, std::move(done)));
}

rest::Call MonitoringClient::rules(QObject *context, RulesDone done)
{
    auto request = HttpRequest::get(m_endpoint.url(QStringLiteral("rules?type=alert")));
    return rest::send(m_client, std::move(request), context,
                      answer<std::vector<AlertRule>>(parseRules, std::move(done)));
}

rest::Call MonitoringClient::alerts(QObject *context, AlertsDone done)
{
    auto request = HttpRequest::get(m_endpoint.url(QStringLiteral("alerts")));
    return rest::send(m_client, std::move(request), context,
                      answer<std::vector<Alert>>(parseAlerts, std::move(done)));
}

} // namespace rov::api::monitoring
