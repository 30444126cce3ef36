// scripts/bench.sh predict: online predictions through rovd's :predict against the same Serve
// route called straight, in the same run. A scikit-learn model is deployed to an endpoint of a
// real rovd (real Ray Serve); then 2,000 predictions at concurrency 8 go through rovd and 2,000
// straight to the Serve application it forwards to, in alternating blocks of 250, so that both
// see the same machine. Last line:
// predict: rovd_p50_ms= rovd_p99_ms= serve_p50_ms= overhead_p50_ms= rps_ratio= deploy_s=
// Then predictions while models:upload copies a 300 MB folder, against blocks with no upload in
// the same run (the copy once ran under the serving manager's lock and stalled predictions):
// upload: quiet_p99_ms= busy_p99_ms= p99_ratio= rps_ratio= uploads= upload_s=
#include "benchmodel.h"
#include "localplane/serving/serveconfig.h"
#include "localplane/state/store.h"
#include "rovdfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <atomic>
#include <cstdio>
#include <httplib.h>
#include <nlohmann/json.hpp>
#include <thread>
#include <vector>

using nlohmann::json;

namespace {

constexpr int kRequests = 2000;
constexpr int kConcurrency = 8;
constexpr int kBlock = 250;
const std::string kParent = "/v1/projects/bench/locations/us-central1";
const std::string kBody = R"({"instances": [[1.0, 2.0, 3.0, 4.0]]})";

[[noreturn]] void die(const std::string &message)
{
    std::fprintf(stderr, "bench-predict: %s\n", message.c_str());
    std::exit(1);
}

struct Api
{
    httplib::Client client;
    httplib::Headers headers;
    Api(int port, const std::string &token) : client("127.0.0.1", port)
    {
        headers = {{"Authorization", "Bearer " + token}};
        client.set_read_timeout(300);
    }
    json call(const std::string &method, const std::string &path, const json &body = nullptr)
    {
        httplib::Result answer = method == "GET"
                                     ? client.Get(path, headers)
                                     : client.Post(path, headers, body.dump(), "application/json");
        if (!answer)
            die(method + " " + path + ": no answer");
        json parsed = json::parse(answer->body, nullptr, false);
        if (answer->status != 200)
            die(method + " " + path + ": " + answer->body);
        return parsed;
    }
    json wait(json operation)
    {
        while (!operation.value("done", false)) {
            QThread::msleep(200);
            operation = call("GET", "/v1/" + operation["name"].get<std::string>());
        }
        if (operation.contains("error"))
            die(operation["error"].dump());
        return operation;
    }
};

// Latencies (ms) of `count` POSTs at `kConcurrency`, and the wall time they took.
std::pair<std::vector<double>, double> load(int port, const std::string &path,
                                            const httplib::Headers &headers, int count,
                                            int concurrency = kConcurrency)
{
    std::vector<std::vector<double>> perThread;
    perThread.resize(static_cast<size_t>(concurrency));
    std::atomic<int> next{0};
    std::atomic<int> failures{0};
    QElapsedTimer wall;
    wall.start();
    std::vector<std::thread> threads;
    for (int t = 0; t < concurrency; ++t) {
        threads.emplace_back([&, t] {
            httplib::Client client("127.0.0.1", port);
            client.set_keep_alive(true);
            client.set_tcp_nodelay(true); // as rovd's own client to Serve
            while (next.fetch_add(1) < count) {
                QElapsedTimer timer;
                timer.start();
                const auto answer = client.Post(path, headers, kBody, "application/json");
                perThread[size_t(t)].push_back(double(timer.nsecsElapsed()) / 1e6);
                if (!answer || answer->status != 200)
                    ++failures;
            }
        });
    }
    for (auto &thread : threads)
        thread.join();
    if (failures > 0)
        die(std::to_string(failures.load()) + " predictions failed on " + path);
    std::vector<double> all;
    for (const auto &latencies : perThread)
        all.insert(all.end(), latencies.begin(), latencies.end());
    return {all, double(wall.nsecsElapsed()) / 1e9};
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

quint16 serveHttpPort(const QString &dataDir)
{
    QString error;
    const auto store =
        rov::localplane::Store::open(QDir(dataDir).filePath(QStringLiteral("serving.db")), &error,
                                     rov::localplane::Store::Access::ReadOnly);
    if (!store)
        die(error.toStdString());
    const auto record =
        store->get(rov::localplane::Store::Kind::ServingInstance, QStringLiteral("instance"));
    if (!record)
        die("no serving instance in serving.db");
    return record->value("httpPort", quint16(0));
}

// Predictions through rovd while models:upload copies a 300 MB folder (three uploads), and in
// blocks between them with nothing uploading.
void predictWhileUploading(const rov::test::RovdFixture &rovd, const QString &modelFolder,
                           const std::string &predict, const httplib::Headers &headers)
{
    const QString big = QDir(modelFolder).filePath(QStringLiteral("../big"));
    if (const QString error = rov::test::writeLargeModelFolder(modelFolder, big, 300);
        !error.isEmpty())
        die(error.toStdString());
    std::vector<double> quiet, busy;
    double quietWall = 0, busyWall = 0, uploadWall = 0;
    constexpr int kUploads = 3;
    for (int round = 0; round < kUploads; ++round) {
        auto [calm, calmWall] = load(rovd.port(), predict, headers, kBlock);
        quiet.insert(quiet.end(), calm.begin(), calm.end());
        quietWall += calmWall;
        std::atomic<bool> uploading = true;
        QElapsedTimer copy;
        copy.start();
        std::thread uploader([&] {
            Api own(rovd.port(), rovd.adminToken().toStdString());
            own.wait(own.call(
                "POST", kParent + "/models:upload",
                rov::test::sklearnModelUpload("big" + std::to_string(round), "gs://bench/big")));
            uploading = false;
        });
        do {
            auto [during, duringWall] = load(rovd.port(), predict, headers, 50);
            busy.insert(busy.end(), during.begin(), during.end());
            busyWall += duringWall;
        } while (uploading);
        uploader.join();
        uploadWall += double(copy.elapsed()) / 1000.0;
    }
    const double quietP99 = percentile(quiet, 0.99), busyP99 = percentile(busy, 0.99);
    std::printf("upload: quiet_p99_ms=%.2f busy_p99_ms=%.2f p99_ratio=%.2f rps_ratio=%.2f "
                "uploads=%d upload_s=%.1f\n",
                quietP99, busyP99, busyP99 / quietP99,
                (double(busy.size()) / busyWall) / (double(quiet.size()) / quietWall), kUploads,
                uploadWall / kUploads);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir data;
    const QString tempRoot =
        QStringLiteral("/tmp/rovbp-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture rovd(data.path(), tempRoot);
    rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
    QString error;
    if (!rovd.start(&error))
        die(error.toStdString());
    // The model: a logistic regression on four features, in rovd's storage.
    const QString folder = QDir(data.path()).filePath(QStringLiteral("storage/bench/model"));
    if (const QString error =
            rov::test::writeSklearnModel(QStringLiteral(ROV_PYTHON_VENV "/bin/python"), folder);
        !error.isEmpty())
        die(error.toStdString());

    Api api(rovd.port(), rovd.adminToken().toStdString());
    api.wait(api.call("POST", kParent + "/models:upload",
                      rov::test::sklearnModelUpload("bench", "gs://bench/model")));
    api.wait(api.call("POST", kParent + "/endpoints?endpointId=bench", {{"displayName", "bench"}}));
    QElapsedTimer deploy;
    deploy.start();
    const json deployed = api.wait(api.call(
        "POST", kParent + "/endpoints/bench:deployModel",
        {{"deployedModel",
          {{"model", "projects/bench/locations/us-central1/models/bench"},
           {"dedicatedResources",
            {{"machineSpec", {{"machineType", "n1-standard-2"}}}, {"minReplicaCount", 1}}}}}}));
    const std::string predict = kParent + "/endpoints/bench:predict";
    for (;;) {
        const auto answer = api.client.Post(predict, api.headers, kBody, "application/json");
        if (answer && answer->status == 200)
            break;
        QThread::msleep(50);
    }
    const double deploySeconds = double(deploy.elapsed()) / 1000.0;
    const QString id =
        QString::fromStdString(deployed["response"]["deployedModel"]["id"].get<std::string>());
    const std::string route =
        "/" + rov::localplane::serving::serveAppName(
                  QStringLiteral("projects/bench/locations/us-central1/endpoints/bench"), id)
                  .toStdString();
    const quint16 servePort = serveHttpPort(data.path());

    // Warm both paths, then alternate blocks.
    load(rovd.port(), predict, api.headers, 100);
    load(servePort, route, {}, 100);
    std::vector<double> viaRovd, direct;
    double rovdSeconds = 0, directSeconds = 0;
    for (int done = 0; done < kRequests; done += kBlock) {
        auto [ours, oursWall] = load(rovd.port(), predict, api.headers, kBlock);
        auto [theirs, theirsWall] = load(servePort, route, {}, kBlock);
        viaRovd.insert(viaRovd.end(), ours.begin(), ours.end());
        direct.insert(direct.end(), theirs.begin(), theirs.end());
        rovdSeconds += oursWall;
        directSeconds += theirsWall;
    }
    // One at a time: what the extra hop costs when nothing queues for the CPUs.
    std::vector<double> aloneRovd, aloneDirect;
    for (int block = 0; block < 4; ++block) {
        auto ours = load(rovd.port(), predict, api.headers, 50, 1).first;
        auto theirs = load(servePort, route, {}, 50, 1).first;
        aloneRovd.insert(aloneRovd.end(), ours.begin(), ours.end());
        aloneDirect.insert(aloneDirect.end(), theirs.begin(), theirs.end());
    }
    std::printf("one at a time: rovd p50 %.2f ms, Serve p50 %.2f ms, overhead %.2f ms\n",
                percentile(aloneRovd, 0.5), percentile(aloneDirect, 0.5),
                percentile(aloneRovd, 0.5) - percentile(aloneDirect, 0.5));
    const double rovdP50 = percentile(viaRovd, 0.5), serveP50 = percentile(direct, 0.5);
    const double rovdRps = double(viaRovd.size()) / rovdSeconds;
    const double directRps = double(direct.size()) / directSeconds;
    std::printf("predictions: %zu through rovd (%.0f/s), %zu straight to Serve (%.0f/s), "
                "concurrency %d\n",
                viaRovd.size(), rovdRps, direct.size(), directRps, kConcurrency);
    std::printf("predict: rovd_p50_ms=%.2f rovd_p99_ms=%.2f serve_p50_ms=%.2f "
                "overhead_p50_ms=%.2f rps_ratio=%.2f deploy_s=%.1f\n",
                rovdP50, percentile(viaRovd, 0.99), serveP50, rovdP50 - serveP50,
                rovdRps / directRps, deploySeconds);
    std::fflush(stdout);
    predictWhileUploading(rovd, folder, predict, api.headers);
    std::fflush(stdout);
    rovd.terminate();
    rov::test::killProcessesUnder(tempRoot);
    QDir(tempRoot).removeRecursively();
    return 0;
}
