// The console's serving rules without a backend: the traffic editor's rebalancing, the cost of
// deployed replicas, the training job's artifact line, the endpoint's chart queries, and the
// wire values read and written.
#include "api/vertex/servingclient.h"
#include "catalog/machinecatalog.h"
#include "core/servingmodels.h"

#include <QProcess>
#include <QTest>

using namespace rov;
using api::vertex::TrafficSplit;
using nlohmann::json;

namespace {

int sum(const TrafficSplit &split)
{
    int total = 0;
    for (const auto &[id, percent] : split)
        total += percent;
    return total;
}

const char *const kEndpoint = R"({"name": "projects/p/locations/l/endpoints/7",
            "displayName": "e", "trafficSplit": {"1": 60, "2": "40"},
            "deployedModels": [{"id": "1", "model": "projects/p/locations/l/models/m",
              "dedicatedResources": {"machineSpec": {"machineType": "n1-standard-2"},
                "minReplicaCount": 2, "maxReplicaCount": "3"},
              "status": {"availableReplicaCount": 2}}]})";
const char *const kModel =
    R"({"name": "projects/p/locations/l/models/m", "containerSpec": {"imageUri":
            "us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.2-1:latest"}})";

} // namespace

class TestServingCore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theSplitStaysAtOneHundred()
    {
        const QString a = QStringLiteral("a"), b = QStringLiteral("b"), n = QStringLiteral("0");
        // The others keep their proportions.
        TrafficSplit split = core::rebalanceSplit({{a, 75}, {b, 25}, {n, 0}}, n, 20);
        QCOMPARE(split.at(n), 20);
        QCOMPARE(split.at(a), 60);
        QCOMPARE(split.at(b), 20);
        // Every value, every time: 100.
        for (int value = -5; value <= 105; value += 7) {
            split = core::rebalanceSplit(split, a, value);
            QCOMPARE(sum(split), 100);
            QCOMPARE(split.at(a), std::clamp(value, 0, 100));
        }
        // Others at nothing share what is left equally, the remainder by id.
        split = core::rebalanceSplit({{a, 100}, {b, 0}, {n, 0}}, a, 99);
        QCOMPARE(split.at(b) + split.at(n), 1);
        // One model is all the traffic.
        QCOMPARE(core::rebalanceSplit({{n, 40}}, n, 40).at(n), 100);
    }

    void deployedReplicasHaveACost()
    {
        const auto &machines = catalog::MachineCatalog::builtIn();
        const auto cost = core::servingCost(machines, QStringLiteral("n1-standard-2"), 1, 3);
        QVERIFY(cost);
        QVERIFY(qAbs(cost->atMinimum - 0.109249425) < 1e-9);
        QVERIFY(qAbs(cost->atMaximum - 3 * 0.109249425) < 1e-9);
        QVERIFY(!core::servingCost(machines, QStringLiteral("x9-huge"), 1, 1));
        api::vertex::ServingEndpoint endpoint;
        endpoint.deployedModels.resize(2);
        endpoint.deployedModels[0].machineType = QStringLiteral("n1-standard-2");
        endpoint.deployedModels[0].minReplicas = 2;
        endpoint.deployedModels[1].machineType = QStringLiteral("n1-standard-4");
        endpoint.deployedModels[1].minReplicas = 1;
        QVERIFY(qAbs(core::endpointCostPerHour(machines, endpoint) -
                     (2 * 0.109249425 + 0.21849885)) < 1e-9);
    }

    void theJobsArtifactIsItsLastLine()
    {
        QCOMPARE(core::modelArtifactIn(
                     QStringLiteral("best: C=1\nmodel artifact: gs://rov-models/jobs/1/\n")),
                 QStringLiteral("gs://rov-models/jobs/1"));
        QCOMPARE(core::modelArtifactIn(
                     QStringLiteral("model artifact: gs://a-b/x\nmodel artifact: gs://a-b/y\n")),
                 QStringLiteral("gs://a-b/y"));
        QVERIFY(
            core::modelArtifactIn(QStringLiteral("print model artifact: gs://a-b/x")).isEmpty());
        QVERIFY(core::modelArtifactIn(QStringLiteral("model artifact: /tmp/x")).isEmpty());
    }

    void aModelFromAJobIsNamedAfterItsScript()
    {
        const QString artifact = QStringLiteral("gs://rov-models/jobs/20261204-070000-02000000");
        QCOMPARE(core::modelNameFor(QStringLiteral("python train_sklearn.py --c 1"), artifact),
                 QStringLiteral("train_sklearn"));
        QCOMPARE(core::modelNameFor(QStringLiteral("python3 /src/jobs/fit.py"), artifact),
                 QStringLiteral("fit"));
        QCOMPARE(core::modelNameFor(QStringLiteral("python -m pkg.train"), artifact),
                 QStringLiteral("pkg.train"));
        // A shell command names no script: the folder does.
        QCOMPARE(core::modelNameFor(QStringLiteral("bash run.sh"), artifact + QLatin1Char('/')),
                 QStringLiteral("20261204-070000-02000000"));
    }

    void endpointChartsAskForItsApplicationsOnly()
    {
        const auto panels = core::endpointPanels({QStringLiteral("123"), QStringLiteral("456")});
        QCOMPARE(panels.size(), size_t(4));
        const QString requests =
            core::panelQuery(panels[0], panels[0].queries[0], QStringLiteral("_serving"));
        QVERIFY2(requests.contains(QStringLiteral("application=~\"dm-(123|456)-.*\"")),
                 qPrintable(requests));
        QVERIFY2(requests.contains(QStringLiteral("ray_io_cluster=\"_serving\"")),
                 qPrintable(requests));
        QCOMPARE(panels[1].queries.size(), size_t(2)); // p50 and p99
        QVERIFY(
            core::endpointPanels({})[0].queries[0].promql.contains(QStringLiteral("dm-(none)-")));
    }

    void requestsAsRestPythonAndCurl()
    {
        const QUrl base(QStringLiteral("http://127.0.0.1:8788/"));
        const auto upload = core::uploadSnippets(
            base, QStringLiteral("projects/p/locations/us-central1"), QStringLiteral("Iris"),
            QStringLiteral("gs://b/m"),
            QStringLiteral("us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"));
        QVERIFY(upload.rest.contains(QStringLiteral("\"artifactUri\": \"gs://b/m\"")));
        QVERIFY(upload.python.contains(
            QStringLiteral("aiplatform.init(project=\"p\", location=\"us-central1\"")));
        QVERIFY(upload.python.contains(QStringLiteral("serving_container_image_uri=")));
        QVERIFY(upload.curl.contains(QStringLiteral(
            "http://127.0.0.1:8788/v1/projects/p/locations/us-central1/models:upload")));
        const auto predict =
            core::predictSnippets(base, QStringLiteral("projects/p/locations/l/endpoints/7"),
                                  json::parse("{\"instances\": [[1, 2]]}"));
        QVERIFY(predict.python.contains(QStringLiteral("endpoint.predict(instances=[[1,2]])")));
        QVERIFY(predict.curl.contains(QStringLiteral("endpoints/7:predict")));
    }

    void wireValuesReadAndWritten()
    {
        const json endpoint = json::parse(kEndpoint);
        const auto read = api::vertex::ServingEndpoint::fromJson(endpoint);
        QCOMPARE(read.id(), QStringLiteral("7"));
        QCOMPARE(read.trafficSplit.at(QStringLiteral("2")), 40);
        QCOMPARE(read.deployedModels.front().maxReplicas, 3);
        QCOMPARE(read.deployedModels.front().availableReplicas, 2);
        api::vertex::DeploySpec spec;
        spec.modelName = QStringLiteral("projects/p/locations/l/models/m");
        spec.trafficSplit = {{QStringLiteral("0"), 30}, {QStringLiteral("1"), 70}};
        const json body = spec.toJson();
        QCOMPARE(QString::fromStdString(body["trafficSplit"].dump()),
                 QStringLiteral("{\"0\":30,\"1\":70}"));
        QCOMPARE(body["deployedModel"]["dedicatedResources"]["machineSpec"]["machineType"]
                     .get<std::string>(),
                 std::string("n1-standard-2"));
        const auto model = api::vertex::Model::fromJson(json::parse(kModel));
        QCOMPARE(core::frameworkTitle(model), QStringLiteral("XGBoost 2.1"));
    }

    void aNewEndpointsSnippetsCreateItFirst()
    {
        api::vertex::DeploySpec spec;
        spec.modelName = QStringLiteral("projects/p/locations/l/models/m");
        spec.displayName = QStringLiteral("iris");
        spec.trafficSplit = {{QStringLiteral("0"), 100}};
        const auto snippets = core::deployToNewEndpointSnippets(
            QUrl(QStringLiteral("http://127.0.0.1:8788/")),
            QStringLiteral("projects/p/locations/l"), QStringLiteral("iris-endpoint"), spec);
        // Nothing left to fill in by hand.
        for (const QString &text : {snippets.rest, snippets.python, snippets.curl})
            QVERIFY2(!text.contains(QStringLiteral("ENDPOINT_ID")), qPrintable(text));
        QVERIFY(snippets.python.contains(QStringLiteral(
            "endpoint = aiplatform.Endpoint.create(display_name=\"iris-endpoint\")")));
        QVERIFY(snippets.python.contains(QStringLiteral("endpoint.deploy(")));
        QVERIFY(snippets.curl.contains(
            QStringLiteral("http://127.0.0.1:8788/v1/projects/p/locations/l/endpoints ")));
        QVERIFY(snippets.curl.contains(
            QStringLiteral("\"http://127.0.0.1:8788/v1/$ENDPOINT:deployModel\"")));
        // The shell reads it (two commands, the second on the first one's endpoint).
        QProcess bash;
        bash.start(QStringLiteral("bash"), {QStringLiteral("-n")});
        bash.write(snippets.curl.toUtf8());
        bash.closeWriteChannel();
        QVERIFY(bash.waitForFinished(10000));
        QVERIFY2(bash.exitCode() == 0, bash.readAllStandardError().constData());
    }
};

QTEST_GUILESS_MAIN(TestServingCore)
#include "tst_servingcore.moc"
