// rovd: the local control plane. Serves the Vertex AI persistentResources API on 127.0.0.1 and
// runs every cluster as real Ray on this machine.
#include "localplane/clusters/clustermanager.h"
#include "localplane/diagnostics.h"
#include "localplane/logs/logcollector.h"
#include "localplane/logs/logstore.h"
#include "localplane/logs/logvolume.h"
#include "localplane/metrics/prometheussupervisor.h"
#include "localplane/metrics/rovdmetrics.h"
#include "localplane/server/accesslog.h"
#include "localplane/server/apirouter.h"
#include "localplane/server/apiserver.h"
#include "localplane/server/clustergateway.h"
#include "localplane/server/nodetokens.h"
#include "localplane/server/routetable.h"
#include "localplane/server/tokenstore.h"
#include "localplane/serving/servingmanager.h"
#include "localplane/state/directorylock.h"
#include "localplane/state/stateview.h"
#include "localplane/state/statewriter.h"
#include "localplane/state/store.h"
#include "localplane/storage/objectstore.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QStandardPaths>
#include <QThread>
#include <csignal>
#include <cstdio>
#include <mutex>
#include <sys/stat.h>
#include <unistd.h>

using namespace rov::localplane;

namespace {

[[noreturn]] void die(const QString &message)
{
    diagnostics::warn(message);
    std::exit(1);
}

int defaultMaxNodes()
{
    // Each node is a set of Ray processes: about 0.5 to 1.5 GB and a share of the CPU.
    const long pages = ::sysconf(_SC_PHYS_PAGES), pageSize = ::sysconf(_SC_PAGE_SIZE);
    const double gib = double(pages) * double(pageSize) / double(1LL << 30);
    const int byMemory = std::max(1, int((gib - 2.0) / 1.0));
    const int byCpu = 4 * std::max(1, QThread::idealThreadCount());
    return std::min(byMemory, byCpu);
}

// Ray's temp dirs of one data directory: short (Unix socket paths stay under ~100 bytes), and
// apart from those of a rovd with another data directory.
QString defaultTempRoot(const QString &dataDir)
{
    const QByteArray digest =
        QCryptographicHash::hash(dataDir.toUtf8(), QCryptographicHash::Sha1).toHex().left(8);
    return QStringLiteral("/tmp/rovd-%1-%2").arg(::getuid()).arg(QString::fromLatin1(digest));
}

// A folder of rovd's made private (0700). One that an older rovd made open (0755, with files
// 0644 in it) has everything below it made private too, once: after that its own mode says so.
void keepPrivate(const QString &folder)
{
    struct stat info
    {};
    if (::stat(QFile::encodeName(folder).constData(), &info) != 0 || (info.st_mode & 077) == 0)
        return;
    // Only a folder that is rovd's (new, or with rovd's files in it): a --data-dir that names a
    // folder of the user's is not made over.
    const QDir dir(folder);
    const bool rovds = dir.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot) ||
                       dir.exists(QStringLiteral(".rovd.lock")) ||
                       dir.exists(QStringLiteral("tokens"));
    if (!rovds) {
        diagnostics::warn(QStringLiteral("%1 can be read by other users; rovd keeps its files "
                                         "0600 in it, but the folder is not one rovd made, so "
                                         "it is left as it is")
                              .arg(folder));
        return;
    }
    QDirIterator entries(folder,
                         QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot,
                         QDirIterator::Subdirectories);
    while (entries.hasNext()) {
        const QString path = entries.next();
        struct stat entry
        {};
        if (::lstat(QFile::encodeName(path).constData(), &entry) != 0 || S_ISLNK(entry.st_mode))
            continue;
        ::chmod(QFile::encodeName(path).constData(), entry.st_mode & 0700);
    }
    ::chmod(QFile::encodeName(folder).constData(), 0700);
}

