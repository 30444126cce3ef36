// scripts/bench.sh cluster: seconds from POST create to RUNNING for a head and two workers through
// rovd, against tests/bench/raw_cluster.sh running the same `ray start` commands in sequence with
// the same readiness wait, in the same run. Rounds alternate the two; figures are medians.
#include "rest/restclient.h"
#include "rovdfixture.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>

using namespace rov::rest;
using nlohmann::json;

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench-cluster: %s\n", qPrintable(why));
    std::exit(1);
}

double median(std::vector<double> values)
{
    std::sort(values.begin(), values.end());
    return values[values.size() / 2];
}

HttpRequest authorized(HttpMethod method, const QUrl &url, const QByteArray &token)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.setHeader("Authorization", "Bearer " + token);
    return request;
}

double rovdRound(RestClient &client, rov::test::RovdFixture &rovd)
{
    const QString parent = QStringLiteral("/v1beta1/projects/bench/locations/local");
    HttpRequest create = authorized(
        HttpMethod::Post,
        rovd.url(parent + QStringLiteral("/persistentResources?persistentResourceId=bench")),
        rovd.adminToken());
    create.setJsonBody(json::parse(R"({"resourcePools": [
        {"id": "head-node", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1},
        {"id": "worker-pool1", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 2}],
        "resourceRuntimeSpec": {"raySpec": {}}})"));
    QElapsedTimer clock;
    clock.start();
    const auto created = rov::test::sendAndWait(client, create);
    if (!created.ok())
        fail(rov::test::describe(created));
    const QUrl operation =
        rovd.url(QStringLiteral("/v1beta1/") +
                 QString::fromStdString(created.json()["name"].get<std::string>()));
    json state;
    do {
        QThread::msleep(100);
        state =
            rov::test::sendAndWait(client, authorized(HttpMethod::Get, operation, rovd.userToken()))
                .json();
    } while (!state.value("done", false));
    const double seconds = double(clock.elapsed()) / 1000.0;
    if (!state.contains("response"))
        fail(QStringLiteral("the cluster did not start: %1")
                 .arg(QString::fromStdString(state.dump())));

    const QUrl cluster = rovd.url(parent + QStringLiteral("/persistentResources/bench"));
    rov::test::sendAndWait(client, authorized(HttpMethod::Delete, cluster, rovd.adminToken()));
    while (rov::test::sendAndWait(client, authorized(HttpMethod::Get, cluster, rovd.userToken()))
               .status != 404)
        QThread::msleep(200);
    return seconds;
}

double rawRound(const QString &ray)
{
    QProcess script;
    script.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    const QString temp = QStringLiteral("/tmp/rovb-raw-%1").arg(QCoreApplication::applicationPid());
    script.start(QStringLiteral(ROV_SOURCE_DIR "/tests/bench/raw_cluster.sh"),
                 {ray, temp, QStringLiteral("25000"), QStringLiteral("2")});
    if (!script.waitForFinished(300000) || script.exitCode() != 0)
        fail(QStringLiteral("raw_cluster.sh failed"));
    return script.readAllStandardOutput().trimmed().toDouble();
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, atoi(argv[1])) : 3;
    QTemporaryDir data;
    const QString tempRoot = QStringLiteral("/tmp/rovb-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture rovd(data.path(), tempRoot);
    QString error;
    if (!rovd.start(&error))
        fail(error);
    RestClient client;
    std::vector<double> viaRovd, raw;
    std::printf(
        "bench-cluster: head + 2 workers (n1-standard-4), %d rounds, rovd and raw alternating\n",
        rounds);
    for (int round = 0; round < rounds; ++round) {
        viaRovd.push_back(rovdRound(client, rovd));
        raw.push_back(rawRound(QStringLiteral(ROV_PYTHON_VENV "/bin/ray")));
        std::printf("  round %d: rovd %.2f s, raw %.2f s\n", round + 1, viaRovd.back(), raw.back());
        std::fflush(stdout);
    }
    const double rovdSeconds = median(viaRovd), rawSeconds = median(raw);
    std::printf("cluster: rovd_s=%.2f raw_s=%.2f ratio=%.2f\n", rovdSeconds, rawSeconds,
                rovdSeconds / rawSeconds);
    return 0;
}
