#include "prometheussupervisor.h"

#include "localplane/state/durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QHostAddress>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <QSaveFile>
#include <QTcpServer>
#include <algorithm>
#include <crypt.h>
#include <csignal>
#include <sys/prctl.h>

namespace rov::localplane::metrics {

namespace {

// A port free now on 127.0.0.1. Another program may take it before Prometheus binds it; then
// Prometheus exits and is started again on another.
quint16 freePort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

} // namespace

PrometheusSupervisor::PrometheusSupervisor(PrometheusSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings))
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &PrometheusSupervisor::launch);
    m_readyTimer.setInterval(300);
    connect(&m_readyTimer, &QTimer::timeout, this, &PrometheusSupervisor::probeReady);
}

PrometheusSupervisor::~PrometheusSupervisor()
{
    m_stopping = true;
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->terminate(); // Prometheus closes its storage cleanly on SIGTERM
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

QString PrometheusSupervisor::configPath() const
{
    return QDir(m_settings.directory).filePath(QStringLiteral("prometheus.yml"));
}

bool PrometheusSupervisor::start(QString *error)
{
    if (!QFileInfo(m_settings.program).isExecutable()) {
        *error = tr("Prometheus is not installed at %1 (Debian: apt install prometheus)")
                     .arg(m_settings.program);
        setProblem(*error);
        return false;
    }
    if (makeDirectories(QDir(m_settings.directory).filePath(QStringLiteral("tsdb"))) ||
        !writeShippedRules() || !writeWebConfig() || !writeConfig()) {
        *error = tr("Cannot write Prometheus' files under %1").arg(m_settings.directory);
        setProblem(*error);
        return false;
    }
    launch();
    return true;
}

void PrometheusSupervisor::launch()
{
    const quint16 port = freePort();
    auto *process = new QProcess(this);
    process->setProgram(m_settings.program);
    process->setArguments(
        {QStringLiteral("--config.file=%1").arg(configPath()),
         QStringLiteral("--storage.tsdb.path=%1")
             .arg(QDir(m_settings.directory).filePath(QStringLiteral("tsdb"))),
         QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
         QStringLiteral("--storage.tsdb.retention.time=%1d").arg(m_settings.retentionDays),
         QStringLiteral("--storage.tsdb.retention.size=%1MB").arg(m_settings.retentionMegabytes),
         QStringLiteral("--web.config.file=%1")
             .arg(QDir(m_settings.directory).filePath(QStringLiteral("web.yml"))),
         QStringLiteral("--log.level=warn")});
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(
        QDir(m_settings.directory).filePath(QStringLiteral("prometheus.log")), QIODevice::Append);
    // A rovd killed with SIGKILL takes its Prometheus along: the kernel sends it SIGTERM.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(process, &QProcess::finished, this, [this, process] { onFinished(process); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFinished(process);
    });
    m_process = process;
    m_runningFor.start();
    m_ready = false;
    m_reloadPending = false; // it reads the files as they are now
    process->start();
    m_port.store(port);
    m_readyTimer.start();
    setProblem({});
    Q_EMIT started(port);
}

void PrometheusSupervisor::onFinished(QProcess *process)
{
    if (process != m_process)
        return;
    m_port.store(0);
    m_readyTimer.stop();
    m_ready = false;
    process->deleteLater();
    m_process = nullptr;
    if (m_stopping)
        return;
    // A run that lasted a while was healthy: its next failure starts the backoff afresh.
    if (m_runningFor.elapsed() > 60000)
        m_backoff = kFirstBackoff;
    setProblem(tr("Prometheus stopped (%1); it starts again in %2 s")
                   .arg(process->exitStatus() == QProcess::CrashExit
                            ? tr("killed")
                            : tr("exit code %1").arg(process->exitCode()))
                   .arg(double(m_backoff.count()) / 1000.0));
    ++m_restarts;
    m_restartTimer.start(m_backoff);
    m_backoff = std::min(m_backoff * 2, kLongestBackoff);
}

void PrometheusSupervisor::setClusters(std::vector<ScrapeCluster> clusters)
{
    std::sort(clusters.begin(), clusters.end(),
              [](const auto &a, const auto &b) { return a.clusterId < b.clusterId; });
    if (clusters == m_clusters)
        return;
    m_clusters = std::move(clusters);
    if (writeConfig())
        reload();
}

