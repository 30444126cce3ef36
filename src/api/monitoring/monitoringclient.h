#pragma once

#include "alerts.h"
#include "api/result.h"
#include "promresult.h"
#include "querystep.h"
#include "rest/call.h"
#include "rest/restclient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>

namespace rov::api::monitoring {

// Where the Prometheus HTTP API is: Cloud Monitoring (https://monitoring.googleapis.com) or
// rovd, at /v1/projects/{project}/location/global/prometheus/api/v1/.
struct MonitoringEndpoint
{
    QUrl baseUrl;
    QString project;

    static QUrl googleBaseUrl()
    {
        return QUrl(QStringLiteral("https://monitoring.googleapis.com"));
    }
    QUrl url(const QString &apiPath) const;
};

// PromQL over the console's REST client, with the profile's credentials. Every call returns its
// handle; `done` runs once in `context` (CANCELLED when the call is cancelled or the client is
// gone), not at all once `context` is gone. Queries travel as POST forms: PromQL may be long.
class MonitoringClient : public QObject
{
    Q_OBJECT
public:
    MonitoringClient(rest::RestClient *client, MonitoringEndpoint endpoint,
                     QObject *parent = nullptr);

    const MonitoringEndpoint &endpoint() const { return m_endpoint; }

    using QueryDone = std::function<void(Result<QueryResult>)>;
    using ListDone = std::function<void(Result<QStringList>)>;
    using RulesDone = std::function<void(Result<std::vector<AlertRule>>)>;
    using AlertsDone = std::function<void(Result<std::vector<Alert>>)>;

    // An instant query at `time` (seconds since the epoch; 0: now).
    rest::Call query(const QString &promql, qint64 time, QObject *context, QueryDone done);
    rest::Call queryRange(const QString &promql, const RangeStep &range, QObject *context,
                          QueryDone done);
    // The values of a label; "__name__" lists the metric names.
    rest::Call labelValues(const QString &label, QObject *context, ListDone done);
    // The alerting rules with their alerts, and the alerts alone. rovd's extension: Cloud
    // Monitoring answers 404, which tells the console to hide alerts.
    rest::Call rules(QObject *context, RulesDone done);
    rest::Call alerts(QObject *context, AlertsDone done);

private:
    rest::HttpRequest form(const QString &apiPath,
                           const QList<std::pair<QString, QString>> &fields) const;

    QPointer<rest::RestClient> m_client;
    MonitoringEndpoint m_endpoint;
};

} // namespace rov::api::monitoring
