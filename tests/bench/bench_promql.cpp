// scripts/bench.sh promql: what rovd's PromQL API costs on top of its Prometheus. Six hours of
// 10 series (one sample every 5 s, as rovd scrapes) are written as TSDB blocks with promtool
// before rovd starts; then 500 range queries over the six hours (a step for a 1,000-pixel chart)
// go through rovd (bearer token, the route, the proxy) and, interleaved, straight to its
// Prometheus, both over one keep-alive connection each. The last line:
// promql: rovd_p50_ms=<x> rovd_p99_ms=<x> direct_p50_ms=<x> overhead_ratio=<x>
#include "rovdfixture.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QThread>
#include <QUrl>
#include <algorithm>
#include <cstdio>
#include <httplib.h>

namespace {

constexpr int kQueries = 500;
constexpr int kSeries = 10;
constexpr qint64 kHours = 6;
constexpr qint64 kScrapeSeconds = 5;

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench-promql: %s\n", qPrintable(why));
    std::exit(1);
}

// Six hours that end now, in OpenMetrics text, made into blocks under `tsdb`.
void backfill(const QString &tsdb, qint64 now)
{
    QTemporaryDir scratch;
    const QString input = scratch.filePath(QStringLiteral("series.om"));
    QFile file(input);
    if (!file.open(QIODevice::WriteOnly))
        fail(QStringLiteral("cannot write %1").arg(input));
    file.write("# HELP bench_load A load that wanders.\n# TYPE bench_load gauge\n");
    for (int s = 0; s < kSeries; ++s) {
        const QByteArray labels =
            "{ray_io_cluster=\"bench\",instance=\"10.0.0." + QByteArray::number(s) + ":8080\"}";
        // Whole hours back from a round time: blocks stay inside the backfilled range.
        for (qint64 t = now - kHours * 3600; t < now - 60; t += kScrapeSeconds)
            file.write("bench_load" + labels + ' ' + QByteArray::number((t / 7 + s * 13) % 100) +
                       ' ' + QByteArray::number(t) + '\n');
    }
    file.write("# EOF\n");
    file.close();
    QDir().mkpath(tsdb);
    QProcess promtool;
    promtool.setProcessChannelMode(QProcess::MergedChannels);
    promtool.start(QStringLiteral("/usr/bin/promtool"),
                   {QStringLiteral("tsdb"), QStringLiteral("create-blocks-from"),
                    QStringLiteral("openmetrics"), input, tsdb});
    if (!promtool.waitForFinished(300000) || promtool.exitCode() != 0)
        fail(QStringLiteral("promtool could not write the blocks: %1")
                 .arg(QString::fromUtf8(promtool.readAll())));
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size())))];
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QTemporaryDir data;
    const QString tempRoot = QStringLiteral("/tmp/rovbp-%1").arg(app.applicationPid());
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    backfill(QDir(data.path()).filePath(QStringLiteral("metrics/tsdb")), now);
    rov::test::RovdFixture rovd(data.path(), tempRoot);
    QString error;
    if (!rovd.start(&error))
        fail(error);
    if (rovd.prometheusPort() == 0)
        fail(QStringLiteral("rovd runs no Prometheus"));

    const std::string form =
        "query=" + QUrl::toPercentEncoding(QStringLiteral("bench_load")).toStdString() +
        "&start=" + std::to_string(now - kHours * 3600) + "&end=" + std::to_string(now) +
        "&step=" + std::to_string(kHours * 3600 / 1000);
    httplib::Client viaRovd("127.0.0.1", rovd.port());
    viaRovd.set_keep_alive(true);
    viaRovd.set_tcp_nodelay(true); // no Nagle wait between a request's header and its form
    viaRovd.set_bearer_token_auth(rovd.userToken().toStdString());
    httplib::Client direct("127.0.0.1", rovd.prometheusPort());
    direct.set_keep_alive(true);
    direct.set_tcp_nodelay(true);
    // rovd's Prometheus answers rovd only: basic auth with the user token.
    direct.set_basic_auth("rovd", rovd.userToken().toStdString());
    const std::string rovdPath = "/v1/projects/bench/location/global/prometheus/api/v1/query_range";
    const std::string directPath = "/api/v1/query_range";
    const auto timed = [&form](httplib::Client &client, const std::string &path, size_t *bytes) {
        QElapsedTimer clock;
        clock.start();
        const auto answer = client.Post(path, form, "application/x-www-form-urlencoded");
        const double ms = double(clock.nsecsElapsed()) / 1e6;
        if (!answer || answer->status != 200)
            fail(QStringLiteral("%1 answered %2: %3")
                     .arg(QString::fromStdString(path))
                     .arg(answer ? answer->status : 0)
                     .arg(answer ? QString::fromStdString(answer->body.substr(0, 300))
                                 : QStringLiteral("nothing")));
        *bytes = answer->body.size();
        return ms;
    };
    // Prometheus reads the blocks as it starts: wait until it answers the whole range.
    size_t bytes = 0;
    for (int i = 0; i < 120; ++i) {
        const auto answer = direct.Post(directPath, form, "application/x-www-form-urlencoded");
        if (answer && answer->status == 200 &&
            answer->body.find("10.0.0.9:8080") != std::string::npos)
            break;
        QThread::msleep(500);
    }
    for (int i = 0; i < 20; ++i) { // warm both paths
        timed(viaRovd, rovdPath, &bytes);
        timed(direct, directPath, &bytes);
    }
    std::vector<double> throughRovd, straight;
    for (int i = 0; i < kQueries; ++i) {
        throughRovd.push_back(timed(viaRovd, rovdPath, &bytes));
        straight.push_back(timed(direct, directPath, &bytes));
    }
    rovd.terminate();
    rov::test::killProcessesUnder(tempRoot);
    QDir(tempRoot).removeRecursively();

    const double rovdP50 = percentile(throughRovd, 0.5);
    const double directP50 = percentile(straight, 0.5);
    std::printf("promql: %d range queries of %d series over %lld h (%zu bytes each); direct "
                "p99_ms=%.2f\n",
                kQueries, kSeries, kHours, bytes, percentile(straight, 0.99));
    std::printf("promql: rovd_p50_ms=%.2f rovd_p99_ms=%.2f direct_p50_ms=%.2f "
                "overhead_ratio=%.2f\n",
                rovdP50, percentile(throughRovd, 0.99), directP50, rovdP50 / directP50);
    return 0;
}
