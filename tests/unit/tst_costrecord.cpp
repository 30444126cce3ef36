// Cost so far over a cluster's node record (issue 10, item 7): each node costs for the time it
// was live, so the sum never falls when a pool shrinks and a new node does not cost for the
// cluster's whole life.
#include "core/costrecord.h"

#include <QTest>

using rov::api::vertex::ClusterEvent;
using rov::core::CostRecord;

namespace {

const QDateTime kT0(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);
const std::map<QString, double> kPrices{{QStringLiteral("head"), 1.0},
                                        {QStringLiteral("workers"), 0.5}};

QDateTime at(double hours)
{
    return kT0.addMSecs(qint64(hours * 3'600'000));
}

ClusterEvent counts(double hours, qint64 head, qint64 workers)
{
    return {
        at(hours), QStringLiteral("RUNNING"), QStringLiteral("Live nodes"),
        CostRecord::Counts{{QStringLiteral("head"), head}, {QStringLiteral("workers"), workers}}};
}

// Created at 0, head and 4 workers live at 0.25 h, down to 1 worker at 2 h, deleted at 3 h.
std::vector<ClusterEvent> scaledDownThenDeleted()
{
    return {{at(0), QStringLiteral("PROVISIONING"), QStringLiteral("No node is live"),
             CostRecord::Counts{}},
            {at(0.1), QStringLiteral("PROVISIONING"), QStringLiteral("Starting the head node"),
             std::nullopt}, // an event without counts changes nothing
            counts(0.25, 1, 4),
            counts(2, 1, 1),
            {at(3), QStringLiteral("DELETED"), QStringLiteral("gone"), CostRecord::Counts{}}};
}

} // namespace

class TestCostRecord : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void neverDecreasesAcrossAScaleDown()
    {
        const CostRecord record = CostRecord::fromEvents(scaledDownThenDeleted(), {});
        QCOMPARE(record.source(), CostRecord::Source::BackendRecord);
        double previous = 0;
        for (double hours = 0; hours <= 4; hours += 0.05) {
            const double cost = record.until(at(hours), kPrices);
            QVERIFY2(
                cost >= previous - 1e-9,
                qPrintable(QStringLiteral("%1 h: %2 after %3").arg(hours).arg(cost).arg(previous)));
            previous = cost;
        }
        // 1.75 h of (1 + 4 × 0.5) = 5.25, then 1 h of (1 + 0.5) = 1.5, then nothing.
        QVERIFY(qFuzzyCompare(record.until(at(2), kPrices), 5.25));
        QVERIFY(qFuzzyCompare(record.until(at(3), kPrices), 6.75));
        QVERIFY(qFuzzyCompare(record.until(at(10), kPrices), 6.75)); // deleted: it stops
    }

    void aNodeAddedLaterCostsOnlyFromThen()
    {
        // The old estimate charged today's rate for the whole uptime: a worker added at 9 h of a
        // 10 h life cost 10 h. Here it costs 1 h.
        const CostRecord record = CostRecord::fromEvents({counts(0, 1, 0), counts(9, 1, 1)}, {});
        QVERIFY(qFuzzyCompare(record.until(at(10), kPrices), 10 * 1.0 + 1 * 0.5));
    }

    void poolsWithoutAPriceCountNothing()
    {
        CostRecord record = CostRecord::watched(
            at(0), {{QStringLiteral("head"), 1}, {QStringLiteral("tpu-pool"), 8}});
        QVERIFY(qFuzzyCompare(record.until(at(2), kPrices), 2.0));
    }

    void watchedCountsFromTheFirstLookAndIgnoresRepeatsAndThePast()
    {
        CostRecord record = CostRecord::watched(at(1), {{QStringLiteral("head"), 1}});
        QCOMPARE(record.source(), CostRecord::Source::Watched);
        QCOMPARE(record.since(), at(1));
        record.observe(at(1.5), {{QStringLiteral("head"), 1}, {QStringLiteral("workers"), 0}});
        QCOMPARE(record.counts().size(), size_t(1)); // the same counts: nothing new
        record.observe(at(0.5), {{QStringLiteral("head"), 5}});
        QCOMPARE(record.counts().size(), size_t(1)); // older than the last count
        record.observe(at(2), {{QStringLiteral("head"), 1}, {QStringLiteral("workers"), 2}});
        QCOMPARE(record.counts().size(), size_t(2));
        QVERIFY(qFuzzyCompare(record.until(at(3), kPrices), 1.0 + 2.0));
        QCOMPARE(record.until(at(0), kPrices), 0.0); // before it started watching
    }

    void theBackendRecordReplacesWhatWasWatchedButKeepsLaterLooks()
    {
        CostRecord seen = CostRecord::watched(at(5), {{QStringLiteral("head"), 1}});
        seen.observe(at(7), {{QStringLiteral("head"), 1}, {QStringLiteral("workers"), 2}});
        const CostRecord record = CostRecord::fromEvents({counts(0, 1, 0), counts(6, 1, 0)}, seen);
        QCOMPARE(record.source(), CostRecord::Source::BackendRecord);
        QCOMPARE(record.since(), at(0));
        QVERIFY(qFuzzyCompare(record.until(at(8), kPrices), 8 * 1.0 + 1 * 1.0));
    }

    void aRecordWithoutNodeCountsLeavesTheWatchedOne()
    {
        // Another backend's events (state changes only) say nothing about nodes.
        const CostRecord seen = CostRecord::watched(at(1), {{QStringLiteral("head"), 1}});
        const CostRecord record = CostRecord::fromEvents(
            {{at(0), QStringLiteral("RUNNING"), QStringLiteral("started"), std::nullopt}}, seen);
        QCOMPARE(record.source(), CostRecord::Source::Watched);
        QCOMPARE(record.since(), at(1));
    }
};

QTEST_GUILESS_MAIN(TestCostRecord)
#include "tst_costrecord.moc"
