#pragma once

#include "restreply.h"

#include <deque>
#include <memory>
#include <random>
#include <unordered_map>

class QLocale;

namespace rov::rest {

class CredentialsProvider;
class CurlMultiDriver;

struct RestClientOptions
{
    QByteArray userAgent = QByteArrayLiteral("rov-console/" ROV_VERSION);
    int maxConnectionsPerHost = 16;
    int maxConnectionsTotal = 64;
    // Transfers handed to libcurl at once; more wait in a queue. libcurl may finish every transfer
    // it holds in one call, so this bounds how long one call can keep the event loop busy.
    int maxTransfersInFlight = 64;
    QString caBundleFile; // trust these CAs instead of the system store (self-hosted servers)
};

// Asynchronous HTTP client on libcurl's multi interface, owned by one thread and driven by its
// event loop. Connections are reused, HTTP/2 is multiplexed when the server offers it, idempotent
// requests are retried with backoff, and proxies come from http_proxy/https_proxy/no_proxy.
class RestClient : public QObject
{
    Q_OBJECT
public:
    explicit RestClient(RestClientOptions options = {}, QObject *parent = nullptr);
    ~RestClient() override;

    // "zh-CN, en;q=0.5" for Chinese, "en-US" for English: what every request says it reads.
    static QString acceptLanguage(const QLocale &locale);
    RestReply *send(HttpRequest request);
    // Calls `onFinished(const HttpResponse &)` in `context` when the reply finishes.
    template <typename Callback>
    RestReply *send(HttpRequest request, QObject *context, Callback onFinished)
    {
        RestReply *reply = send(std::move(request));
        connect(reply, &RestReply::finished, context,
                [reply, onFinished = std::move(onFinished)]() mutable {
                    onFinished(reply->response());
                });
        return reply;
    }

    void setCredentialsProvider(std::shared_ptr<CredentialsProvider> provider);
    const RestClientOptions &options() const { return m_options; }
    // Requests sent and not yet answered (in libcurl or queued for it).
    int activeCount() const { return int(m_active.size() + m_queued.size()); }

private:
    friend class RestReply;

    void startAttempt(RestReply *reply);
    void dispatch(RestReply *reply);
    void dispatchQueued();
    void onTransferDone(void *easy, int code); // CURL *, CURLcode: libcurl stays out of this header
    void handleOutcome(RestReply *reply, HttpResponse response);
    bool scheduleRetry(RestReply *reply, const HttpResponse &response);
    void refreshCredentialsAndRetry(RestReply *reply);
    void refreshCredentialsFirst(RestReply *reply);
    void queueOrDispatch(RestReply *reply);
    static ApiError credentialsError(const QString &why);
    void finish(RestReply *reply, HttpResponse response);
    void cancel(RestReply *reply);
    void detach(RestReply *reply);

    RestClientOptions m_options;
    std::unique_ptr<CurlMultiDriver> m_driver;
    std::shared_ptr<CredentialsProvider> m_credentials;
    std::unordered_map<void *, RestReply *> m_active; // by CURL easy handle
    std::deque<RestReply *> m_queued;
    std::mt19937_64 m_random;
};

} // namespace rov::rest
