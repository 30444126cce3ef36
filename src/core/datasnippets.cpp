#include "datasnippets.h"

#include "api/bigquery/bigqueryclient.h"

#include <nlohmann/json.hpp>

namespace rov::core {

namespace {

bool isGoogle(const QUrl &apiBase)
{
    return apiBase.host() == api::bigquery::BigQueryEndpoint::googleBaseUrl().host();
}

QString base(const QUrl &apiBase)
{
    QString text = apiBase.toString();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

// bigquery.Client for the project: Google's needs nothing more; rovd's is named by its address
// and its token ($TOKEN, as in the curl lines).
QString pythonClient(const QUrl &apiBase, const QString &project)
{
    if (isGoogle(apiBase))
        return QStringLiteral("from google.cloud import bigquery\n\n"
                              "client = bigquery.Client(project=%1)\n")
            .arg(pythonString(project));
    return QStringLiteral("import os\n\n"
                          "from google.cloud import bigquery\n"
                          "from google.oauth2.credentials import Credentials\n\n"
                          "client = bigquery.Client(\n"
                          "    project=%1,\n"
                          "    credentials=Credentials(os.environ[\"TOKEN\"]),\n"
                          "    client_options={\"api_endpoint\": %2},\n"
                          ")\n")
        .arg(pythonString(project), pythonString(base(apiBase)));
}

QString bqCommand(const QUrl &apiBase, const QString &project)
{
    if (isGoogle(apiBase))
        return QStringLiteral("bq --project_id=%1").arg(shellQuoted(project));
    return QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE=token.txt bq --api %1 "
                          "--project_id=%2 \\\n  --discovery_file=/usr/lib/google-cloud-sdk/"
                          "platform/bq/discovery_next/bigquery.json")
        .arg(base(apiBase), shellQuoted(project));
}

// A Ray job's script: on a cluster (Vertex AI's, or rovd's local one) the nodes find BigQuery
// and their credentials themselves.
QString rayJob(const QString &project, const QString &readArgument)
{
    return QStringLiteral("# In a Ray job on the cluster (ray job submit -- python job.py)\n"
                          "import ray\n\n"
                          "ds = ray.data.read_bigquery(\n"
                          "    project_id=%1,\n"
                          "    %2,\n"
                          ")\n"
                          "print(ds.schema())\n"
                          "print(ds.take(5))\n")
        .arg(pythonString(project), readArgument);
}

} // namespace

QString shellQuoted(const QString &text)
{
    QString quoted = text;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

QString pythonString(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    // A query of several lines stays on its lines (a quote at its end is escaped like the rest).
    const QString quotes =
        text.contains(QLatin1Char('\n')) ? QStringLiteral("\"\"\"") : QStringLiteral("\"");
    return quotes + escaped + quotes;
}

DataSnippets tableSnippets(const QUrl &apiBase, const api::bigquery::TableRef &table)
{
    DataSnippets snippets;
    snippets.rest = QStringLiteral("curl -sS -H \"Authorization: Bearer $TOKEN\" \\\n  "
                                   "'%1/bigquery/v2/projects/%2/datasets/%3/tables/%4/data"
                                   "?maxResults=10'")
                        .arg(base(apiBase), table.project, table.dataset, table.table);
    snippets.python = pythonClient(apiBase, table.project) +
                      QStringLiteral("\nfor row in client.list_rows(%1, max_results=10):\n"
                                     "    print(dict(row))\n")
                          .arg(pythonString(table.sqlName()));
    snippets.bq = bqCommand(apiBase, table.project) +
                  QStringLiteral(" \\\n  head -n 10 %1")
                      .arg(shellQuoted(table.dataset + QLatin1Char('.') + table.table));
    snippets.ray = rayJob(table.project,
                          QStringLiteral("dataset=%1")
                              .arg(pythonString(table.dataset + QLatin1Char('.') + table.table)));
    return snippets;
}

DataSnippets querySnippets(const QUrl &apiBase, const QString &project, const QString &sql)
{
    DataSnippets snippets;
    const nlohmann::json body{{"query", sql.toStdString()}, {"useLegacySql", false}};
    QString json = QString::fromStdString(body.dump());
    snippets.rest = QStringLiteral("curl -sS -X POST -H \"Authorization: Bearer $TOKEN\" -H "
                                   "\"Content-Type: application/json\" \\\n  "
                                   "%1/bigquery/v2/projects/%2/queries \\\n  -d %3")
                        .arg(base(apiBase), project, shellQuoted(json));
    snippets.python = pythonClient(apiBase, project) +
                      QStringLiteral("\nsql = %1\nfor row in client.query(sql).result():\n"
                                     "    print(dict(row))\n")
                          .arg(pythonString(sql));
    snippets.bq = bqCommand(apiBase, project) +
                  QStringLiteral(" \\\n  query --nouse_legacy_sql %1").arg(shellQuoted(sql));
    snippets.ray = rayJob(project, QStringLiteral("query=%1").arg(pythonString(sql)));
    return snippets;
}

} // namespace rov::core
