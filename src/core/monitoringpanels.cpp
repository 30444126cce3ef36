#include "monitoringpanels.h"

#include "settingskeys.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace rov::core {

using Unit = PanelSpec::Unit;

const std::vector<PanelSpec> &defaultPanels()
{
    static const std::vector<PanelSpec> panels = {
        {QStringLiteral("utilization"),
         QT_TRANSLATE_NOOP("Panels", "Cluster utilization"),
         QT_TRANSLATE_NOOP("Panels", "CPU, memory and object store in use, as a share of the "
                                     "cluster's nodes"),
         Unit::Percent,
         {{QStringLiteral("avg(ray_node_cpu_utilization{{F}})"),
           QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "CPU"))},
          {QStringLiteral("sum(ray_node_mem_used{{F}}) / sum(ray_node_mem_total{{F}}) * 100"),
           QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "Memory"))},
          {QStringLiteral("sum(ray_object_store_memory{{F}}) / "
                          "sum(ray_resources{Name=\"object_store_memory\",{F}}) * 100"),
           QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "Object store"))}}},
        {QStringLiteral("logicalCpus"),
         QT_TRANSLATE_NOOP("Panels", "Logical CPUs in use by node"),
         QT_TRANSLATE_NOOP("Panels", "CPU slots that Ray tasks and actors hold"),
         Unit::Cores,
         {{QStringLiteral("sum(ray_resources{Name=\"CPU\",State=\"USED\",{F}}) by (resource_pool, "
                          "instance)"),
           QStringLiteral("{resource_pool} {instance}")},
          {QStringLiteral("sum(ray_resources{Name=\"CPU\",{F}})"),
           QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "Capacity")), true}}},
        {QStringLiteral("nodeCpu"),
         QT_TRANSLATE_NOOP("Panels", "Node CPU"),
         QT_TRANSLATE_NOOP("Panels", "Hardware CPU use of each node, in cores"),
         Unit::Cores,
         {{QStringLiteral("sum(ray_node_cpu_utilization{{F}} * ray_node_cpu_count{{F}} / 100) by "
                          "(resource_pool, instance)"),
           QStringLiteral("{resource_pool} {instance}")}}},
        {QStringLiteral("nodeMemory"),
         QT_TRANSLATE_NOOP("Panels", "Node memory"),
         QT_TRANSLATE_NOOP("Panels", "Heap and object store memory used on each node"),
         Unit::Bytes,
         {{QStringLiteral("sum(ray_node_mem_used{{F}}) by (resource_pool, instance)"),
           QStringLiteral("{resource_pool} {instance}")}}},
        {QStringLiteral("objectStore"),
         QT_TRANSLATE_NOOP("Panels", "Object store by location"),
         QT_TRANSLATE_NOOP("Panels", "Objects in shared memory, spilled to disk, or in worker "
                                     "heaps"),
         Unit::Bytes,
         {{QStringLiteral("sum(ray_object_store_memory{{F}}) by (Location)"),
           QStringLiteral("{Location}")}}},
        {QStringLiteral("tasks"),
         QT_TRANSLATE_NOOP("Panels", "Tasks by state"),
         QT_TRANSLATE_NOOP("Panels", "Finished and failed tasks count up; the others are the "
                                     "tasks in that state now"),
         Unit::Count,
         {{QStringLiteral("sum(max_over_time(ray_tasks{IsRetry=\"0\",State=~\"FINISHED|FAILED\","
                          "{F}}[14d])) by (State) or clamp_min(sum(ray_tasks{IsRetry=\"0\","
                          "State!~\"FINISHED|FAILED\",{F}}) by (State), 0)"),
           QStringLiteral("{State}")}}},
        {QStringLiteral("runningTasks"),
         QT_TRANSLATE_NOOP("Panels", "Running tasks by name"),
         QT_TRANSLATE_NOOP("Panels", "Tasks running now, by their function's name"),
         Unit::Count,
         {{QStringLiteral("clamp_min(sum(ray_tasks{IsRetry=\"0\",State=~\"RUNNING.*\",{F}}) by "
                          "(Name), 0)"),
           QStringLiteral("{Name}")}}},
        {QStringLiteral("actors"),
         QT_TRANSLATE_NOOP("Panels", "Actors by state"),
         QT_TRANSLATE_NOOP("Panels", "Actors as the cluster's control store sees them"),
         Unit::Count,
         {{QStringLiteral("sum(ray_actors{Source=\"gcs\",{F}}) by (State)"),
           QStringLiteral("{State}")}}},
        {QStringLiteral("nodes"),
         QT_TRANSLATE_NOOP("Panels", "Nodes by pool"),
         QT_TRANSLATE_NOOP("Panels", "Nodes that report metrics, by resource pool"),
         Unit::Count,
         {{QStringLiteral("count(ray_node_cpu_count{{F}}) by (resource_pool)"),
           QStringLiteral("{resource_pool}")}}},
        {QStringLiteral("network"),
         QT_TRANSLATE_NOOP("Panels", "Network"),
         QT_TRANSLATE_NOOP("Panels", "Bytes each node receives and sends per second"),
         Unit::BytesPerSecond,
         {{QStringLiteral("sum(ray_node_network_receive_speed{{F}}) by (instance)"),
           QStringLiteral("↓ {instance}")},
          {QStringLiteral("sum(ray_node_network_send_speed{{F}}) by (instance)"),
           QStringLiteral("↑ {instance}")}}},
        {QStringLiteral("disk"),
         QT_TRANSLATE_NOOP("Panels", "Node disk"),
         QT_TRANSLATE_NOOP("Panels", "Disk space used on each node"),
         Unit::Bytes,
         {{QStringLiteral("sum(ray_node_disk_usage{{F}}) by (instance)"),
           QStringLiteral("{instance}")}}},
        {QStringLiteral("cost"),
         QT_TRANSLATE_NOOP("Panels", "Cost per hour"),
         QT_TRANSLATE_NOOP("Panels", "What the live nodes would cost per hour on Vertex AI, at "
                                     "on-demand list prices (rovd's estimate)"),
         Unit::DollarsPerHour,
         {{QStringLiteral("sum(rovd_cluster_cost_per_hour_usd{{F}}) by (ray_io_cluster)"),
           QStringLiteral("{ray_io_cluster}")}}},
        {QStringLiteral("gpus"),
         QT_TRANSLATE_NOOP("Panels", "GPUs"),
         QT_TRANSLATE_NOOP("Panels", "GPU use of each node"),
         Unit::Count,
         {{QStringLiteral("sum(ray_node_gpus_utilization{{F}} / 100) by (instance, GpuIndex)"),
           QStringLiteral("{instance} GPU {GpuIndex}")}},
         QT_TRANSLATE_NOOP("Panels", "This cluster has no GPUs")},
    };
    return panels;
}

