#include "prometheussupervisor.h"

#include "localplane/state/durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QProcess>
#include <algorithm>
#include <crypt.h>
#include <csignal>

namespace rov::localplane::metrics {

PrometheusSupervisor::PrometheusSupervisor(PrometheusSettings settings, QObject *parent)
    : QObject(parent), m_settings(std::move(settings)),
      m_child({QStringLiteral("Prometheus"), m_settings.program,
               [this](quint16 port) { return arguments(port); },
               QProcessEnvironment::systemEnvironment(),
               QDir(m_settings.directory).filePath(QStringLiteral("prometheus.log"))})
{
    m_readyTimer.setInterval(300);
    connect(&m_readyTimer, &QTimer::timeout, this, &PrometheusSupervisor::probeReady);
    connect(&m_child, &SupervisedChild::started, this, &PrometheusSupervisor::onStarted);
    connect(&m_child, &SupervisedChild::stopped, this, [this] {
        m_readyTimer.stop();
        m_ready = false;
    });
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
        m_child.setProblem(*error);
        return false;
    }
    if (makeDirectories(QDir(m_settings.directory).filePath(QStringLiteral("tsdb"))) ||
        !writeShippedRules() || !writeWebConfig() || !writeConfig()) {
        *error = tr("Cannot write Prometheus' files under %1").arg(m_settings.directory);
        m_child.setProblem(*error);
        return false;
    }
    m_child.start();
    return true;
}

QStringList PrometheusSupervisor::arguments(quint16 port) const
{
    const QDir directory(m_settings.directory);
    return {
        QStringLiteral("--config.file=%1").arg(configPath()),
        QStringLiteral("--storage.tsdb.path=%1").arg(directory.filePath(QStringLiteral("tsdb"))),
        QStringLiteral("--web.listen-address=127.0.0.1:%1").arg(port),
        QStringLiteral("--storage.tsdb.retention.time=%1d").arg(m_settings.retentionDays),
        QStringLiteral("--storage.tsdb.retention.size=%1MB").arg(m_settings.retentionMegabytes),
        QStringLiteral("--web.config.file=%1").arg(directory.filePath(QStringLiteral("web.yml"))),
        QStringLiteral("--log.level=warn")};
}

void PrometheusSupervisor::onStarted(quint16 port)
{
    m_ready = false;
    m_reloadPending = false; // it reads the files as they are now
    m_readyTimer.start();
    Q_EMIT started(port);
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
    const quint16 port = m_child.port();
    if (!m_child.running() || port == 0 || m_ready) {
        m_readyTimer.stop();
        return;
    }
    QNetworkRequest request(QUrl(QStringLiteral("http://127.0.0.1:%1/-/ready").arg(port)));
    request.setTransferTimeout(1000);
    QNetworkReply *reply = m_network.get(request);
    // The run it asked: an answer from one that has since died and been replaced is no answer.
    const qint64 pid = m_child.pid();
    connect(reply, &QNetworkReply::finished, this, [this, reply, pid] {
        reply->deleteLater();
        const bool answered =
            reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() > 0;
        if (!answered || m_ready || pid != m_child.pid())
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
    if (!m_child.running())
        return; // it reads the files when it starts
    if (!m_ready) {
        m_reloadPending = true;
        return;
    }
    m_reloadPending = false;
    m_child.signal(SIGHUP);
}

} // namespace rov::localplane::metrics
