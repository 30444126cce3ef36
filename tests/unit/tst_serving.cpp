// Issue 15's first rules, without Ray: Google's prebuilt prediction images (which this computer
// runs, what their artifact folders must hold, their URIs by region) and an endpoint's traffic
// split as Vertex AI changes it on deploy and undeploy, and the weighted choice of a model.
#include "api/vertex/predictionimage.h"
#include "api/vertex/servingwire.h"
#include "catalog/machinecatalog.h"
#include "localplane/serving/serveconfig.h"
#include "localplane/serving/servinghealth.h"
#include "localplane/serving/servingmanager.h"
#include "localplane/serving/servingrequests.h"
#include "localplane/serving/trafficsplit.h"

#include <QDir>
#include <QTemporaryDir>
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

// GET /api/serve/applications/ trimmed to what rovd reads.
const char *const kServeStatus = R"({"applications": {
            "ok": {"status": "RUNNING", "deployments": {"Predictor": {"target_num_replicas": 2,
                   "replicas": [{"state": "RUNNING"}, {"state": "STARTING"}]}}},
            "bad": {"status": "DEPLOY_FAILED", "message": "Failed to update the deployments",
                    "deployments": {"Predictor": {"message": "UnpicklingError: invalid load key"}}},
            "new": {"status": "DEPLOYING"}}})";

} // namespace

