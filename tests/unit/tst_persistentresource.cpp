#include "api/vertex/persistentresource.h"

#include <QTest>

using namespace rov::api::vertex;
using nlohmann::json;

class TestPersistentResource : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsWhatABackendAnswersInEitherSpelling()
    {
        const json answer = json::parse(R"({
          "name": "projects/p/locations/us-central1/persistentResources/c1",
          "displayName": "demo", "state": 3, "createTime": "2026-11-25T10:00:00.000Z",
          "startTime": "2026-11-25T10:00:09.500Z",
          "resourcePools": [
            {"id": "head", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": "1",
             "usedReplicaCount": "1", "diskSpec": {"bootDiskType": "pd-ssd", "bootDiskSizeGb": 100}},
            {"id": "w", "machine_spec": {"machine_type": "n1-standard-8", "accelerator_type": "NVIDIA_L4",
             "accelerator_count": 2}, "autoscaling_spec": {"min_replica_count": "1", "max_replica_count": 3},
             "used_replica_count": 2}],
          "resourceRuntimeSpec": {"raySpec": {"resourcePoolImages": {"head": "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest"},
                                               "headNodeResourcePoolId": "head"}},
          "resourceRuntime": {"accessUris": {"RAY_DASHBOARD_URI": "127.0.0.1:20001"}},
          "labels": {"team": "ml"},
          "satisfiesPzi": false})");
        const auto resource = PersistentResource::fromJson(answer);
        QCOMPARE(resource.id(), QStringLiteral("c1"));
        QCOMPARE(resource.location(), QStringLiteral("us-central1"));
        QVERIFY(resource.state == ClusterState::Running);
        QCOMPARE(resource.pools.size(), size_t(2));
        QCOMPARE(resource.pools[1].machine.acceleratorCount, 2);
        QVERIFY(resource.pools[1].autoscaling == (std::pair<qint64, qint64>{1, 3}));
        QCOMPARE(resource.liveNodes(), 3);
        QCOMPARE(resource.rayVersion(), QStringLiteral("2.47"));
        QCOMPARE(resource.pythonVersion(), QStringLiteral("3.11"));
        QCOMPARE(resource.startTime.time().msec(), 500);
        QCOMPARE(resource.accessUris.at(QStringLiteral("RAY_DASHBOARD_URI")),
                 QStringLiteral("127.0.0.1:20001"));
        // A field this console does not know is kept for the round trip.
        QVERIFY(resource.toJson().contains("satisfiesPzi"));
    }

    void roundTripKeepsTheCreateBody()
    {
        PersistentResource resource;
        resource.displayName = QStringLiteral("x");
        ResourcePool head;
        head.id = QStringLiteral("head");
        head.machine.machineType = QStringLiteral("n1-standard-4");
        ResourcePool worker = head;
        worker.id = QStringLiteral("w");
        worker.autoscaling = std::pair<qint64, qint64>{1, 4};
        resource.pools = {head, worker};
        resource.headPoolId = QStringLiteral("head");
        resource.imageUri = prebuiltImage(QStringLiteral("2.47"), QStringLiteral("3.11"), false);
        resource.labels[QStringLiteral("team")] = QStringLiteral("ml");
        resource.networkAttachment = QStringLiteral("projects/p/regions/r/networkAttachments/a");
        const json body = resource.toJson();
        QVERIFY(body["resourcePools"][1]["autoscalingSpec"]["maxReplicaCount"] == "4");
        QVERIFY(!body["resourcePools"][1].contains("replicaCount"));
        QVERIFY(body["resourceRuntimeSpec"]["raySpec"]["imageUri"] ==
                "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest");
        const auto again = PersistentResource::fromJson(body);
        QVERIFY(again.toJson() == body);
    }

    void idRuleMatchesTheApi_data()
    {
        QTest::addColumn<QString>("id");
        QTest::addColumn<int>("problem");
        QTest::newRow("fine") << QStringLiteral("a-1") << int(IdProblem::None);
        QTest::newRow("one letter") << QStringLiteral("a") << int(IdProblem::None);
        QTest::newRow("empty") << QString() << int(IdProblem::Empty);
        QTest::newRow("digit first") << QStringLiteral("1a") << int(IdProblem::FirstNotLetter);
        QTest::newRow("upper") << QStringLiteral("aB") << int(IdProblem::BadCharacter);
        QTest::newRow("underscore") << QStringLiteral("a_b") << int(IdProblem::BadCharacter);
        QTest::newRow("hyphen last") << QStringLiteral("ab-") << int(IdProblem::EndsWithHyphen);
        QTest::newRow("64 chars") << QStringLiteral("a").repeated(64) << int(IdProblem::TooLong);
        QTest::newRow("63 chars") << QStringLiteral("a").repeated(63) << int(IdProblem::None);
    }

    void idRuleMatchesTheApi()
    {
        QFETCH(QString, id);
        QFETCH(int, problem);
        QCOMPARE(int(checkClusterId(id)), problem);
    }
};

QTEST_GUILESS_MAIN(TestPersistentResource)
#include "tst_persistentresource.moc"
