// scripts/bench.sh api: rovd's answer times, through our REST client over HTTP/1.1 keep-alive:
// 2,000 GETs of one RUNNING cluster at concurrency 16, then 200 lists of 50 clusters' records
// (one real cluster and 49 records of clusters in ERROR, written to the store before rovd starts),
// then the same GETs while another cluster is being created. The limit: the same GETs against a
// trivial handler of the same server library (cpp-httplib, same threads and keep-alive), in a
// process of its own like rovd, answering a body of the same size.
//
// Then the mixed phase (issue 25): GETs of the cluster, predictions of a deployed scikit-learn
// model, log queries (entries:list) and PromQL queries at once, two of each in flight, alone and
// while a 300 MB models:upload copies and a cluster is created. One part busy must not slow the
// others: busy_ratio is the predictions' p99 busy over alone (target at most 2), and the GETs'
// p99 while busy stays under 10 ms. The limit, in the same mix: GETs of a trivial cpp-httplib
// handler in a process of its own, which the same busy cores delay too. Last line:
// mixed: predict_p99_ms= predict_p99_busy_ms= busy_ratio= get_p99_busy_ms= limit_get_p99_busy_ms=
#include "benchmodel.h"
#include "catalog/machinecatalog.h"
#include "localplane/clusters/clusterspecparser.h"
#include "localplane/server/listenbacklog.h"
#include "localplane/state/store.h"
#include "rest/restclient.h"
#include "rovdfixture.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <functional>
#include <httplib.h>
#include <map>
#include <mutex>
#include <thread>

using namespace rov::rest;
using nlohmann::json;

namespace {

const QString kParent = QStringLiteral("/v1beta1/projects/bench/locations/local");

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench-api: %s\n", qPrintable(why));
    std::exit(1);
}

json oneNodeCluster()
{
    return json::parse(
        R"({"resourcePools": [{"id": "head-node", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1}],
                           "resourceRuntimeSpec": {"raySpec": {}}})");
}

void seedStoppedClusters(const QString &dataDir, int count)
{
    QString error;
    auto store =
        rov::localplane::Store::open(QDir(dataDir).filePath(QStringLiteral("state.db")), &error);
    if (!store)
        fail(error);
    rov::localplane::ClusterSpecParser parser(rov::catalog::MachineCatalog::builtIn(), {});
    const auto spec = std::get<rov::localplane::ClusterSpec>(parser.parse(oneNodeCluster(), true));
    for (int i = 0; i < count; ++i) {
        const QString name =
            QStringLiteral("projects/bench/locations/local/persistentResources/seeded-%1")
                .arg(i, 2, 10, QLatin1Char('0'));
        const bool stored =
            store->put(rov::localplane::Store::Kind::Cluster, name,
                       {{"spec", spec.toJson({})},
                        {"state", "ERROR"},
                        {"error", {{"code", 14}, {"message", "seeded for the benchmark"}}},
                        {"tempDir", "/tmp/rovb-seeded"},
                        {"createTime", "2026-11-25T00:00:00Z"},
                        {"updateTime", "2026-11-25T00:00:00Z"},
                        {"nodes", json::array()}});
        if (!stored)
            fail(store->lastError());
    }
}

HttpRequest authorized(const QUrl &url, const QByteArray &token,
                       HttpMethod method = HttpMethod::Get)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.setHeader("Authorization", "Bearer " + token);
    return request;
}

