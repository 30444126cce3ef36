#include "loggingclient.h"

#include "logwire.h"

namespace rov::api::logging {

using nlohmann::json;
using rest::HttpResponse;

QUrl LoggingEndpoint::listUrl() const
{
    QString base = baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/v2/entries:list"));
}

QUrl LoggingEndpoint::logsUrl() const
{
    QString base = baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QUrl url(base + QStringLiteral("/v2/projects/%1/logs").arg(project));
    url.setQuery(QStringLiteral("pageSize=%1").arg(kMaxPageSize));
    return url;
}

QStringList parseLogIds(const json &object)
{
    QStringList ids;
    if (!object.is_object())
        return ids;
    for (const json &name : object.value("logNames", json::array())) {
        if (!name.is_string())
            continue;
        const QString text = QString::fromStdString(name.get<std::string>());
        const qsizetype logs = text.indexOf(QLatin1String("/logs/"));
        if (logs >= 0)
            ids << QUrl::fromPercentEncoding(text.mid(logs + 6).toUtf8());
    }
    return ids;
}

ListPage parseListPage(const json &object)
{
    ListPage page;
    if (!object.is_object())
        return page;
    for (const json &entry : object.value("entries", json::array()))
        page.entries.push_back(LogEntry::fromJson(entry));
    if (const auto token = object.find("nextPageToken");
        token != object.end() && token->is_string())
        page.nextPageToken = QString::fromStdString(token->get<std::string>());
    return page;
}

LoggingClient::LoggingClient(rest::RestClient *client, LoggingEndpoint endpoint, QObject *parent)
    : QObject(parent), m_client(client), m_endpoint(std::move(endpoint))
{}

json LoggingClient::body(const ListRequest &request) const
{
    json body = {
        {"resourceNames", {QStringLiteral("projects/%1").arg(m_endpoint.project).toStdString()}},
        {"filter", request.filter.toStdString()},
        {"orderBy", request.newestFirst ? "timestamp desc" : "timestamp asc"},
        {"pageSize", std::clamp(request.pageSize, 1, kMaxPageSize)}};
    if (!request.pageToken.isEmpty())
        body["pageToken"] = request.pageToken.toStdString();
    return body;
}

rest::Call LoggingClient::logIds(QObject *context, LogIdsDone done)
{
    auto http = rest::HttpRequest::get(m_endpoint.logsUrl());
    http.timeout = std::chrono::seconds(30);
    return rest::send(m_client, std::move(http), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (!response.ok()) {
                              done({{}, response.error});
                              return;
                          }
                          done({parseLogIds(response.json()), std::nullopt});
                      });
}

rest::Call LoggingClient::list(const ListRequest &request, QObject *context, ListDone done)
{
    auto http =
        rest::HttpRequest::withJson(rest::HttpMethod::Post, m_endpoint.listUrl(), body(request));
    http.markedIdempotent = true; // a read: it may be retried
    http.timeout = std::chrono::seconds(60);
    return rest::send(m_client, std::move(http), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (!response.ok()) {
                              done({{}, response.error});
                              return;
                          }
                          done({parseListPage(response.json()), std::nullopt});
                      });
}

} // namespace rov::api::logging