const std::vector<PanelSpec> &overviewPanels()
{
    static const std::vector<PanelSpec> panels = {
        {QStringLiteral("overviewCpu"),
         QT_TRANSLATE_NOOP("Panels", "CPU"),
         QT_TRANSLATE_NOOP("Panels", "Hardware CPU use, averaged over the nodes"),
         Unit::Percent,
         {{QStringLiteral("avg(ray_node_cpu_utilization{{F}})"),
           QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "CPU"))}}},
        {QStringLiteral("overviewMemory"),
         QT_TRANSLATE_NOOP("Panels", "Memory"),
         QT_TRANSLATE_NOOP("Panels", "Memory used on the nodes, of their total"),
         Unit::Percent,
         {{QStringLiteral("sum(ray_node_mem_used{{F}}) / sum(ray_node_mem_total{{F}}) * 100"),
           QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "Memory"))}}},
        {QStringLiteral("overviewTasks"),
         QT_TRANSLATE_NOOP("Panels", "Running tasks"),
         QT_TRANSLATE_NOOP("Panels", "Tasks running now"),
         Unit::Count,
         {{QStringLiteral("clamp_min(sum(ray_tasks{IsRetry=\"0\",State=~\"RUNNING.*\",{F}}), 0)"),
           QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "Running tasks"))}},
         QT_TRANSLATE_NOOP("Panels", "No task has run in this time range")},
    };
    return panels;
}

namespace {
// A label value inside PromQL's double quotes. Cluster ids are lower-case letters, digits and
// dashes; anything else is escaped anyway.
QString labelValue(const QString &text)
{
    QString escaped = text;
    return escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"))
        .replace(QLatin1Char('"'), QStringLiteral("\\\""));
}
} // namespace

QString scopedQuery(const QString &promql, const QString &clusterId)
{
    const QString id = labelValue(clusterId);
    const QString filter = clusterId.isEmpty() ? QStringLiteral("ray_io_cluster=~\".+\"")
                                               : QStringLiteral("ray_io_cluster=\"%1\"").arg(id);
    QString scoped = promql;
    // "{{F}}" is a selector of the filter alone; ",{F}}" ends a longer one.
    scoped.replace(QStringLiteral("{{F}}"), QLatin1Char('{') + filter + QLatin1Char('}'));
    scoped.replace(QStringLiteral("{F}"), filter);
    return scoped;
}

QString PanelSpec::displayTitle() const
{
    return isCustom() ? customTitle : QCoreApplication::translate("Panels", title);
}

