// The monitoring client's pure parts: Prometheus' answers read into series (NaN and ±Inf never
// reach a chart, gaps stay gaps), the step a chart asks for, and LTTB.
#include "api/monitoring/lttb.h"
#include "api/monitoring/promresult.h"
#include "api/monitoring/querystep.h"

#include <QTest>
#include <cmath>

using namespace rov::api::monitoring;
using namespace std::chrono_literals;

class TestPromQl : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void sampleValuesAreFiniteNumbersOnly()
    {
        QCOMPARE(parseSampleValue("1.5").value(), 1.5);
        QCOMPARE(parseSampleValue("-2e3").value(), -2000.0);
        QVERIFY(!parseSampleValue("NaN"));
        QVERIFY(!parseSampleValue("+Inf"));
        QVERIFY(!parseSampleValue("-Inf"));
        QVERIFY(!parseSampleValue(""));
        QVERIFY(!parseSampleValue("12abc"));
    }

    void aMatrixKeepsItsLabelsAndDropsWhatCannotBeDrawn()
    {
        const auto parsed = parseQueryResult(
            200, "{\"status\":\"success\",\"data\":{\"resultType\":\"matrix\",\"result\":["
                 "{\"metric\":{\"instance\":\"127.0.0.2:20001\",\"State\":\"RUNNING\"},\"values\":["
                 "[100,\"1\"],[105,\"NaN\"],[110,\"3\"],[160,\"+Inf\"],[165,\"4\"]]}]},"
                 "\"warnings\":[\"partial\"]}");
        QVERIFY(std::holds_alternative<QueryResult>(parsed));
        const QueryResult &result = std::get<QueryResult>(parsed);
        QCOMPARE(result.kind, QueryResult::Kind::Matrix);
        QCOMPARE(result.series.size(), size_t(1));
        QCOMPARE(result.series[0].label(QStringLiteral("State")), QStringLiteral("RUNNING"));
        QCOMPARE(result.series[0].samples.size(), size_t(3));
        QCOMPARE(result.warnings, QStringList{QStringLiteral("partial")});
        // 110 → 165 is a gap at a 5 s step: two runs to draw.
        using Bounds = std::vector<std::pair<size_t, size_t>>;
        QCOMPARE(runs(result.series[0].samples, 5, 12.5), (Bounds{{0, 2}, {2, 3}}));
        QCOMPARE(runs(result.series[0].samples, 0, 12.5), (Bounds{{0, 2}, {2, 3}}));
        QVERIFY(runs({}, 5, 12.5).empty());
    }

    // On a 5 s grid: one missing sample is not a gap (10 s ≤ 2.5 steps), three are; a series
    // without any gap is one run. The same with every pair compared (no step).
    void runsEndWhereSamplesAreMissing()
    {
        using Bounds = std::vector<std::pair<size_t, size_t>>;
        std::vector<Sample> samples;
        for (int t = 0; t < 5000; t += 5) {
            if (t == 100 || (t >= 2000 && t < 2015) || t == 4995)
                continue;
            samples.push_back({double(1764000000 + t), 1});
        }
        const Bounds expected{{0, 399}, {399, samples.size()}}; // 400 times before, less t=100
        QCOMPARE(runs(samples, 5, 12.5), expected);
        QCOMPARE(runs(samples, 0, 12.5), expected);
        samples.resize(100);
        QCOMPARE(runs(samples, 5, 12.5), (Bounds{{0, 100}}));
        QCOMPARE(runs(std::span(samples).first(1), 5, 12.5), (Bounds{{0, 1}}));
    }

    void aVectorAndAScalar()
    {
        const auto vector = std::get<QueryResult>(
            parseQueryResult(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"vector\","
                                  "\"result\":[{\"metric\":{},\"value\":[1,\"7\"]}]}}"));
        QCOMPARE(vector.series[0].samples[0].value, 7.0);
        const auto scalar = std::get<QueryResult>(
            parseQueryResult(200, "{\"status\":\"success\",\"data\":{\"resultType\":\"scalar\","
                                  "\"result\":[2,\"0.5\"]}}"));
        QCOMPARE(scalar.kind, QueryResult::Kind::Scalar);
        QCOMPARE(scalar.series[0].samples[0].value, 0.5);
    }

    void errorsSayWhatPrometheusOrGoogleSaid()
    {
        const auto bad = parseQueryResult(
            400, "{\"status\":\"error\",\"errorType\":\"bad_data\",\"error\":\"invalid parameter "
                 "\\\"query\\\": 1:5: parse error: unclosed left parenthesis\"}");
        QVERIFY(std::holds_alternative<rov::rest::ApiError>(bad));
        QCOMPARE(std::get<rov::rest::ApiError>(bad).status, QStringLiteral("bad_data"));
        QVERIFY(std::get<rov::rest::ApiError>(bad).message.contains(
            QStringLiteral("unclosed left parenthesis")));
        const auto google = parseQueryResult(
            403, "{\"error\":{\"code\":403,\"message\":\"Permission monitoring.timeSeries.list "
                 "denied\",\"status\":\"PERMISSION_DENIED\"}}");
        QCOMPARE(std::get<rov::rest::ApiError>(google).status, QStringLiteral("PERMISSION_DENIED"));
        const auto html = parseQueryResult(200, "<html>proxy</html>");
        QVERIFY(std::holds_alternative<rov::rest::ApiError>(html));
        const auto names =
            parseStringList(200, "{\"status\":\"success\",\"data\":[\"up\",\"ray_tasks\"]}");
        QCOMPARE(std::get<QStringList>(names),
                 (QStringList{QStringLiteral("up"), QStringLiteral("ray_tasks")}));
    }

    void theStepFollowsTheWidth_data()
    {
        QTest::addColumn<qint64>("span");
        QTest::addColumn<int>("width");
        QTest::addColumn<qint64>("step");
        QTest::newRow("15 min, 800 px: the scrape interval") << qint64(900) << 800 << qint64(5);
        QTest::newRow("1 h, 800 px") << qint64(3600) << 800 << qint64(5);
        QTest::newRow("6 h, 800 px") << qint64(21600) << 800 << qint64(30);
        QTest::newRow("1 day, 800 px") << qint64(86400) << 800 << qint64(120);
        QTest::newRow("7 days, 800 px") << qint64(604800) << 800 << qint64(900);
        QTest::newRow("7 days, 100000 px: the point limit")
            << qint64(604800) << 100000 << qint64(60);
    }

    void theStepFollowsTheWidth()
    {
        QFETCH(qint64, span);
        QFETCH(int, width);
        QFETCH(qint64, step);
        const qint64 end = 1764590000;
        const RangeStep range = rangeStep(end - span, end, width, 5s);
        QCOMPARE(range.step, step);
        QCOMPARE(range.start % range.step, 0);
        QCOMPARE(range.end % range.step, 0);
        QVERIFY(range.start <= end - span && range.end >= end);
        QVERIFY(range.points() <= kMaxPoints);
        // Two refreshes a few seconds apart ask the same buckets.
        QCOMPARE(rangeStep(end - span + 1, end + 1, width, 5s).step, step);
    }

    void aYearAtOneSecondNeverPassesTheLimit()
    {
        const RangeStep range = rangeStep(0, 365 * 86400, 1'000'000, 1s);
        QVERIFY2(range.points() <= kMaxPoints, qPrintable(QString::number(range.points())));
    }

    void lttbKeepsTheEndsAndThePeak()
    {
        std::vector<Sample> points;
        for (int i = 0; i < 10000; ++i)
            points.push_back({double(i), i == 4321 ? 1000.0 : std::sin(i / 100.0)});
        const auto reduced = lttb(points, 500);
        QCOMPARE(reduced.size(), size_t(500));
        QCOMPARE(reduced.front().time, points.front().time);
        QCOMPARE(reduced.back().time, points.back().time);
        QVERIFY(std::any_of(reduced.begin(), reduced.end(),
                            [](const Sample &p) { return p.value == 1000.0; }));
        QVERIFY(std::is_sorted(reduced.begin(), reduced.end(),
                               [](const Sample &a, const Sample &b) { return a.time < b.time; }));
        QCOMPARE(lttb(points, 20000).size(), points.size());
    }
};

QTEST_GUILESS_MAIN(TestPromQl)
#include "tst_promql.moc"
