#pragma once

#include "api/bigquery/bigquerytypes.h"

#include <QString>
#include <QUrl>

namespace rov::core {

// What the Data page shows under Code: the table or the query as BigQuery's REST API (curl), the
// Python client (google-cloud-bigquery), the bq command line and a Ray job
// (ray.data.read_bigquery), for `apiBase` (rovd's address, or Google's: the endpoint settings
// are then left out, as Google's own samples leave them).
struct DataSnippets
{
    QString rest;
    QString python;
    QString bq;
    QString ray;
};

// Reading a table's rows (tabledata.list; no query, no cost).
DataSnippets tableSnippets(const QUrl &apiBase, const api::bigquery::TableRef &table);
// Running a GoogleSQL query in `project` (jobs.query).
DataSnippets querySnippets(const QUrl &apiBase, const QString &project, const QString &sql);

// `text` in single quotes for a POSIX shell.
QString shellQuoted(const QString &text);
// `text` as a Python string literal (triple-quoted when it has lines).
QString pythonString(const QString &text);

} // namespace rov::core