class TestServing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // A rovd killed during models:upload leaves a half copy, or a whole one whose model was never
    // stored; the next start removes both and keeps every model's copy (issue 25's chaos).
    void strayModelCopiesGoAtStart()
    {
        QTemporaryDir data;
        const QDir copies(data.filePath(QStringLiteral("serving/models")));
        for (const char *folder : {"kept", "half.partial", "never-stored"})
            QVERIFY(copies.mkpath(QLatin1String(folder)));
        QString error;
        auto store = localplane::Store::open(data.filePath(QStringLiteral("serving.db")), &error);
        QVERIFY2(store, qPrintable(error));
        const QString model = QStringLiteral("projects/p/locations/us-central1/models/kept");
        QVERIFY(store->put(
            localplane::Store::Kind::Model, model,
            {{"name", model.toStdString()},
             {"rovArtifactDir", copies.filePath(QStringLiteral("kept")).toStdString()}}));
        ServingSettings settings;
        settings.dataDir = data.path();
        settings.storageRoot = data.filePath(QStringLiteral("storage"));
        settings.instance.pythonPath = data.filePath(QStringLiteral("serving/python"));
        {
            ServingManager manager(settings, std::move(store));
            manager.start();
            manager.stop();
        }
        QCOMPARE(copies.entryList(QDir::Dirs | QDir::NoDotAndDotDot),
                 QStringList{QStringLiteral("kept")});
    }

    void uploadRequestsAreChecked()
    {
        const auto body = [](const char *image, const char *artifact) {
            return json{{"model",
                         {{"displayName", "m"},
                          {"artifactUri", artifact},
                          {"containerSpec", {{"imageUri", image}}}}}};
        };
        const char *sklearn = "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest";
        const auto good = readUploadRequest(body(sklearn, "gs://bkt/models/v1/"));
        QVERIFY(std::holds_alternative<ModelDraft>(good));
        QCOMPARE(std::get<ModelDraft>(good).image.framework, QStringLiteral("sklearn"));
        const auto message = [](const std::variant<ModelDraft, rov::rest::ApiError> &read) {
            return std::holds_alternative<rov::rest::ApiError>(read)
                       ? std::get<rov::rest::ApiError>(read).message
                       : QString();
        };
        QVERIFY(message(readUploadRequest(body("gcr.io/me/custom:1", "gs://bkt/m")))
                    .contains(QStringLiteral("custom containers")));
        QVERIFY(message(readUploadRequest(
                            body("us-docker.pkg.dev/vertex-ai/prediction/sklearn-gpu.1-6:latest",
                                 "gs://bkt/m")))
                    .contains(QStringLiteral("GPU")));
        QVERIFY(message(readUploadRequest(body(sklearn, "/home/me/model")))
                    .contains(QStringLiteral("gs://")));
        QVERIFY(message(readUploadRequest(body(sklearn, "gs://bkt/../etc")))
                    .contains(QStringLiteral("gs://")));
        QVERIFY(message(readUploadRequest(json{{"model", {{"displayName", ""}}}}))
                    .contains(QStringLiteral("displayName")));
        json withId = body(sklearn, "gs://bkt/m");
        withId["modelId"] = "9lives";
        QVERIFY(message(readUploadRequest(withId)).contains(QStringLiteral("modelId")));
        QCOMPARE(splitGsUri(QStringLiteral("gs://bucket/a/b/"))->second, QStringLiteral("a/b"));
    }

    void deployRequestsFollowVertex()
    {
        const auto &machines = rov::catalog::MachineCatalog::builtIn();
        const json model = "projects/p/locations/l/models/m@1";
        auto read = readDeployRequest(
            json{{"deployedModel", {{"model", model}, {"dedicatedResources", json::object()}}},
                 {"trafficSplit", {{"0", 100}}}},
            machines);
        QVERIFY(std::holds_alternative<DeployDraft>(read));
        const DeployDraft draft = std::get<DeployDraft>(read);
        // Vertex AI's defaults: n1-standard-2, one replica, at most the minimum.
        QCOMPARE(draft.replicas.machineType, QStringLiteral("n1-standard-2"));
        QCOMPARE(draft.replicas.cpusPerReplica, 2);
        QCOMPARE(draft.replicas.maxReplicas, 1);
        QCOMPARE(draft.modelName, QStringLiteral("projects/p/locations/l/models/m"));
        const auto deployProblem = [&](const json &deployed) {
            const auto answer = readDeployRequest(json{{"deployedModel", deployed}}, machines);
            return std::holds_alternative<rov::rest::ApiError>(answer)
                       ? std::get<rov::rest::ApiError>(answer).message
                       : QString();
        };
        QVERIFY(deployProblem({{"model", model}}).contains(QStringLiteral("dedicatedResources")));
        QVERIFY(deployProblem(
                    {{"model", model},
                     {"dedicatedResources", {{"minReplicaCount", 3}, {"maxReplicaCount", 2}}}})
                    .contains(QStringLiteral("less than")));
        QVERIFY(deployProblem({{"model", model},
                               {"dedicatedResources", {{"machineSpec", {{"machineType", "x1"}}}}}})
                    .contains(QStringLiteral("x1")));
        QVERIFY(deployProblem({{"model", "models/m"}, {"dedicatedResources", json::object()}})
                    .contains(QStringLiteral("not a model name")));
        QVERIFY(
            deployProblem(
                {{"model", model}, {"id", "12345678901"}, {"dedicatedResources", json::object()}})
                .contains(QStringLiteral("1 to 10 digits")));
    }

    void onlyReplicaCountsMutate()
    {
        const Replicas now{QStringLiteral("n1-standard-2"), 2, 1, 1};
        const json deployed = {{"id", "5"}, {"dedicatedResources", {{"maxReplicaCount", 3}}}};
        auto read = readMutateRequest(json{{"deployedModel", deployed}},
                                      QStringLiteral("dedicatedResources.maxReplicaCount"), now);
        QVERIFY(std::holds_alternative<MutateDraft>(read));
        QCOMPARE(std::get<MutateDraft>(read).replicas.maxReplicas, 3);
        read = readMutateRequest(json{{"deployedModel", deployed}},
                                 QStringLiteral("dedicatedResources.machineSpec"), now);
        QVERIFY(std::holds_alternative<rov::rest::ApiError>(read));
        read = readMutateRequest(json{{"deployedModel", deployed}}, QString(), now);
        QVERIFY(std::get<rov::rest::ApiError>(read).message.contains(QStringLiteral("updateMask")));
    }

    void serveConfigBindsLoopbackAndScales()
    {
        const ServeApp fixed{QStringLiteral("dm-1-a"),
                             QStringLiteral("/d"),
                             QStringLiteral("sklearn"),
                             QStringLiteral("model.pkl"),
                             {QStringLiteral("n1-standard-2"), 2, 2, 2}};
        ServeApp scaling = fixed;
        scaling.name = QStringLiteral("dm-2-a");
        scaling.replicas.maxReplicas = 4;
        const json config = serveConfig(8123, {fixed, scaling});
        QCOMPARE(QString::fromStdString(config["http_options"]["host"]),
                 QStringLiteral("127.0.0.1"));
        QCOMPARE(config["applications"][0]["route_prefix"].get<std::string>(),
                 std::string("/dm-1-a"));
        QCOMPARE(config["applications"][0]["deployments"][0]["num_replicas"].get<int>(), 2);
        const json autoscaling = config["applications"][1]["deployments"][0]["autoscaling_config"];
        QCOMPARE(autoscaling["min_replicas"].get<int>(), 2);
        QCOMPARE(autoscaling["max_replicas"].get<int>(), 4);
        QCOMPARE(
            config["applications"][1]["deployments"][0]["ray_actor_options"]["num_cpus"].get<int>(),
            2);
        // Ids repeat across endpoints; the app names do not.
        QVERIFY(serveAppName(QStringLiteral("projects/p/locations/l/endpoints/a"),
                             QStringLiteral("1")) !=
                serveAppName(QStringLiteral("projects/p/locations/l/endpoints/b"),
                             QStringLiteral("1")));
    }

    void serveStatusSaysWhyAModelFailed()
    {
        const json status = json::parse(kServeStatus);
        const auto states = readServeStatus(status);
        QCOMPARE(states.at(QStringLiteral("ok")).runningReplicas, 1);
        QCOMPARE(states.at(QStringLiteral("ok")).targetReplicas, 2);
        QVERIFY(states.at(QStringLiteral("bad")).phase == ServeAppState::Phase::Failed);
        QVERIFY(
            states.at(QStringLiteral("bad")).message.contains(QStringLiteral("UnpicklingError")));
        QVERIFY(states.at(QStringLiteral("new")).phase == ServeAppState::Phase::Deploying);
    }

    void idRulesAndStages()
    {
        namespace wire = rov::api::vertex::serving;
        QVERIFY(wire::endpointIdProblem(QStringLiteral("my-endpoint")).isEmpty());
        QVERIFY(wire::endpointIdProblem(QStringLiteral("123456789")).isEmpty());
        QVERIFY(!wire::endpointIdProblem(QStringLiteral("0123")).isEmpty());
        QVERIFY(!wire::endpointIdProblem(QStringLiteral("1234567890")).isEmpty());
        QVERIFY(!wire::endpointIdProblem(QStringLiteral("ends-")).isEmpty());
        QVERIFY(wire::modelIdProblem(QStringLiteral("iris_v2")).isEmpty());
        QVERIFY(!wire::modelIdProblem(QStringLiteral("-x")).isEmpty());
        QCOMPARE(wire::stageNumber(wire::DeploymentStage::StartingModelServer), 3);
        QVERIFY(wire::stageFromName(QStringLiteral("FAILED_TO_DEPLOY")) ==
                wire::DeploymentStage::FailedToDeploy);
    }

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

    // While the model server runs, starts or is down, an endpoint tells the truth about its
    // replicas (it said 1 available for minutes after its Ray head was killed).
    void replicasTellTheTruth()
    {
        const json endpoint = json::parse(R"({"name": "e", "deployedModels": [
            {"id": "1", "rovApp": "ok", "status": {"availableReplicaCount": 1}},
            {"id": "2", "rovApp": "bad"}, {"id": "3", "rovApp": "gone"}]})");
        const auto apps = readServeStatus(json::parse(kServeStatus));
        const auto running = withReplicaStatus(endpoint, apps, {}, QStringLiteral("T1"));
        QVERIFY(running);
        const json &models = (*running)["deployedModels"];
        QCOMPARE(models[0]["status"]["availableReplicaCount"].get<int>(), 1);
        QVERIFY(!models[0]["status"].contains("message"));
        QCOMPARE(models[1]["status"]["availableReplicaCount"].get<int>(), 0);
        QVERIFY(models[1]["status"]["message"].get<std::string>().find("UnpicklingError") !=
                std::string::npos);
        QCOMPARE(models[2]["status"]["availableReplicaCount"].get<int>(), 0);
        QCOMPARE(models[2]["status"]["lastUpdateTime"].get<std::string>(), std::string("T1"));
        QVERIFY(hasAvailableReplica(models[0]));
        QVERIFY(!hasAvailableReplica(models[1]));
        // The same word again is no change (the time alone is none).
        QVERIFY(!withReplicaStatus(*running, apps, {}, QStringLiteral("T2")));
        // The server down: no replica anywhere, and why.
        const auto down = withReplicaStatus(*running, apps, QStringLiteral("stopped"), {});
        QVERIFY(down);
        for (const json &model : (*down)["deployedModels"]) {
            QCOMPARE(model["status"]["availableReplicaCount"].get<int>(), 0);
            QCOMPARE(model["status"]["message"].get<std::string>(), std::string("stopped"));
        }
        // A model stored before rovd kept counts is taken as serving.
        QVERIFY(hasAvailableReplica(json::parse(R"({"id": "9"})")));
    }

    void restartsWaitLongerEachTimeUpToAMinute()
    {
        RestartBackoff backoff;
        const auto start = RestartBackoff::Clock::now();
        QVERIFY(backoff.due(start));
        QCOMPARE(backoff.failed(start), RestartBackoff::kFirst);
        QVERIFY(!backoff.due(start));
        QVERIFY(backoff.due(start + RestartBackoff::kFirst));
        QCOMPARE(backoff.failed(start), std::chrono::milliseconds(2000));
        std::chrono::milliseconds wait{};
        for (int i = 0; i < 10; ++i)
            wait = backoff.failed(start);
        QCOMPARE(wait, RestartBackoff::kLongest);
        backoff.succeeded();
        QVERIFY(backoff.due(start));
        QCOMPARE(backoff.failed(start), RestartBackoff::kFirst);
    }
};

QTEST_GUILESS_MAIN(TestServing)
#include "tst_serving.moc"
