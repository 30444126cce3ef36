#include "bigqueryclient.h"

#include <QUrlQuery>

namespace rov::api::bigquery {

using nlohmann::json;
using rest::HttpResponse;

namespace {

// A page of BigQuery's list answers (maxResults and pageToken; items under `key`).
template <typename T, typename Read>
void listPages(QPointer<rest::RestClient> client, QUrl url, std::string key, Read read,
               QString token, std::vector<T> collected, QObject *context,
               std::function<void(Result<std::vector<T>>)> done, rest::Call call)
{
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("maxResults"), QStringLiteral("1000"));
    if (!token.isEmpty())
        query.addQueryItem(QStringLiteral("pageToken"), token);
    QUrl pageUrl = url;
    pageUrl.setQuery(query);
    rest::send(
        client, rest::HttpRequest::get(pageUrl), context,
        [=, collected = std::move(collected)](const HttpResponse &response) mutable {
            if (!response.ok()) {
                done({{}, response.error});
                return;
            }
            const json body = response.json();
            if (const auto items = body.find(key); items != body.end() && items->is_array()) {
                for (const json &item : *items)
                    collected.push_back(read(item));
            }
            const auto next = body.find("nextPageToken");
            if (next == body.end() || !next->is_string() || next->get<std::string>().empty())
                done({std::move(collected), std::nullopt});
            else if (!client)
                done({{}, rest::ApiError::cancelled()});
            else
                listPages<T>(client, url, key, read,
                             QString::fromStdString(next->get<std::string>()), std::move(collected),
                             context, done, call);
        },
        call);
}

template <typename T, typename Parse>
rest::Call sendFor(QPointer<rest::RestClient> client, rest::HttpRequest request, QObject *context,
                   std::function<void(Result<T>)> done, Parse parse)
{
    return rest::send(client, std::move(request), context,
                      [done = std::move(done), parse](const HttpResponse &response) {
                          if (!response.ok()) {
                              done({{}, response.error});
                              return;
                          }
                          done({parse(response.json()), std::nullopt});
                      });
}

QString encoded(const QString &segment)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(segment));
}

} // namespace

QUrl BigQueryEndpoint::url(const QString &path, const QString &inProject) const
{
    QString base = baseUrl.toString();
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(QStringLiteral("%1/bigquery/v2/projects/%2/%3")
                    .arg(base, encoded(inProject.isEmpty() ? project : inProject), path));
}

RowPage parseRowPage(const json &object, const std::vector<Field> &schema)
{
    if (object.is_object() && object.contains("schema"))
        return parseRowPage(object);
    json withSchema = object.is_object() ? object : json::object();
    json fields = json::array();
    std::function<json(const Field &)> toJson = [&](const Field &field) {
        json item = {{"name", field.name.toStdString()},
                     {"type", field.type.toStdString()},
                     {"mode", field.mode.toStdString()}};
        if (!field.fields.empty()) {
            item["fields"] = json::array();
            for (const Field &child : field.fields)
                item["fields"].push_back(toJson(child));
        }
        return item;
    };
    for (const Field &field : schema)
        fields.push_back(toJson(field));
    withSchema["schema"] = {{"fields", fields}};
    return parseRowPage(withSchema);
}

BigQueryClient::BigQueryClient(rest::RestClient *client, BigQueryEndpoint endpoint, QObject *parent)
    : QObject(parent), m_client(client), m_endpoint(std::move(endpoint))
{}

json BigQueryClient::queryJob(const QString &sql, bool dryRun)
{
    json job = {
        {"configuration", {{"query", {{"query", sql.toStdString()}, {"useLegacySql", false}}}}}};
    if (dryRun)
        job["configuration"]["dryRun"] = true;
    return job;
}

rest::Call BigQueryClient::datasets(QObject *context, Done<std::vector<Dataset>> done)
{
    const rest::Call call = rest::Call::begin();
    listPages<Dataset>(m_client, m_endpoint.url(QStringLiteral("datasets")), "datasets",
                       &Dataset::fromJson, {}, {}, context, std::move(done), call);
    return call;
}

rest::Call BigQueryClient::tables(const QString &dataset, QObject *context,
                                  Done<std::vector<TableRef>> done)
{
    const rest::Call call = rest::Call::begin();
    listPages<TableRef>(
        m_client, m_endpoint.url(QStringLiteral("datasets/%1/tables").arg(encoded(dataset))),
        "tables",
        [](const json &item) {
            return TableRef::fromJson(item.value("tableReference", json::object()));
        },
        {}, {}, context, std::move(done), call);
    return call;
}

rest::Call BigQueryClient::table(const TableRef &ref, QObject *context, Done<Table> done)
{
    const QUrl url = m_endpoint.url(
        QStringLiteral("datasets/%1/tables/%2").arg(encoded(ref.dataset), encoded(ref.table)),
        ref.project);
    return sendFor<Table>(m_client, rest::HttpRequest::get(url), context, std::move(done),
                          &Table::fromJson);
}