QString PanelSpec::displayDescription() const
{
    if (isCustom())
        return queries.empty() ? QString() : queries.front().promql;
    return description ? QCoreApplication::translate("Panels", description) : QString();
}

QString legendText(const QString &legend, const std::map<QString, QString> &labels)
{
    if (legend.isEmpty()) {
        QStringList parts;
        for (const auto &[name, value] : labels)
            if (name != QLatin1String("__name__"))
                parts << name + QLatin1Char('=') + value;
        return parts.join(QStringLiteral(", "));
    }
    static const QRegularExpression placeholder(QStringLiteral("\\{([A-Za-z_][A-Za-z0-9_]*)\\}"));
    QString text = legend;
    QRegularExpressionMatch match;
    while ((match = placeholder.match(text)).hasMatch()) {
        const auto it = labels.find(match.captured(1));
        text.replace(match.capturedStart(), match.capturedLength(),
                     it == labels.end() ? QString() : it->second);
    }
    return text.simplified();
}

PanelSpec CustomChart::toPanel(int index) const
{
    PanelSpec spec;
    spec.id = QStringLiteral("custom%1").arg(index);
    spec.customTitle = title.isEmpty() ? promql : title;
    spec.unit = unit;
    spec.queries = {{promql, QString()}};
    return spec;
}

namespace {
const QString kClusterVariable = QStringLiteral("$cluster");
QString clusterPattern(const QString &clusterId)
{
    return clusterId.isEmpty() ? QStringLiteral(".+") : labelValue(clusterId);
}
} // namespace

QString customQuery(const QString &promql, const QString &clusterId)
{
    QString filled = promql;
    return filled.replace(kClusterVariable, clusterPattern(clusterId));
}

int offsetInCustomText(const QString &promql, const QString &clusterId, int offset)
{
    const int grown = int(clusterPattern(clusterId).size() - kClusterVariable.size());
    int shift = 0; // how much longer the filled query is before the place so far
    for (qsizetype at = promql.indexOf(kClusterVariable); at >= 0;
         at = promql.indexOf(kClusterVariable, at + kClusterVariable.size())) {
        const int filledStart = int(at) + shift;
        if (offset < filledStart)
            break;
        if (offset < filledStart + int(kClusterVariable.size()) + grown)
            return int(at); // inside the pattern: its $cluster
        shift += grown;
    }
    return std::clamp(offset - shift, 0, int(promql.size()));
}

QString panelQuery(const PanelSpec &spec, const PanelQuery &query, const QString &clusterId)
{
    return spec.isCustom() ? customQuery(query.promql, clusterId)
                           : scopedQuery(query.promql, clusterId);
}

namespace {
QString chartsKey(const QString &profileId)
{
    return settingskeys::customCharts(profileId);
}
} // namespace

std::vector<CustomChart> loadCustomCharts(const QString &profileId)
{
    QSettings settings;
    std::vector<CustomChart> charts;
    const int count = settings.beginReadArray(chartsKey(profileId));
    for (int i = 0; i < count; ++i) {
        settings.setArrayIndex(i);
        CustomChart chart;
        chart.title = settings.value(QStringLiteral("title")).toString();
        chart.promql = settings.value(QStringLiteral("promql")).toString();
        const int unit = settings.value(QStringLiteral("unit")).toInt();
        if (unit >= 0 && unit <= int(PanelSpec::Unit::Milliseconds))
            chart.unit = PanelSpec::Unit(unit);
        if (!chart.promql.trimmed().isEmpty())
            charts.push_back(chart);
    }
    settings.endArray();
    return charts;
}

void saveCustomCharts(const QString &profileId, const std::vector<CustomChart> &charts)
{
    QSettings settings;
    settings.remove(chartsKey(profileId));
    settings.beginWriteArray(chartsKey(profileId), int(charts.size()));
    for (int i = 0; i < int(charts.size()); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("title"), charts[size_t(i)].title);
        settings.setValue(QStringLiteral("promql"), charts[size_t(i)].promql);
        settings.setValue(QStringLiteral("unit"), int(charts[size_t(i)].unit));
    }
    settings.endArray();
}

int promqlErrorOffset(const QString &message)
{
    // Prometheus 2.x: "1:12: parse error: unexpected end of input" (line:column, 1-based),
    // after 'invalid parameter "query": ' in its API's answer.
    static const QRegularExpression position(QStringLiteral("(?:^|: )(\\d+):(\\d+): parse error"));
    const auto match = position.match(message.trimmed());
    if (!match.hasMatch() || match.captured(1).toInt() != 1)
        return -1;
    return std::max(0, match.captured(2).toInt() - 1);
}

} // namespace rov::core
