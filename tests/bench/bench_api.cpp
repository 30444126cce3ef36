// scripts/bench.sh api: rovd's answer times, through our REST client over HTTP/1.1 keep-alive:
// 2,000 GETs of one RUNNING cluster at concurrency 16, then 200 lists of 50 clusters' records
// (one real cluster and 49 records of clusters in ERROR, written to the store before rovd starts),
// then the same GETs while another cluster is being created. The limit: the same GETs against a
// trivial handler of the same server library (cpp-httplib, same threads and keep-alive), in a
// process of its own like rovd, answering a body of the same size.
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
#include <cstdio>
#include <functional>
#include <httplib.h>

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
        store->put(rov::localplane::Store::Kind::Cluster, name,
                   {{"spec", spec.toJson({})},
                    {"state", "ERROR"},
                    {"error", {{"code", 14}, {"message", "seeded for the benchmark"}}},
                    {"tempDir", "/tmp/rovb-seeded"},
                    {"createTime", "2026-11-25T00:00:00Z"},
                    {"updateTime", "2026-11-25T00:00:00Z"},
                    {"nodes", json::array()}});
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

    for (const QUrl &url : {cluster, secondUrl}) {
        rov::test::sendAndWait(client, authorized(url, rovd.adminToken(), HttpMethod::Delete));
        while (rov::test::sendAndWait(client, authorized(url, rovd.userToken())).status != 404)
            QThread::msleep(200);
    }
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
    return 0;
}
