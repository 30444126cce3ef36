#pragma once

#include "api/result.h"
#include "bigquerytypes.h"
#include "rest/call.h"
#include "rest/restclient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <vector>

namespace rov::api::bigquery {

// Where BigQuery's REST API is: Google's (https://bigquery.googleapis.com) or rovd's.
struct BigQueryEndpoint
{
    QUrl baseUrl;
    QString project;

    static QUrl googleBaseUrl() { return QUrl(QStringLiteral("https://bigquery.googleapis.com")); }
    // {base}/bigquery/v2/projects/{project}/{path}
    QUrl url(const QString &path, const QString &project = {}) const;
};

// BigQuery's REST API v2 over the console's REST client, the same calls for rovd and Google.
// Every call returns its handle; `done` runs once in `context`.
class BigQueryClient : public QObject
{
    Q_OBJECT
public:
    BigQueryClient(rest::RestClient *client, BigQueryEndpoint endpoint, QObject *parent = nullptr);

    const BigQueryEndpoint &endpoint() const { return m_endpoint; }

    template <typename T> using Done = std::function<void(Result<T>)>;

    // Every page of datasets.list and tables.list.
    rest::Call datasets(QObject *context, Done<std::vector<Dataset>> done);
    rest::Call tables(const QString &dataset, QObject *context, Done<std::vector<TableRef>> done);
    rest::Call table(const TableRef &ref, QObject *context, Done<Table> done);
    // tabledata.list: rows without a query (no cost). `schema` names the cells (tabledata.list
    // sends none).
    rest::Call rows(const TableRef &ref, const std::vector<Field> &schema, qint64 startIndex,
                    int maxResults, QObject *context, Done<RowPage> done);
    // jobs.insert with dryRun: what the query would read, or its error (with [line:column]).
    rest::Call dryRun(const QString &sql, QObject *context, Done<DryRun> done);
    rest::Call startQuery(const QString &sql, QObject *context, Done<QueryJob> done);
    // `sql`'s rows into `destination`, a table the job makes (CREATE_IF_NEEDED, WRITE_EMPTY: a
    // table that has rows already is left as it is, and the job fails saying so).
    rest::Call startQueryInto(const QString &sql, const TableRef &destination, QObject *context,
                              Done<QueryJob> done);
    rest::Call job(const JobRef &ref, QObject *context, Done<QueryJob> done);
    // getQueryResults: waits up to `waitMs` for the job, then a page of its rows.
    rest::Call results(const JobRef &ref, qint64 startIndex, int maxResults, int waitMs,
                       QObject *context, Done<RowPage> done);
    rest::Call cancel(const JobRef &ref, QObject *context, Done<QueryJob> done);
    // jobs.list: the caller's `maxResults` newest jobs (projection=full: with their queries).
    rest::Call recentJobs(int maxResults, QObject *context, Done<std::vector<QueryJob>> done);

    // The body of a query job, as sent (GoogleSQL).
    static nlohmann::json queryJob(const QString &sql, bool dryRun);

private:
    QPointer<rest::RestClient> m_client;
    BigQueryEndpoint m_endpoint;
};

// tabledata.list's or getQueryResults' answer; `schema` when the answer carries none.
RowPage parseRowPage(const nlohmann::json &json, const std::vector<Field> &schema);

} // namespace rov::api::bigquery
