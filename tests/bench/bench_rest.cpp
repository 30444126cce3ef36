// scripts/bench.sh rest: 5,000 small GETs at concurrency 64 against one local nginx, over HTTP/1.1
// keep-alive and over HTTP/2 (TLS), by our RestClient, by QNetworkAccessManager and by
// `curl --parallel --parallel-max 64`, in the same run. Each figure is the median of five rounds.
#include "nginxfixture.h"
#include "rest/restclient.h"
#include "testsupport.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSslConfiguration>
#include <QTemporaryFile>
#include <algorithm>
#include <cstdio>
#include <functional>

using namespace rov::rest;

namespace {

struct Settings
{
    int requests = 5000;
    int concurrency = 64;
    int rounds = 5;
};

struct RunResult
{
    double requestsPerSecond = 0;
    qint64 maxStallMs = 0;
    int failures = 0;
};

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench-rest: %s\n", qPrintable(why));
    std::exit(1);
}

// Keeps `concurrency` requests in flight until `requests` have been answered.
RunResult runClosedLoop(const Settings &settings,
                        const std::function<void(std::function<void(bool ok)>)> &sendOne)
{
    RunResult result;
    QEventLoop loop;
    int sent = 0, answered = 0;
    std::function<void(bool)> onAnswer;
    auto sendNext = [&] {
        ++sent;
        sendOne(onAnswer);
    };
    onAnswer = [&](bool ok) {
        ++answered;
        result.failures += ok ? 0 : 1;
        if (sent < settings.requests)
            sendNext();
        else if (answered == settings.requests)
            loop.quit();
    };
    QElapsedTimer clock;
    clock.start();
    for (int i = 0; i < std::min(settings.concurrency, settings.requests); ++i)
        sendNext();
    loop.exec();
    result.requestsPerSecond = settings.requests * 1000.0 / std::max<qint64>(1, clock.elapsed());
    return result;
}

RunResult runOurs(const Settings &settings, const QUrl &url, const QString &caFile)
{
    RestClientOptions options;
    options.maxConnectionsPerHost = settings.concurrency;
    options.maxTransfersInFlight = settings.concurrency;
    options.caBundleFile = caFile;
    RestClient client(options);
    rov::test::StallMeter stalls;
    RunResult result = runClosedLoop(settings, [&](std::function<void(bool)> done) {
        client.send(HttpRequest::get(url), &client, [done](const HttpResponse &response) {
            done(response.ok() && response.status == 200);
        });
    });
    result.maxStallMs = stalls.maxLateMs();
    return result;
}

RunResult runQnam(const Settings &settings, const QUrl &url, const QString &caFile)
{
    QNetworkAccessManager manager;
    QNetworkRequest request(url);
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.addCaCertificates(caFile);
    request.setSslConfiguration(tls);
    request.setAttribute(QNetworkRequest::Http2AllowedAttribute,
                         url.scheme() == QLatin1String("https"));
    return runClosedLoop(settings, [&](std::function<void(bool)> done) {
        QNetworkReply *reply = manager.get(request);
        QObject::connect(reply, &QNetworkReply::finished, reply, [reply, done] {
            reply->readAll();
            done(reply->error() == QNetworkReply::NoError);
            reply->deleteLater();
        });
    });
}

RunResult runCurlCli(const Settings &settings, const QUrl &url, const QString &caFile)
{
    QTemporaryFile config;
    if (!config.open())
        fail(QStringLiteral("cannot write curl's config file"));
    const QByteArray entry = "url = \"" + url.toEncoded() + "\"\noutput = \"/dev/null\"\n";
    for (int i = 0; i < settings.requests; ++i)
        config.write(entry);
    config.flush();
    QStringList arguments{QStringLiteral("--silent"),       QStringLiteral("--parallel"),
                          QStringLiteral("--parallel-max"), QString::number(settings.concurrency),
                          QStringLiteral("--write-out"),    QStringLiteral("%{http_code}\\n"),
                          QStringLiteral("--config"),       config.fileName()};
    if (url.scheme() == QLatin1String("https"))
        arguments << QStringLiteral("--http2") << QStringLiteral("--cacert") << caFile;
    else
        arguments << QStringLiteral("--http1.1");
    QProcess curl;
    QElapsedTimer clock;
    clock.start();
    curl.start(QStringLiteral("curl"), arguments);
    if (!curl.waitForFinished(300000) || curl.exitCode() != 0)
        fail(QStringLiteral("curl failed: %1")
                 .arg(QString::fromLocal8Bit(curl.readAllStandardError())));
    RunResult result;
    result.requestsPerSecond = settings.requests * 1000.0 / std::max<qint64>(1, clock.elapsed());
    result.failures = settings.requests - int(curl.readAllStandardOutput().count("200\n"));
    return result;
}

