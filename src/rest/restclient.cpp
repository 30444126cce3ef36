#include "restclient.h"

#include "credentialsprovider.h"
#include "curlmultidriver.h"
#include "curltransfer.h"

#include <QLocale>
#include <QLoggingCategory>
#include <QThread>
#include <algorithm>
#include <mutex>

namespace rov::rest {

// Every call's end, for whoever looks into what the console asks (QT_LOGGING_RULES=
// "rov.rest.debug=true"): the method, the URL without its query (a query may carry a credential
// or an upload's id), the status, attempts and time. Headers and bodies are never written.
Q_LOGGING_CATEGORY(lcRest, "rov.rest", QtWarningMsg)

namespace {

void initialiseCurlOnce()
{
    static std::once_flag once;
    std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

bool isRetryable(const HttpResponse &response)
{
    if (!response.error)
        return false;
    switch (response.error->kind) {
    case ApiError::Kind::Transport:
    case ApiError::Kind::Timeout:
        return true;
    case ApiError::Kind::Http:
        return RetryPolicy::isRetryableHttpStatus(response.status);
    default:
        return false;
    }
}

} // namespace

RestClient::RestClient(RestClientOptions options, QObject *parent)
    : QObject(parent), m_options(std::move(options)), m_random(std::random_device{}())
{
    initialiseCurlOnce();
    m_driver = std::make_unique<CurlMultiDriver>(
        [this](CURL *easy, CURLcode code) { onTransferDone(easy, code); });
    m_driver->setConnectionLimits(m_options.maxConnectionsPerHost, m_options.maxConnectionsTotal);
}

RestClient::~RestClient()
{
    for (auto &[easy, reply] : m_active) {
        m_driver->remove(easy);
        reply->m_transfer.reset();
    }
    m_active.clear();
    m_queued.clear();
    // Every reply that has not said `finished` yet outlives the client and says it a turn of the
    // event loop later: with CANCELLED when it was still under way. No caller waits forever.
    for (RestReply *reply : findChildren<RestReply *>(Qt::FindDirectChildrenOnly)) {
        if (reply->m_announced)
            continue;
        if (reply->m_state != RestReply::State::Finished)
            cancel(reply); // else its announcement is queued already
        reply->setParent(nullptr);
        reply->m_client = nullptr;
    }
    m_driver.reset();
}

void RestClient::setCredentialsProvider(std::shared_ptr<CredentialsProvider> provider)
{
    m_credentials = std::move(provider);
}

QString RestClient::acceptLanguage(const QLocale &locale)
{
    // "zh-CN", not bcp47Name()'s "zh": the region tells Simplified from Traditional.
    QString tag = locale.name().replace(QLatin1Char('_'), QLatin1Char('-'));
    if (tag == QLatin1String("C"))
        tag = QStringLiteral("en");
    return tag.startsWith(QLatin1String("en")) ? tag : tag + QStringLiteral(", en;q=0.5");
}

RestReply *RestClient::send(HttpRequest request)
{
    Q_ASSERT_X(thread() == QThread::currentThread(), "RestClient::send",
               "a RestClient is used only from the thread that owns it");
    // The user's language, so that a backend that speaks it answers in it (rovd, some Google
    // APIs: a google.rpc.LocalizedMessage next to the English message).
    const bool named =
        std::any_of(request.headers.begin(), request.headers.end(), [](const auto &header) {
            return header.first.compare("Accept-Language", Qt::CaseInsensitive) == 0;
        });
    if (!named)
        request.headers.append(
            {QByteArrayLiteral("Accept-Language"), acceptLanguage(QLocale()).toLatin1()});
    auto *reply = new RestReply(this, std::move(request));
    connect(&reply->m_retryTimer, &QTimer::timeout, this, [this, reply] { startAttempt(reply); });
    startAttempt(reply);
    return reply;
}

void RestClient::startAttempt(RestReply *reply)
{
    // A token that is missing or about to expire is renewed first, so that requests do not
    // each earn a 401; the provider runs one refresh for all of them.
    if (m_credentials && reply->m_request.sendCredentials && m_credentials->needsRefresh() &&
        reply->m_state != RestReply::State::RefreshingCredentials) {
        refreshCredentialsFirst(reply);
        return;
    }
    ++reply->m_attempts;
    queueOrDispatch(reply);
}

void RestClient::queueOrDispatch(RestReply *reply)
{
    if (int(m_active.size()) >= m_options.maxTransfersInFlight) {
        reply->m_state = RestReply::State::Queued;
        m_queued.push_back(reply);
        return;
    }
    dispatch(reply);
}

void RestClient::dispatchQueued()
{
    while (!m_queued.empty() && int(m_active.size()) < m_options.maxTransfersInFlight) {
        RestReply *reply = m_queued.front();
        m_queued.pop_front();
        dispatch(reply);
    }
}

void RestClient::dispatch(RestReply *reply)
{
    reply->m_state = RestReply::State::Sending;
    TransferSettings settings{m_options.userAgent, {}, m_options.caBundleFile};
    if (m_credentials && reply->m_request.sendCredentials) {
        settings.authorization = m_credentials->authorizationHeader();
        settings.credentialHeaders = m_credentials->extraHeaders();
    }

    QPointer<RestReply> guard(reply);
    auto deliverChunk = [guard](QByteArray chunk) {
        // Queued, so that the receiver may cancel or delete the reply: libcurl is on the stack
        // here.
        QMetaObject::invokeMethod(
            guard,
            [guard, chunk = std::move(chunk)] {
                if (guard && !guard->m_cancelled)
                    Q_EMIT guard->chunkReceived(chunk);
            },
            Qt::QueuedConnection);
    };
    reply->m_transfer = std::make_unique<CurlTransfer>(reply->m_request, settings, deliverChunk);
    if (const QString problem = reply->m_transfer->prepare(); !problem.isEmpty()) {
        reply->m_transfer.reset();
        HttpResponse response;
        response.attempts = reply->m_attempts;
        response.error = ApiError::transport(CURLE_READ_ERROR, problem);
        finish(reply, std::move(response));
        return;
    }
    CURL *easy = reply->m_transfer->handle();
    m_active.emplace(easy, reply);
    m_driver->add(easy);
}

void RestClient::onTransferDone(void *easy, int code)
{
    auto it = m_active.find(easy);
    if (it == m_active.end())
        return;
    RestReply *reply = it->second;
    m_active.erase(it);
    dispatchQueued();
    HttpResponse response = reply->m_transfer->result(CURLcode(code));
    const bool streamedAlready = reply->m_transfer->deliveredChunks();
    reply->m_transfer.reset();
    response.attempts = reply->m_attempts;

    if (response.status == 401 && m_credentials && reply->m_request.sendCredentials &&
        !reply->m_refreshedCredentials) {
        reply->m_response = std::move(response);
        refreshCredentialsAndRetry(reply);
        return;
    }
    // A stream whose first part was handed on is not repeated: the receiver would see it twice.
    if (!streamedAlready && scheduleRetry(reply, response))
        return;
    finish(reply, std::move(response));
}

bool RestClient::scheduleRetry(RestReply *reply, const HttpResponse &response)
{
    const RetryPolicy &policy = reply->m_request.retry;
    if (!isRetryable(response) || !reply->m_request.isIdempotent() ||
        reply->m_attempts >= policy.maxAttempts)
        return false;

    RetryPolicy::Millis delay = policy.backoff(reply->m_attempts, m_random);
    if (auto retryAfter = RetryPolicy::parseRetryAfter(response.header("Retry-After")))
        delay = *retryAfter;
    if (reply->m_sinceFirstAttempt.elapsed() + delay.count() > policy.overallDeadline.count())
        return false;

    reply->m_state = RestReply::State::WaitingToRetry;
    reply->m_retryTimer.start(int(delay.count()));
    QMetaObject::invokeMethod(
        reply,
        [reply, next = reply->m_attempts + 1, delayMs = delay.count()] {
            Q_EMIT reply->retrying(next, delayMs);
        },
        Qt::QueuedConnection);
    return true;
}

void RestClient::refreshCredentialsAndRetry(RestReply *reply)
{
    reply->m_state = RestReply::State::RefreshingCredentials;
    reply->m_refreshedCredentials = true;
    QPointer<RestReply> guard(reply);
    m_credentials->refresh([this, guard](bool refreshed) {
        if (!guard || guard->m_state != RestReply::State::RefreshingCredentials)
            return;
        if (refreshed) {
            startAttempt(guard);
            return;
        }
        HttpResponse response = guard->m_response;
        if (const QString why = m_credentials->refreshError(); !why.isEmpty())
            response.error = credentialsError(why);
        finish(guard, std::move(response));
    });
}

void RestClient::refreshCredentialsFirst(RestReply *reply)
{
    reply->m_state = RestReply::State::RefreshingCredentials;
    QPointer<RestReply> guard(reply);
    m_credentials->refresh([this, guard](bool refreshed) {
        if (!guard || guard->m_state != RestReply::State::RefreshingCredentials)
            return;
        const QString why = m_credentials->refreshError();
        if (!refreshed && !why.isEmpty()) {
            HttpResponse response;
            response.attempts = guard->m_attempts;
            response.error = credentialsError(why);
            finish(guard, std::move(response));
            return;
        }
        // Sent as it is: a backend that needs no token answers, one that does says 401.
        ++guard->m_attempts;
        queueOrDispatch(guard);
    });
}

ApiError RestClient::credentialsError(const QString &why)
{
    return ApiError::withHttpStatus(401, QStringLiteral("UNAUTHENTICATED"),
                                    tr("Could not sign in: %1").arg(why));
}

void RestClient::finish(RestReply *reply, HttpResponse response)
{
    if (lcRest().isDebugEnabled()) {
        const QUrl url = reply->m_request.url;
        qCDebug(lcRest).noquote() << methodName(reply->m_request.method)
                                  << url.toString(QUrl::RemoveQuery | QUrl::RemoveUserInfo |
                                                  QUrl::RemoveFragment)
                                  << "->" << response.status
                                  << (response.error ? response.error->status + QLatin1Char(' ')
                                                     : QString())
                                  << QStringLiteral("(%1 attempt(s), %2 ms)")
                                         .arg(response.attempts)
                                         .arg(reply->m_sinceFirstAttempt.elapsed());
    }
    reply->m_state = RestReply::State::Finished;
    reply->m_response = std::move(response);
    QMetaObject::invokeMethod(
        reply,
        [reply] {
            QPointer<RestReply> guard(reply);
            reply->m_announced = true;
            Q_EMIT reply->finished();
            if (guard && guard->m_autoDelete)
                guard->deleteLater();
        },
        Qt::QueuedConnection);
}

void RestClient::cancel(RestReply *reply)
{
    detach(reply);
    reply->m_retryTimer.stop();
    reply->m_cancelled = true;
    HttpResponse response;
    response.attempts = reply->m_attempts;
    response.error = ApiError::cancelled();
    finish(reply, std::move(response));
}

void RestClient::detach(RestReply *reply)
{
    std::erase(m_queued, reply);
    if (reply->m_transfer) {
        CURL *easy = reply->m_transfer->handle();
        m_driver->remove(easy);
        m_active.erase(easy);
        reply->m_transfer.reset();
        dispatchQueued();
    }
}

} // namespace rov::rest
