// What a token endpoint's answer means, and when a token is renewed: pure functions.
#include "auth/tokenresponse.h"

#include <QTest>

using namespace rov;
using namespace std::chrono;

namespace {

rest::HttpResponse answer(int status, const QByteArray &body)
{
    rest::HttpResponse response;
    response.status = status;
    response.body = body;
    if (status >= 400)
        response.error = rest::ApiError::fromHttpResponse(status, body);
    return response;
}

} // namespace

class TestTokenResponse : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aGoodAnswerGivesTheTokenAndItsLife()
    {
        const auto token = auth::parseTokenResponse(
            answer(200, R"({"access_token":"ya29.a","expires_in":3599,"token_type":"Bearer"})"),
            QStringLiteral("T"));
        QVERIFY(std::holds_alternative<auth::AccessToken>(token));
        QCOMPARE(std::get<auth::AccessToken>(token).value, QByteArray("ya29.a"));
        QCOMPARE(std::get<auth::AccessToken>(token).lifetime, seconds(3599));
    }

    void anIdTokenNamesTheUser()
    {
        // {"alg":"RS256"}.{"email":"ada@example.com"}.signature
        const auto token = auth::parseTokenResponse(
            answer(
                200,
                R"({"access_token":"ya29.a","expires_in":3599,"id_token":"eyJhbGciOiJSUzI1NiJ9.eyJlbWFpbCI6ImFkYUBleGFtcGxlLmNvbSJ9.c2ln"})"),
            QStringLiteral("T"));
        QCOMPARE(std::get<auth::AccessToken>(token).email, QStringLiteral("ada@example.com"));
    }

    void refusalsAreSaidInWords_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("message");
        QTest::newRow("invalid_grant")
            << 400
            << QByteArray(
                   R"({"error":"invalid_grant","error_description":"Invalid JWT Signature."})")
            << QStringLiteral(
                   "T refused to issue a token (HTTP 400, invalid_grant: Invalid JWT Signature.)");
        QTest::newRow("code only")
            << 401 << QByteArray(R"({"error":"invalid_client"})")
            << QStringLiteral("T refused to issue a token (HTTP 401, invalid_client)");
        QTest::newRow("no token") << 200 << QByteArray(R"({"expires_in":3599})")
                                  << QStringLiteral("T answered without an access token");
        QTest::newRow("html") << 200 << QByteArray("<html>portal</html>")
                              << QStringLiteral("T answered without an access token");
        QTest::newRow("nothing") << 0 << QByteArray() << QStringLiteral("T did not answer ()");
    }

    void refusalsAreSaidInWords()
    {
        QFETCH(int, status);
        QFETCH(QByteArray, body);
        QFETCH(QString, message);
        const auto token = auth::parseTokenResponse(answer(status, body), QStringLiteral("T"));
        QVERIFY(std::holds_alternative<rest::ApiError>(token));
        QCOMPARE(std::get<rest::ApiError>(token).message, message);
        QCOMPARE(std::get<rest::ApiError>(token).httpStatus, 401);
    }

    void anHourTokenIsRenewedFiveMinutesEarly()
    {
        const steady_clock::time_point t0{};
        QCOMPARE(auth::refreshTime(t0, seconds(3600)), t0 + minutes(55));
        QCOMPARE(auth::refreshTime(t0, seconds(3599)), t0 + seconds(3299));
    }

    void aShortLivedTokenIsRenewedAfterThreeQuartersOfItsLife()
    {
        const steady_clock::time_point t0{};
        QCOMPARE(auth::refreshTime(t0, seconds(2)), t0 + milliseconds(1500));
        QCOMPARE(auth::refreshTime(t0, seconds(600)), t0 + seconds(450));
        QCOMPARE(auth::refreshTime(t0, seconds(0)), t0);
    }
};

QTEST_GUILESS_MAIN(TestTokenResponse)
#include "tst_tokenresponse.moc"
