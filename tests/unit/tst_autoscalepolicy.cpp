#include "localplane/clusters/autoscalepolicy.h"

#include <QFile>
#include <QTest>

using namespace rov::localplane;
using namespace std::chrono_literals;
using nlohmann::json;

namespace {

json capturedClusterStatus()
{
    // Recorded from Ray 2.47.1 with a head and one 4-CPU worker busy, 6 one-CPU tasks waiting.
    QFile file(QStringLiteral(ROV_TEST_DATA_DIR "/ray_cluster_status.json"));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("missing test data: %s", qPrintable(file.fileName()));
    return json::parse(file.readAll().toStdString());
}

ScalablePool workerPool(int nodes, std::chrono::milliseconds idleFor = 0ms)
{
    ScalablePool pool;
    pool.id = QStringLiteral("w");
    pool.cpusPerNode = 4;
    pool.memoryBytesPerNode = 15.0 * (1LL << 30);
    pool.minNodes = 1;
    pool.maxNodes = 3;
    for (int i = 0; i < nodes; ++i)
        pool.nodes.push_back(
            {QStringLiteral("w-%1").arg(i), QStringLiteral("id%1").arg(i), idleFor});
    return pool;
}

RayLoad::Shape cpuTasks(qint64 count, double cpus = 1)
{
    return {{{"CPU", cpus}}, count};
}

} // namespace

class TestAutoscalePolicy : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsRayDemandAndBusyNodes()
    {
        QString error;
        const auto load = RayLoad::fromClusterStatus(capturedClusterStatus(), &error);
        QVERIFY2(load, qPrintable(error));
        QCOMPARE(load->pending.size(), size_t(1));
        QCOMPARE(load->pending[0].count, 6);
        QCOMPARE(load->pending[0].resources.at("CPU"), 1.0);
        QCOMPARE(load->reportedNodes.size(), size_t(2));
        // The worker runs four tasks; the head holds only its node marker and is idle.
        QCOMPARE(load->busyNodes.size(), size_t(1));
        // Cluster totals for the console's overview, node markers left out.
        QCOMPARE(load->usage.size(), size_t(3));
        QCOMPARE(load->usage.at(QStringLiteral("CPU")).used, 4.0);
        QCOMPARE(load->usage.at(QStringLiteral("object_store_memory")).total, 200000000.0);
        QCOMPARE(load->usage.at(QStringLiteral("memory")).total, 32212254720.0);
    }

    void aReportWithoutLoadMetricsIsAnError()
    {
        QString error;
        QVERIFY(
            !RayLoad::fromClusterStatus(json{{"result", true}, {"data", json::object()}}, &error));
        QVERIFY(error.contains(QStringLiteral("loadMetricsReport")));
    }

    void snakeCaseSpellingsAreReadToo()
    {
        const json body = {
            {"data",
             {{"cluster_status",
               {{"load_metrics_report",
                 {{"resource_demand", json::array({json::array({{{"CPU", 2.0}}, 3})})},
                  {"usage_by_node", {{"abc", {{"object_store_memory", {5.0, 10.0}}}}}}}}}}}}};
        QString error;
        const auto load = RayLoad::fromClusterStatus(body, &error);
        QVERIFY(load);
        QCOMPARE(load->pending.at(0).count, 3);
        QVERIFY(load->reportedNodes.count(QStringLiteral("abc")));
        QVERIFY2(load->busyNodes.empty(), "objects in the store do not make a node busy");
    }

    void growsByTheNodesTheWaitingTasksNeed()
    {
        const auto decision = decideScaling({workerPool(1)}, {cpuTasks(6)}, 60s, 10);
        QCOMPARE(decision.targets.at(QStringLiteral("w")), 3); // 6 tasks / 4 per node = 2 more
        QVERIFY(decision.retire.isEmpty());
        QVERIFY(decision.reasons.at(0).contains(QStringLiteral("grows from 1 to 3")));
    }

    void neverGrowsPastTheMaximumOrTheMachine()
    {
        QCOMPARE(decideScaling({workerPool(1)}, {cpuTasks(100)}, 60s, 10)
                     .targets.at(QStringLiteral("w")),
                 3);
        QCOMPARE(
            decideScaling({workerPool(1)}, {cpuTasks(100)}, 60s, 1).targets.at(QStringLiteral("w")),
            2);
        QVERIFY(decideScaling({workerPool(3)}, {cpuTasks(100)}, 60s, 10).empty());
        QVERIFY(decideScaling({workerPool(1)}, {cpuTasks(100)}, 60s, 0).empty());
    }

    void workNoNodeOfThePoolCanRunIsLeftAlone()
    {
        QVERIFY(decideScaling({workerPool(1)}, {{{{"GPU", 1.0}}, 2}}, 60s, 10).empty());
        QVERIFY(decideScaling({workerPool(1)}, {cpuTasks(1, 8)}, 60s, 10).empty());
    }

    void shrinksIdleNodesDownToTheMinimum()
    {
        const auto decision = decideScaling({workerPool(3, 61s)}, {}, 60s, 10);
        QCOMPARE(decision.targets.at(QStringLiteral("w")), 1);
        QCOMPARE(decision.retire.size(), 2);
    }

    void keepsNodesIdleForLessThanTheTimeout()
    {
        QVERIFY(decideScaling({workerPool(3, 59s)}, {}, 60s, 10).empty());
    }

    void aPoolWithWaitingWorkDoesNotShrink()
    {
        auto pool = workerPool(3, 120s);
        QVERIFY(decideScaling({pool}, {cpuTasks(1)}, 60s, 0).empty());
    }
};

QTEST_GUILESS_MAIN(TestAutoscalePolicy)
#include "tst_autoscalepolicy.moc"
