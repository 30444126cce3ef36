#pragma once

#include "apiresult.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <map>

namespace rov::localplane {

class ClusterManager;
class TokenStore;

struct ApiRequest
{
    QByteArray method;
    QString path;
    std::multimap<QString, QString> query;
    QByteArray body;
    QByteArray contentType;
    QByteArray authorization;
};

struct RoutedAnswer
{
    RoutedAnswer() = default;
    RoutedAnswer(ApiResult result, QString waitFor = {}, std::chrono::milliseconds timeout = {})
        : result(std::move(result)), waitForOperation(std::move(waitFor)), waitTimeout(timeout)
    {}

    ApiResult result;
    QString waitForOperation; // set for operations/{id}:wait
    std::chrono::milliseconds waitTimeout{0};
};

// Maps rovd's REST routes to ClusterManager calls: checks the bearer token and its role, reads
// the body and the query, and answers in Google's shapes. Runs on the main thread.
class ApiRouter
{
public:
    ApiRouter(ClusterManager &manager, const TokenStore &tokens, QByteArray openApi);

    RoutedAnswer handle(const ApiRequest &request);
    // For :wait: the operation as it is now, and whether it is done.
    ApiResult operationNow(const QString &name, const QString &path, bool *done) const;

private:
    ClusterManager &m_manager;
    const TokenStore &m_tokens;
    QByteArray m_openApi;
};

} // namespace rov::localplane
