#include "catalog/machinecatalog.h"
#include "core/clusterdraft.h"
#include "core/costestimator.h"

#include <QTest>

using rov::core::ClusterDraft;
using rov::core::CostEstimator;

namespace {

bool hasProblem(const ClusterDraft &draft, const QString &field, int maxNodes = 100)
{
    for (const auto &problem : draft.problems(maxNodes)) {
        if (problem.field == field)
            return true;
    }
    return false;
}

} // namespace

class TestClusterDraft : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aGoodDraftHasNoProblems()
    {
        ClusterDraft draft;
        draft.id = QStringLiteral("demo");
        QVERIFY(draft.problems(100).empty());
    }

    void problemsPointAtTheirField()
    {
        ClusterDraft draft;
        draft.id = QStringLiteral("Demo");
        QVERIFY(hasProblem(draft, QStringLiteral("id")));
        draft.id = QStringLiteral("demo");
        draft.workers[0].autoscaling = std::pair<qint64, qint64>{2, 2};
        QVERIFY(hasProblem(draft, QStringLiteral("pools/0/max")));
        draft.workers[0].autoscaling = std::pair<qint64, qint64>{0, 2};
        QVERIFY(hasProblem(draft, QStringLiteral("pools/0/min")));
        draft.workers[0].autoscaling.reset();
        draft.workers[0].replicaCount = 9;
        QVERIFY(hasProblem(draft, QStringLiteral("pools"), 8)); // 1 head + 9 workers > 8
        draft.workers[0].replicaCount = 1;
        draft.workers.push_back(draft.workers[0]);
        QVERIFY(hasProblem(draft, QStringLiteral("pools/1/id"))); // the same id twice
    }

    void showsTheRequestAndThePythonCall()
    {
        ClusterDraft draft;
        draft.id = QStringLiteral("demo");
        draft.workers[0].autoscaling = std::pair<qint64, qint64>{1, 3};
        const QString body = draft.restBody();
        QVERIFY(body.contains(QStringLiteral("\"maxReplicaCount\": \"3\"")));
        QVERIFY(body.contains(QStringLiteral("ray-cpu.2-47.py311")));
        QCOMPARE(draft.restUrl(QUrl(QStringLiteral("http://127.0.0.1:8788/")), QStringLiteral("p")),
                 QStringLiteral("POST http://127.0.0.1:8788/v1beta1/projects/p/locations/"
                                "us-central1/persistentResources?persistentResourceId=demo"));
        const QString python = draft.pythonCall(QStringLiteral("p"));
        QVERIFY(python.contains(QStringLiteral("vertex_ray.create_ray_cluster(")));
        QVERIFY(python.contains(QStringLiteral(
            "autoscaling_spec=AutoscalingSpec(min_replica_count=1, max_replica_count=3)")));
        QVERIFY(python.contains(QStringLiteral("cluster_name=\"demo\"")));
    }

    void estimatesTheHourlyCostOfWhatIsPlanned()
    {
        const auto &catalog = rov::catalog::MachineCatalog::builtIn();
        CostEstimator costs(catalog);
        ClusterDraft draft;
        draft.workers[0].autoscaling = std::pair<qint64, qint64>{1, 3};
        const double node = *catalog.nodeUsdPerHour(QStringLiteral("n1-standard-4"), {}, 0);
        const auto range = costs.plannedPerHour({draft.head, draft.workers[0]});
        QVERIFY(range.complete);
        QVERIFY(qFuzzyCompare(range.low, 2 * node));
        QVERIFY(qFuzzyCompare(range.high, 4 * node));
        draft.head.machine.machineType = QStringLiteral("no-such-type");
        QVERIFY(!costs.plannedPerHour({draft.head}).complete);
    }
};

QTEST_GUILESS_MAIN(TestClusterDraft)
#include "tst_clusterdraft.moc"
