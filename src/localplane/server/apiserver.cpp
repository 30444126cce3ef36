#include "apiserver.h"

#include "accesslog.h"
#include "apirouter.h"
#include "bodyreader.h"
#include "listenbacklog.h"
#include "localizer.h"
#include "localplane/diagnostics.h"
#include "localplane/metrics/rovdmetrics.h"
#include "localplane/peerwatch.h"
#include "requestlimits.h"

#include <QDateTime>
#include <QUrl>
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <httplib.h>
#include <set>
#include <thread>

namespace rov::localplane {

namespace {

// In the language the request reads (Accept-Language), as far as rovd speaks it.
void send(const httplib::Request &request, httplib::Response &response, ApiResult result)
{
    if (result.rawBody) {
        response.status = result.status;
        for (const auto &[name, value] : result.headers)
            response.set_header(name, value);
        response.set_content(std::move(*result.rawBody), result.rawContentType);
        return;
    }
    const QString language = Localizer::languageOf(request.get_header_value("Accept-Language"));
    Localizer::instance().localize(result.body, language);
    response.status = result.status;
    for (const auto &[name, value] : result.headers)
        response.set_header(name, value);
    if (!language.isEmpty())
        response.set_header("Content-Language", language.toStdString());
    response.set_content(result.body.dump(), "application/json; charset=utf-8");
}

// cpp-httplib cuts every answer to the Range it parsed (a JSON document, an error; several
// ranges as multipart/byteranges) and still says 200: ranges are the object store's to answer
// (206 or 416, from the header itself), no one else's. The request is httplib's own object, not
// const; only the handlers' view of it is.
void dropRanges(const httplib::Request &request)
{
    const_cast<httplib::Request &>(request).ranges.clear();
}

BodyHeaders bodyHeaders(const httplib::Request &request)
{
    return {request.has_header("Content-Length"),
            QByteArray::fromStdString(request.get_header_value("Content-Length")),
            QByteArray::fromStdString(request.get_header_value("Transfer-Encoding"))};
}

bool isRoutedByHttplib(const std::string &method)
{
    return method == "GET" || method == "HEAD" || method == "POST" || method == "PUT" ||
           method == "PATCH" || method == "DELETE";
}

// httplib refuses a request line whose method it does not know (QUERY, FOO) with a bare 400,
// before it reads the path or the headers; the method and the target are all it kept.
bool isUnparsedMethod(const httplib::Request &request, int status)
{
    static const std::set<std::string> known = {"GET",     "HEAD",    "POST",  "PUT",   "DELETE",
                                                "CONNECT", "OPTIONS", "TRACE", "PATCH", "PRI"};
    return status == 400 && request.path.empty() && !request.method.empty() &&
           !request.target.empty() && request.target.front() == '/' &&
           !known.contains(request.method) &&
           std::all_of(request.method.begin(), request.method.end(),
                       [](char c) { return c >= 'A' && c <= 'Z'; });
}

// httplib reads a multipart/form-data body only part by part, and asking it for the body as a
// whole throws (a 500 for any such request, token or not). No route of rovd's takes form data:
// the answer says so, the body is not read, and the connection closes.
ApiResult formDataRefused()
{
    return ApiResult::error(rest::ApiError::invalidArgument(
        QStringLiteral("rovd takes no multipart/form-data bodies: send JSON, or for Cloud "
                       "Storage uploads the object's bytes or a multipart/related body")));
}

// Who asked what, as the access log and rovd's metrics tell it: the route's operation id and
// template, never the path.
struct Answered
{
    std::string operationId = "refused"; // before a route was found
    std::string route = "-";
    Subsystem subsystem = Subsystem::Clusters;
    const char *role = "none";
};

// A subsystem at its limit: the client waits a second and asks again (Google's clients do).
ApiResult tooBusy(Subsystem subsystem, int limit)
{
    auto result = ApiResult::error(
        QStringLiteral("UNAVAILABLE"),
        QStringLiteral("rovd is answering %1 %2 requests already; retry in a second")
            .arg(limit)
            .arg(QLatin1String(subsystemName(subsystem))));
    result.headers.emplace_back("Retry-After", "1");
    return result;
}

} // namespace

struct ApiServer::Impl
{
    Impl(ApiRouter &router, Settings settings)
        : router(router), settings(settings),
          limits(settings.limits ? *settings.limits : RequestLimits::defaults(settings.threads))
    {}

