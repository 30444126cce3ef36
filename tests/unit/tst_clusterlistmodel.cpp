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

    void showsCostSoFarOnlyWhileBilled()
    {
        CostEstimator costs(rov::catalog::MachineCatalog::builtIn());
        ClusterListModel model(costs);
        auto running = cluster(QStringLiteral("a"), ClusterState::Running);
        running.startTime = QDateTime(QDate(2026, 11, 25), QTime(10, 0), Qt::UTC);
        auto failed = cluster(QStringLiteral("b"), ClusterState::Error);
        failed.startTime = running.startTime;
        model.setClusters({running, failed});
        model.setNow(running.startTime.addSecs(2 * 3600));
        const double hourly = *rov::catalog::MachineCatalog::builtIn().nodeUsdPerHour(
                                  QStringLiteral("n1-standard-4"), {}, 0) *
                              2;
        QCOMPARE(model.index(0, ClusterListModel::Cost).data().toString(),
                 QStringLiteral("$%1").arg(hourly * 2, 0, 'f', 2));
        QCOMPARE(model.index(1, ClusterListModel::Cost).data().toString(), QStringLiteral("$0.00"));
        QCOMPARE(model.index(0, ClusterListModel::Uptime).data().toString(),
                 QStringLiteral("2 h 0 min"));
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
