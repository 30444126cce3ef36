#pragma once

#include "localplane/supervisedchild.h"
#include "prometheusconfig.h"

#include <QNetworkAccessManager>
#include <QObject>
#include <QTimer>

namespace rov::localplane::metrics {

struct PrometheusSettings
{
    QString program = QStringLiteral("/usr/bin/prometheus"); // Debian's
    QString directory; // {data dir}/metrics: the configuration and the TSDB
    int retentionDays = 15;
    int retentionMegabytes = 2048;
    QStringList extraRuleFiles; // the user's alerting rules, beside the ones rovd ships
    ScrapeSettings scrape;
    // Prometheus answers only requests with this password (basic auth, user kWebUser): rovd's
    // user token, so that a local process without rovd's tokens reads no metrics.
    QByteArray webPassword;
};

inline constexpr const char *kWebUser = "rovd";

// Debian's Prometheus as rovd's child (a SupervisedChild: on 127.0.0.1 at a port of its own,
// restarted with backoff when it dies, stopped with rovd and by the kernel when rovd is killed),
// its configuration and storage under rovd's data dir (never the package's /etc or /var/lib
// defaults), reloaded when the clusters change. Locked to rovd: every request needs basic auth (its
// web config holds only a bcrypt hash), and it has no lifecycle API (/-/reload, /-/quit): rovd
// reloads it with SIGHUP, which needs no I/O and never waits. Lives on the thread that owns cluster
// state; port() and webPassword() may be read anywhere.
class PrometheusSupervisor : public QObject
{
    Q_OBJECT
public:
    explicit PrometheusSupervisor(PrometheusSettings settings, QObject *parent = nullptr);

    // False, with the reason, when Prometheus cannot run here (not installed, no directory).
    bool start(QString *error);
    // What to scrape; rewrites the configuration and reloads it when it differs.
    void setClusters(std::vector<ScrapeCluster> clusters);
    // rovd's own /metrics, once it listens, with the token Prometheus sends.
    void setRovdTarget(const QString &hostPort, const QString &tokenFile);

    // Whether Prometheus takes the alerting rules in `file`; the reason in words when not
    // (promtool's, which comes with Prometheus). Empty when they are good.
    static QString checkRules(const QString &prometheusProgram, const QString &file);

    // 0 while Prometheus is not running.
    quint16 port() const { return m_child.port(); }
    // What rovd sends as basic auth (user kWebUser).
    QByteArray webPassword() const { return m_settings.webPassword; }
    qint64 pid() const { return m_child.pid(); }
    int restarts() const { return m_child.restarts(); }
    // Why it is not running, when it is not. May be read anywhere.
    QString problem() const { return m_child.problem(); }

Q_SIGNALS:
    void started(quint16 port);

private:
    QStringList arguments(quint16 port) const;
    void onStarted(quint16 port);
    QString configPath() const;
    bool writeConfig();
    bool writeShippedRules();
    bool writeWebConfig();
    void reload();
    // Prometheus takes SIGHUP for a reload only once its handlers are installed (before that the
    // signal would end it): any HTTP answer says they are.
    void probeReady();

    PrometheusSettings m_settings;
    std::vector<ScrapeCluster> m_clusters;
    QNetworkAccessManager m_network; // the readiness probe
    QTimer m_readyTimer;
    bool m_ready = false;
    bool m_reloadPending = false;
    SupervisedChild m_child; // last: stopped first, while the rest is still here
};

} // namespace rov::localplane::metrics