    // Reads what is left of a body the answer does not need, so that the connection can carry
    // the next request (and the client, still sending, reads the answer instead of a reset). A
    // body too large to bother with, or one that does not arrive within kDiscardPatience, closes
    // the connection instead: a refused request (one past its subsystem's limit above all) must
    // not hold a server thread while a slow client trickles its bytes in.
    static void discardBody(const httplib::ContentReader *reader, const BodyHeaders &headers,
                            httplib::Response &response)
    {
        const auto framing = frameBody(headers, BodyRule::None, routes::kJsonBodyLimit);
        const auto *plan = std::get_if<BodyFraming>(&framing);
        if (plan && plan->kind == BodyFraming::Kind::Empty)
            return;
        if (plan && reader) {
            BodyCollector sink(routes::kJsonBodyLimit);
            const auto deadline = std::chrono::steady_clock::now() + kDiscardPatience;
            bool late = false;
            (*reader)([&](const char *data, size_t size) {
                late = std::chrono::steady_clock::now() > deadline;
                return !late && sink.append(data, size);
            });
            if (!sink.overflowed() && !late)
                return;
        }
        response.set_header("Connection", "close");
    }
    static constexpr std::chrono::milliseconds kDiscardPatience{1000};

    // Answers the request; says which route took it, and for whom.
    Answered answer(const httplib::Request &http, httplib::Response &response,
                    const httplib::ContentReader *reader)
    {
        Answered answered;
        // Never read through httplib's reader (see formDataRefused()); the connection closes.
        const bool formData = http.is_multipart_form_data();
        if (formData)
            reader = nullptr;
        ApiRequest request;
        request.method = QByteArray::fromStdString(http.method);
        request.path = QString::fromStdString(http.path);
        request.clientGone = [ends = ConnectionEnds{http.local_addr, http.local_port,
                                                    http.remote_addr, http.remote_port}] {
            return peerClosed(ends);
        };
        const BodyHeaders headers = bodyHeaders(http);
        QByteArray authorization =
            QByteArray::fromStdString(http.get_header_value("Authorization"));
        // /t/<token>/storage/... and /t/<token>/computeMetadata/...: Cloud Storage's routes and
        // the metadata server, for clients that send no credentials.
        const QString tokenPrefix = QLatin1String(routes::kPathTokenPrefix);
        if (request.path.startsWith(tokenPrefix)) {
            const qsizetype end = request.path.indexOf(QLatin1Char('/'), tokenPrefix.size());
            const QString token = request.path.mid(tokenPrefix.size(), end - tokenPrefix.size());
            request.pathToken = tokenPrefix + token;
            request.path = end < 0 ? QString() : request.path.mid(end);
            const auto route = routes::match(request.path);
            if (authorization.isEmpty() && route &&
                (routes::isStorageRoute(route->id) || routes::isMetadataRoute(route->id)))
                authorization = "Bearer " + token.toUtf8();
        }
        request.contentRange = QByteArray::fromStdString(http.get_header_value("Content-Range"));
        request.range = QByteArray::fromStdString(http.get_header_value("Range"));
        const std::string &target = http.target;
        const size_t question = target.find('?');
        if (question != std::string::npos)
            request.query = routes::parseQuery(std::string_view(target).substr(question + 1));
        auto admitted =
            router.admit(request.method, request.path, authorization,
                         routes::queryValue(request.query, QStringLiteral("upload_id")));
        if (auto *refused = std::get_if<ApiResult>(&admitted)) {
            // A route that exists (a 401, 403 or 405) is named by its template still.
            if (const auto route = routes::match(request.path)) {
                answered.route = routes::spec(route->id).pathTemplate;
                answered.subsystem = subsystemOf(route->id);
            }
            discardBody(reader, headers, response);
            send(http, response, *refused);
            return answered;
        }
        const Admission &admission = std::get<Admission>(admitted);
        answered.operationId = admission.method.operationId;
        answered.route = routes::spec(admission.route.id).pathTemplate;
        answered.subsystem = subsystemOf(admission.route.id);
        answered.role = admission.role == Role::Admin  ? "admin"
                        : admission.role == Role::Node ? "node"
                                                       : "user";
        // Counted from before the body is read: an upload holds its thread while bytes come.
        const auto ticket = limits.enter(answered.subsystem);
        if (!ticket) {
            discardBody(reader, headers, response);
            send(http, response, tooBusy(answered.subsystem, limits.limit(answered.subsystem)));
            return answered;
        }
        if (formData) {
            response.set_header("Connection", "close");
            send(http, response, formDataRefused());
            return answered;
        }
        const qint64 limit = admission.method.bodyLimit;
        auto framing = frameBody(headers, admission.method.body, limit);
        if (auto *error = std::get_if<rest::ApiError>(&framing)) {
            discardBody(reader, headers, response);
            send(http, response, ApiResult::error(*error));
            return answered;
        }
        if (std::get<BodyFraming>(framing).kind != BodyFraming::Kind::Empty) {
            BodyCollector body(limit);
            if (reader)
                (*reader)([&](const char *data, size_t size) { return body.append(data, size); });
            else
                response.set_header("Connection", "close"); // a GET with a body: not read
            if (body.overflowed()) {
                response.set_header("Connection", "close");
                send(http, response, ApiResult::error(BodyCollector::tooLarge(limit)));
                return answered;
            }
            request.body = body.body();
        }
        request.contentType = QByteArray::fromStdString(http.get_header_value("Content-Type"));
        send(http, response, router.handle(admission, request));
        return answered;
    }

