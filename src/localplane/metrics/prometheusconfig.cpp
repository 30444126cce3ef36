#include "prometheusconfig.h"

#include <QDir>
#include <QRegularExpression>
#include <QStringList>

namespace rov::localplane::metrics {

namespace {

// A YAML string in single quotes: a quote is doubled, nothing else is special.
QString quoted(const QString &text)
{
    QString escaped = text;
    escaped.replace(QLatin1Char('\''), QStringLiteral("''"));
    return QLatin1Char('\'') + escaped + QLatin1Char('\'');
}

// A job name Prometheus takes, and one per cluster.
QString jobName(const QString &clusterId)
{
    QString name = clusterId;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_-]")), QStringLiteral("_"));
    return QStringLiteral("ray-") + name;
}

} // namespace

QByteArray prometheusConfig(const std::vector<ScrapeCluster> &clusters,
                            const ScrapeSettings &settings)
{
    const QString interval = QStringLiteral("%1s").arg(settings.interval.count());
    QStringList lines{QStringLiteral("# Written by rovd; rewritten whenever clusters change."),
                      QStringLiteral("global:"),
                      QStringLiteral("  scrape_interval: %1").arg(interval),
                      QStringLiteral("  evaluation_interval: %1").arg(interval)};
    if (!settings.ruleFiles.isEmpty()) {
        lines << QStringLiteral("rule_files:");
        for (const QString &file : settings.ruleFiles)
            lines << QStringLiteral("- %1").arg(quoted(file));
    }
    const bool none = clusters.empty() && settings.rovdTarget.isEmpty();
    lines << (none ? QStringLiteral("scrape_configs: []") : QStringLiteral("scrape_configs:"));
    if (!settings.rovdTarget.isEmpty())
        lines << QStringLiteral("- job_name: rovd") << QStringLiteral("  authorization:")
              << QStringLiteral("    credentials_file: %1").arg(quoted(settings.rovdTokenFile))
              << QStringLiteral("  static_configs:")
              << QStringLiteral("  - targets: [%1]").arg(quoted(settings.rovdTarget));
    for (const ScrapeCluster &cluster : clusters) {
        lines << QStringLiteral("- job_name: %1").arg(quoted(jobName(cluster.clusterId)))
              << QStringLiteral("  file_sd_configs:")
              << QStringLiteral("  - files: [%1]").arg(quoted(cluster.discoveryFile))
              << QStringLiteral("  relabel_configs:")
              << QStringLiteral("  - target_label: ray_io_cluster")
              << QStringLiteral("    replacement: %1").arg(quoted(cluster.clusterId));
        for (const auto &node : cluster.nodes) {
            lines << QStringLiteral("  - source_labels: [__address__]")
                  << QStringLiteral("    regex: %1")
                         .arg(quoted(QRegularExpression::escape(node.address)))
                  << QStringLiteral("    target_label: resource_pool")
                  << QStringLiteral("    replacement: %1").arg(quoted(node.pool));
        }
    }
    return lines.join(QLatin1Char('\n')).toUtf8() + '\n';
}

std::vector<ScrapeCluster> scrapeTargetsOf(const std::vector<ClusterTopology> &clusters)
{
    std::vector<ScrapeCluster> targets;
    for (const ClusterTopology &cluster : clusters) {
        ScrapeCluster target;
        target.clusterId = cluster.clusterId();
        target.discoveryFile =
            QDir(cluster.tempDir).filePath(QStringLiteral("prom_metrics_service_discovery.json"));
        for (const ClusterTopology::Node &node : cluster.nodes)
            target.nodes.push_back(
                {QStringLiteral("%1:%2").arg(node.ip).arg(node.metricsExportPort), node.pool});
        targets.push_back(std::move(target));
    }
    return targets;
}

} // namespace rov::localplane::metrics