void PrometheusSupervisor::setRovdTarget(const QString &hostPort, const QString &tokenFile)
{
    m_settings.scrape.rovdTarget = hostPort;
    m_settings.scrape.rovdTokenFile = tokenFile;
    if (writeConfig())
        reload();
}

// The rules rovd ships (resources/prometheus), copied beside the configuration so that an
// upgraded rovd brings its new rules along.
bool PrometheusSupervisor::writeShippedRules()
{
    QFile shipped(QStringLiteral(":/prometheus/ray-alerts.yml"));
    const QString path = QDir(m_settings.directory).filePath(QStringLiteral("ray-alerts.yml"));
    if (!shipped.open(QIODevice::ReadOnly) || writeFileDurably(path, shipped.readAll()))
        return false;
    m_settings.scrape.ruleFiles = QStringList{path} + m_settings.extraRuleFiles;
    return true;
}

QString PrometheusSupervisor::checkRules(const QString &prometheusProgram, const QString &file)
{
    if (!QFileInfo(file).isReadable())
        return tr("Cannot read the alerting rules %1").arg(file);
    const QString promtool =
        QFileInfo(prometheusProgram).dir().filePath(QStringLiteral("promtool"));
    if (!QFileInfo(promtool).isExecutable())
        return {}; // Prometheus itself says so when it starts
    QProcess check;
    check.setProcessChannelMode(QProcess::MergedChannels);
    check.start(promtool, {QStringLiteral("check"), QStringLiteral("rules"), file});
    if (!check.waitForFinished(30000))
        return tr("promtool did not check %1 in time").arg(file);
    if (check.exitStatus() == QProcess::NormalExit && check.exitCode() == 0)
        return {};
    return tr("Prometheus would refuse the alerting rules in %1: %2")
        .arg(file, QString::fromUtf8(check.readAll()).trimmed());
}

bool PrometheusSupervisor::writeConfig()
{
    return !writeFileDurably(configPath(), prometheusConfig(m_clusters, m_settings.scrape));
}

// basic_auth_users with a bcrypt hash (libxcrypt's "$2b$", which Prometheus' Go bcrypt reads) of
// rovd's password; Prometheus reads the file on every request.
bool PrometheusSupervisor::writeWebConfig()
{
    char salt[CRYPT_GENSALT_OUTPUT_SIZE];
    if (m_settings.webPassword.isEmpty() ||
        !::crypt_gensalt_rn("$2b$", 10, nullptr, 0, salt, sizeof(salt)))
        return false;
    crypt_data data{};
    const char *hash = ::crypt_r(m_settings.webPassword.constData(), salt, &data);
    if (!hash || hash[0] != '$')
        return false;
    const QByteArray config =
        QByteArray("# Written by rovd: its Prometheus answers rovd only.\nbasic_auth_users:\n  ") +
        kWebUser + ": " + QByteArray(hash) + '\n';
    return !writeFileDurably(QDir(m_settings.directory).filePath(QStringLiteral("web.yml")),
                             config);
}

void PrometheusSupervisor::probeReady()
{
    const quint16 port = m_port.load();
    if (!m_process || port == 0 || m_ready) {
        m_readyTimer.stop();
        return;
    }
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port)));
    request.setTransferTimeout(1000);
    QNetworkReply *reply = m_network.get(request);
    const QPointer<QProcess> process = m_process;
    connect(reply, &QNetworkReply::finished, this, [this, reply, process] {
        reply->deleteLater();
        const bool answered =
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
        if (!answered || m_ready || process != m_process)
            return;
        m_ready = true;
        m_readyTimer.stop();
        if (m_reloadPending)
            reload();
    });
}

// Prometheus reads its files again on SIGHUP; one still starting is told once it can take it.
void PrometheusSupervisor::reload()
{
    if (!m_process)
        return; // it reads the files when it starts
    if (!m_ready) {
        m_reloadPending = true;
        return;
    }
    m_reloadPending = false;
    if (const qint64 pid = m_process->processId(); pid > 0)
        ::kill(pid_t(pid), SIGHUP);
}

qint64 PrometheusSupervisor::pid() const
{
    return m_process ? m_process->processId() : 0;
}

QString PrometheusSupervisor::problem() const
{
    std::lock_guard lock(m_problemMutex);
    return m_problem;
}

void PrometheusSupervisor::setProblem(const QString &problem)
{
    std::lock_guard lock(m_problemMutex);
    m_problem = problem;
}

} // namespace rov::localplane::metrics