// Runs `total` requests with `concurrency` in flight; returns each one's milliseconds.
std::vector<double> closedLoop(RestClient &client, const HttpRequest &request, int total,
                               int concurrency)
{
    std::vector<double> latencies;
    QEventLoop loop;
    int sent = 0;
    std::function<void()> sendNext = [&] {
        ++sent;
        auto clock = std::make_shared<QElapsedTimer>();
        clock->start();
        client.send(request, &loop, [&, clock](const HttpResponse &response) {
            if (!response.ok())
                fail(rov::test::describe(response));
            latencies.push_back(double(clock->nsecsElapsed()) / 1e6);
            if (sent < total)
                sendNext();
            else if (int(latencies.size()) == total)
                loop.quit();
        });
    };
    for (int i = 0; i < concurrency; ++i)
        sendNext();
    loop.exec();
    return latencies;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

// The limit: what cpp-httplib answers on this machine with nothing behind the handler.
[[noreturn]] void serveTrivially(const std::string &body)
{
    httplib::Server server;
    rov::localplane::ListenBacklog backlog(server); // as rovd's
    server.set_tcp_nodelay(true);
    server.set_keep_alive_timeout(2);
    server.set_keep_alive_max_count(1000);
    server.new_task_queue = [] { return new httplib::ThreadPool(64); };
    server.Get(".*", [&](const httplib::Request &, httplib::Response &response) {
        response.set_content(body, "application/json; charset=utf-8");
    });
    const int port = server.bind_to_any_port("127.0.0.1");
    backlog.widen();
    std::printf("trivial ready: %d\n", port);
    std::fflush(stdout);
    server.listen_after_bind();
    std::exit(0);
}

struct Figures
{
    std::vector<double> latencies;
    double rps = 0;
};

Figures measure(RestClient &client, const HttpRequest &request, int total, int concurrency)
{
    QElapsedTimer clock;
    clock.start();
    Figures figures;
    figures.latencies = closedLoop(client, request, total, concurrency);
    figures.rps = double(total) * 1000.0 / double(std::max<qint64>(1, clock.elapsed()));
    return figures;
}

// ---- the mixed phase ----------------------------------------------------------------------

const std::string kServing = "/v1/projects/bench/locations/us-central1";

// One kind of request of the mix.
struct Kind
{
    std::string name;
    std::string method; // GET or POST
    std::string path;
    std::string body;
    std::string token;
    int port = 0; // 0: rovd's
};

// Every kind at once, `concurrency` of each in flight, `count` of each; each kind's latencies.
std::map<std::string, std::vector<double>> runMix(int port, const std::vector<Kind> &kinds,
                                                  int count, int concurrency)
{
    std::map<std::string, std::vector<double>> latencies;
    std::vector<std::vector<double>> perThread(kinds.size() * size_t(concurrency));
    std::vector<std::atomic<int>> next(kinds.size());
    std::atomic<int> failures{0};
    std::string failure;
    std::mutex failureMutex;
    std::vector<std::thread> threads;
    for (size_t k = 0; k < kinds.size(); ++k) {
        for (int t = 0; t < concurrency; ++t) {
            threads.emplace_back([&, k, t] {
                const Kind &kind = kinds[k];
                httplib::Client client("127.0.0.1", kind.port ? kind.port : port);
                client.set_keep_alive(true);
                client.set_tcp_nodelay(true);
                client.set_read_timeout(120);
                const httplib::Headers headers{{"Authorization", "Bearer " + kind.token}};
                auto &mine = perThread[k * size_t(concurrency) + size_t(t)];
                while (next[k].fetch_add(1) < count) {
                    QElapsedTimer timer;
                    timer.start();
                    const auto answer =
                        kind.method == "GET"
                            ? client.Get(kind.path, headers)
                            : client.Post(kind.path, headers, kind.body, "application/json");
                    mine.push_back(double(timer.nsecsElapsed()) / 1e6);
                    if (!answer || answer->status != 200) {
                        ++failures;
                        std::lock_guard lock(failureMutex);
                        failure = kind.name + ": " +
                                  (answer ? std::to_string(answer->status) + " " + answer->body
                                          : std::string("no answer"));
                    }
                }
            });
        }
    }
    for (auto &thread : threads)
        thread.join();
    if (failures > 0)
        fail(QStringLiteral("%1 requests of the mix failed, e.g. %2")
                 .arg(failures.load())
                 .arg(QString::fromStdString(failure.substr(0, 300))));
    for (size_t k = 0; k < kinds.size(); ++k)
        for (int t = 0; t < concurrency; ++t) {
            const auto &mine = perThread[k * size_t(concurrency) + size_t(t)];
            latencies[kinds[k].name].insert(latencies[kinds[k].name].end(), mine.begin(),
                                            mine.end());
        }
    return latencies;
}

void append(std::map<std::string, std::vector<double>> &into,
            const std::map<std::string, std::vector<double>> &from)
{
    for (const auto &[name, values] : from)
        into[name].insert(into[name].end(), values.begin(), values.end());
}

json adminCall(RestClient &client, const rov::test::RovdFixture &rovd, HttpMethod method,
               const QString &path, const json &body = nullptr)
{
    HttpRequest request = authorized(rovd.url(path), rovd.adminToken(), method);
    if (!body.is_null())
        request.setJsonBody(body);
    const auto answer = rov::test::sendAndWait(client, request, 900000);
    if (!answer.ok())
        fail(path + QStringLiteral(": ") + rov::test::describe(answer));
    return answer.json();
}

void waitForOperation(RestClient &client, const rov::test::RovdFixture &rovd, json operation)
{
    while (!operation.value("done", false)) {
        QThread::msleep(250);
        operation = adminCall(client, rovd, HttpMethod::Get,
                              QStringLiteral("/v1/") +
                                  QString::fromStdString(operation["name"].get<std::string>()));
    }
    if (operation.contains("error"))
        fail(QString::fromStdString(operation["error"].dump()));
}

// A model deployed on the serving instance; then the mix, alone and while an upload and a
// cluster create run.
void mixedPhase(RestClient &client, const rov::test::RovdFixture &rovd, const QString &dataDir,
                const QUrl &cluster)
{
    const QString folder = QDir(dataDir).filePath(QStringLiteral("storage/bench/model"));
    if (const QString error =
            rov::test::writeSklearnModel(QStringLiteral(ROV_PYTHON_VENV "/bin/python"), folder);
        !error.isEmpty())
        fail(error);
    // The 300 MB model uploaded while busy: its file and a large weights file.
    if (const QString error = rov::test::writeLargeModelFolder(
            folder, QDir(dataDir).filePath(QStringLiteral("storage/bench/big")), 300);
        !error.isEmpty())
        fail(error);

    const QString serving = QString::fromStdString(kServing);
    waitForOperation(client, rovd,
                     adminCall(client, rovd, HttpMethod::Post,
                               serving + QStringLiteral("/models:upload"),
                               rov::test::sklearnModelUpload("bench", "gs://bench/model")));
    waitForOperation(client, rovd,
                     adminCall(client, rovd, HttpMethod::Post,
                               serving + QStringLiteral("/endpoints?endpointId=bench"),
                               {{"displayName", "bench"}}));
    QElapsedTimer deploy;
    deploy.start();
    waitForOperation(
        client, rovd,
        adminCall(
            client, rovd, HttpMethod::Post,
            serving + QStringLiteral("/endpoints/bench:deployModel"),
            {{"deployedModel",
              {{"model", "projects/bench/locations/us-central1/models/bench"},
               {"dedicatedResources",
                {{"machineSpec", {{"machineType", "n1-standard-2"}}}, {"minReplicaCount", 1}}}}}}));
    // The limit in the mix: GETs of a trivial handler of the same server library, in a process
    // of its own, on the same busy machine.
    QProcess trivial;
    trivial.start(QCoreApplication::applicationFilePath(),
                  {QStringLiteral("--trivial-server"), QStringLiteral("775")});
    if (!trivial.waitForReadyRead(10000))
        fail(QStringLiteral("the trivial server did not start"));
    const int trivialPort =
        QString::fromUtf8(trivial.readLine()).section(QLatin1Char(' '), -1).toInt();
    const std::string user = rovd.userToken().toStdString();
    const std::vector<Kind> kinds{
        {"get", "GET", cluster.path().toStdString(), {}, user},
        {"predict", "POST", kServing + "/endpoints/bench:predict",
         R"({"instances": [[1.0, 2.0, 3.0, 4.0]]})", user},
        {"logs", "POST", "/v2/entries:list",
         R"({"resourceNames": ["projects/bench"], "filter": "severity>=DEFAULT", "pageSize": 50})",
         user},
        {"promql",
         "GET",
         "/v1/projects/bench/location/global/prometheus/api/v1/"
         "query?query=sum%20by%20(ray_io_cluster)%20(ray_node_cpu_utilization)",
         {},
         user},
        {"limit", "GET", "/v1beta1/x", {}, user, trivialPort}};
    // Predictions answer once the replica serves.
    for (QElapsedTimer waited; !waited.isValid() || waited.elapsed() < 600000;) {
        if (!waited.isValid())
            waited.start();
        httplib::Client probe("127.0.0.1", rovd.port());
        const auto answer = probe.Post(kinds[1].path, {{"Authorization", "Bearer " + user}},
                                       kinds[1].body, "application/json");
        if (answer && answer->status == 200)
            break;
        QThread::msleep(200);
    }
    const double deploySeconds = double(deploy.elapsed()) / 1000.0;
    constexpr int kCount = 300, kConcurrency = 2;
    runMix(rovd.port(), kinds, 20, kConcurrency); // warm
    // A 300 MB models:upload on a thread of its own; `running` turns false when it has ended.
    int uploads = 0;
    const auto startUpload = [&](std::atomic<bool> &running) {
        running = true;
        const std::string id = "big" + std::to_string(uploads++);
        // Its own plain client: RestClient needs a QThread's event loop.
        return std::thread([&, id] {
            httplib::Client own("127.0.0.1", rovd.port());
            own.set_read_timeout(600);
            const httplib::Headers admin{
                {"Authorization", "Bearer " + rovd.adminToken().toStdString()}};
            auto answer = own.Post(kServing + "/models:upload", admin,
                                   rov::test::sklearnModelUpload(id, "gs://bench/big").dump(),
                                   "application/json");
            json operation = answer && answer->status == 200
                                 ? json::parse(answer->body, nullptr, false)
                                 : json();
            while (operation.is_object() && !operation.value("done", false)) {
                QThread::msleep(250);
                answer = own.Get("/v1/" + operation.value("name", std::string()), admin);
                operation = answer && answer->status == 200
                                ? json::parse(answer->body, nullptr, false)
                                : json();
            }
            if (!operation.is_object() || operation.contains("error"))
                std::fprintf(stderr, "bench-api: the 300 MB upload failed: %s\n",
                             answer ? answer->body.c_str() : "no answer");
            running = false;
        });
    };
    // A one-node cluster created; its nodes start on the thread that owns cluster state.
    int creates = 0;
    const auto startCreate = [&] {
        const QString id = QStringLiteral("mixed-%1").arg(creates++);
        adminCall(client, rovd, HttpMethod::Post,
                  kParent + QStringLiteral("/persistentResources?persistentResourceId=") + id,
                  oneNodeCluster());
        return rovd.url(kParent + QStringLiteral("/persistentResources/") + id);
    };
    const auto provisioning = [&](const QUrl &cluster) {
        return rov::test::sendAndWait(client, authorized(cluster, rovd.userToken()))
                   .json()
                   .value("state", std::string()) == "PROVISIONING";
    };
    const auto remove = [&](const QUrl &cluster) {
        rov::test::sendAndWait(client, authorized(cluster, rovd.adminToken(), HttpMethod::Delete));
        while (rov::test::sendAndWait(client, authorized(cluster, rovd.userToken())).status != 404)
            QThread::msleep(200);
    };
    std::map<std::string, std::vector<double>> alone, busy, uploadOnly, createOnly;
    // Alone, an upload alone, a create alone, and both at once, in turn, so that all see the
    // same machine.
    for (int round = 0; round < 2; ++round) {
        append(alone, runMix(rovd.port(), kinds, kCount, kConcurrency));
        std::atomic<bool> uploading = false;
        std::thread uploader = startUpload(uploading);
        do
            append(uploadOnly, runMix(rovd.port(), kinds, 25, kConcurrency));
        while (uploading);
        uploader.join();
        QUrl cluster = startCreate();
        do
            append(createOnly, runMix(rovd.port(), kinds, 25, kConcurrency));
        while (provisioning(cluster));
        remove(cluster);
        uploader = startUpload(uploading);
        cluster = startCreate();
        do
            append(busy, runMix(rovd.port(), kinds, 25, kConcurrency));
        while (uploading || provisioning(cluster));
        uploader.join();
        remove(cluster);
    }
    std::printf("mixed: %zu of each kind (get, predict, logs, promql, and GETs of a trivial "
                "handler as the limit) alone, %zu while a 300 MB upload and a cluster create "
                "ran at once (%zu during an upload alone, %zu during a create alone), %d of each "
                "in flight; deploy %.1f s\n",
                alone["get"].size(), busy["get"].size(), uploadOnly["get"].size(),
                createOnly["get"].size(), kConcurrency, deploySeconds);
    std::printf("mixed-predict-p99: upload_only_ms=%.2f create_only_ms=%.2f\n",
                percentile(uploadOnly["predict"], 0.99), percentile(createOnly["predict"], 0.99));
    trivial.kill();
    trivial.waitForFinished();
    for (const char *kind : {"get", "predict", "logs", "promql", "limit"})
        std::printf("mixed-%s: p50_ms=%.2f p99_ms=%.2f busy_p50_ms=%.2f busy_p99_ms=%.2f\n", kind,
                    percentile(alone[kind], 0.5), percentile(alone[kind], 0.99),
                    percentile(busy[kind], 0.5), percentile(busy[kind], 0.99));
    const double predictAlone = percentile(alone["predict"], 0.99);
    const double predictBusy = percentile(busy["predict"], 0.99);
    std::printf("mixed: predict_p99_ms=%.2f predict_p99_busy_ms=%.2f busy_ratio=%.2f "
                "get_p99_busy_ms=%.2f limit_get_p99_busy_ms=%.2f\n",
                predictAlone, predictBusy, predictBusy / predictAlone,
                percentile(busy["get"], 0.99), percentile(busy["limit"], 0.99));
}

} // namespace

