#pragma once

#include "localplane/apiresult.h"

#include <QByteArray>
#include <QString>
#include <map>

namespace rov::localplane::metrics {

class PrometheusSupervisor;

// One call of the Prometheus HTTP API as Cloud Monitoring serves it
// (/v1/projects/{project}/location/global/prometheus/api/v1/{endpoint}), passed to rovd's
// Prometheus and its answer passed back as it is: its JSON, its status, and its own errors
// ({"status": "error", "errorType": "bad_data", ...}). Safe to call from any thread.
struct PrometheusCall
{
    QByteArray method; // GET or POST
    QString endpoint;  // "query", "query_range", "series", "labels", "metadata", "label/x/values"
    std::multimap<QString, QString> query;
    QByteArray contentType;
    QByteArray body; // a POST's form
};

ApiResult forwardToPrometheus(const PrometheusSupervisor *prometheus, const PrometheusCall &call);

} // namespace rov::localplane::metrics
