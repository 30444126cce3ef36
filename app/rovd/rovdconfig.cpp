#include "rovdconfig.h"

#include "install/installlayout.h"
#include "localplane/server/apiserver.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QCryptographicHash>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>
#include <QThread>
#include <map>
#include <unistd.h>

namespace rov::localplane {

namespace {

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

struct Options
{
    QCommandLineOption dataDir{
        QStringLiteral("data-dir"), QStringLiteral("State, tokens and node logs."),
        QStringLiteral("dir"),
        QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation)};
    QCommandLineOption listen{QStringLiteral("listen"),
                              QStringLiteral("Address to serve on (port 0: any free port)."),
                              QStringLiteral("host:port"), QStringLiteral("127.0.0.1:8788")};
    QCommandLineOption venv{QStringLiteral("ray-venv"),
                            QStringLiteral("Python environment that holds Ray 2.47.1."),
                            QStringLiteral("dir"), install::defaultPythonEnvironment()};
    QCommandLineOption pythonRequirements{
        QStringLiteral("python-requirements"),
        QStringLiteral("The packages of a Python environment rovd makes (pip's requirements "
                       "format). Default: those pinned for this version (Ray 2.47.1 and what it "
                       "needs)."),
        QStringLiteral("file")};
    QCommandLineOption preparePython{
        QStringLiteral("prepare-python"),
        QStringLiteral("Make the Python environment (--ray-venv) if it is missing or was made for "
                       "other packages, say how far it is, then exit.")};
    QCommandLineOption maxNodes{QStringLiteral("max-nodes"),
                                QStringLiteral("Ray nodes this machine hosts at most."),
                                QStringLiteral("n"), QString::number(defaultMaxNodes())};
    QCommandLineOption stopOnExit{
        QStringLiteral("stop-clusters-on-exit"),
        QStringLiteral("Stop every cluster's nodes when rovd stops (they start again with rovd).")};
    QCommandLineOption tempRoot{
        QStringLiteral("temp-root"),
        QStringLiteral("Where Ray's temp dirs go; keep it short (Unix socket paths). Default: "
                       "/tmp/rovd-<uid>-<hash of the data dir>."),
        QStringLiteral("dir")};
    QCommandLineOption idleSeconds{
        QStringLiteral("autoscale-idle-seconds"),
        QStringLiteral("An autoscaling pool stops a node that has been idle this long."),
        QStringLiteral("s"), QStringLiteral("60")};
    QCommandLineOption operationDeadline{
        QStringLiteral("operation-deadline-seconds"),
        QStringLiteral("Every operation ends by then, with an error if its work is not done "
                       "(0: from the nodes it starts or stops)."),
        QStringLiteral("s"), QStringLiteral("0")};
    QCommandLineOption prometheusProgram{
        QStringLiteral("prometheus"),
        QStringLiteral("The Prometheus that keeps the clusters' metrics (Debian's package)."),
        QStringLiteral("program"), QStringLiteral("/usr/bin/prometheus")};
    QCommandLineOption retentionDays{
        QStringLiteral("metrics-retention-days"),
        QStringLiteral("Metrics older than this are removed, deleted clusters' too."),
        QStringLiteral("days"), QStringLiteral("15")};
    QCommandLineOption retentionMb{
        QStringLiteral("metrics-retention-mb"),
        QStringLiteral("The oldest metrics are removed when they take more than this."),
        QStringLiteral("MB"), QStringLiteral("2048")};
    QCommandLineOption alertRules{
        QStringLiteral("alert-rules"),
        QStringLiteral("Prometheus alerting rules to evaluate beside rovd's own (repeatable)."),
        QStringLiteral("file")};
    QCommandLineOption costAlert{
        QStringLiteral("cost-alert-usd-per-hour"),
        QStringLiteral("A cluster whose nodes cost more per hour fires ClusterCostHigh (0: off)."),
        QStringLiteral("usd"), QStringLiteral("0")};
    QCommandLineOption logRetentionDays{
        QStringLiteral("log-retention-days"),
        QStringLiteral("Log entries older than this are removed, deleted clusters' too."),
        QStringLiteral("days"), QStringLiteral("30")};
    QCommandLineOption logRetentionMb{
        QStringLiteral("log-retention-mb"),
        QStringLiteral("The oldest log entries are removed when they take more than this."),
        QStringLiteral("MB"), QStringLiteral("2048")};
    QCommandLineOption requestLimits{
        QStringLiteral("request-limits"),
        QStringLiteral("Requests each part of rovd answers at once (name some or all); past it, "
                       "503 with Retry-After. Default: %1.")
            .arg(defaultLimits()),
        QStringLiteral("name=n,..."), defaultLimits()};

    QCommandLineOption bigQueryReadPort{
        QStringLiteral("bigquery-read-port"),
        QStringLiteral("The port of BigQuery's Storage Read API (gRPC) on 127.0.0.1; 0: one free "
                       "when rovd starts (Ray nodes find it at their metadata server)."),
        QStringLiteral("port"), QStringLiteral("0")};