RunResult median(std::vector<RunResult> runs)
{
    std::sort(runs.begin(), runs.end(), [](const RunResult &a, const RunResult &b) {
        return a.requestsPerSecond < b.requestsPerSecond;
    });
    RunResult middle = runs[runs.size() / 2];
    for (const auto &run : runs)
        middle.maxStallMs = std::max(middle.maxStallMs, run.maxStallMs);
    return middle;
}

QString measure(const QString &label, const Settings &settings, const QUrl &url,
                const QString &caFile)
{
    using Runner = RunResult (*)(const Settings &, const QUrl &, const QString &);
    const std::pair<const char *, Runner> runners[] = {
        {"ours", runOurs}, {"qnam", runQnam}, {"curl", runCurlCli}};
    // Rounds interleave the three clients, so that a busy moment of the machine hits all of them.
    std::vector<RunResult> rounds[3];
    for (int round = 0; round < settings.rounds; ++round) {
        for (int i = 0; i < 3; ++i) {
            const RunResult run = runners[i].second(settings, url, caFile);
            if (run.failures > 0)
                fail(QStringLiteral("%1 %2: %3 requests failed")
                         .arg(label, QLatin1String(runners[i].first))
                         .arg(run.failures));
            std::printf("  %s round %d %s: %.0f req/s\n", qPrintable(label), round + 1,
                        runners[i].first, run.requestsPerSecond);
            rounds[i].push_back(run);
        }
    }
    const RunResult ours = median(rounds[0]), qnam = median(rounds[1]), curl = median(rounds[2]);
    return QStringLiteral("%1: ours=%2 qnam=%3 curl=%4 ratio_qnam=%5 ratio_curl=%6 max_stall_ms=%7")
        .arg(label)
        .arg(qRound(ours.requestsPerSecond))
        .arg(qRound(qnam.requestsPerSecond))
        .arg(qRound(curl.requestsPerSecond))
        .arg(ours.requestsPerSecond / qnam.requestsPerSecond, 0, 'f', 2)
        .arg(ours.requestsPerSecond / curl.requestsPerSecond, 0, 'f', 2)
        .arg(ours.maxStallMs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("REST client throughput: ours, QNetworkAccessManager, curl"));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("requests"), QStringLiteral("GETs per round"),
                      QStringLiteral("n"), QStringLiteral("5000")});
    parser.addOption({QStringLiteral("concurrency"), QStringLiteral("requests in flight"),
                      QStringLiteral("n"), QStringLiteral("64")});
    parser.addOption({QStringLiteral("rounds"), QStringLiteral("rounds per client (median)"),
                      QStringLiteral("n"), QStringLiteral("5")});
    parser.process(app);
    Settings settings{parser.value(QStringLiteral("requests")).toInt(),
                      parser.value(QStringLiteral("concurrency")).toInt(),
                      std::max(1, parser.value(QStringLiteral("rounds")).toInt())};

    rov::test::NginxFixture nginx;
    QString error;
    if (!nginx.start(&error))
        fail(error);
    std::printf("bench-rest: %d GETs of /small at concurrency %d, median of %d rounds, nginx on "
                "127.0.0.1\n",
                settings.requests, settings.concurrency, settings.rounds);
    const QString http2 = measure(QStringLiteral("rest-http2"), settings,
                                  nginx.tlsUrl(QStringLiteral("/small")), nginx.caFile());
    const QString http1 = measure(QStringLiteral("rest"), settings,
                                  nginx.plainUrl(QStringLiteral("/small")), nginx.caFile());
    std::printf("%s\n%s\n", qPrintable(http2), qPrintable(http1));
    return 0;
}
