#pragma once

#include "requestlimits.h"

#include <QString>
#include <memory>
#include <optional>

namespace rov::localplane {
namespace metrics {
class RovdMetrics;
}

class AccessLog;
class ApiRouter;

// rovd's HTTP server: cpp-httplib with a pool of threads of its own. Each request is checked
// (token, route, method, role) before its body is read, then read within its route's limit,
// then answered by the router on the same thread: reads from a snapshot, changes handed to the
// thread that owns cluster state. Nothing here waits on that thread for long, so that stopping
// the server with requests in flight ends them instead of deadlocking.
class ApiServer
{
public:
    struct Settings
    {
        // Threads that serve connections. HTTP/1.1 keep-alive holds one per open connection, so
        // there are plenty, and idle connections are let go soon.
        int threads = 64;
        int keepAliveSeconds = 2;
        int keepAliveRequests = 1000;
        // Requests in flight per subsystem; none: RequestLimits::defaults(threads).
        std::optional<RequestLimits::Limits> limits;
    };

    explicit ApiServer(ApiRouter &router) : ApiServer(router, Settings{}) {}
    ApiServer(ApiRouter &router, Settings settings);
    ~ApiServer();

    // Binds `host:port` (port 0 = any free one) and starts serving. False with `error` set on
    // failure.
    bool listen(const QString &host, quint16 port, QString *error);
    quint16 port() const;
    // Counts every answer there (set before listen()).
    void setMetrics(metrics::RovdMetrics *metrics);
    // Writes a line there for every answer (set before listen()).
    void setAccessLog(AccessLog *log);
    // Stops accepting, ends what is in flight, and returns once every server thread is done.
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace rov::localplane
