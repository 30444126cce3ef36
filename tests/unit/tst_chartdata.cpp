// What a chart's crosshair reads and what its CSV export writes.
#include "core/chartdata.h"

#include <QTest>

using namespace rov::core;
using rov::api::monitoring::Sample;

class TestChartData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theNearestSampleWithinReachIsRead()
    {
        const std::vector<Sample> samples{{1, 1}, {6, 2}, {11, 3}, {31, 4}};
        QCOMPARE(valueAt(samples, 6, 2.5), std::optional<double>(2));
        QCOMPARE(valueAt(samples, 7, 2.5), std::optional<double>(2));
        QCOMPARE(valueAt(samples, 9, 2.5), std::optional<double>(3));
        QCOMPARE(valueAt(samples, 0, 2.5), std::optional<double>(1));
        QCOMPARE(valueAt(samples, 40, 2.5), std::nullopt);
        // In a gap, nothing: a chart does not invent a value between two runs.
        QCOMPARE(valueAt(samples, 21, 2.5), std::nullopt);
        QCOMPARE(valueAt({}, 21, 2.5), std::nullopt);
    }

    void csvHasOneRowPerTimeAndEmptyCellsForGaps()
    {
        const std::vector<Sample> head{{0, 0.1}, {5, 0.25}};
        const std::vector<Sample> pool{{5, 1e9}, {10, 3}};
        const std::vector<ChartSeries> series{{QStringLiteral("head-node 127.0.0.2"), head},
                                              {QStringLiteral("pool \"a\", b"), pool, true}};
        const QByteArray csv = toCsv(series);
        QCOMPARE(csv, QByteArray("time,head-node 127.0.0.2,\"pool \"\"a\"\", b\"\r\n"
                                 "1970-01-01T00:00:00.000Z,0.1,\r\n"
                                 "1970-01-01T00:00:05.000Z,0.25,1e+09\r\n"
                                 "1970-01-01T00:00:10.000Z,,3\r\n"));
        QCOMPARE(toCsv({}), QByteArray("time\r\n"));
    }
};

QTEST_GUILESS_MAIN(TestChartData)
#include "tst_chartdata.moc"