rest::Call BigQueryClient::rows(const TableRef &ref, const std::vector<Field> &schema,
                                qint64 startIndex, int maxResults, QObject *context,
                                Done<RowPage> done)
{
    QUrl url = m_endpoint.url(
        QStringLiteral("datasets/%1/tables/%2/data").arg(encoded(ref.dataset), encoded(ref.table)),
        ref.project);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("startIndex"), QString::number(startIndex));
    query.addQueryItem(QStringLiteral("maxResults"), QString::number(maxResults));
    query.addQueryItem(QStringLiteral("formatOptions.useInt64Timestamp"), QStringLiteral("true"));
    url.setQuery(query);
    return sendFor<RowPage>(m_client, rest::HttpRequest::get(url), context, std::move(done),
                            [schema](const json &body) { return parseRowPage(body, schema); });
}

rest::Call BigQueryClient::dryRun(const QString &sql, QObject *context, Done<DryRun> done)
{
    auto request = rest::HttpRequest::withJson(
        rest::HttpMethod::Post, m_endpoint.url(QStringLiteral("jobs")), queryJob(sql, true));
    request.markedIdempotent = true; // a dry run changes nothing
    return sendFor<DryRun>(m_client, std::move(request), context, std::move(done),
                           &DryRun::fromJson);
}

rest::Call BigQueryClient::startQuery(const QString &sql, QObject *context, Done<QueryJob> done)
{
    auto request = rest::HttpRequest::withJson(
        rest::HttpMethod::Post, m_endpoint.url(QStringLiteral("jobs")), queryJob(sql, false));
    return sendFor<QueryJob>(m_client, std::move(request), context, std::move(done),
                             &QueryJob::fromJson);
}

rest::Call BigQueryClient::startQueryInto(const QString &sql, const TableRef &destination,
                                          QObject *context, Done<QueryJob> done)
{
    json body = queryJob(sql, false);
    json &query = body["configuration"]["query"];
    query["destinationTable"] = destination.toJson();
    query["createDisposition"] = "CREATE_IF_NEEDED";
    query["writeDisposition"] = "WRITE_EMPTY";
    auto request = rest::HttpRequest::withJson(
        rest::HttpMethod::Post, m_endpoint.url(QStringLiteral("jobs"), destination.project), body);
    return sendFor<QueryJob>(m_client, std::move(request), context, std::move(done),
                             &QueryJob::fromJson);
}

rest::Call BigQueryClient::job(const JobRef &ref, QObject *context, Done<QueryJob> done)
{
    QUrl url = m_endpoint.url(QStringLiteral("jobs/%1").arg(encoded(ref.id)), ref.project);
    if (!ref.location.isEmpty())
        url.setQuery(QStringLiteral("location=%1").arg(encoded(ref.location)));
    return sendFor<QueryJob>(m_client, rest::HttpRequest::get(url), context, std::move(done),
                             &QueryJob::fromJson);
}

rest::Call BigQueryClient::results(const JobRef &ref, qint64 startIndex, int maxResults, int waitMs,
                                   QObject *context, Done<RowPage> done)
{
    QUrl url = m_endpoint.url(QStringLiteral("queries/%1").arg(encoded(ref.id)), ref.project);
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("startIndex"), QString::number(startIndex));
    query.addQueryItem(QStringLiteral("maxResults"), QString::number(maxResults));
    query.addQueryItem(QStringLiteral("timeoutMs"), QString::number(waitMs));
    query.addQueryItem(QStringLiteral("formatOptions.useInt64Timestamp"), QStringLiteral("true"));
    if (!ref.location.isEmpty())
        query.addQueryItem(QStringLiteral("location"), ref.location);
    url.setQuery(query);
    auto request = rest::HttpRequest::get(url);
    request.timeout = std::chrono::milliseconds(waitMs + 30000);
    return sendFor<RowPage>(m_client, std::move(request), context, std::move(done),
                            [](const json &body) { return parseRowPage(body); });
}

rest::Call BigQueryClient::cancel(const JobRef &ref, QObject *context, Done<QueryJob> done)
{
    QUrl url = m_endpoint.url(QStringLiteral("jobs/%1/cancel").arg(encoded(ref.id)), ref.project);
    if (!ref.location.isEmpty())
        url.setQuery(QStringLiteral("location=%1").arg(encoded(ref.location)));
    return sendFor<QueryJob>(
        m_client, rest::HttpRequest::withJson(rest::HttpMethod::Post, url, json::object()), context,
        std::move(done),
        [](const json &body) { return QueryJob::fromJson(body.value("job", json::object())); });
}

rest::Call BigQueryClient::recentJobs(int maxResults, QObject *context,
                                      Done<std::vector<QueryJob>> done)
{
    QUrl url = m_endpoint.url(QStringLiteral("jobs"));
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("projection"), QStringLiteral("full"));
    query.addQueryItem(QStringLiteral("maxResults"), QString::number(maxResults));
    url.setQuery(query);
    return sendFor<std::vector<QueryJob>>(m_client, rest::HttpRequest::get(url), context,
                                          std::move(done), [](const json &body) {
                                              std::vector<QueryJob> jobs;
                                              const auto found = body.find("jobs");
                                              if (found == body.end() || !found->is_array())
                                                  return jobs;
                                              for (const json &item : *found)
                                                  jobs.push_back(QueryJob::fromJson(item));
                                              return jobs;
                                          });
}

} // namespace rov::api::bigquery
