#pragma once

#include <QByteArray>
#include <QObject>
#include <functional>

namespace rov::rest {

// Supplies the Authorization header. Implementations (rovd token, service account, gcloud ...)
// live in src/auth. The client asks for a refresh once when a request is answered with 401.
class CredentialsProvider
{
public:
    virtual ~CredentialsProvider();

    // The full header value, e.g. "Bearer abc"; empty when there is nothing to send.
    virtual QByteArray authorizationHeader() const = 0;
    // Gets a fresh token, then calls `done(true)` (or `done(false)`) on the calling thread.
    virtual void refresh(std::function<void(bool refreshed)> done) = 0;
};

} // namespace rov::rest