    static QString defaultLimits()
    {
        return RequestLimits::describe(RequestLimits::defaults(ApiServer::Settings{}.threads));
    }
    QList<QCommandLineOption> all() const
    {
        QList<QCommandLineOption> options{
            dataDir,           listen,         venv,          pythonRequirements, preparePython,
            maxNodes,          stopOnExit,     tempRoot,      idleSeconds,        operationDeadline,
            prometheusProgram, retentionDays,  retentionMb,   alertRules,         costAlert,
            logRetentionDays,  logRetentionMb, requestLimits, bigQueryReadPort};
        // --help (and the man page made from it) says every default; those that depend on the
        // user or the machine as a rule, not as this machine's value.
        const std::map<QString, QString> shown{
            {dataDir.names().front(), QStringLiteral("$XDG_DATA_HOME/rov/rovd "
                                                     "(~/.local/share/rov/rovd)")},
            {venv.names().front(), install::defaultPythonEnvironmentText()},
            {maxNodes.names().front(),
             QStringLiteral("one per GB of memory past 2 GB, at most four per core")}};
        for (QCommandLineOption &option : options) {
            if (option.description().contains(QLatin1String("Default:")) ||
                option.valueName().isEmpty())
                continue;
            const auto rule = shown.find(option.names().front());
            const QString value = rule != shown.end() ? rule->second
                                  : option.defaultValues().isEmpty()
                                      ? QStringLiteral("none")
                                      : option.defaultValues().join(QLatin1Char(','));
            option.setDescription(option.description() +
                                  QStringLiteral(" Default: %1.").arg(value));
        }
        return options;
    }
};

} // namespace

QString RovdConfig::inData(const QString &name) const
{
    return QDir(dataDir).filePath(name);
}

std::variant<RovdConfig, QString> RovdConfig::fromCommandLine(QCoreApplication &app)
{
    const Options options;
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Local control plane: the Vertex AI API over real Ray clusters"));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addOptions(options.all());
    parser.process(app);

    RovdConfig config;
    config.dataDir = QDir(parser.value(options.dataDir)).absolutePath();
    const QString address = parser.value(options.listen);
    config.host = address.section(QLatin1Char(':'), 0, -2);
    bool portOk = false;
    config.port = address.section(QLatin1Char(':'), -1).toInt(&portOk);
    if (config.host.isEmpty() || !portOk || config.port < 0 || config.port > 65535)
        return QStringLiteral("--listen wants host:port, not \"%1\"").arg(address);
    config.rayVenv = QDir(parser.value(options.venv)).absolutePath();
    config.rayProgram = QDir(config.rayVenv).filePath(QStringLiteral("bin/ray"));
    if (parser.isSet(options.pythonRequirements)) {
        config.pythonRequirements =
            QFileInfo(parser.value(options.pythonRequirements)).absoluteFilePath();
        if (!QFileInfo(config.pythonRequirements).isReadable())
            return QStringLiteral("--python-requirements: cannot read %1")
                .arg(config.pythonRequirements);
    }
    config.prepareOnly = parser.isSet(options.preparePython);
    config.maxNodes = std::max(1, parser.value(options.maxNodes).toInt());
    config.stopOnExit = parser.isSet(options.stopOnExit);
    config.tempRoot = parser.isSet(options.tempRoot) ? parser.value(options.tempRoot)
                                                     : defaultTempRoot(config.dataDir);
    if (!QDir::isAbsolutePath(config.tempRoot))
        return QStringLiteral("--temp-root must be an absolute path, not %1").arg(config.tempRoot);
    config.autoscaleIdle =
        std::chrono::seconds(std::max(1, parser.value(options.idleSeconds).toInt()));
    config.operationDeadline =
        std::chrono::seconds(std::max(0, parser.value(options.operationDeadline).toInt()));
    config.prometheusProgram = parser.value(options.prometheusProgram);
    config.metricsRetentionDays = std::max(1, parser.value(options.retentionDays).toInt());
    config.metricsRetentionMegabytes = std::max(64, parser.value(options.retentionMb).toInt());
    for (const QString &rules : parser.values(options.alertRules))
        config.alertRules << QFileInfo(rules).absoluteFilePath();
    config.costAlertUsdPerHour = std::max(0.0, parser.value(options.costAlert).toDouble());
    config.logRetentionDays = std::max(1, parser.value(options.logRetentionDays).toInt());
    config.logRetentionMegabytes = std::max(16, parser.value(options.logRetentionMb).toInt());
    QString error;
    const auto limits =
        RequestLimits::parse(parser.value(options.requestLimits),
                             RequestLimits::defaults(ApiServer::Settings{}.threads), &error);
    if (!limits)
        return QStringLiteral("--request-limits: ") + error;
    config.requestLimits = *limits;
    bool readPortOk = false;
    config.bigQueryReadPort = parser.value(options.bigQueryReadPort).toInt(&readPortOk);
    if (!readPortOk || config.bigQueryReadPort < 0 || config.bigQueryReadPort > 65535)
        return QStringLiteral("--bigquery-read-port wants a port (0 to 65535), not \"%1\"")
            .arg(parser.value(options.bigQueryReadPort));
    return config;
}

} // namespace rov::localplane
