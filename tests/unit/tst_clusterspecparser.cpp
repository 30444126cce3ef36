#include "localplane/clusters/clusterspecparser.h"

#include <QTest>

using namespace rov::localplane;
using nlohmann::json;

namespace {

json sdkDefaultCluster()
{
    // What vertex_ray.create_ray_cluster() sends with its defaults.
    return json::parse(R"({
      "resourcePools": [{"id": "head-node", "machineSpec": {"machineType": "n1-standard-16"},
                         "replicaCount": "2", "diskSpec": {"bootDiskType": "pd-ssd", "bootDiskSizeGb": 100}}],
      "resourceRuntimeSpec": {"raySpec": {
        "resourcePoolImages": {"head-node": "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest"},
        "rayMetricSpec": {}, "rayLogsSpec": {}}}})");
}

json headAndWorkers()
{
    return json::parse(R"({
      "displayName": "demo",
      "resourcePools": [
        {"id": "head-node", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1},
        {"id": "worker-pool1", "machineSpec": {"machineType": "n1-standard-8", "acceleratorType": 0},
         "autoscalingSpec": {"minReplicaCount": "1", "maxReplicaCount": "3"}}],
      "resourceRuntimeSpec": {"raySpec": {"imageUri": "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest"}},
      "labels": {"team": "ml", "env": "demo"}})");
}

} // namespace

class TestClusterSpecParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void acceptsWhatTheSdkSends()
    {
        const auto result = parser().parse(sdkDefaultCluster(), true);
        QVERIFY2(std::holds_alternative<ClusterSpec>(result), problem(result).constData());
        const auto &spec = std::get<ClusterSpec>(result);
        QCOMPARE(spec.pools.size(), size_t(1));
        QCOMPARE(spec.headPoolId, QStringLiteral("head-node"));
        QCOMPARE(spec.headPool().replicaCount, qint64(2));
        QCOMPARE(spec.initialNodeCount(), qint64(2));
        QCOMPARE(spec.rayVersion, QStringLiteral("2.47"));
        QCOMPARE(spec.pythonVersion, QStringLiteral("3.11"));
    }

    void acceptsSnakeCaseAndIntegerEnums()
    {
        const json body = json::parse(R"({
          "resource_pools": [{"id": "head-node", "machine_spec": {"machine_type": "n1-standard-4", "accelerator_type": 0},
                              "replica_count": 1}],
          "resource_runtime_spec": {"ray_spec": {}}})");
        const auto result = parser().parse(body, false);
        QVERIFY2(std::holds_alternative<ClusterSpec>(result), problem(result).constData());
        QCOMPARE(std::get<ClusterSpec>(result).pools[0].imageUri,
                 QStringLiteral("us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-47.py311:latest"));
    }

    void rendersImagesForEveryPoolAndInt64AsStrings()
    {
        const auto spec = std::get<ClusterSpec>(parser().parse(headAndWorkers(), true));
        ClusterSpec::RenderOptions options;
        options.usedReplicaCounts[QStringLiteral("worker-pool1")] = 1;
        const json rendered = spec.toJson(options);
        const json &images = rendered["resourceRuntimeSpec"]["raySpec"]["resourcePoolImages"];
        QVERIFY(images.contains("head-node") && images.contains("worker-pool1"));
        QVERIFY(rendered["resourcePools"][1]["autoscalingSpec"]["maxReplicaCount"] == json("3"));
        QVERIFY(rendered["resourcePools"][1]["usedReplicaCount"] == json("1"));
        QVERIFY(rendered["resourcePools"][0]["usedReplicaCount"] == json("0"));
        QVERIFY(rendered["labels"]["team"] == json("ml"));

        // What we answer reads back as the same cluster.
        const auto again = std::get<ClusterSpec>(parser().parse(rendered, true));
        QVERIFY2(again.toJson(options) == rendered, again.toJson(options).dump().c_str());
    }

    void refusesBadRequestsWithAReason_data()
    {
        QTest::addColumn<QByteArray>("patch"); // a JSON merge patch applied to headAndWorkers()
        QTest::addColumn<QString>("status");
        QTest::addColumn<QString>("mentions");
        QTest::newRow("no pools") << QByteArray(R"({"resourcePools": []})") << "INVALID_ARGUMENT"
                                  << "resourcePools is required";
        QTest::newRow("not ray") << QByteArray(R"({"resourceRuntimeSpec": null})")
                                 << "INVALID_ARGUMENT"
                                 << "raySpec is required";
        QTest::newRow("unknown machine")
            << QByteArray(R"({"resourcePools": [{"machineSpec": {"machineType": "n9-huge"}}]})")
            << "INVALID_ARGUMENT"
            << "n1-standard-4";
        QTest::newRow("bad pool id")
            << QByteArray(
                   R"({"resourcePools": [{"id": "Head_Node", "machineSpec": {"machineType": "n1-standard-4"}}]})")
            << "INVALID_ARGUMENT"
            << "Head_Node";
        QTest::newRow("duplicate pool ids")
            << QByteArray(
                   R"({"resourcePools": [{"id": "a", "machineSpec": {"machineType": "n1-standard-4"}},
                                                {"id": "a", "machineSpec": {"machineType": "n1-standard-4"}}]})")
            << "INVALID_ARGUMENT"
            << "unique";
        QTest::newRow("head below one")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": "0"}]})")
            << "INVALID_ARGUMENT"
            << "at least 1 replica";
        QTest::newRow("worker below one")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}},
                                                {"id": "w", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 0}]})")
            << "INVALID_ARGUMENT"
            << "at least 1 replica";
        QTest::newRow("autoscaling max not above min")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}},
                                                {"id": "w", "machineSpec": {"machineType": "n1-standard-4"},
                                                 "autoscalingSpec": {"minReplicaCount": 2, "maxReplicaCount": 2}}]})")
            << "INVALID_ARGUMENT"
            << "must be greater than minReplicaCount";
        QTest::newRow("replica count not a number")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": "two"}]})")
            << "INVALID_ARGUMENT"
            << "must be an integer";
        QTest::newRow("gpu")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4",
                                              "acceleratorType": "NVIDIA_TESLA_T4", "acceleratorCount": 1}}]})")
            << "INVALID_ARGUMENT"
            << "no GPU";
        QTest::newRow("gpu by number")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4",
                                                        "acceleratorType": 5, "acceleratorCount": 1}}]})")
            << "INVALID_ARGUMENT"
            << "NVIDIA_TESLA_T4";
        QTest::newRow("machine with bundled gpu")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "g2-standard-8"}}]})")
            << "INVALID_ARGUMENT"
            << "NVIDIA_L4";
        QTest::newRow("unknown accelerator")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4", "acceleratorType": "FLUX_CAPACITOR"}}]})")
            << "INVALID_ARGUMENT"
            << "FLUX_CAPACITOR";
        QTest::newRow("old ray")
            << QByteArray(
                   R"({"resourceRuntimeSpec": {"raySpec": {"imageUri": "us-docker.pkg.dev/vertex-ai/training/ray-cpu.2-33.py310:latest"}}})")
            << "INVALID_ARGUMENT"
            << "Ray 2.47 with Python 3.11";
        QTest::newRow("custom image")
            << QByteArray(
                   R"({"resourceRuntimeSpec": {"raySpec": {"imageUri": "example.com/me/my-ray:1"}}})")
            << "INVALID_ARGUMENT"
            << "cannot read a Ray and Python version";
        QTest::newRow("too many nodes for this machine")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 9}]})")
            << "RESOURCE_EXHAUSTED"
            << "at most 8";
        QTest::newRow("pool over 1000")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1001}]})")
            << "INVALID_ARGUMENT"
            << "at most 1000";
        QTest::newRow("small disk")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}, "diskSpec": {"bootDiskSizeGb": 10}}]})")
            << "INVALID_ARGUMENT"
            << "between 100 and 64000";
        QTest::newRow("bad disk type")
            << QByteArray(
                   R"({"resourcePools": [{"id": "h", "machineSpec": {"machineType": "n1-standard-4"}, "diskSpec": {"bootDiskType": "floppy"}}]})")
            << "INVALID_ARGUMENT"
            << "floppy";
        QTest::newRow("bad label")
            << QByteArray(R"({"labels": {"Team": "ml"}})") << "INVALID_ARGUMENT"
            << "Team";
        QTest::newRow("network and psc")
            << QByteArray(
                   R"({"network": "projects/1/global/networks/n", "pscInterfaceConfig": {"networkAttachment": "a"}})")
            << "INVALID_ARGUMENT"
            << "not both";
        QTest::newRow("long display name")
            << QByteArray(R"({"displayName": ")" + QByteArray(129, 'x') + R"("})")
            << "INVALID_ARGUMENT"
            << "at most 128";
    }

    void refusesBadRequestsWithAReason()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, status);
        QFETCH(QString, mentions);
        json body = headAndWorkers();
        body.merge_patch(json::parse(patch.constBegin(), patch.constEnd()));
        const auto result = parser().parse(body, true);
        QVERIFY(std::holds_alternative<rov::rest::ApiError>(result));
        const auto &error = std::get<rov::rest::ApiError>(result);
        QCOMPARE(error.status, status);
        QCOMPARE(error.httpStatus, status == QLatin1String("RESOURCE_EXHAUSTED") ? 429 : 400);
        QVERIFY2(error.message.contains(mentions), qPrintable(error.message));
    }

    void notAnObjectIsRefused()
    {
        const auto result = parser().parse(json::array(), true);
        QVERIFY(
            std::get<rov::rest::ApiError>(result).message.contains(QStringLiteral("JSON object")));
    }

    void resourceIdRule()
    {
        QVERIFY(ClusterSpecParser::checkResourceId(QStringLiteral("demo-1")).isEmpty());
        QVERIFY(ClusterSpecParser::checkResourceId(QStringLiteral("a")).isEmpty());
        for (const char *bad : {"", "1abc", "abc-", "ABC", "a_b", "a.b"})
            QVERIFY2(!ClusterSpecParser::checkResourceId(QString::fromLatin1(bad)).isEmpty(), bad);
        QVERIFY(!ClusterSpecParser::checkResourceId(QString(64, QLatin1Char('a'))).isEmpty());
        QVERIFY(ClusterSpecParser::checkResourceId(QString(63, QLatin1Char('a'))).isEmpty());
    }

private:
    static QByteArray problem(const std::variant<ClusterSpec, rov::rest::ApiError> &result)
    {
        const auto *error = std::get_if<rov::rest::ApiError>(&result);
        return error ? error->toString().toUtf8() : QByteArray("ok");
    }

    static ClusterSpecParser parser()
    {
        return ClusterSpecParser(rov::catalog::MachineCatalog::builtIn(), RuntimeSupport{});
    }
};

QTEST_APPLESS_MAIN(TestClusterSpecParser)
#include "tst_clusterspecparser.moc"
