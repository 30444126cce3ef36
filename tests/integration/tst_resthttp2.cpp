// The REST client over TLS and HTTP/2, against Debian's nginx in front of FixtureServer.
#include "fixtureserver.h"
#include "nginxfixture.h"
#include "rest/linesplitter.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTest>

using namespace rov::rest;
using rov::test::sendAndWait;

class TestRestHttp2 : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        QVERIFY2(m_nginx.start(&error), qPrintable(error));
    }

    void tlsSpeaksHttp2()
    {
        RestClient client(trusting());
        auto response =
            sendAndWait(client, HttpRequest::get(m_nginx.tlsUrl(QStringLiteral("/small"))));
        QVERIFY2(response.ok(), qPrintable(rov::test::describe(response)));
        QCOMPARE(response.httpVersion, 2);
        QCOMPARE(response.json()["ok"].get<bool>(), true);
        QVERIFY(response.timings.tlsMs > 0);
    }

    void plainPortSpeaksHttp11()
    {
        RestClient client;
        auto response =
            sendAndWait(client, HttpRequest::get(m_nginx.plainUrl(QStringLiteral("/small"))));
        QVERIFY(response.ok());
        QCOMPARE(response.httpVersion, 1);
    }

    void certificatesAreAlwaysVerified()
    {
        RestClient client; // the system store does not know the fixture's certificate
        auto request = HttpRequest::get(m_nginx.tlsUrl(QStringLiteral("/small")));
        request.retry = RetryPolicy::none();
        auto response = sendAndWait(client, request);
        QVERIFY(!response.ok());
        QCOMPARE(response.error->kind, ApiError::Kind::Transport);
        QVERIFY2(
            response.error->message.contains(QStringLiteral("certificate"), Qt::CaseInsensitive),
            qPrintable(response.error->message));
    }

    void concurrentRequestsShareOneConnection()
    {
        RestClient client(trusting());
        constexpr int total = 200;
        int ok = 0, http2 = 0;
        long connections = 0;
        for (int i = 0; i < total; ++i) {
            client.send(HttpRequest::get(m_nginx.tlsUrl(QStringLiteral("/fixture/delay?ms=50"))),
                        this, [&](const HttpResponse &response) {
                            ok += response.ok();
                            http2 += response.httpVersion == 2;
                            connections += response.newConnections;
                        });
        }
        QTRY_COMPARE_WITH_TIMEOUT(ok, total, 30000);
        QCOMPARE(http2, total);
        QVERIFY2(connections <= 2,
                 qPrintable(QStringLiteral("%1 connections opened").arg(connections)));
    }

    void thousandMultiplexedRequestsKeepTheLoopResponsive()
    {
        RestClient client(trusting());
        rov::test::StallMeter stalls;
        constexpr int total = 1000;
        int done = 0, ok = 0;
        for (int i = 0; i < total; ++i)
            client.send(HttpRequest::get(m_nginx.tlsUrl(QStringLiteral("/small"))), this,
                        [&](const HttpResponse &response) {
                            ++done;
                            ok += response.ok();
                        });
        QTRY_COMPARE_WITH_TIMEOUT(done, total, 60000);
        QCOMPARE(ok, total);
        QVERIFY2(stalls.maxLateMs() < 50,
                 qPrintable(QStringLiteral("%1 ms late").arg(stalls.maxLateMs())));
    }

    void streamsOverHttp2InOrder()
    {
        RestClient client(trusting());
        auto request = HttpRequest::get(
            m_nginx.tlsUrl(QStringLiteral("/fixture/stream?lines=15&intervalMs=20")));
        request.streaming = true;
        RestReply *reply = client.send(request);
        reply->setAutoDelete(false);
        LineSplitter splitter;
        QList<QByteArray> lines;
        connect(reply, &RestReply::chunkReceived, this,
                [&](const QByteArray &chunk) { lines += splitter.push(chunk); });
        QSignalSpy finished(reply, &RestReply::finished);
        QVERIFY(finished.wait(5000));
        QCOMPARE(reply->response().httpVersion, 2);
        QCOMPARE(lines.size(), 15);
        QCOMPARE(lines.last(), QByteArray("line 14"));
        delete reply;
    }

private:
    RestClientOptions trusting() const
    {
        RestClientOptions options;
        options.caBundleFile = m_nginx.caFile();
        return options;
    }

    rov::test::FixtureServer m_server;
    rov::test::NginxFixture m_nginx{m_server.port()};
};

QTEST_GUILESS_MAIN(TestRestHttp2)
#include "tst_resthttp2.moc"
