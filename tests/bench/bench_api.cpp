// scripts/bench.sh api: rovd's answer times, through our REST client over HTTP/1.1 keep-alive:
// 2,000 GETs of one RUNNING cluster at concurrency 16, then 200 lists of 50 clusters' records
// (one real cluster and 49 records of clusters in ERROR, written to the store before rovd starts).
#include "catalog/machinecatalog.h"
#include "localplane/clusterspecparser.h"
#include "localplane/store.h"
#include "rest/restclient.h"
#include "rovdfixture.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <functional>

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

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
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

    QElapsedTimer clock;
    clock.start();
    const auto gets = closedLoop(client, authorized(cluster, rovd.userToken()), 2000, 16);
    const double rps = 2000.0 * 1000.0 / double(std::max<qint64>(1, clock.elapsed()));
    const auto list = authorized(
        rovd.url(kParent + QStringLiteral("/persistentResources?pageSize=50")), rovd.userToken());
    const auto listed = rov::test::sendAndWait(client, list).json()["persistentResources"].size();
    const auto lists = closedLoop(client, list, 200, 1);

    rov::test::sendAndWait(client, authorized(cluster, rovd.adminToken(), HttpMethod::Delete));
    while (rov::test::sendAndWait(client, authorized(cluster, rovd.userToken())).status != 404)
        QThread::msleep(200);
    std::printf("bench-api: 2000 GETs of one cluster at concurrency 16; 200 lists of %zu records, "
                "one at a time\n",
                listed);
    std::printf("api: get_p50_ms=%.2f get_p99_ms=%.2f list_p99_ms=%.2f rps=%.0f\n",
                percentile(gets, 0.5), percentile(gets, 0.99), percentile(lists, 0.99), rps);
    return 0;
}
