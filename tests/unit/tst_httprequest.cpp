#include "rest/httprequest.h"
#include "rest/httpresponse.h"

#include <QTest>

using namespace rov::rest;

class TestHttpRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aFormEscapesWhatAFormDecoderWouldMisread()
    {
        rov::rest::HttpRequest request;
        request.setFormBody({{"query", "sum(up{a=\"1+2\"}) & x"}, {"grant_type", "refresh_token"}});
        QCOMPARE(request.body,
                 QByteArray(
                     "query=sum%28up%7Ba%3D%221%2B2%22%7D%29%20%26%20x&grant_type=refresh_token"));
        QCOMPARE(request.contentType, QByteArray("application/x-www-form-urlencoded"));
    }

    void queryIsMergedAndEncoded()
    {
        HttpRequest request = HttpRequest::get(QUrl(QStringLiteral("https://h/v1beta1/x?a=1")));
        request.query.addQueryItem(QStringLiteral("filter"),
                                   QStringLiteral("state=\"RUNNING\" & x"));
        const QString url = request.effectiveUrl().toString(QUrl::FullyEncoded);
        QVERIFY2(url.startsWith(QStringLiteral("https://h/v1beta1/x?a=1&filter=")),
                 qPrintable(url));
        QCOMPARE(QUrlQuery(request.effectiveUrl())
                     .queryItemValue(QStringLiteral("filter"), QUrl::FullyDecoded),
                 QStringLiteral("state=\"RUNNING\" & x"));
    }

    void onlySafeMethodsAreIdempotentUnlessMarked()
    {
        HttpRequest request;
        for (auto method :
             {HttpMethod::Get, HttpMethod::Head, HttpMethod::Put, HttpMethod::Delete}) {
            request.method = method;
            QVERIFY(request.isIdempotent());
        }
        for (auto method : {HttpMethod::Post, HttpMethod::Patch}) {
            request.method = method;
            QVERIFY(!request.isIdempotent());
            request.markedIdempotent = true;
            QVERIFY(request.isIdempotent());
            request.markedIdempotent = false;
        }
    }

    void headersReplaceCaseInsensitively()
    {
        HttpRequest request;
        request.setHeader("X-Goog-User-Project", "a");
        request.setHeader("x-goog-user-project", "b");
        QCOMPARE(request.headers.size(), 1);
        QCOMPARE(request.headers.first().second, QByteArray("b"));
    }

    void jsonBodySetsContentType()
    {
        const auto request = HttpRequest::withJson(
            HttpMethod::Post, QUrl(QStringLiteral("http://h/")), {{"displayName", "c1"}});
        QCOMPARE(request.contentType, QByteArray("application/json"));
        QCOMPARE(request.body, QByteArray(R"({"displayName":"c1"})"));
    }

    void responseHeadersAndJson()
    {
        HttpResponse response;
        response.headers = {{"Content-Type", "text/plain"}, {"retry-after", "3"}};
        response.body = "{\"a\": 1}";
        QCOMPARE(response.header("Retry-After"), QByteArray("3"));
        QCOMPARE(response.json()["a"].get<int>(), 1);
        response.body = "not json";
        QVERIFY(response.json().is_discarded());
    }
};

QTEST_APPLESS_MAIN(TestHttpRequest)
#include "tst_httprequest.moc"
