// Serving's state machine without Ray (issue 25): the gateway, the owner and the worker of rovd's
// Model Registry and endpoints driven against a fake Serve behind the ServeBackend seam: deploy
// and undeploy, a deploy Serve refuses, a store that refuses the write of a change or of an
// operation's end, a rovd stopped mid-deploy and started again, and an owner too busy to take a
// change while reads go on.
#include "localplane/serving/servebackend.h"
#include "localplane/serving/servingmanager.h"
#include "localplane/serving/servingowner.h"
#include "localplane/state/store.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <atomic>
#include <httplib.h>
#include <mutex>
#include <thread>

using namespace rov;
using namespace rov::localplane;
using namespace rov::localplane::serving;
using nlohmann::json;

namespace {

const QString kProject = QStringLiteral("projects/p/locations/us-central1");
const char *const kSklearn = "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest";

// Serve as the worker sees it: applications RUNNING with their replicas as soon as the config
// names them, unless told to fail them or to keep them deploying.
class FakeServe final : public ServeBackend
{
public:
    struct Shared
    {
        std::mutex mutex;
        json config = json::object();
        int starts = 0;
        int stops = 0;
        bool failApps = false;
        bool holdApps = false; // DEPLOYING until released
        bool running = false;
        quint16 httpPort = 2; // Serve's proxy: nothing, unless a test serves there
    };
    explicit FakeServe(std::shared_ptr<Shared> shared) : m_shared(std::move(shared)) {}

    std::variant<InstanceRecord, QString> start() override
    {
        std::lock_guard lock(m_shared->mutex);
        ++m_shared->starts;
        m_shared->running = true;
        InstanceRecord record;
        record.pid = 4000000 + m_shared->starts; // no process has it
        record.dashboardPort = 1;
        record.httpPort = m_shared->httpPort;
        record.metricsPort = 3;
        return record;
    }
    bool alive(const InstanceRecord &) override { return running(); }
    bool processAlive(const InstanceRecord &) override { return running(); }
    void stop(const InstanceRecord &) override
    {
        std::lock_guard lock(m_shared->mutex);
        ++m_shared->stops;
        m_shared->running = false;
        m_shared->config = json::object();
    }
    std::optional<QString> putConfig(const InstanceRecord &, const json &config) override
    {
        std::lock_guard lock(m_shared->mutex);
        m_shared->config = config;
        return std::nullopt;
    }
    std::variant<json, QString> status(const InstanceRecord &) override
    {
        std::lock_guard lock(m_shared->mutex);
        if (!m_shared->running)
            return QStringLiteral("connection refused");
        json apps = json::object();
        for (const json &app : m_shared->config.value("applications", json::array())) {
            const std::string name = app.value("name", std::string());
            if (m_shared->failApps)
                apps[name] = {
                    {"status", "DEPLOY_FAILED"},
                    {"message", "Failed to update the deployments"},
                    {"deployments", {{"Predictor", {{"message", "UnpicklingError: bad model"}}}}}};
            else if (m_shared->holdApps)
                apps[name] = {{"status", "DEPLOYING"}};
            else
                apps[name] = {{"status", "RUNNING"},
                              {"deployments",
                               {{"Predictor",
                                 {{"target_num_replicas", 1},
                                  {"replicas", json::array({{{"state", "RUNNING"}}})}}}}}};
        }
        return json{{"applications", apps}};
    }

private:
    bool running()
    {
        std::lock_guard lock(m_shared->mutex);
        return m_shared->running;
    }
    std::shared_ptr<Shared> m_shared;
};

ApiCall v1()
{
    ApiCall call;
    call.version = QStringLiteral("v1");
    return call;
}

// A rovd data folder with a model's artifact in its storage, and the serving store.
struct Fixture
{
    QTemporaryDir data;
    std::shared_ptr<FakeServe::Shared> serve = std::make_shared<FakeServe::Shared>();

