// Issue 15's first rules, without Ray: Google's prebuilt prediction images (which this computer
// runs, what their artifact folders must hold, their URIs by region) and an endpoint's traffic
// split as Vertex AI changes it on deploy and undeploy, and the weighted choice of a model.
#include "api/vertex/predictionimage.h"
#include "localplane/serving/trafficsplit.h"

#include <QTest>

using namespace rov;
using namespace rov::localplane::serving;
using nlohmann::json;

namespace {

QString problem(const std::variant<TrafficSplit, QString> &result)
{
    return std::holds_alternative<QString>(result) ? std::get<QString>(result) : QString();
}

TrafficSplit split(const std::variant<TrafficSplit, QString> &result)
{
    return std::holds_alternative<TrafficSplit>(result) ? std::get<TrafficSplit>(result)
                                                        : TrafficSplit{};
}

} // namespace

class TestServing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void prebuiltImagesAreRecognised()
    {
        const auto sklearn = api::vertex::parsePredictionImage(
            QStringLiteral("us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-5:latest"));
        QVERIFY(sklearn);
        QCOMPARE(sklearn->framework, QStringLiteral("sklearn"));
        QCOMPARE(sklearn->version, QStringLiteral("1.5"));
        QVERIFY(sklearn->runsLocally());
        QCOMPARE(
            sklearn->uri(QStringLiteral("europe-west4")),
            QStringLiteral("europe-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-5:latest"));
        QCOMPARE(sklearn->uri(QStringLiteral("us-central1")),
                 QStringLiteral("us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-5:latest"));
        const auto xgboost = api::vertex::parsePredictionImage(
            QStringLiteral("asia-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-6:latest"));
        QVERIFY(xgboost && xgboost->runsLocally());
        const auto gpu = api::vertex::parsePredictionImage(
            QStringLiteral("us-docker.pkg.dev/vertex-ai/prediction/tf2-gpu.2-15:latest"));
        QVERIFY(gpu && gpu->gpu && !gpu->runsLocally());
        // A custom container is not one of them.
        QVERIFY(!api::vertex::parsePredictionImage(
            QStringLiteral("us-central1-docker.pkg.dev/my-project/repo/server:1")));
        QVERIFY(!api::vertex::parsePredictionImage(QStringLiteral("sklearn-cpu.1-5")));
    }

    void theArtifactFileIsTheOneTheImageLoads()
    {
        const auto sklearn = *api::vertex::parsePredictionImage(
            QStringLiteral("us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-5:latest"));
        // model.joblib first, then model.pkl, as the image's predictor loads them.
        QCOMPARE(api::vertex::artifactFileIn(
                     sklearn, {QStringLiteral("model.pkl"), QStringLiteral("model.joblib")}),
                 QStringLiteral("model.joblib"));
        QCOMPARE(api::vertex::artifactFileIn(sklearn, {QStringLiteral("model.bst")}), QString());
        const auto xgboost = *api::vertex::parsePredictionImage(
            QStringLiteral("us-docker.pkg.dev/vertex-ai/prediction/xgboost-cpu.1-6:latest"));
        QCOMPARE(api::vertex::artifactFileIn(xgboost, {QStringLiteral("model.pkl")}),
                 QStringLiteral("model.pkl")); // what Ray's register_xgboost writes
    }

    void splitsAreReadAsGoogleSendsThem()
    {
        QCOMPARE(split(readTrafficSplit(json::parse("{\"1\": 60, \"0\": \"40\"}"))),
                 (TrafficSplit{{QStringLiteral("0"), 40}, {QStringLiteral("1"), 60}}));
        QVERIFY(problem(readTrafficSplit(json::parse("{\"1\": 101}")))
                    .contains(QStringLiteral("0 to 100")));
        QVERIFY(!problem(readTrafficSplit(json::parse("[1]"))).isEmpty());
        QVERIFY(toJson(TrafficSplit{{QStringLiteral("7"), 100}}) == json::parse("{\"7\": 100}"));
    }

    void deployingFollowsVertex()
    {
        const QString a = QStringLiteral("111"), b = QStringLiteral("222");
        // The first model on an endpoint takes all the traffic when none is asked.
        QCOMPARE(split(splitAfterDeploy({}, {}, {}, a)), (TrafficSplit{{a, 100}}));
        // An empty request leaves the split: the new model gets nothing.
        QCOMPARE(split(splitAfterDeploy({{a, 100}}, {a}, {}, b)), (TrafficSplit{{a, 100}}));
        // "0" is the model being deployed; the request replaces the split whole.
        QCOMPARE(split(splitAfterDeploy({{a, 100}}, {a}, {{QStringLiteral("0"), 50}, {a, 50}}, b)),
                 (TrafficSplit{{a, 50}, {b, 50}}));
        QCOMPARE(split(splitAfterDeploy({{a, 100}}, {a}, {{QStringLiteral("0"), 100}}, b)),
                 (TrafficSplit{{b, 100}}));
        QVERIFY(problem(splitAfterDeploy({{a, 100}}, {a}, {{QStringLiteral("0"), 50}, {a, 40}}, b))
                    .contains(QStringLiteral("sum to 100, not 90")));
        QVERIFY(problem(splitAfterDeploy({{a, 100}}, {a},
                                         {{QStringLiteral("0"), 50}, {QStringLiteral("9"), 50}}, b))
                    .contains(QStringLiteral("9, which is not a model deployed")));
    }

    void undeployingFollowsVertex()
    {
        const QString a = QStringLiteral("111"), b = QStringLiteral("222");
        QVERIFY(problem(splitAfterUndeploy({{a, 50}, {b, 50}}, {a, b}, {}, a))
                    .contains(QStringLiteral("receives 50% of the endpoint's traffic")));
        QCOMPARE(split(splitAfterUndeploy({{a, 0}, {b, 100}}, {a, b}, {}, a)),
                 (TrafficSplit{{b, 100}}));
        QCOMPARE(split(splitAfterUndeploy({{a, 50}, {b, 50}}, {a, b}, {{b, 100}}, a)),
                 (TrafficSplit{{b, 100}}));
        QVERIFY(problem(splitAfterUndeploy({{a, 50}, {b, 50}}, {a, b}, {{a, 10}, {b, 90}}, a))
                    .contains(QStringLiteral("still sends 10%")));
        // The last model: the split is empty, whatever it was.
        QCOMPARE(split(splitAfterUndeploy({{a, 100}}, {a}, {}, a)), TrafficSplit{});
    }

    void requestsGoByWeight()
    {
        const TrafficSplit split{
            {QStringLiteral("1"), 25}, {QStringLiteral("2"), 0}, {QStringLiteral("3"), 75}};
        QCOMPARE(pickDeployedModel(split, 0), QStringLiteral("1"));
        QCOMPARE(pickDeployedModel(split, 24.99), QStringLiteral("1"));
        QCOMPARE(pickDeployedModel(split, 25), QStringLiteral("3"));
        QCOMPARE(pickDeployedModel(split, 99.99), QStringLiteral("3"));
        QCOMPARE(pickDeployedModel({}, 10), QString());
        QCOMPARE(pickDeployedModel({{QStringLiteral("1"), 0}}, 10), QString());
    }
};

QTEST_GUILESS_MAIN(TestServing)
#include "tst_serving.moc"
