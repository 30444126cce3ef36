#include "localplane/server/bodyreader.h"

#include <QTest>

using namespace rov::localplane;
using rov::rest::ApiError;

namespace {
constexpr qint64 kLimit = 1024;

BodyHeaders length(const QByteArray &value)
{
    return {true, value, {}};
}

int statusOf(const std::variant<BodyFraming, ApiError> &result)
{
    return std::holds_alternative<ApiError>(result) ? std::get<ApiError>(result).httpStatus : 0;
}
} // namespace

class TestBodyReader : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void noLengthIsAnEmptyBodyUnlessOneIsRequired()
    {
        // Fault 2 of issue 12: a POST without Content-Length waited 5 s for a body.
        const auto empty = frameBody({}, BodyRule::JsonOptional, kLimit);
        QVERIFY(std::holds_alternative<BodyFraming>(empty));
        QCOMPARE(std::get<BodyFraming>(empty).kind, BodyFraming::Kind::Empty);
        QCOMPARE(statusOf(frameBody({}, BodyRule::JsonRequired, kLimit)), 411);
        QCOMPARE(statusOf(frameBody({}, BodyRule::None, kLimit)), 0);
    }

    void lengthsAreCheckedBeforeAnythingIsRead_data()
    {
        QTest::addColumn<QByteArray>("value");
        QTest::addColumn<int>("status");
        QTest::newRow("ok") << QByteArray("12") << 0;
        QTest::newRow("limit") << QByteArray("1024") << 0;
        QTest::newRow("over") << QByteArray("1025") << 413;
        QTest::newRow("huge") << QByteArray("99999999999999999999999") << 400;
        QTest::newRow("negative") << QByteArray("-1") << 400;
        QTest::newRow("text") << QByteArray("ten") << 400;
        QTest::newRow("empty") << QByteArray("") << 400;
        QTest::newRow("spaces") << QByteArray(" 7 ") << 0;
        QTest::newRow("list") << QByteArray("7, 7") << 400;
    }
    void lengthsAreCheckedBeforeAnythingIsRead()
    {
        QFETCH(QByteArray, value);
        QFETCH(int, status);
        QCOMPARE(statusOf(frameBody(length(value), BodyRule::JsonRequired, kLimit)), status);
    }

    void onlyChunkedTransferEncodingIsRead()
    {
        const auto chunked = frameBody({false, {}, "Chunked"}, BodyRule::JsonRequired, kLimit);
        QCOMPARE(std::get<BodyFraming>(chunked).kind, BodyFraming::Kind::Chunked);
        const auto gzip = frameBody({false, {}, "gzip, chunked"}, BodyRule::JsonOptional, kLimit);
        QCOMPARE(statusOf(gzip), 501);
        QCOMPARE(std::get<ApiError>(gzip).status, QStringLiteral("UNIMPLEMENTED"));
    }

    void theCollectorStopsAtTheLimit()
    {
        BodyCollector collector(10);
        QVERIFY(collector.append("12345", 5));
        QVERIFY(collector.append("12345", 5));
        QVERIFY(!collector.append("x", 1));
        QVERIFY(collector.overflowed());
        QVERIFY(collector.body().isEmpty()); // nothing kept once over
        QVERIFY(!collector.append("x", 1));
        QCOMPARE(BodyCollector::tooLarge(10).httpStatus, 413);
    }

    void jsonBodies()
    {
        const QByteArray json = "application/json; charset=utf-8";
        QVERIFY(std::holds_alternative<nlohmann::json>(
            decodeJsonBody("{\"a\":1}", json, BodyRule::JsonRequired)));
        QVERIFY(std::get<nlohmann::json>(decodeJsonBody("", {}, BodyRule::JsonOptional)) ==
                nlohmann::json::object());
        QVERIFY(
            std::holds_alternative<ApiError>(decodeJsonBody(" ", json, BodyRule::JsonRequired)));
        QVERIFY(
            std::holds_alternative<ApiError>(decodeJsonBody("[1]", json, BodyRule::JsonRequired)));
        QVERIFY(std::holds_alternative<ApiError>(
            decodeJsonBody("{\"a\":", json, BodyRule::JsonOptional)));
        const auto wrongType = decodeJsonBody("{}", "text/plain", BodyRule::JsonRequired);
        QVERIFY(std::holds_alternative<ApiError>(wrongType));
        QCOMPARE(std::get<ApiError>(wrongType).status, QStringLiteral("INVALID_ARGUMENT"));
        // Found by fuzz_body and fuzz_clusterbody: a number too large for a double threw an
        // exception that was not a parse_error, and ended rovd.
        for (const QByteArray &overflow :
             {QByteArray("{\"replicaCount\": 1e4444}"), QByteArray("[4444444444444444444e4444]")}) {
            const auto decoded = decodeJsonBody(overflow, json, BodyRule::JsonRequired);
            QVERIFY(std::holds_alternative<ApiError>(decoded));
            QVERIFY(std::get<ApiError>(decoded).message.contains(QLatin1String("not valid JSON")));
        }
        // A route without a body rule reads and ignores whatever comes.
        QVERIFY(std::holds_alternative<nlohmann::json>(decodeJsonBody("junk", {}, BodyRule::None)));
    }
};

QTEST_GUILESS_MAIN(TestBodyReader)
#include "tst_bodyreader.moc"