    Fixture()
    {
        QDir().mkpath(data.filePath(QStringLiteral("storage/bkt/model")));
        QFile artifact(data.filePath(QStringLiteral("storage/bkt/model/model.joblib")));
        if (artifact.open(QIODevice::WriteOnly))
            artifact.write("not really a model");
    }
    QString dbPath() const { return data.filePath(QStringLiteral("serving.db")); }
    std::unique_ptr<Store> openStore() const
    {
        QString error;
        auto store = Store::open(dbPath(), &error);
        if (!store)
            qWarning("%s", qPrintable(error));
        return store;
    }
    std::unique_ptr<ServingManager> manager(Store **raw = nullptr)
    {
        ServingSettings settings;
        settings.dataDir = data.path();
        settings.storageRoot = data.filePath(QStringLiteral("storage"));
        settings.instance.pythonPath = data.filePath(QStringLiteral("serving/python"));
        settings.deployTimeout = std::chrono::seconds(20);
        auto store = openStore();
        if (raw)
            *raw = store.get();
        auto manager = std::make_unique<ServingManager>(settings, std::move(store),
                                                        std::make_unique<FakeServe>(serve));
        manager->start();
        return manager;
    }
};

QString nameOf(const ApiResult &result)
{
    return QString::fromStdString(result.body.value("name", std::string()));
}

// The operation once done (or as it is after `timeout`).
json waitForOperation(ServingManager &manager, const QString &name,
                      std::chrono::milliseconds timeout = std::chrono::seconds(20))
{
    QElapsedTimer timer;
    timer.start();
    json operation;
    do {
        operation = manager.operation(name, v1()).body;
        if (operation.value("done", false))
            break;
        QThread::msleep(50);
    } while (timer.elapsed() < timeout.count());
    return operation;
}

QString modelName(ServingManager &manager)
{
    const ApiResult upload = manager.uploadModel(kProject,
                                                 {{"model",
                                                   {{"displayName", "m"},
                                                    {"artifactUri", "gs://bkt/model"},
                                                    {"containerSpec", {{"imageUri", kSklearn}}}}}},
                                                 v1());
    return QString::fromStdString(
        upload.body.value("response", json::object()).value("model", std::string()));
}

QString endpointName(ServingManager &manager)
{
    const ApiResult created =
        manager.createEndpoint(kProject, QStringLiteral("e1"), {{"displayName", "e"}}, v1());
    return QString::fromStdString(
        created.body.value("response", json::object()).value("name", std::string()));
}

json deployBody(const QString &model, const char *id = "101")
{
    return {{"deployedModel",
             {{"model", model.toStdString()}, {"id", id}, {"dedicatedResources", json::object()}}},
            {"trafficSplit", {{"0", 100}}}};
}

struct Started
{
    QString model;
    QString endpoint;
    ApiResult deploy;
};

// A model registered, an endpoint created, and the model's deploy asked for.
Started startDeploy(ServingManager &manager)
{
    Started started{modelName(manager), endpointName(manager), {}};
    started.deploy = manager.deployModel(started.endpoint, deployBody(started.model), v1());
    return started;
}

int appCount(FakeServe::Shared &serve)
{
    std::lock_guard lock(serve.mutex);
    return int(serve.config.value("applications", json::array()).size());
}

} // namespace

