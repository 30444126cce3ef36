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
