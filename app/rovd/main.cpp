// rovd: the local control plane. Serves the Vertex AI persistentResources API on 127.0.0.1 and
// runs every cluster as real Ray on this machine.
#include "install/pythonenvironment.h"
#include "localplane/batch/batchmanager.h"
#include "localplane/bigquery/bigquerysupervisor.h"
#include "localplane/clusters/clustermanager.h"
#include "localplane/clusters/nodestartup.h"
#include "localplane/diagnostics.h"
#include "localplane/jsonlineslog.h"
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
#include "localplane/state/durablefile.h"
#include "localplane/state/stateview.h"
#include "localplane/state/statewriter.h"
#include "localplane/state/store.h"
#include "localplane/storage/objectstore.h"
#include "rest/jsonfields.h"
#include "rovdconfig.h"
#include "signalwatcher.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QEventLoop>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QScopeGuard>
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

// The Python environment Ray runs from, made when it is missing or was made by rovd for other
// packages (an upgrade); someone else's (the build tree's .venv) is used as it is. pip takes
// minutes: a line on standard output per step says how far it is (the console's rovd.log,
// systemd's journal). The reason it failed, or empty.
QString preparePythonEnvironment(const RovdConfig &config)
{
    using rov::install::PythonEnvironment;
    PythonEnvironment environment(config.rayVenv,
                                  config.pythonRequirements.isEmpty()
                                      ? PythonEnvironment::pinned()
                                      : PythonEnvironment::fromFile(config.pythonRequirements));
    const auto state = environment.state();
    if (state == PythonEnvironment::State::Ready || state == PythonEnvironment::State::Foreign)
        return {};
    QEventLoop loop;
    QString error;
    QObject::connect(&environment, &PythonEnvironment::progress,
                     [](int done, int total, const QString &text) {
                         const QString line =
                             total > 0 ? QStringLiteral("rovd: Python environment %1/%2: %3\n")
                                             .arg(done)
                                             .arg(total)
                                             .arg(text)
                                       : QStringLiteral("rovd: Python environment: %1\n").arg(text);
                         std::fputs(line.toUtf8().constData(), stdout);
                         std::fflush(stdout);
                     });
    QObject::connect(&environment, &PythonEnvironment::finished, &loop, [&](const QString &reason) {
        error = reason;
        loop.quit();
    });
    environment.prepare();
    if (environment.isRunning())
        loop.exec();
    return error;
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
// installed, the package's private library folder beside bin (ROV_PRIVATE_LIBDIR).
QString findLoopbackLibrary()
{
    const QDir bin(QCoreApplication::applicationDirPath());
    for (const QString &candidate : {QStringLiteral("../lib/librovloopback.so"),
                                     QStringLiteral("../" ROV_PRIVATE_LIBDIR "/librovloopback.so"),
                                     QStringLiteral("librovloopback.so")}) {
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

serving::ServingSettings servingSettingsOf(const RovdConfig &config, const QString &loopbackLibrary)
{
    serving::ServingSettings settings;
    settings.dataDir = config.dataDir;
    settings.storageRoot = config.inData(QStringLiteral("storage"));
    settings.instance.rayProgram = config.rayProgram;
    settings.instance.tempDir = QDir(config.tempRoot).filePath(QStringLiteral("serving"));
    settings.instance.logFile = config.inData(QStringLiteral("serving/ray.log"));
    settings.instance.pythonPath = config.inData(QStringLiteral("serving/python"));
    settings.instance.loopbackLibrary = loopbackLibrary;
    settings.stopInstanceOnExit = config.stopOnExit;
    return settings;
}

batch::BatchSettings batchSettingsOf(const RovdConfig &config, const QString &loopbackLibrary)
{
    batch::BatchSettings settings;
    settings.dataDir = config.dataDir;
    settings.storageRoot = config.inData(QStringLiteral("storage"));
    settings.python = QFileInfo(config.rayProgram).dir().filePath(QStringLiteral("python"));
    settings.instance.rayProgram = config.rayProgram;
    settings.instance.tempDir = QDir(config.tempRoot).filePath(QStringLiteral("batch"));
    settings.instance.logFile = config.inData(QStringLiteral("batch/ray.log"));
    settings.instance.pythonPath = config.inData(QStringLiteral("batch/python"));
    settings.instance.loopbackLibrary = loopbackLibrary;
    settings.instance.nodeIp = QLatin1String(kBatchNodeIp);
    settings.instance.label = QStringLiteral("batch instance");
    settings.instance.objectStoreBytes = 256LL * 1024 * 1024;
    settings.stopInstanceOnExit = config.stopOnExit;
    return settings;
}

// What a batch job needs of a registered model.
std::optional<batch::ModelArtifact> modelArtifact(const serving::ServingManager &serving,
                                                  const QString &name)
{
    const auto doc = serving.storedModel(name);
    if (!doc)
        return std::nullopt;
    const auto text = [&](const char *key) { return rov::rest::stringMember(*doc, key); };
    return batch::ModelArtifact{text("displayName"), text("rovArtifactDir"), text("rovFramework"),
                                text("rovFile")};
}

ManagerSettings managerSettingsOf(const RovdConfig &config, const QString &loopbackLibrary)
{
    ManagerSettings settings;
    settings.rayProgram = config.rayProgram;
    settings.dataDir = config.dataDir;
    settings.tempRoot = config.tempRoot;
    settings.loopbackLibrary = loopbackLibrary;
    settings.maxNodesTotal = config.maxNodes;
    settings.support.maxNodesPerCluster = settings.maxNodesTotal;
    settings.autoscaleIdleTimeout = config.autoscaleIdle;
    settings.operationDeadline = config.operationDeadline;
    return settings;
}

// Prometheus as rovd runs it; rules of the user's that Prometheus would refuse stop rovd here.
metrics::PrometheusSettings prometheusSettingsOf(const RovdConfig &config,
                                                 const QByteArray &webPassword)
{
    metrics::PrometheusSettings settings;
    settings.program = config.prometheusProgram;
    settings.directory = config.inData(QStringLiteral("metrics"));
    settings.retentionDays = config.metricsRetentionDays;
    settings.retentionMegabytes = config.metricsRetentionMegabytes;
    settings.webPassword = webPassword;
    for (const QString &path : config.alertRules) {
        if (const QString problem =
                metrics::PrometheusSupervisor::checkRules(settings.program, path);
            !problem.isEmpty())
            die(problem);
        settings.extraRuleFiles << path;
    }
    return settings;
}

logs::LogRetention logRetentionOf(const RovdConfig &config)
{
    logs::LogRetention retention;
    retention.maxAge = std::chrono::hours(24 * config.logRetentionDays);
    retention.maxBytes = qint64(config.logRetentionMegabytes) * 1024 * 1024;
    return retention;
}

} // namespace

int main(int argc, char *argv[])
{
    // Qt's own warnings, and every part's, as rovd's lines: redacted, whole, categorised.
    diagnostics::installMessageHandler();
    QCoreApplication app(argc, argv);
    QCoreApplication::setOrganizationName(QStringLiteral("rov"));
    QCoreApplication::setApplicationName(QStringLiteral("rovd"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROV_VERSION));

    const auto read = RovdConfig::fromCommandLine(app);
    if (const auto *problem = std::get_if<QString>(&read))
        die(*problem);
    const RovdConfig &config = std::get<RovdConfig>(read);

    // Everything rovd and its children write is theirs alone: files 0600, folders 0700 (tokens,
    // databases, objects, models, Ray's session files).
    ::umask(077);
    const QString &data = config.dataDir;
    if (!QDir().mkpath(data))
        die(QStringLiteral("cannot create the data directory %1").arg(data));
    keepPrivate(data);
    if (const QString error = preparePythonEnvironment(config); !error.isEmpty())
        die(error);
    if (config.prepareOnly)
        return 0;
    if (!QFile::exists(config.rayProgram))
        die(QStringLiteral("Ray is not installed at %1 (run scripts/setup.sh, or pass --ray-venv)")
                .arg(config.rayProgram));
    const QString &host = config.host;

    // Every Ray node gets it preloaded, or Ray would listen on every interface.
    const QString loopbackLibrary = findLoopbackLibrary();
    if (loopbackLibrary.isEmpty())
        die(QStringLiteral("librovloopback.so is missing (looked in %1/../lib, "
                           "../" ROV_PRIVATE_LIBDIR " and beside rovd): without it Ray would "
                           "listen on every interface; build it with rovd")
                .arg(QCoreApplication::applicationDirPath()));

    // A file-size limit (a full disk, in effect) makes writes fail with EFBIG instead of killing
    // rovd: the store reports the failure and rovd answers 503 until it goes away.
    std::signal(SIGXFSZ, SIG_IGN);
    const QString &temp = config.tempRoot;
    QString error;
    const auto dataLock = DirectoryLock::acquire(data, &error);
    if (!dataLock)
        die(error);
    // What rovd says of itself, kept beside the access log (this rovd holds the folder now).
    JsonLinesLog eventLog({config.inData(QStringLiteral("logs/events.log"))});
    diagnostics::setEventLog(&eventLog);
    const auto forgetEventLog = qScopeGuard([] { diagnostics::setEventLog(nullptr); });
    if (!QDir().mkpath(temp))
        die(QStringLiteral("cannot create the temp root %1").arg(temp));
    keepPrivate(temp);
    const auto tempLock = DirectoryLock::acquire(temp, &error);
    if (!tempLock)
        die(error + QStringLiteral(" (give each rovd its own --temp-root)"));
    const auto tokens = TokenStore::openOrCreate(config.inData(QStringLiteral("tokens")), &error);
    if (!tokens)
        die(error);
    // Neither token is ever written to rovd's log, whatever message carries it.
    for (const Role role : {Role::Admin, Role::User})
        diagnostics::addSecret(tokens->tokenFor(role));
    const QString statePath = config.inData(QStringLiteral("state.db"));
    const auto store = Store::open(statePath, &error);
    if (!store)
        die(error + QStringLiteral("; rovd leaves the file as it is: move it away to start "
                                   "afresh, or restore it"));
    const auto reader = Store::open(statePath, &error, Store::Access::ReadOnly);
    if (!reader)
        die(error);

    // Models and endpoints, served by a Ray instance of their own (started at the first deploy).
    const serving::ServingSettings servingSettings = servingSettingsOf(config, loopbackLibrary);
    auto servingStore = Store::open(config.inData(QStringLiteral("serving.db")), &error);
    if (!servingStore)
        die(error + QStringLiteral("; move the file away to start afresh"));
    serving::ServingManager servingManager(servingSettings, std::move(servingStore));
    ManagerSettings settings = managerSettingsOf(config, loopbackLibrary);
    // The serving instance is no cluster's, and a restart keeps it.
    if (const qint64 group = servingManager.instanceProcessGroup())
        settings.otherProcessGroups.insert(group);
    settings.otherTempDirs.insert(servingSettings.instance.tempDir);
    // Batch prediction jobs, on a Ray instance of their own (started when a job waits).
    const batch::BatchSettings batchSettings = batchSettingsOf(config, loopbackLibrary);
    auto batchStore = Store::open(config.inData(QStringLiteral("batch.db")), &error);
    if (!batchStore)
        die(error + QStringLiteral("; move the file away to start afresh"));
    batch::BatchManager batchManager(
        batchSettings, std::move(batchStore),
        [&servingManager](const QString &name) { return modelArtifact(servingManager, name); });
    if (const qint64 group = batchManager.instanceProcessGroup())
        settings.otherProcessGroups.insert(group);
    settings.otherTempDirs.insert(batchSettings.instance.tempDir);
    // Jobs on a cluster reach gs:// through rovd: Google's client honours STORAGE_EMULATOR_HOST
    // and sends no credentials to an emulator, so a token rides in the path, and it is the
    // cluster's own (Cloud Storage and reading models, until the cluster is deleted), never the
    // user's. rovd's address is known once it listens; nodes started before have none.
    const auto nodeTokens =
        NodeTokens::openOrCreate(config.inData(QStringLiteral("node-secret")), &error);
    if (!nodeTokens)
        die(error);
    // The same token reaches their metadata server (google.auth.default() in a job, as on
    // Vertex) and BigQuery, through the start-up code every Python on a node runs.
    StorageAddress storageAddress;
    const QString nodeStartupDir = config.inData(QStringLiteral("node-python"));
    if (const QString problem = writeNodeStartup(nodeStartupDir); !problem.isEmpty())
        diagnostics::warn(diagnostics::lcRovd(), problem);
    const QString nodeGcloudDir = config.inData(QStringLiteral("node-gcloud"));
    if (makeDirectories(nodeGcloudDir))
        die(QStringLiteral("Cannot make ") + nodeGcloudDir);
    settings.nodeEnvironment = [&storageAddress, &nodeTokens, nodeStartupDir,
                                nodeGcloudDir](const QString &cluster, const QString &createTime) {
        return nodeStartupEnvironment({storageAddress.get(), nodeStartupDir, nodeGcloudDir},
                                      nodeTokens->issue(cluster, createTime));
    };
    StateWriter writer(*store);
    StateView view;
    ClusterManager manager(settings, *store, writer, view);
    // Prometheus first: the clusters that restore() brings back are scraped from the start.
    const metrics::PrometheusSettings metricsSettings =
        prometheusSettingsOf(config, tokens->tokenFor(Role::User));
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
        diagnostics::warn(diagnostics::lcMetrics(), QStringLiteral("no metrics: ") + error);
    // BigQuery: rovd's service on DuckDB, in the Python environment that runs Ray.
    // Started once rovd listens: its Storage Read API asks rovd about the tokens it is sent.
    bigquery::BigQuerySupervisor bigQuery(
        {QFileInfo(config.rayProgram).dir().filePath(QStringLiteral("python")),
         config.inData(QStringLiteral("bigquery")), config.inData(QStringLiteral("storage")),
         quint16(config.bigQueryReadPort)});
    // The log store and its collector, on a thread of its own: reading files and indexing
    // text must not hold up the clusters' state machine.
    QDir().mkpath(config.inData(QStringLiteral("logs")));
    const auto logStore =
        logs::LogStore::open(config.inData(QStringLiteral("logs/logs.db")), &error);
    if (!logStore)
        die(error + QStringLiteral("; move the file away to start afresh"));
    logs::LogVolume logVolume;
    const logs::LogRetention logRetention = logRetentionOf(config);
    logs::LogCollector collector(*logStore, logVolume, logRetention);
    collector.followRovdLogs(config.inData(QStringLiteral("logs")));
    QThread logThread;
    logThread.setObjectName(QStringLiteral("rovd-logs"));
    collector.moveToThread(&logThread);
    QObject::connect(&collector, &logs::LogCollector::failed, &app, [](const QString &problem) {
        diagnostics::warn(diagnostics::lcLogs(), problem);
    });
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
    rovdMetrics.setCostAlertThreshold(config.costAlertUsdPerHour);
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
    batchManager.start();
    router.setBatch(&batchManager);
    storage::ObjectStore objectStore(servingSettings.storageRoot,
                                     config.inData(QStringLiteral("storage-uploads")));
    router.setStorage(&objectStore);
    router.setPrometheus(&prometheus);
    router.setBigQuery(&bigQuery);
    router.setMetrics(&rovdMetrics, &view);
    router.setNodeTokens(&*nodeTokens, &view);
    router.setLogs(logStore.get());
    rovdMetrics.addSection([&logVolume] { return logVolume.render(); });
    rovdMetrics.addSection([&servingManager] { return servingManager.renderState(); });
    ApiServer::Settings serverSettings;
    serverSettings.limits = config.requestLimits;
    // Who asked what and how it ended: route templates and roles, never a path or a token.
    AccessLog accessLog({config.inData(QStringLiteral("logs/access.log"))});
    ApiServer server(router, serverSettings);
    server.setMetrics(&rovdMetrics);
    server.setAccessLog(&accessLog);
    if (!server.listen(host, quint16(config.port), &error))
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
    if (!bigQuery.start(publicUrl, &error))
        diagnostics::warn(diagnostics::lcRovd(), QStringLiteral("no BigQuery: ") + error);
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
        diagnostics::note(diagnostics::lcRovd(),
                          config.stopOnExit ? QStringLiteral("rovd is stopping, and its clusters")
                                            : QStringLiteral("rovd is stopping; its clusters "
                                                             "keep running"));
        server.stop();
        if (config.stopOnExit) {
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
    diagnostics::note(diagnostics::lcRovd(),
                      QStringLiteral("rovd %1 started on %2; clusters restored: %3")
                          .arg(QCoreApplication::applicationVersion(), publicUrl)
                          .arg(restored));
    const int status = app.exec();
    // The serving worker tells Prometheus no more: it goes before them.
    servingManager.setScrapeListener({});
    servingManager.stop();
    QMetaObject::invokeMethod(&collector, &logs::LogCollector::stop, Qt::BlockingQueuedConnection);
    logThread.quit();
    logThread.wait();
    return status;
}
