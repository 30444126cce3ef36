// rovd: the local control plane. Serves the Vertex AI persistentResources API on 127.0.0.1 and
// runs every cluster as real Ray on this machine.
#include "localplane/apirouter.h"
#include "localplane/apiserver.h"
#include "localplane/clustermanager.h"
#include "localplane/store.h"
#include "localplane/tokenstore.h"
#include "signalwatcher.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QThread>
#include <cstdio>
#include <unistd.h>

using namespace rov::localplane;

namespace {

[[noreturn]] void die(const QString &message)
{
    std::fprintf(stderr, "rovd: %s\n", qPrintable(message));
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
        QStringLiteral("Where Ray's temp dirs go; keep it short (Unix socket paths)."),
        QStringLiteral("dir"), QStringLiteral("/tmp/rovd-%1").arg(::getuid()));
    const QCommandLineOption idleSeconds(
        QStringLiteral("autoscale-idle-seconds"),
        QStringLiteral("An autoscaling pool stops a node that has been idle this long."),
        QStringLiteral("s"), QStringLiteral("60"));
    parser.addOptions({dataDir, listen, venv, maxNodes, stopOnExit, tempRoot, idleSeconds});
    parser.process(app);

    const QString data = QDir(parser.value(dataDir)).absolutePath();
    if (!QDir().mkpath(data))
        die(QStringLiteral("cannot create the data directory %1").arg(data));
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

    QString error;
    const auto tokens =
        TokenStore::openOrCreate(QDir(data).filePath(QStringLiteral("tokens")), &error);
    if (!tokens)
        die(error);
    const auto store = Store::open(QDir(data).filePath(QStringLiteral("state.db")), &error);
    if (!store)
        die(error);

    ManagerSettings settings;
    settings.rayProgram = rayProgram;
    settings.dataDir = data;
    settings.tempRoot = parser.value(tempRoot);
    settings.maxNodesTotal = std::max(1, parser.value(maxNodes).toInt());
    settings.support.maxNodesPerCluster = settings.maxNodesTotal;
    settings.autoscaleIdleTimeout =
        std::chrono::seconds(std::max(1, parser.value(idleSeconds).toInt()));
    ClusterManager manager(settings, *store);
    const int restored = manager.restore();

    QFile openApi(QStringLiteral(":/openapi/rovd.json"));
    openApi.open(QIODevice::ReadOnly);
    ApiRouter router(manager, *tokens, openApi.readAll());
    ApiServer server(router);
    if (!server.listen(host, quint16(port), &error))
        die(error);

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

    std::printf("rovd ready: http://%s:%d token-file: %s data-dir: %s clusters: %d\n",
                qPrintable(host), server.port(), qPrintable(tokens->path()), qPrintable(data),
                restored);
    std::fflush(stdout);
    return app.exec();
}
