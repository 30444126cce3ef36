#include "rest/retrypolicy.h"

#include <QTest>

using rov::rest::RetryPolicy;
using namespace std::chrono_literals;

class TestRetryPolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void ceilingDoublesFromOneSecondUpToThirtySeconds()
    {
        const RetryPolicy policy;
        QCOMPARE(policy.ceiling(1), 1000ms);
        QCOMPARE(policy.ceiling(2), 2000ms);
        QCOMPARE(policy.ceiling(3), 4000ms);
        QCOMPARE(policy.ceiling(5), 16000ms);
        QCOMPARE(policy.ceiling(6), 30000ms);
        QCOMPARE(policy.ceiling(40), 30000ms);
    }

    void fullJitterSpreadsOverTheWholeRange()
    {
        const RetryPolicy policy;
        std::mt19937_64 random(7);
        qint64 smallest = 1'000'000, largest = 0, sum = 0;
        constexpr int draws = 20000;
        for (int i = 0; i < draws; ++i) {
            const qint64 delay = policy.backoff(3, random).count();
            QVERIFY(delay >= 0 && delay <= 4000);
            smallest = std::min(smallest, delay);
            largest = std::max(largest, delay);
            sum += delay;
        }
        QVERIFY2(smallest < 100, "full jitter reaches close to zero");
        QVERIFY2(largest > 3900, "full jitter reaches close to the ceiling");
        const double mean = double(sum) / draws;
        QVERIFY2(mean > 1850 && mean < 2150, qPrintable(QString::number(mean)));
    }

    void retryableStatusesAreTheTransientOnes()
    {
        for (int status : {408, 429, 500, 502, 503, 504})
            QVERIFY2(RetryPolicy::isRetryableHttpStatus(status),
                     qPrintable(QString::number(status)));
        for (int status : {200, 400, 401, 403, 404, 409, 501})
            QVERIFY2(!RetryPolicy::isRetryableHttpStatus(status),
                     qPrintable(QString::number(status)));
    }

    void retryAfterInSeconds()
    {
        QCOMPARE(RetryPolicy::parseRetryAfter("120"), std::optional(120000ms));
        QCOMPARE(RetryPolicy::parseRetryAfter(" 0 "), std::optional(0ms));
        QCOMPARE(RetryPolicy::parseRetryAfter("-3"), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter(""), std::nullopt);
        QCOMPARE(RetryPolicy::parseRetryAfter("soon"), std::nullopt);
    }

    void retryAfterAsHttpDate()
    {
        const QDateTime now(QDate(2026, 11, 25), QTime(18, 0, 0), Qt::UTC);
        QCOMPARE(RetryPolicy::parseRetryAfter("Wed, 25 Nov 2026 18:00:30 GMT", now),
                 std::optional(30000ms));
        QCOMPARE(RetryPolicy::parseRetryAfter("Wed, 25 Nov 2026 17:00:00 GMT", now),
                 std::optional(0ms));
    }

    void noneMeansOneAttempt() { QCOMPARE(RetryPolicy::none().maxAttempts, 1); }
};

QTEST_APPLESS_MAIN(TestRetryPolicy)
#include "tst_retrypolicy.moc"
