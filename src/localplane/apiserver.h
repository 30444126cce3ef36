#pragma once

#include <QString>
#include <memory>

namespace rov::localplane {

class ApiRouter;

// rovd's HTTP server (cpp-httplib, threads of its own). Each request is handed to the ApiRouter
// on the main thread, where all state lives; a `:wait` polls there until done or timed out.
class ApiServer
{
public:
    explicit ApiServer(ApiRouter &router);
    ~ApiServer();

    // Binds `host:port` (port 0 = any free one) and starts serving. False with `error` set on
    // failure.
    bool listen(const QString &host, quint16 port, QString *error);
    quint16 port() const;
    void stop();

private:
    struct Impl;
    std::unique_ptr<Impl> m_impl;
};

} // namespace rov::localplane
