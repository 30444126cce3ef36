#include "apiserver.h"

#include "apirouter.h"

#include <QCoreApplication>
#include <QMetaObject>
#include <QThread>
#include <chrono>
#include <httplib.h>
#include <thread>

namespace rov::localplane {

namespace {

constexpr size_t kMaxBodyBytes = 1024 * 1024;

void send(httplib::Response &response, const ApiResult &result)
{
    response.status = result.status;
    response.set_content(result.body.dump(), "application/json; charset=utf-8");
}

// Runs `work` on the main thread, where the router and everything behind it live.
template <typename Work> void onMainThread(Work &&work)
{
    QMetaObject::invokeMethod(QCoreApplication::instance(), std::forward<Work>(work),
                              Qt::BlockingQueuedConnection);
}

} // namespace

struct ApiServer::Impl
{
    explicit Impl(ApiRouter &router) : router(router) {}

    void serve(const httplib::Request &httpRequest, httplib::Response &response)
    {
        ApiRequest request;
        request.method = QByteArray::fromStdString(httpRequest.method);
        request.path = QString::fromStdString(httpRequest.path);
        for (const auto &[key, value] : httpRequest.params)
            request.query.emplace(QString::fromStdString(key), QString::fromStdString(value));
        request.body = QByteArray::fromStdString(httpRequest.body);
        request.contentType =
            QByteArray::fromStdString(httpRequest.get_header_value("Content-Type"));
        request.authorization =
            QByteArray::fromStdString(httpRequest.get_header_value("Authorization"));

        RoutedAnswer answer;
        onMainThread([&] { answer = router.handle(request); });
        if (!answer.waitForOperation.isEmpty()) {
            const auto deadline = std::chrono::steady_clock::now() + answer.waitTimeout;
            bool done = false;
            while (true) {
                onMainThread([&] {
                    answer.result =
                        router.operationNow(answer.waitForOperation, request.path, &done);
                });
                if (done || answer.result.status != 200 ||
                    std::chrono::steady_clock::now() >= deadline)
                    break;
                std::this_thread::sleep_for(std::chrono::milliseconds(200));
            }
        }
        send(response, answer.result);
    }

    ApiRouter &router;
    httplib::Server server;
    std::thread thread;
    int port = 0;
};

ApiServer::ApiServer(ApiRouter &router) : m_impl(std::make_unique<Impl>(router))
{
    auto &server = m_impl->server;
    server.set_payload_max_length(kMaxBodyBytes);
    server.set_tcp_nodelay(true);
    server.new_task_queue = [] { return new httplib::ThreadPool(16); };
    const auto handler = [this](const httplib::Request &request, httplib::Response &response) {
        m_impl->serve(request, response);
    };
    server.Get(".*", handler);
    server.Post(".*", handler);
    server.Put(".*", handler);
    server.Patch(".*", handler);
    server.Delete(".*", handler);
    server.set_error_handler([](const httplib::Request &, httplib::Response &response) {
        if (!response.body.empty())
            return;
        const QString status = response.status == 413
                                   ? QStringLiteral("INVALID_ARGUMENT")
                                   : rest::ApiError::canonicalNameForHttpStatus(response.status);
        const QString message =
            response.status == 413
                ? QStringLiteral("The request body is larger than %1 bytes").arg(kMaxBodyBytes)
                : QStringLiteral("HTTP %1").arg(response.status);
        rest::ApiError error = rest::ApiError::withStatus(status, message);
        error.httpStatus = response.status;
        response.set_content(error.toGoogleJson().dump(), "application/json; charset=utf-8");
    });
    server.set_exception_handler(
        [](const httplib::Request &, httplib::Response &response, std::exception_ptr) {
            send(response, ApiResult::error(QStringLiteral("INTERNAL"),
                                            QStringLiteral("rovd failed to handle the request")));
        });
}

ApiServer::~ApiServer()
{
    stop();
}

bool ApiServer::listen(const QString &host, quint16 port, QString *error)
{
    auto &server = m_impl->server;
    const std::string address = host.toStdString();
    m_impl->port = port == 0 ? server.bind_to_any_port(address)
                             : (server.bind_to_port(address, port) ? port : -1);
    if (m_impl->port <= 0) {
        *error =
            QStringLiteral("cannot listen on %1:%2 (is another rovd running?)").arg(host).arg(port);
        return false;
    }
    m_impl->thread = std::thread([this] { m_impl->server.listen_after_bind(); });
    return true;
}

quint16 ApiServer::port() const
{
    return quint16(m_impl->port);
}

void ApiServer::stop()
{
    if (m_impl->thread.joinable()) {
        m_impl->server.stop();
        m_impl->thread.join();
    }
}

} // namespace rov::localplane
