// The REST client against a real HTTP server on 127.0.0.1 (FixtureServer).
#include "fixtureserver.h"
#include "rest/call.h"
#include "rest/credentialsprovider.h"
#include "rest/linesplitter.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryFile>
#include <QTest>

using namespace rov::rest;
using rov::test::FixtureServer;
using rov::test::sendAndWait;
using namespace std::chrono_literals;

namespace {

RetryPolicy fastRetries(int maxAttempts = 6)
{
    RetryPolicy policy;
    policy.maxAttempts = maxAttempts;
    policy.initialDelay = 20ms;
    policy.maxDelay = 100ms;
    return policy;
}

int serverCount(RestClient &client, const FixtureServer &server, const QString &key)
{
    const auto response =
        sendAndWait(client, HttpRequest::get(server.url(QStringLiteral("/count?key=") + key)));
    return response.json().value("count", -1);
}

class SwitchingToken : public CredentialsProvider
{
public:
    SwitchingToken(QByteArray first, QByteArray afterRefresh)
        : m_token(std::move(first)), m_afterRefresh(std::move(afterRefresh))
    {}
    QByteArray authorizationHeader() const override { return "Bearer " + m_token; }
    void refresh(std::function<void(bool)> done) override
    {
        ++refreshes;
        m_token = m_afterRefresh;
        QTimer::singleShot(10, [done] { done(true); });
    }
    int refreshes = 0;

private:
    QByteArray m_token;
    QByteArray m_afterRefresh;
};

} // namespace

class TestRestClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void getReturnsJsonTimingsAndReusesTheConnection()
    {
        RestClient client;
        auto first = sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/json"))));
        QVERIFY2(first.ok(), qPrintable(rov::test::describe(first)));
        QCOMPARE(first.status, 200);
        QCOMPARE(first.httpVersion, 1);
        QCOMPARE(first.attempts, 1);
        QCOMPARE(first.json()["hello"].get<std::string>(), std::string("world"));
        QCOMPARE(first.header("content-type"), QByteArray("application/json"));
        QVERIFY(first.timings.totalMs > 0);
        QVERIFY(first.timings.firstByteMs <= first.timings.totalMs);
        QCOMPARE(first.newConnections, 1L);

        auto second = sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/json"))));
        QVERIFY(second.ok());
        QCOMPARE(second.newConnections, 0L);
    }

    void sendsOurUserAgentAndNothingBrowserLike()
    {
        RestClient client;
        auto response = sendAndWait(
            client, HttpRequest::withJson(HttpMethod::Post, m_server.url(QStringLiteral("/echo")),
                                          {{"a", 1}}));
        QVERIFY(response.ok());
        const auto echo = response.json();
        const auto headers = echo["headers"];
        QVERIFY(QString::fromStdString(headers.value("User-Agent", ""))
                    .startsWith(QStringLiteral("rov-console/")));
        QVERIFY(!headers.contains("Origin"));
        QVERIFY(!headers.contains("Referer"));
        QCOMPARE(headers.value("Content-Type", ""), std::string("application/json"));
        QCOMPARE(echo["method"].get<std::string>(), std::string("POST"));
        QCOMPARE(echo["body"].get<std::string>(), std::string(R"({"a":1})"));
    }

    void everyMethodReachesTheServer()
    {
        RestClient client;
        for (auto method : {HttpMethod::Put, HttpMethod::Patch, HttpMethod::Delete}) {
            auto request =
                HttpRequest::withJson(method, m_server.url(QStringLiteral("/echo")), {{"x", 2}});
            auto response = sendAndWait(client, request);
            QVERIFY(response.ok());
            QCOMPARE(QByteArray::fromStdString(response.json()["method"].get<std::string>()),
                     methodName(method));
        }
        HttpRequest head = HttpRequest::get(m_server.url(QStringLiteral("/json")));
        head.method = HttpMethod::Head;
        auto response = sendAndWait(client, head);
        QCOMPARE(response.status, 200);
        QVERIFY(response.body.isEmpty());
    }

    void uploadsAFileFromDisk()
    {
        QTemporaryFile file;
        QVERIFY(file.open());
        const QByteArray block(1024 * 1024, 'z');
        for (int i = 0; i < 3; ++i)
            file.write(block);
        file.flush();
        HttpRequest request;
        request.method = HttpMethod::Put;
        request.url = m_server.url(QStringLiteral("/echo"));
        request.bodyFile = file.fileName();
        request.contentType = "application/zip";
        RestClient client;
        auto response = sendAndWait(client, request);
        QVERIFY2(response.ok(), qPrintable(rov::test::describe(response)));
        QCOMPARE(response.json()["bodyBytes"].get<qint64>(), 3 * 1024 * 1024);

        request.bodyFile = QStringLiteral("/nonexistent/file.zip");
        auto missing = sendAndWait(client, request);
        QVERIFY(!missing.ok());
        QVERIFY(missing.error->message.contains(QStringLiteral("/nonexistent/file.zip")));
    }

    void googleErrorBecomesATypedError()
    {
        RestClient client;
        auto response = sendAndWait(
            client, HttpRequest::get(m_server.url(QStringLiteral(
                        "/error?status=404&name=NOT_FOUND&message=Cluster%20c9%20not%20found"))));
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::Http);
        QCOMPARE(response.error->httpStatus, 404);
        QCOMPARE(response.error->status, QStringLiteral("NOT_FOUND"));
        QCOMPARE(response.error->message, QStringLiteral("Cluster c9 not found"));
        QCOMPARE(response.error->details[0]["reason"].get<std::string>(), std::string("FIXTURE"));
        QCOMPARE(response.attempts, 1);
    }

    void plainTextErrorKeepsItsText()
    {
        RestClient client;
        auto request = HttpRequest::get(m_server.url(QStringLiteral("/text-error")));
        request.retry = RetryPolicy::none();
        auto response = sendAndWait(client, request);
        QCOMPARE(response.error->status, QStringLiteral("INTERNAL"));
        QVERIFY(response.error->message.contains(QStringLiteral("ValueError: boom")));
    }

    void refusedConnectionIsATransportError()
    {
        RestClient client;
        auto request =
            HttpRequest::get(QUrl(QStringLiteral("http://127.0.0.1:%1/").arg(closedPort())));
        request.retry = fastRetries(3);
        auto response = sendAndWait(client, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::Transport);
        QCOMPARE(response.error->httpStatus, 0);
        QCOMPARE(response.attempts, 3);
    }

    void timeoutEndsASlowRequest()
    {
        RestClient client;
        auto request = HttpRequest::get(m_server.url(QStringLiteral("/delay?ms=3000")));
        request.timeout = 200ms;
        request.retry = RetryPolicy::none();
        QElapsedTimer clock;
        clock.start();
        auto response = sendAndWait(client, request);
        QCOMPARE(response.error->kind, ApiError::Kind::Timeout);
        QCOMPARE(response.error->status, QStringLiteral("DEADLINE_EXCEEDED"));
        QVERIFY2(clock.elapsed() < 1500, qPrintable(QString::number(clock.elapsed())));
    }

    void lowSpeedLimitEndsAStalledStream()
    {
        RestClient client;
        auto request =
            HttpRequest::get(m_server.url(QStringLiteral("/stream?lines=3&intervalMs=4000")));
        request.lowSpeedLimitBytesPerSecond = 1;
        request.lowSpeedTime = 1s;
        request.retry = RetryPolicy::none();
        QElapsedTimer clock;
        clock.start();
        auto response = sendAndWait(client, request);
        QCOMPARE(response.error->kind, ApiError::Kind::Timeout);
        QVERIFY2(clock.elapsed() < 3500, qPrintable(QString::number(clock.elapsed())));
    }

    void cancelStopsARequestInFlight()
    {
        RestClient client;
        RestReply *reply =
            client.send(HttpRequest::get(m_server.url(QStringLiteral("/delay?ms=3000"))));
        reply->setAutoDelete(false);
        QSignalSpy finished(reply, &RestReply::finished);
        QTimer::singleShot(100, reply, &RestReply::cancel);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(finished.wait(2000));
        QVERIFY2(clock.elapsed() < 1000, qPrintable(QString::number(clock.elapsed())));
        QCOMPARE(reply->response().error->kind, ApiError::Kind::Cancelled);
        QCOMPARE(client.activeCount(), 0);
        reply->cancel(); // once finished, nothing more happens
        QTest::qWait(50);
        QCOMPARE(finished.count(), 1);
        delete reply;
    }

    void requestsBeyondTheInFlightCapWaitTheirTurnAndCanBeCancelled()
    {
        RestClientOptions options;
        options.maxTransfersInFlight = 1;
        RestClient client(options);
        RestReply *slow =
            client.send(HttpRequest::get(m_server.url(QStringLiteral("/delay?ms=300"))));
        RestReply *waiting = client.send(HttpRequest::get(m_server.url(QStringLiteral("/json"))));
        RestReply *next = client.send(HttpRequest::get(m_server.url(QStringLiteral("/json"))));
        for (RestReply *reply : {slow, waiting, next})
            reply->setAutoDelete(false);
        QCOMPARE(client.activeCount(), 3);
        QSignalSpy waitingFinished(waiting, &RestReply::finished);
        QSignalSpy nextFinished(next, &RestReply::finished);
        waiting->cancel();
        QVERIFY(waitingFinished.wait(1000));
        QCOMPARE(waiting->response().error->kind, ApiError::Kind::Cancelled);
        QVERIFY(!slow->isFinished());
        QVERIFY(nextFinished.wait(3000));
        QVERIFY(slow->isFinished() && slow->response().ok());
        QVERIFY(next->response().ok());
        QCOMPARE(client.activeCount(), 0);
        for (RestReply *reply : {slow, waiting, next})
            delete reply;
    }

    void deletingAReplyInFlightAbandonsIt()
    {
        RestClient client;
        RestReply *reply =
            client.send(HttpRequest::get(m_server.url(QStringLiteral("/delay?ms=200"))));
        QCOMPARE(client.activeCount(), 1);
        delete reply;
        QCOMPARE(client.activeCount(), 0);
        auto after = sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/json"))));
        QVERIFY(after.ok());
    }

    void everyRequestSaysWhichLanguageTheUserReads()
    {
        // So that a backend that speaks it answers in it (issue 10, item 9).
        const QLocale before;
        RestClient client;
        QLocale::setDefault(QLocale(QStringLiteral("zh_CN")));
        auto chinese = sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/echo"))));
        QLocale::setDefault(QLocale(QStringLiteral("en_US")));
        auto english = sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/echo"))));
        auto named = HttpRequest::get(m_server.url(QStringLiteral("/echo")));
        named.setHeader("Accept-Language", "fr-FR");
        auto asked = sendAndWait(client, named);
        QLocale::setDefault(before);
        QVERIFY2(chinese.json()["headers"]["Accept-Language"] == "zh-CN, en;q=0.5",
                 chinese.json().dump().c_str());
        QVERIFY(english.json()["headers"]["Accept-Language"] == "en-US");
        QVERIFY(asked.json()["headers"]["Accept-Language"] == "fr-FR"); // the caller's own stays
    }

    void aDestroyedClientEndsEveryCallWithCancelled()
    {
        // In flight, waiting to retry, and queued behind the cap: each caller hears CANCELLED
        // exactly once, after the client is gone.
        RestClientOptions options;
        options.maxTransfersInFlight = 2;
        auto client = std::make_unique<RestClient>(options);
        QObject context;
        std::vector<std::optional<ApiError::Kind>> outcomes(3);
        std::vector<int> calls(3, 0);
        auto request = [&](const QString &path) {
            auto made = HttpRequest::get(m_server.url(path));
            made.retry.initialDelay = std::chrono::seconds(5); // waits long to retry
            return made;
        };
        const QStringList paths = {QStringLiteral("/delay?ms=3000"),
                                   QStringLiteral("/flaky?key=destroyed&failures=100"),
                                   QStringLiteral("/delay?ms=3000")};
        for (int i = 0; i < 3; ++i) {
            client->send(request(paths[i]), &context, [&, i](const HttpResponse &response) {
                ++calls[i];
                outcomes[i] = response.error ? std::optional(response.error->kind) : std::nullopt;
            });
        }
        QTest::qWait(100);
        client.reset();
        QTRY_VERIFY_WITH_TIMEOUT(calls == std::vector<int>({1, 1, 1}), 1000);
        for (const auto &outcome : outcomes)
            QCOMPARE(outcome, std::optional(ApiError::Kind::Cancelled));
        QTest::qWait(100);
        QCOMPARE(calls, std::vector<int>({1, 1, 1}));
    }

    void aCallThroughAClientThatIsGoneEndsCancelled()
    {
        QPointer<RestClient> gone;
        {
            RestClient client;
            gone = &client;
        }
        QObject context;
        int heard = 0;
        std::optional<ApiError::Kind> kind;
        rov::rest::send(gone, HttpRequest::get(m_server.url(QStringLiteral("/json"))), &context,
                        [&](const HttpResponse &response) {
                            ++heard;
                            kind = response.error->kind;
                        });
        QCOMPARE(heard, 0); // a turn of the event loop later, like any answer
        QTRY_COMPARE(heard, 1);
        QCOMPARE(kind, std::optional(ApiError::Kind::Cancelled));
    }

    void aCallHandleCancelsTheRequestItWaitsOn()
    {
        RestClient client;
        QObject context;
        std::optional<HttpResponse> heard;
        const rov::rest::Call call =
            rov::rest::send(QPointer<RestClient>(&client),
                            HttpRequest::get(m_server.url(QStringLiteral("/delay?ms=3000"))),
                            &context, [&](const HttpResponse &response) { heard = response; });
        QVERIFY(call.isRunning());
        call.cancel();
        QTRY_VERIFY_WITH_TIMEOUT(heard.has_value(), 1000);
        QCOMPARE(heard->error->kind, ApiError::Kind::Cancelled);
        QVERIFY(!call.isRunning());
    }

    void cancelDuringBackoffStopsRetrying()
    {
        RestClient client;
        auto request =
            HttpRequest::get(m_server.url(QStringLiteral("/flaky?key=cancel-backoff&failures=5")));
        request.retry.initialDelay = 2000ms;
        RestReply *reply = client.send(request);
        reply->setAutoDelete(false);
        QSignalSpy retrying(reply, &RestReply::retrying);
        QSignalSpy finished(reply, &RestReply::finished);
        QVERIFY(retrying.wait(2000));
        reply->cancel();
        QVERIFY(finished.wait(1000));
        QCOMPARE(reply->response().error->kind, ApiError::Kind::Cancelled);
        QTest::qWait(2100);
        QCOMPARE(serverCount(client, m_server, QStringLiteral("cancel-backoff")), 1);
        delete reply;
    }

    void transientErrorsAreRetriedUntilSuccess()
    {
        RestClient client;
        auto request = HttpRequest::get(
            m_server.url(QStringLiteral("/flaky?key=ok-third&failures=2&status=503")));
        request.retry = fastRetries();
        auto response = sendAndWait(client, request);
        QVERIFY(response.ok());
        QCOMPARE(response.attempts, 3);
        QCOMPARE(response.json()["attempt"].get<int>(), 3);
        QCOMPARE(serverCount(client, m_server, QStringLiteral("ok-third")), 3);
    }

    void retriesStopAtMaxAttempts()
    {
        RestClient client;
        auto request = HttpRequest::get(
            m_server.url(QStringLiteral("/flaky?key=always&failures=100&status=502")));
        request.retry = fastRetries(4);
        auto response = sendAndWait(client, request);
        QCOMPARE(response.error->httpStatus, 502);
        QCOMPARE(response.attempts, 4);
        QCOMPARE(serverCount(client, m_server, QStringLiteral("always")), 4);
    }

    void clientErrorsAreNotRetried()
    {
        RestClient client;
        auto request = HttpRequest::get(
            m_server.url(QStringLiteral("/flaky?key=bad-request&failures=1&status=400")));
        request.retry = fastRetries();
        auto response = sendAndWait(client, request);
        QCOMPARE(response.error->httpStatus, 400);
        QCOMPARE(response.attempts, 1);
    }

    void backoffStaysWithinItsBounds()
    {
        RestClient client;
        auto request = HttpRequest::get(
            m_server.url(QStringLiteral("/flaky?key=bounds&failures=4&status=503")));
        request.retry.initialDelay = 100ms;
        request.retry.maxDelay = 250ms;
        RestReply *reply = client.send(request);
        reply->setAutoDelete(false);
        QSignalSpy retrying(reply, &RestReply::retrying);
        QSignalSpy finished(reply, &RestReply::finished);
        QElapsedTimer clock;
        clock.start();
        QVERIFY(finished.wait(5000));
        QVERIFY(reply->response().ok());
        QCOMPARE(retrying.count(), 4);
        const qint64 ceilings[] = {100, 200, 250, 250};
        qint64 waited = 0;
        for (int i = 0; i < retrying.count(); ++i) {
            QCOMPARE(retrying.at(i).at(0).toInt(), i + 2);
            const qint64 delay = retrying.at(i).at(1).toLongLong();
            QVERIFY2(delay >= 0 && delay <= ceilings[i], qPrintable(QString::number(delay)));
            waited += delay;
        }
        QVERIFY2(clock.elapsed() >= waited, "every announced wait was really waited");
        QVERIFY2(clock.elapsed() < 800 + 1000, qPrintable(QString::number(clock.elapsed())));
        delete reply;
    }

    void overallDeadlineLimitsRetries()
    {
        RestClient client;
        auto request = HttpRequest::get(
            m_server.url(QStringLiteral("/flaky?key=deadline&failures=100&status=503")));
        request.retry.maxAttempts = 100;
        request.retry.initialDelay = 100ms;
        request.retry.maxDelay = 100ms;
        request.retry.overallDeadline = 600ms;
        QElapsedTimer clock;
        clock.start();
        auto response = sendAndWait(client, request);
        QCOMPARE(response.error->httpStatus, 503);
        QVERIFY(response.attempts > 1);
        QVERIFY2(clock.elapsed() < 1200, qPrintable(QString::number(clock.elapsed())));
    }

    void postIsNeverRetriedUnlessMarkedIdempotent()
    {
        RestClient client;
        auto post = HttpRequest::withJson(
            HttpMethod::Post, m_server.url(QStringLiteral("/flaky?key=post&failures=1&status=503")),
            {{"x", 1}});
        post.retry = fastRetries();
        auto response = sendAndWait(client, post);
        QCOMPARE(response.error->httpStatus, 503);
        QCOMPARE(response.attempts, 1);
        QCOMPARE(serverCount(client, m_server, QStringLiteral("post")), 1);

        post.url = m_server.url(QStringLiteral("/flaky?key=post-marked&failures=1&status=503"));
        post.markedIdempotent = true;
        auto marked = sendAndWait(client, post);
        QVERIFY(marked.ok());
        QCOMPARE(marked.attempts, 2);
    }

    void retryAfterIsHonoured()
    {
        RestClient client;
        auto request = HttpRequest::get(m_server.url(
            QStringLiteral("/flaky?key=retry-after&failures=1&status=429&retryAfter=1")));
        request.retry = fastRetries();
        QElapsedTimer clock;
        clock.start();
        auto response = sendAndWait(client, request);
        QVERIFY(response.ok());
        QCOMPARE(response.attempts, 2);
        QVERIFY2(clock.elapsed() >= 950, qPrintable(QString::number(clock.elapsed())));
    }

    void retryAfterBeyondTheDeadlineGivesUpAtOnce()
    {
        RestClient client;
        auto request = HttpRequest::get(m_server.url(
            QStringLiteral("/flaky?key=too-late&failures=1&status=503&retryAfter=60")));
        request.retry = fastRetries();
        request.retry.overallDeadline = 5000ms;
        QElapsedTimer clock;
        clock.start();
        auto response = sendAndWait(client, request);
        QCOMPARE(response.error->httpStatus, 503);
        QCOMPARE(response.attempts, 1);
        QVERIFY(clock.elapsed() < 1000);
    }

    void streamedChunksArriveInOrderAsTheyAreWritten()
    {
        RestClient client;
        auto request =
            HttpRequest::get(m_server.url(QStringLiteral("/stream?lines=20&intervalMs=25")));
        request.streaming = true;
        RestReply *reply = client.send(request);
        reply->setAutoDelete(false);
        LineSplitter splitter;
        QList<QByteArray> lines;
        int chunks = 0;
        qint64 firstChunkAt = -1;
        QElapsedTimer clock;
        clock.start();
        connect(reply, &RestReply::chunkReceived, this, [&](const QByteArray &chunk) {
            if (firstChunkAt < 0)
                firstChunkAt = clock.elapsed();
            ++chunks;
            lines += splitter.push(chunk);
        });
        QSignalSpy finished(reply, &RestReply::finished);
        QVERIFY(finished.wait(5000));
        const qint64 finishedAt = clock.elapsed();
        QVERIFY(reply->response().ok());
        QVERIFY2(reply->response().body.isEmpty(), "a stream is handed on, not kept");
        QCOMPARE(lines.size(), 20);
        for (int i = 0; i < 20; ++i)
            QCOMPARE(lines.at(i), "line " + QByteArray::number(i));
        QVERIFY2(chunks > 5, qPrintable(QString::number(chunks)));
        QVERIFY2(finishedAt - firstChunkAt > 300, "the first line came before the stream ended");
        delete reply;
    }

    void droppedConnectionMidBodyIsATransportError()
    {
        RestClient client;
        auto request = HttpRequest::get(m_server.url(QStringLiteral("/drop")));
        request.retry = RetryPolicy::none();
        auto response = sendAndWait(client, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::Transport);
    }

    void unauthorizedRefreshesTheTokenOnce()
    {
        RestClient client;
        auto fixable = std::make_shared<SwitchingToken>("stale", "good");
        client.setCredentialsProvider(fixable);
        auto response =
            sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/auth"))));
        QVERIFY(response.ok());
        QCOMPARE(response.attempts, 2);
        QCOMPARE(fixable->refreshes, 1);

        auto hopeless = std::make_shared<SwitchingToken>("stale", "still-bad");
        client.setCredentialsProvider(hopeless);
        auto refused = sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/auth"))));
        QCOMPARE(refused.error->status, QStringLiteral("UNAUTHENTICATED"));
        QCOMPARE(refused.attempts, 2);
        QCOMPARE(hopeless->refreshes, 1);
    }

    void proxyFromTheEnvironmentIsUsed()
    {
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost));
        QByteArray requestLine;
        connect(&proxy, &QTcpServer::newConnection, this, [&] {
            QTcpSocket *socket = proxy.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [&, socket] {
                const QByteArray data = socket->readAll();
                requestLine = data.left(data.indexOf("\r\n"));
                socket->write(
                    "HTTP/1.1 200 OK\r\nContent-Length: 2\r\nConnection: close\r\n\r\nok");
                socket->disconnectFromHost();
            });
        });
        qputenv("http_proxy", "http://127.0.0.1:" + QByteArray::number(proxy.serverPort()));
        RestClient client;
        auto viaProxy = sendAndWait(
            client, HttpRequest::get(QUrl(QStringLiteral("http://cluster.invalid/v1/x"))));
        QVERIFY2(viaProxy.ok(), qPrintable(rov::test::describe(viaProxy)));
        QCOMPARE(requestLine, QByteArray("GET http://cluster.invalid/v1/x HTTP/1.1"));

        qputenv("no_proxy", "127.0.0.1");
        auto direct = sendAndWait(client, HttpRequest::get(m_server.url(QStringLiteral("/json"))));
        qunsetenv("http_proxy");
        qunsetenv("no_proxy");
        QVERIFY(direct.ok());
        QCOMPARE(direct.json()["hello"].get<std::string>(), std::string("world"));
    }

    void thousandConcurrentRequestsCompleteAndTheLoopStaysResponsive()
    {
        RestClient client;
        rov::test::StallMeter stalls;
        int ok = 0, failed = 0;
        constexpr int total = 1000;
        for (int i = 0; i < total; ++i) {
            const QString path =
                (i % 10 == 0) ? QStringLiteral("/delay?ms=20") : QStringLiteral("/json");
            client.send(HttpRequest::get(m_server.url(path)), this,
                        [&](const HttpResponse &response) { (response.ok() ? ok : failed) += 1; });
        }
        QTRY_COMPARE_WITH_TIMEOUT(ok + failed, total, 60000);
        QCOMPARE(failed, 0);
        QCOMPARE(client.activeCount(), 0);
        QVERIFY(stalls.ticks() > 5);
        qInfo("max stall %lld ms over %d ticks", stalls.maxLateMs(), stalls.ticks());
        QVERIFY2(stalls.maxLateMs() < 50,
                 qPrintable(QStringLiteral("a 5 ms timer was %1 ms late").arg(stalls.maxLateMs())));
    }

private:
    static quint16 closedPort()
    {
        QTcpServer probe;
        probe.listen(QHostAddress::LocalHost, 0);
        return probe.serverPort(); // closed again when probe goes
    }

    FixtureServer m_server;
};

QTEST_GUILESS_MAIN(TestRestClient)
#include "tst_restclient.moc"
