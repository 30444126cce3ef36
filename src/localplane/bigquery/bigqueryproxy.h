#pragma once

#include "localplane/apiresult.h"

#include <QByteArray>
#include <QString>
#include <map>

namespace rov::localplane::bigquery {

class BigQuerySupervisor;

// One call of BigQuery's REST API v2 (/bigquery/v2/..., /upload/bigquery/v2/...) that passed
// rovd's tokens and roles, passed to rovd's BigQuery service with the caller's role and rovd's
// address, and its answer passed back as it is (BigQuery's JSON and errors; an upload's
// Location and Range). Safe to call from any thread.
struct BigQueryCall
{
    QByteArray method;
    QString path;
    std::multimap<QString, QString> query;
    QByteArray contentType;
    QByteArray contentRange;
    QByteArray body;
    QByteArray role;    // admin, user or node
    QString publicBase; // how clients reach rovd: an upload session's URL starts with it
};

ApiResult forwardToBigQuery(const BigQuerySupervisor *service, const BigQueryCall &call);

} // namespace rov::localplane::bigquery
