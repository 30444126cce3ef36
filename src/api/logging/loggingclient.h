#pragma once

#include "api/result.h"
#include "logentry.h"
#include "rest/call.h"
#include "rest/restclient.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QUrl>
#include <functional>
#include <vector>

namespace rov::api::logging {

// Where entries:list is: Cloud Logging (https://logging.googleapis.com) or rovd.
struct LoggingEndpoint
{
    QUrl baseUrl;
    QString project;

    static QUrl googleBaseUrl() { return QUrl(QStringLiteral("https://logging.googleapis.com")); }
    QUrl listUrl() const;
    QUrl logsUrl() const; // logs.list of the project
};

struct ListRequest
{
    QString filter;
    bool newestFirst = false;
    int pageSize = 100; // at most kMaxPageSize
    QString pageToken;
};

struct ListPage
{
    std::vector<LogEntry> entries;
    // More match. A page may be short, even empty, and still have one: Cloud Logging ran out of
    // time looking. Keep asking.
    QString nextPageToken;
};

// Cloud Logging's entries:list over the console's REST client (entries:tail is gRPC only, so a
// live tail polls). Every call returns its handle; `done` runs once in `context`.
class LoggingClient : public QObject
{
    Q_OBJECT
public:
    LoggingClient(rest::RestClient *client, LoggingEndpoint endpoint, QObject *parent = nullptr);

    const LoggingEndpoint &endpoint() const { return m_endpoint; }

    using ListDone = std::function<void(Result<ListPage>)>;
    rest::Call list(const ListRequest &request, QObject *context, ListDone done);

    // logs.list: the ids of the logs the project has entries under (its first 1,000).
    using LogIdsDone = std::function<void(Result<QStringList>)>;
    rest::Call logIds(QObject *context, LogIdsDone done);

    // The body of an entries:list request for the endpoint's project, as sent.
    nlohmann::json body(const ListRequest &request) const;

private:
    QPointer<rest::RestClient> m_client;
    LoggingEndpoint m_endpoint;
};

ListPage parseListPage(const nlohmann::json &json);
// logs.list's answer as log ids ("projects/p/logs/rovd%2Faccess" → "rovd/access").
QStringList parseLogIds(const nlohmann::json &json);

} // namespace rov::api::logging
