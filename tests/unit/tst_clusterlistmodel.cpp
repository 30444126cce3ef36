#include "catalog/machinecatalog.h"
#include "core/clusterlistmodel.h"
#include "core/clusterrefresher.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QTest>

using namespace rov::api::vertex;
using rov::core::ClusterListModel;
using rov::core::CostEstimator;
using rov::core::RefreshSchedule;

namespace {

PersistentResource cluster(const QString &id, ClusterState state, qint64 workers = 1)
{
    PersistentResource resource;
    resource.name = QStringLiteral("projects/p/locations/us-central1/persistentResources/") + id;
    resource.state = state;
    resource.createTime = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
    ResourcePool head;
    head.id = QStringLiteral("head");
    head.machine.machineType = QStringLiteral("n1-standard-4");
    head.usedReplicaCount = 1;
    ResourcePool worker = head;
    worker.id = QStringLiteral("w");
    worker.replicaCount = workers;
    worker.usedReplicaCount = workers;
    resource.pools = {head, worker};
    resource.headPoolId = head.id;
    return resource;
}

} // namespace

class TestClusterListModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void keepsRowsInPlaceAcrossRefreshes()
    {
        CostEstimator costs(rov::catalog::MachineCatalog::builtIn());
        ClusterListModel model(costs);
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QVERIFY(model.setClusters({cluster(QStringLiteral("a"), ClusterState::Running),
                                   cluster(QStringLiteral("b"), ClusterState::Provisioning)}));
        QCOMPARE(model.rowCount(), 2);
        QVERIFY(model.anyChanging());

        QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(!model.setClusters({cluster(QStringLiteral("a"), ClusterState::Running),
                                    cluster(QStringLiteral("b"), ClusterState::Provisioning)}));
        QCOMPARE(changed.count(), 0);

        QVERIFY(model.setClusters({cluster(QStringLiteral("b"), ClusterState::Running, 2),
                                   cluster(QStringLiteral("c"), ClusterState::Running)}));
        QCOMPARE(removed.count(), 1);  // a
        QCOMPARE(inserted.count(), 1); // c
        QCOMPARE(changed.count(), 1);  // b: its state and nodes
        QCOMPARE(
            model.rowOf(QStringLiteral("projects/p/locations/us-central1/persistentResources/b")),
            0);
        QCOMPARE(model.index(0, ClusterListModel::State).data().toString(),
                 QStringLiteral("Running"));
        QCOMPARE(model.index(0, ClusterListModel::Nodes).data().toString(),
                 QStringLiteral("head: 1/1, w: 2/2"));
        QVERIFY(!model.anyChanging());
    }

    void costSoFarCountsFromWhenTheConsoleStartedWatchingUntilTheRecordComes()
    {
        CostEstimator costs(rov::catalog::MachineCatalog::builtIn());
        ClusterListModel model(costs);
        const QDateTime t0(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        auto running = cluster(QStringLiteral("a"), ClusterState::Running);
        running.startTime = t0.addSecs(-5 * 3600); // up long before the console looked
        model.setClusters({running}, t0);
        model.setNow(t0.addSecs(2 * 3600));
        const double node = *rov::catalog::MachineCatalog::builtIn().nodeUsdPerHour(
            QStringLiteral("n1-standard-4"), {}, 0);
        // Watched: two nodes for two hours, and the text says since when.
        QCOMPARE(model.costSoFar(running.name).source, rov::core::CostRecord::Source::Watched);
        QCOMPARE(model.costSoFar(running.name).since, t0);
        QVERIFY(qFuzzyCompare(model.costSoFar(running.name).dollars, node * 2 * 2));
        const QString text = model.index(0, ClusterListModel::Cost).data().toString();
        QVERIFY2(text.startsWith(QStringLiteral("$%1 since ").arg(node * 4, 0, 'f', 2)),
                 qPrintable(text));
        QVERIFY(model.index(0, ClusterListModel::Cost)
                    .data(Qt::ToolTipRole)
                    .toString()
                    .contains(QLatin1String("started watching")));

        // The backend's record: both nodes since t0 - 5 h, so seven hours in all.
        rov::api::vertex::ClusterEvent created{
            t0.addSecs(-5 * 3600), QStringLiteral("RUNNING"), QStringLiteral("Live nodes"),
            std::map<QString, qint64>{{QStringLiteral("head"), 1}, {QStringLiteral("w"), 1}}};
        model.setEventRecord(running.name, {created});
        QCOMPARE(model.costSoFar(running.name).source,
                 rov::core::CostRecord::Source::BackendRecord);
        QVERIFY(qFuzzyCompare(model.costSoFar(running.name).dollars, node * 2 * 7));
        QCOMPARE(model.index(0, ClusterListModel::Cost).data().toString(),
                 QStringLiteral("$%1").arg(node * 14, 0, 'f', 2));
        QCOMPARE(model.index(0, ClusterListModel::Uptime).data().toString(),
                 QStringLiteral("7 h 0 min"));
    }

    void refreshesSoonWhileChangingAndBacksOffWhenQuiet()
    {
        RefreshSchedule schedule;
        QCOMPARE(schedule.next(true, true), RefreshSchedule::kChanging);
        const auto first = schedule.next(false, false);
        const auto second = schedule.next(false, false);
        QVERIFY(second > first);
        for (int i = 0; i < 20; ++i)
            schedule.next(false, false);
        QCOMPARE(schedule.next(false, false), RefreshSchedule::kMaxQuiet);
        QCOMPARE(schedule.next(true, false), RefreshSchedule::kFirstQuiet);
    }
};

QTEST_GUILESS_MAIN(TestClusterListModel)
#include "tst_clusterlistmodel.moc"
