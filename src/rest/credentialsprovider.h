#pragma once

#include "httprequest.h"

#include <QByteArray>
#include <QObject>
#include <QString>
#include <functional>

namespace rov::rest {

// Supplies the Authorization header. Implementations (rovd token, service account, gcloud ...)
// live in src/auth. The client refreshes before a request when the provider says its token is
// missing or about to expire, and once more when a request is answered with 401.
class CredentialsProvider
{
public:
    virtual ~CredentialsProvider();

    // The full header value, e.g. "Bearer abc"; empty when there is nothing to send.
    virtual QByteArray authorizationHeader() const = 0;
    // Gets a fresh token, then calls `done(true)` (or `done(false)`) on the calling thread.
    // Calls made while one refresh is under way wait for it.
    virtual void refresh(std::function<void(bool refreshed)> done) = 0;
    // True when the next request should wait for a refresh (no token yet, or one about to expire).
    virtual bool needsRefresh() const { return false; }
    // More headers for every request that carries credentials (x-goog-user-project).
    virtual HeaderList extraHeaders() const { return {}; }
    // Why the last refresh failed, in words for the user; empty when it did not fail.
    virtual QString refreshError() const { return {}; }
};

} // namespace rov::rest