    // Every answer counted by route and status, with the time it took (rovd's /metrics), and
    // written to the access log.
    void serve(const httplib::Request &http, httplib::Response &response,
               const httplib::ContentReader *reader)
    {
        const auto started = std::chrono::steady_clock::now();
        const Answered answered = answer(http, response, reader);
        const double seconds =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
        if (metrics)
            metrics->recordRequest(answered.operationId, response.status, seconds);
        if (accessLog)
            accessLog->record({QDateTime::currentMSecsSinceEpoch(), http.method, answered.route,
                               subsystemName(answered.subsystem), response.status, seconds,
                               answered.role});
    }

    ApiRouter &router;
    Settings settings;
    metrics::RovdMetrics *metrics = nullptr;
    AccessLog *accessLog = nullptr;
    RequestLimits limits;
    httplib::Server server;
    ListenBacklog backlog{server};
    std::thread thread;
    int port = 0;
};

ApiServer::ApiServer(ApiRouter &router, Settings settings)
    : m_impl(std::make_unique<Impl>(router, settings))
{
    auto &server = m_impl->server;
    // Bodies are read by the handlers, each route within its own limit; this only keeps
    // httplib's own reader from taking more than the largest of them.
    server.set_payload_max_length(size_t(routes::largestBodyLimit()));
    server.set_tcp_nodelay(true);
    server.set_keep_alive_timeout(settings.keepAliveSeconds);
    server.set_keep_alive_max_count(size_t(settings.keepAliveRequests));
    const int threads = settings.threads;
    server.new_task_queue = [threads] { return new httplib::ThreadPool(size_t(threads)); };
    Impl *impl = m_impl.get();
    server.Get(".*", [impl](const httplib::Request &request, httplib::Response &response) {
        impl->serve(request, response, nullptr);
    });
    const auto withBody = [impl](const httplib::Request &request, httplib::Response &response,
                                 const httplib::ContentReader &reader) {
        impl->serve(request, response, &reader);
    };
    server.Post(".*", withBody);
    server.Put(".*", withBody);
    server.Patch(".*", withBody);
    server.Delete(".*", withBody);
    // TRACE, OPTIONS, CONNECT: httplib has no routes for them; the router answers 405.
    server.set_pre_routing_handler(
        [impl](const httplib::Request &request, httplib::Response &response) {
            dropRanges(request);
            if (isRoutedByHttplib(request.method))
                return httplib::Server::HandlerResponse::Unhandled;
            impl->serve(request, response, nullptr);
            return httplib::Server::HandlerResponse::Handled;
        });
    server.set_error_handler([](const httplib::Request &request, httplib::Response &response) {
        dropRanges(request); // a path no route takes, or a Range httplib could not read (416)
        if (!response.body.empty())
            return;
        if (isUnparsedMethod(request, response.status)) {
            const std::string path = request.target.substr(0, request.target.find('?'));
            send(request, response,
                 ApiRouter::wrongPathOrMethod(
                     QByteArray::fromStdString(request.method),
                     QUrl::fromPercentEncoding(QByteArray::fromStdString(path))));
            return;
        }
        const QString status = rest::ApiError::canonicalNameForHttpStatus(response.status);
        send(request, response,
             ApiResult::error(rest::ApiError::withHttpStatus(
                 response.status, status,
                 QStringLiteral("The request could not be read (HTTP %1)").arg(response.status))));
    });
    server.set_exception_handler(
        [](const httplib::Request &request, httplib::Response &response, std::exception_ptr) {
            send(request, response,
                 ApiResult::error(QStringLiteral("INTERNAL"),
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
    if (m_impl->port > 0 && !m_impl->backlog.widen())
        diagnostics::warn(diagnostics::lcServer(),
                          QStringLiteral("could not widen the listen backlog; bursts of new "
                                         "connections may wait for TCP retransmits"));
    if (m_impl->port <= 0) {
        *error =
            QStringLiteral("cannot listen on %1:%2 (is another rovd running?)").arg(host).arg(port);
        return false;
    }
    m_impl->thread = std::thread([this] { m_impl->server.listen_after_bind(); });
    // httplib's stop() does nothing until the listening thread has marked itself running; a
    // SIGTERM right after start would otherwise leave that thread in accept() for good, and
    // rovd would never exit. Ready means running.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
    while (!server.is_running()) {
        if (std::chrono::steady_clock::now() >= deadline) {
            *error = QStringLiteral("the HTTP server on %1:%2 did not start").arg(host).arg(port);
            return false;
        }
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    return true;
}

void ApiServer::setMetrics(metrics::RovdMetrics *metrics)
{
    m_impl->metrics = metrics;
}

void ApiServer::setAccessLog(AccessLog *log)
{
    m_impl->accessLog = log;
}

quint16 ApiServer::port() const
{
    return quint16(m_impl->port);
}

void ApiServer::stop()
{
    m_impl->router.stop();
    if (m_impl->thread.joinable()) {
        m_impl->server.stop();
        m_impl->thread.join();
    }
}

} // namespace rov::localplane