// librovloopback.so (src/localplane/loopback): in the build tree, build/lib beside build/bin;
// installed, lib/rov beside bin.
QString findLoopbackLibrary()
{
    const QDir bin(QCoreApplication::applicationDirPath());
    for (const QString &candidate :
         {QStringLiteral("../lib/librovloopback.so"),
          QStringLiteral("../lib/rov/librovloopback.so"), QStringLiteral("librovloopback.so")}) {
        const QFileInfo library(bin.filePath(candidate));
        if (library.isFile())
            return library.canonicalFilePath();
    }
    return {};
}

// rovd's address for the Ray nodes, set on the main thread once it listens and read on the
// clusters' thread as nodes start.
class StorageAddress
{
public:
    void set(const QString &url)
    {
        std::lock_guard lock(m_mutex);
        m_url = url;
    }
    QString get() const
    {
        std::lock_guard lock(m_mutex);
        return m_url;
    }

private:
    mutable std::mutex m_mutex;
    QString m_url;
};

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("rov"));
    QCoreApplication::setApplicationName(QStringLiteral("rovd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROV_VERSION));

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local control plane: the Vertex AI API over real Ray clusters"));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDir(
        QStringLiteral("data-dir"), QStringLiteral("State, tokens and node logs."),
        QStringLiteral("dir"),
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation));
    const QCommandLineOption listen(QStringLiteral("listen"),
                                    QStringLiteral("Address to serve on (port 0: any free port)."),
                                    QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8788"));
    const QCommandLineOption venv(QStringLiteral("ray-venv"),
                                  QStringLiteral("Python environment that holds Ray 2.47.1."),
                                  QStringLiteral("dir"), QStringLiteral(ROV_PYTHON_VENV));
    const QCommandLineOption maxNodes(QStringLiteral("max-nodes"),
                                      QStringLiteral("Ray nodes this machine hosts at most."),
                                      QStringLiteral("n"), QString::number(defaultMaxNodes()));
    const QCommandLineOption stopOnExit(
        QStringLiteral("stop-clusters-on-exit"),
        QStringLiteral("Stop every cluster's nodes when rovd stops (they start again with rovd)."));
    const QCommandLineOption tempRoot(
        QStringLiteral("temp-root"),
        QStringLiteral("Where Ray's temp dirs go; keep it short (Unix socket paths). Default: "
                       "/tmp/rovd-<uid>-<hash of the data dir>."),
        QStringLiteral("dir"));
    const QCommandLineOption idleSeconds(
        QStringLiteral("autoscale-idle-seconds"),
        QStringLiteral("An autoscaling pool stops a node that has been idle this long."),
        QStringLiteral("s"), QStringLiteral("60"));
    const QCommandLineOption operationDeadline(
        QStringLiteral("operation-deadline-seconds"),
        QStringLiteral("Every operation ends by then, with an error if its work is not done "
                       "(0: from the nodes it starts or stops)."),
        QStringLiteral("s"), QStringLiteral("0"));
    const QCommandLineOption prometheusProgram(
        QStringLiteral("prometheus"),
        QStringLiteral("The Prometheus that keeps the clusters' metrics (Debian's package)."),
        QStringLiteral("program"), QStringLiteral("/usr/bin/prometheus"));
    const QCommandLineOption retentionDays(
        QStringLiteral("metrics-retention-days"),
        QStringLiteral("Metrics older than this are removed, deleted clusters' too."),
        QStringLiteral("days"), QStringLiteral("15"));
    const QCommandLineOption retentionMb(
        QStringLiteral("metrics-retention-mb"),
        QStringLiteral("The oldest metrics are removed when they take more than this."),
        QStringLiteral("MB"), QStringLiteral("2048"));
    const QCommandLineOption alertRules(
        QStringLiteral("alert-rules"),
        QStringLiteral("Prometheus alerting rules to evaluate beside rovd's own (repeatable)."),
        QStringLiteral("file"));
    const QCommandLineOption costAlert(
        QStringLiteral("cost-alert-usd-per-hour"),
        QStringLiteral("A cluster whose nodes cost more per hour fires ClusterCostHigh (0: off)."),
        QStringLiteral("usd"), QStringLiteral("0"));
    const QCommandLineOption logRetentionDays(
        QStringLiteral("log-retention-days"),
        QStringLiteral("Log entries older than this are removed, deleted clusters' too."),
        QStringLiteral("days"), QStringLiteral("30"));
    const QCommandLineOption logRetentionMb(
        QStringLiteral("log-retention-mb"),
        QStringLiteral("The oldest log entries are removed when they take more than this."),
        QStringLiteral("MB"), QStringLiteral("2048"));
    const QCommandLineOption requestLimits(
        QStringLiteral("request-limits"),
        QStringLiteral("Requests each part of rovd answers at once (name some or all); past it, "
                       "503 with Retry-After. Default: %1.")
            .arg(RequestLimits::describe(RequestLimits::defaults(ApiServer::Settings{}.threads))),
        QStringLiteral("name=n,..."),
        RequestLimits::describe(RequestLimits::defaults(ApiServer::Settings{}.threads)));
    parser.addOptions({dataDir, listen, venv, maxNodes, stopOnExit, tempRoot, idleSeconds,
                       operationDeadline, prometheusProgram, retentionDays, retentionMb, alertRules,
                       costAlert, logRetentionDays, logRetentionMb, requestLimits});
    parser.process(app);

    // Everything rovd and its children write is theirs alone: files 0600, folders 0700 (tokens,
    // databases, objects, models, Ray's session files).
    ::umask(077);
    const QString data = QDir(parser.value(dataDir)).absolutePath();
    if (!QDir().mkpath(data))
        die(QStringLiteral("cannot create the data directory %1").arg(data));
    keepPrivate(data);
    const QString rayProgram = QDir(parser.value(venv)).filePath(QStringLiteral("bin/ray"));
    if (!QFile::exists(rayProgram))
        die(QStringLiteral("Ray is not installed at %1 (run scripts/setup.sh, or pass --ray-venv)")
                .arg(rayProgram));
    const QString address = parser.value(listen);
    const QString host = address.section(QLatin1Char(':'), 0, -2);
    bool portOk = false;
    const int port = address.section(QLatin1Char(':'), -1).toInt(&portOk);
    if (host.isEmpty() || !portOk || port < 0 || port > 65535)
        die(QStringLiteral("--listen wants host:port, not \"%1\"").arg(address));

    // Every Ray node gets it preloaded, or Ray would listen on every interface.
    const QString loopbackLibrary = findLoopbackLibrary();
    if (loopbackLibrary.isEmpty())
        die(QStringLiteral("librovloopback.so is missing (looked in %1/../lib and beside rovd): "
                           "without it Ray would listen on every interface; build it with rovd")
                .arg(QCoreApplication::applicationDirPath()));

    // A file-size limit (a full disk, in effect) makes writes fail with EFBIG instead of killing
    // rovd: the store reports the failure and rovd answers 503 until it goes away.
    std::signal(SIGXFSZ, SIG_IGN);
    const QString temp = parser.isSet(tempRoot) ? parser.value(tempRoot) : defaultTempRoot(data);
    QString error;
    const auto dataLock = DirectoryLock::acquire(data, &error);
    if (!dataLock)
        die(error);
    if (!QDir::isAbsolutePath(temp) || !QDir().mkpath(temp))
        die(QStringLiteral("cannot create the temp root %1 (it must be an absolute path)")
                .arg(temp));
    keepPrivate(temp);
    const auto tempLock = DirectoryLock::acquire(temp, &error);
    if (!tempLock)
        die(error + QStringLiteral(" (give each rovd its own --temp-root)"));
    const auto tokens =
        TokenStore::openOrCreate(QDir(data).filePath(QStringLiteral("tokens")), &error);
    if (!tokens)
        die(error);
    // Neither token is ever written to rovd's log, whatever message carries it.
    for (const Role role : {Role::Admin, Role::User})
        diagnostics::addSecret(tokens->tokenFor(role));
    const QString statePath = QDir(data).filePath(QStringLiteral("state.db"));
    const auto store = Store::open(statePath, &error);
    if (!store)
        die(error + QStringLiteral("; rovd leaves the file as it is: move it away to start "
                                   "afresh, or restore it"));
    const auto reader = Store::open(statePath, &error, Store::Access::ReadOnly);
    if (!reader)
        die(error);

    // Models and endpoints, served by a Ray instance of their own (started at the first deploy).
    serving::ServingSettings servingSettings;
    servingSettings.dataDir = data;
    servingSettings.storageRoot = QDir(data).filePath(QStringLiteral("storage"));
    servingSettings.instance.rayProgram = rayProgram;
    servingSettings.instance.tempDir = QDir(temp).filePath(QStringLiteral("serving"));
    servingSettings.instance.logFile = QDir(data).filePath(QStringLiteral("serving/ray.log"));
    servingSettings.instance.pythonPath = QDir(data).filePath(QStringLiteral("serving/python"));
    servingSettings.instance.loopbackLibrary = loopbackLibrary;
    servingSettings.stopInstanceOnExit = parser.isSet(stopOnExit);
    auto servingStore = Store::open(QDir(data).filePath(QStringLiteral("serving.db")), &error);
    if (!servingStore)
        die(error + QStringLiteral("; move the file away to start afresh"));
    serving::ServingManager servingManager(servingSettings, std::move(servingStore));
    ManagerSettings settings;
    settings.rayProgram = rayProgram;
    settings.dataDir = data;
    settings.tempRoot = temp;
    settings.loopbackLibrary = loopbackLibrary;
    settings.maxNodesTotal = std::max(1, parser.value(maxNodes).toInt());
    settings.support.maxNodesPerCluster = settings.maxNodesTotal;
    settings.autoscaleIdleTimeout =
        std::chrono::seconds(std::max(1, parser.value(idleSeconds).toInt()));
    settings.operationDeadline =
        std::chrono::seconds(std::max(0, parser.value(operationDeadline).toInt()));
    // The serving instance is no cluster's, and a restart keeps it.
    if (const qint64 group = servingManager.instanceProcessGroup())
        settings.otherProcessGroups.insert(group);
    settings.otherTempDirs.insert(servingSettings.instance.tempDir);
    // Jobs on a cluster reach gs:// through rovd: Google's client honours STORAGE_EMULATOR_HOST
    // and sends no credentials to an emulator, so a token rides in the path, and it is the
    // cluster's own (Cloud Storage and reading models, until the cluster is deleted), never the
    // user's. rovd's address is known once it listens; nodes started before have none.
    const auto nodeTokens =
        NodeTokens::openOrCreate(QDir(data).filePath(QStringLiteral("node-secret")), &error);
    if (!nodeTokens)
        die(error);
    StorageAddress storageAddress;
    settings.nodeEnvironment = [&storageAddress, &nodeTokens](const QString &cluster,
                                                              const QString &createTime) {
        std::map<QString, QString> environment;
        if (const QString base = storageAddress.get(); !base.isEmpty())
            environment[QStringLiteral("STORAGE_EMULATOR_HOST")] =
                base + QLatin1String(routes::kPathTokenPrefix) +
                QString::fromLatin1(nodeTokens->issue(cluster, createTime));
        return environment;
    };
    StateWriter writer(*store);
    StateView view;
    ClusterManager manager(settings, *store, writer, view);
    // Prometheus first: the clusters that restore() brings back are scraped from the start.
    metrics::PrometheusSettings metricsSettings;
    metricsSettings.program = parser.value(prometheusProgram);
    metricsSettings.directory = QDir(data).filePath(QStringLiteral("metrics"));
    metricsSettings.retentionDays = std::max(1, parser.value(retentionDays).toInt());
    metricsSettings.retentionMegabytes = std::max(64, parser.value(retentionMb).toInt());
    metricsSettings.webPassword = tokens->tokenFor(Role::User);
    for (const QString &rules : parser.values(alertRules)) {
        const QString path = QFileInfo(rules).absoluteFilePath();
        if (const QString problem =
                metrics::PrometheusSupervisor::checkRules(metricsSettings.program, path);
            !problem.isEmpty())
            die(problem);
        metricsSettings.extraRuleFiles << path;
    }
    metrics::PrometheusSupervisor prometheus(metricsSettings);
    // The clusters' nodes and the serving instance: one list for Prometheus, set on this thread.
    const auto scrapeAll = [&] {
        auto targets = metrics::scrapeTargetsOf(manager.topology());
        if (auto serving = servingManager.scrapeTarget())
            targets.push_back(std::move(*serving));
        prometheus.setClusters(std::move(targets));
    };
    QObject::connect(&manager, &ClusterManager::clustersChanged, &prometheus, scrapeAll);
    servingManager.setScrapeListener(
        [&prometheus, scrapeAll] { QMetaObject::invokeMethod(&prometheus, scrapeAll); });
    if (!prometheus.start(&error))
        diagnostics::warn(QStringLiteral("no metrics: ") + error);
    // The log store and its collector, on a thread of its own: reading files and indexing
    // text must not hold up the clusters' state machine.
    QDir().mkpath(QDir(data).filePath(QStringLiteral("logs")));
    const auto logStore =
        logs::LogStore::open(QDir(data).filePath(QStringLiteral("logs/logs.db")), &error);
    if (!logStore)
        die(error + QStringLiteral("; move the file away to start afresh"));
    logs::LogVolume logVolume;
    logs::LogRetention logRetention;
    logRetention.maxAge =
        std::chrono::hours(24 * std::max(1, parser.value(logRetentionDays).toInt()));
    logRetention.maxBytes =
        qint64(std::max(16, parser.value(logRetentionMb).toInt())) * 1024 * 1024;
    logs::LogCollector collector(*logStore, logVolume, logRetention);
    QThread logThread;
    logThread.setObjectName(QStringLiteral("rovd-logs"));
    collector.moveToThread(&logThread);
    QObject::connect(&collector, &logs::LogCollector::failed, &app, &diagnostics::warn);
    // The manager's state is read on its thread; the collector gets a copy.
    const auto sendClusters = [&collector](std::vector<logs::LogCluster> clusters) {
        QMetaObject::invokeMethod(&collector, [&collector, clusters = std::move(clusters)] {
            collector.setClusters(clusters);
        });
    };
    QObject::connect(&manager, &ClusterManager::clustersChanged, &app,
                     [&] { sendClusters(logs::logClustersOf(manager.topology())); });
    // Queued to the collector's thread; the manager waits, since the files go next.
    QObject::connect(&manager, &ClusterManager::removingFiles, &collector,
                     &logs::LogCollector::drain, Qt::BlockingQueuedConnection);
    logThread.start();
    QMetaObject::invokeMethod(&collector, &logs::LogCollector::start);

    const int restored = manager.restore();
    scrapeAll();
    sendClusters(logs::logClustersOf(manager.topology()));

    QFile openApi(QStringLiteral(":/openapi/rovd.json"));
    openApi.open(QIODevice::ReadOnly);
    ClusterGateway gateway(manager, view, *reader);
    metrics::RovdMetrics rovdMetrics;
    rovdMetrics.setCostAlertThreshold(std::max(0.0, parser.value(costAlert).toDouble()));
    QObject::connect(&manager, &ClusterManager::autoscaled, &manager,
                     [&](const QString &cluster, const QString &pool, bool up) {
                         rovdMetrics.recordScaling(cluster, pool, up ? "up" : "down");
                     });

    servingManager.setInstanceLostListener([&rovdMetrics] {
        rovdMetrics.recordNodeExit(QLatin1String(rov::api::vertex::serving::kServingScrapeId),
                                   QStringLiteral("serving"));
    });
    QObject::connect(&manager, &ClusterManager::nodeLost, &manager,
                     [&](const QString &cluster, const QString &pool) {
                         rovdMetrics.recordNodeExit(cluster, pool);
                     });
    servingManager.start();
    ApiRouter router(gateway, *tokens, openApi.readAll());
    router.setServing(&servingManager);
    storage::ObjectStore objectStore(servingSettings.storageRoot,
                                     QDir(data).filePath(QStringLiteral("storage-uploads")));
    router.setStorage(&objectStore);
    router.setPrometheus(&prometheus);
    router.setMetrics(&rovdMetrics, &view);
    router.setNodeTokens(&*nodeTokens, &view);
    router.setLogs(logStore.get());
    rovdMetrics.addSection([&logVolume] { return logVolume.render(); });
    rovdMetrics.addSection([&servingManager] { return servingManager.renderState(); });
    ApiServer::Settings serverSettings;
    serverSettings.limits = RequestLimits::parse(
        parser.value(requestLimits), RequestLimits::defaults(serverSettings.threads), &error);
    if (!serverSettings.limits)
        die(QStringLiteral("--request-limits: ") + error);
    // Who asked what and how it ended: route templates and roles, never a path or a token.
    AccessLog accessLog({QDir(data).filePath(QStringLiteral("logs/access.log"))});
    ApiServer server(router, serverSettings);
    server.setMetrics(&rovdMetrics);
    server.setAccessLog(&accessLog);
    if (!server.listen(host, quint16(port), &error))
        die(error);
    // The URL clients are told (links, upload sessions, the OpenAPI document): rovd's address,
    // never a Host header a request carried. A wildcard listener is told as loopback.
    const bool wildcard = host == QLatin1String("0.0.0.0") || host == QLatin1String("::") ||
                          host == QLatin1String("[::]");
    const QString publicUrl = QStringLiteral("http://%1:%2")
                                  .arg(wildcard ? QStringLiteral("127.0.0.1") : host)
                                  .arg(server.port());
    router.setPublicUrl(publicUrl);
    objectStore.setPublicBase(publicUrl);
    storageAddress.set(QStringLiteral("http://%1:%2").arg(host).arg(server.port()));
    // Prometheus reads rovd's own /metrics with the user role's token, from a file of its own.
    const QString scrapeToken =
        QDir(metricsSettings.directory).filePath(QStringLiteral("scrape-token"));
    if (QSaveFile tokenFile(scrapeToken);
        tokenFile.open(QIODevice::WriteOnly) &&
        tokenFile.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
        tokenFile.write(tokens->tokenFor(Role::User)) > 0 && tokenFile.commit())
        prometheus.setRovdTarget(QStringLiteral("%1:%2").arg(host).arg(server.port()), scrapeToken);

    SignalWatcher signalWatcher;
    QObject::connect(&signalWatcher, &SignalWatcher::terminationRequested, &app, [&] {
        server.stop();
        if (parser.isSet(stopOnExit)) {
            QObject::connect(&manager, &ClusterManager::allStopped, &app, &QCoreApplication::quit);
            manager.stopAll();
        } else {
            QCoreApplication::quit();
        }
    });

    std::printf("rovd ready: http://%s:%d token-file: %s data-dir: %s clusters: %d "
                "prometheus: 127.0.0.1:%d\n",
                qPrintable(host), server.port(), qPrintable(tokens->path()), qPrintable(data),
                restored, prometheus.port());
    std::fflush(stdout);
    const int status = app.exec();
    // The serving worker tells Prometheus no more: it goes before them.
    servingManager.setScrapeListener({});
    servingManager.stop();
    QMetaObject::invokeMethod(&collector, &logs::LogCollector::stop, Qt::BlockingQueuedConnection);
    logThread.quit();
    logThread.wait();
    return status;
}