int main(int argc, char *argv[])
{
    if (argc == 3 && std::string(argv[1]) == "--trivial-server")
        serveTrivially(std::string(size_t(std::atoi(argv[2])), ' '));
    QCoreApplication app(argc, argv);
    // rovd starts in a folder of its own, never in the checkout.
    QDir::setCurrent(QDir::tempPath());
    QTemporaryDir data;
    seedStoppedClusters(data.path(), 49);
    rov::test::RovdFixture rovd(
        data.path(), QStringLiteral("/tmp/rovb-%1").arg(QCoreApplication::applicationPid()));
    // The serving instance stops with it.
    rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
    QString error;
    if (!rovd.start(&error))
        fail(error);
    RestClientOptions options;
    options.maxConnectionsPerHost = 16;
    RestClient client(options);

    HttpRequest create = authorized(
        rovd.url(kParent + QStringLiteral("/persistentResources?persistentResourceId=live")),
        rovd.adminToken(), HttpMethod::Post);
    create.setJsonBody(oneNodeCluster());
    if (const auto created = rov::test::sendAndWait(client, create); !created.ok())
        fail(rov::test::describe(created));
    const QUrl cluster = rovd.url(kParent + QStringLiteral("/persistentResources/live"));
    while (rov::test::sendAndWait(client, authorized(cluster, rovd.userToken()))
               .json()
               .value("state", std::string()) != "RUNNING")
        QThread::msleep(500);

    const auto get = authorized(cluster, rovd.userToken());
    const qsizetype bodySize = rov::test::sendAndWait(client, get).body.size();
    closedLoop(client, get, 200, 16); // warm: connections open
    const Figures gets = measure(client, get, 2000, 16);
    const auto list = authorized(
        rovd.url(kParent + QStringLiteral("/persistentResources?pageSize=50")), rovd.userToken());
    const auto listed = rov::test::sendAndWait(client, list).json()["persistentResources"].size();
    const auto lists = closedLoop(client, list, 200, 1);

    // The same GETs while a second cluster starts: its nodes are launched and watched by the
    // thread that owns cluster state, and reads must not wait for it.
    HttpRequest second = authorized(
        rovd.url(kParent + QStringLiteral("/persistentResources?persistentResourceId=second")),
        rovd.adminToken(), HttpMethod::Post);
    second.setJsonBody(oneNodeCluster());
    if (const auto created = rov::test::sendAndWait(client, second); !created.ok())
        fail(rov::test::describe(created));
    const QUrl secondUrl = rovd.url(kParent + QStringLiteral("/persistentResources/second"));
    Figures duringCreate;
    int rounds = 0;
    while (rov::test::sendAndWait(client, authorized(secondUrl, rovd.userToken()))
               .json()
               .value("state", std::string()) == "PROVISIONING") {
        const Figures round = measure(client, get, 200, 16);
        duringCreate.latencies.insert(duringCreate.latencies.end(), round.latencies.begin(),
                                      round.latencies.end());
        duringCreate.rps += round.rps;
        ++rounds;
    }
    if (rounds == 0)
        fail(QStringLiteral("the second cluster started before anything was measured"));
    duringCreate.rps /= rounds;

    // The limit, in the same run: a trivial handler of the same library, in its own process.
    QProcess trivial;
    trivial.start(QCoreApplication::applicationFilePath(),
                  {QStringLiteral("--trivial-server"), QString::number(bodySize)});
    if (!trivial.waitForReadyRead(10000))
        fail(QStringLiteral("the trivial server did not start"));
    const int trivialPort =
        QString::fromUtf8(trivial.readLine()).section(QLatin1Char(' '), -1).toInt();
    const auto trivialGet = authorized(
        QUrl(QStringLiteral("http://127.0.0.1:%1/v1beta1/x").arg(trivialPort)), rovd.userToken());
    closedLoop(client, trivialGet, 200, 16);
    const Figures limit = measure(client, trivialGet, 2000, 16);
    trivial.kill();
    trivial.waitForFinished();

    // Deleted first: its nodes and the mix share the two cores.
    rov::test::sendAndWait(client, authorized(secondUrl, rovd.adminToken(), HttpMethod::Delete));
    while (rov::test::sendAndWait(client, authorized(secondUrl, rovd.userToken())).status != 404)
        QThread::msleep(200);
    std::printf("bench-api: 2000 GETs of one cluster (%lld bytes) at concurrency 16; 200 lists of "
                "%zu records, one at a time; %zu GETs while a cluster started; 2000 GETs of a "
                "trivial cpp-httplib handler\n",
                qint64(bodySize), listed, duringCreate.latencies.size());
    std::printf("api-during-create: get_p50_ms=%.2f get_p99_ms=%.2f rps=%.0f\n",
                percentile(duringCreate.latencies, 0.5), percentile(duringCreate.latencies, 0.99),
                duringCreate.rps);
    std::printf("api: get_p50_ms=%.2f get_p99_ms=%.2f list_p99_ms=%.2f rps=%.0f limit_rps=%.0f "
                "ratio=%.2f create_get_p99_ms=%.2f\n",
                percentile(gets.latencies, 0.5), percentile(gets.latencies, 0.99),
                percentile(lists, 0.99), gets.rps, limit.rps, gets.rps / limit.rps,
                percentile(duringCreate.latencies, 0.99));
    std::fflush(stdout);
    mixedPhase(client, rovd, data.path(), cluster);
    std::fflush(stdout);

    for (const QUrl &url : {cluster}) {
        rov::test::sendAndWait(client, authorized(url, rovd.adminToken(), HttpMethod::Delete));
        while (rov::test::sendAndWait(client, authorized(url, rovd.userToken())).status != 404)
            QThread::msleep(200);
    }
    rovd.terminate();
    rov::test::killProcessesUnder(
        QStringLiteral("/tmp/rovb-%1").arg(QCoreApplication::applicationPid()));
    return 0;
}