class TestServingState : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void deployAndUndeployEndToEnd()
    {
        Fixture fixture;
        auto manager = fixture.manager();
        const QString model = modelName(*manager);
        QVERIFY(!model.isEmpty());
        const QString endpoint = endpointName(*manager);
        QCOMPARE(endpoint, kProject + QStringLiteral("/endpoints/e1"));

        const ApiResult deploy = manager->deployModel(endpoint, deployBody(model), v1());
        QVERIFY2(deploy.status == 200, deploy.body.dump().c_str());
        const json deployed = waitForOperation(*manager, nameOf(deploy));
        QVERIFY2(deployed.value("done", false), deployed.dump().c_str());
        QVERIFY2(!deployed.contains("error"), deployed.dump().c_str());
        const json serving = manager->getEndpoint(endpoint).body;
        QCOMPARE(serving["deployedModels"].size(), size_t(1));
        QVERIFY2(serving["trafficSplit"] == json({{"101", 100}}), serving.dump().c_str());
        QVERIFY2(serving.dump().find("rov") == std::string::npos, "rovd's own keys stay inside");
        QCOMPARE(fixture.serve->starts, 1);
        QCOMPARE(appCount(*fixture.serve), 1);
        QVERIFY(manager->scrapeTarget().has_value());
        // A model an endpoint serves cannot go.
        QCOMPARE(manager->deleteModel(model, v1()).status, 400);

        const ApiResult undeploy = manager->undeployModel(
            endpoint, {{"deployedModelId", "101"}, {"trafficSplit", json::object()}}, v1());
        QCOMPARE(undeploy.status, 200);
        const json undeployed = waitForOperation(*manager, nameOf(undeploy));
        QVERIFY2(undeployed.value("done", false) && !undeployed.contains("error"),
                 undeployed.dump().c_str());
        QVERIFY(manager->getEndpoint(endpoint).body["deployedModels"].empty());
        // Nothing left to serve: the instance went, and Prometheus no longer scrapes it.
        QCOMPARE(fixture.serve->stops, 1);
        QVERIFY(!manager->scrapeTarget().has_value());
        QCOMPARE(manager->deleteModel(model, v1()).status, 200);
        QCOMPARE(manager->getModel(model).status, 404);
    }

    void aDeployServeRefusesEndsWithItsReason()
    {
        Fixture fixture;
        fixture.serve->failApps = true;
        auto manager = fixture.manager();
        const auto [model, endpoint, deploy] = startDeploy(*manager);
        QCOMPARE(deploy.status, 200);
        const json failed = waitForOperation(*manager, nameOf(deploy));
        QVERIFY2(failed.value("done", false), failed.dump().c_str());
        QVERIFY2(failed.value("error", json::object()).dump().find("UnpicklingError") !=
                     std::string::npos,
                 failed.dump().c_str());
        QCOMPARE(failed["metadata"].value("deploymentStage", std::string()),
                 std::string("FAILED_TO_DEPLOY"));
        // Nothing of it stays: not on the endpoint, not pending, not running.
        QVERIFY(manager->getEndpoint(endpoint).body["deployedModels"].empty());
        QCOMPARE(manager->deleteEndpoint(endpoint, v1()).status, 200);
        QCOMPARE(appCount(*fixture.serve), 0);
    }

    // A prediction whose client goes away is cancelled: rovd closes its connection to Serve
    // (which cancels the model's call) instead of holding a thread until the model answers.
    void aPredictionWhoseClientLeavesIsCancelled()
    {
        httplib::Server proxy; // Serve's proxy, with a model that takes ten seconds
        std::atomic<bool> release{false};
        proxy.Post(R"(/.*)", [&](const httplib::Request &, httplib::Response &response) {
            for (int i = 0; i < 100 && !release; ++i)
                QThread::msleep(100);
            response.set_content(R"({"predictions": [1]})", "application/json");
        });
        const int port = proxy.bind_to_any_port("127.0.0.1");
        QVERIFY(port > 0);
        std::thread serving([&] { proxy.listen_after_bind(); });
        const auto stopProxy = qScopeGuard([&] {
            release = true;
            proxy.stop();
            serving.join();
        });
        Fixture fixture;
        fixture.serve->httpPort = quint16(port);
        auto manager = fixture.manager();
        const auto [model, endpoint, deploy] = startDeploy(*manager);
        QVERIFY(waitForOperation(*manager, nameOf(deploy)).value("done", false));
        const json body = {{"instances", json::array({json::array({1, 2})})}};
        const QByteArray raw = QByteArray::fromStdString(body.dump());
        std::atomic<bool> gone{false};
        std::thread leaver([&] {
            QThread::msleep(300);
            gone = true;
        });
        const ApiResult left = manager->predict(endpoint, body, raw, [&] { return gone.load(); });
        leaver.join();
        QVERIFY2(left.status == 499, left.body.dump().c_str());
        QVERIFY(left.body.dump().find("CANCELLED") != std::string::npos);
        // A client that stays gets the model's answer.
        release = true;
        const ApiResult answered = manager->predict(endpoint, body, raw, [] { return false; });
        QVERIFY2(answered.status == 200, answered.body.dump().c_str());
        QVERIFY2(answered.body["predictions"] == json::parse("[1]"), answered.body.dump().c_str());
    }

    // Lists page as the clusters' do, and refuse in the same (translated) words.
    void listsPageAsClustersDo()
    {
        Fixture fixture;
        auto manager = fixture.manager();
        const QString first = modelName(*manager), second = modelName(*manager);
        QVERIFY(!first.isEmpty() && !second.isEmpty());
        const json page = manager->listModels(kProject, QStringLiteral("1"), QString()).body;
        QCOMPARE(page["models"].size(), size_t(1));
        const QString token = QString::fromStdString(page.value("nextPageToken", std::string()));
        QVERIFY(!token.isEmpty());
        const json next = manager->listModels(kProject, QStringLiteral("1"), token).body;
        QCOMPARE(next["models"].size(), size_t(1));
        QVERIFY(next["models"][0]["name"] != page["models"][0]["name"]);
        QVERIFY(!next.contains("nextPageToken"));
        const ApiResult foreign = manager->listEndpoints(kProject, QString(), token);
        QCOMPARE(foreign.status, 400);
        QVERIFY2(foreign.body.dump().find("is not one this list gave out") != std::string::npos,
                 foreign.body.dump().c_str());
        QCOMPARE(manager->listModels(kProject, QStringLiteral("1001"), QString()).status, 400);
    }

    // A change and its operation are written together or not at all: a store that refuses the
    // deploy's write leaves neither in memory nor on disk, and the same deploy works once it
    // takes writes again.
    void aRefusedWriteChangesNothing()
    {
        Fixture fixture;
        Store *store = nullptr;
        auto manager = fixture.manager(&store);
        const QString model = modelName(*manager);
        const QString endpoint = endpointName(*manager);
        QVERIFY(store->setQueryOnly(true));
        const ApiResult refused = manager->deployModel(endpoint, deployBody(model), v1());
        QCOMPARE(refused.status, 503);
        QVERIFY(refused.body.dump().find("UNAVAILABLE") != std::string::npos);
        QVERIFY(store->setQueryOnly(false));
        // Memory agrees with the disk: the id is free, the endpoint has nothing pending.
        QCOMPARE(manager->deleteEndpoint(kProject + QStringLiteral("/endpoints/none"), v1()).status,
                 404);
        const ApiResult deploy = manager->deployModel(endpoint, deployBody(model), v1());
        QCOMPARE(deploy.status, 200);
        QVERIFY(waitForOperation(*manager, nameOf(deploy)).value("done", false));
        manager.reset();
        const auto disk = fixture.openStore();
        int operations = 0;
        for (const auto &[name, operation] : disk->list(Store::Kind::Operation))
            operations += name.contains(QStringLiteral("/endpoints/e1/operations/")) ? 1 : 0;
        QCOMPARE(operations, 2); // its creation and the second deploy: the refused one left none
    }

    // The end of a deployment (the endpoint's model and the finished operation) is one write: a
    // store that refuses it while Serve deploys keeps both for later, and the disk never holds
    // one without the other.
    void anOperationsEndIsWrittenWithItsEndpoint()
    {
        Fixture fixture;
        fixture.serve->holdApps = true;
        Store *store = nullptr;
        auto manager = fixture.manager(&store);
        const auto [model, endpoint, deploy] = startDeploy(*manager);
        QCOMPARE(deploy.status, 200);
        QTRY_COMPARE_WITH_TIMEOUT(appCount(*fixture.serve), 1, 10000);
        QVERIFY(store->setQueryOnly(true));
        {
            std::lock_guard lock(fixture.serve->mutex);
            fixture.serve->holdApps = false;
        }
        // Done in memory at once, and the answer says so.
        QVERIFY(waitForOperation(*manager, nameOf(deploy)).value("done", false));
        const auto disk = fixture.openStore();
        const auto onDisk = [&] {
            const auto operation = disk->get(Store::Kind::Operation, nameOf(deploy));
            const auto stored = disk->get(Store::Kind::Endpoint, endpoint);
            const bool done = operation && operation->value("done", false);
            const bool served = stored && !stored->value("deployedModels", json::array()).empty();
            return std::pair(done, served);
        };
        QCOMPARE(onDisk(), std::pair(false, false));
        QVERIFY(store->setQueryOnly(false));
        // The worker writes what was kept at its next look (every 2 s).
        QTRY_COMPARE_WITH_TIMEOUT(onDisk(), std::pair(true, true), 10000);
    }

    // A rovd stopped while Serve deploys leaves the operation open; the next start takes it up
    // and ends it.
    void anInterruptedDeployResumesAtStart()
    {
        Fixture fixture;
        fixture.serve->holdApps = true;
        auto manager = fixture.manager();
        const auto [model, endpoint, deploy] = startDeploy(*manager);
        QTRY_COMPARE_WITH_TIMEOUT(appCount(*fixture.serve), 1, 10000);
        manager.reset();
        {
            std::lock_guard lock(fixture.serve->mutex);
            fixture.serve->holdApps = false;
        }
        auto again = fixture.manager();
        const json resumed = waitForOperation(*again, nameOf(deploy));
        QVERIFY2(resumed.value("done", false) && !resumed.contains("error"),
                 resumed.dump().c_str());
        QCOMPARE(again->getEndpoint(endpoint).body["deployedModels"].size(), size_t(1));
    }

    // A deployment no operation will end (a store an older rovd wrote) is dropped at start, so
    // the endpoint can be deleted.
    void orphanedDeploymentsGoAtStart()
    {
        Fixture fixture;
        const QString endpoint = kProject + QStringLiteral("/endpoints/e9");
        {
            const auto store = fixture.openStore();
            QVERIFY(store->put(Store::Kind::Endpoint, endpoint,
                               {{"name", endpoint.toStdString()},
                                {"deployedModels", json::array()},
                                {"trafficSplit", json::object()},
                                {"rovPending", json::array({{{"id", "lost"}}})}}));
        }
        auto manager = fixture.manager();
        const ApiResult removed = manager->deleteEndpoint(endpoint, v1());
        QVERIFY2(removed.status == 200, removed.body.dump().c_str());
        QVERIFY(waitForOperation(*manager, nameOf(removed)).value("done", false));
        QCOMPARE(manager->getEndpoint(endpoint).status, 404);
    }

    // The owner busy: a change that waits past its patience is refused, reads go on from the
    // snapshot meanwhile, and a change that started is always waited for.
    void aBusyOwnerRefusesChangesButNotReads()
    {
        Fixture fixture;
        ServingOwner owner(fixture.openStore());
        std::atomic<bool> entered{false};
        std::thread busy([&] {
            (void)owner.run(
                [&](ServingOwner::Change &) {
                    entered = true;
                    QThread::msleep(800);
                    return 0;
                },
                std::chrono::seconds(5));
        });
        QTRY_VERIFY(entered.load());
        QElapsedTimer timer;
        timer.start();
        QVERIFY(owner.snapshot()->models.empty());
        QVERIFY(timer.elapsed() < 100);
        const auto refused =
            owner.run([](ServingOwner::Change &) { return 1; }, std::chrono::milliseconds(100));
        QVERIFY(!refused.has_value());
        QVERIFY(timer.elapsed() < 700);
        const auto taken =
            owner.run([](ServingOwner::Change &) { return 2; }, std::chrono::seconds(5));
        QCOMPARE(taken.value_or(0), 2);
        busy.join();
        owner.stop();
        QVERIFY(!owner.run([](ServingOwner::Change &) { return 3; }, std::chrono::seconds(1)));
    }
};

QTEST_GUILESS_MAIN(TestServingState)
#include "tst_servingstate.moc"
