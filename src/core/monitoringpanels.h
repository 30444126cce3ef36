#pragma once

#include <QString>
#include <QStringList>
#include <map>
#include <vector>

namespace rov::core {

// The charts of the Monitoring page as data: Ray's default dashboard panels (Ray 2.47.1,
// ../shared/docs/metrics.md) with `{F}` where the cluster filter goes.
struct PanelQuery
{
    QString promql;
    // "{instance}": label names in braces; a legend without any is a word of context "Panels"
    QString legend;
    bool limit = false; // a capacity line (Ray's "MAX"): dashed, never stacked
};

struct PanelSpec
{
    enum class Unit
    {
        Percent,
        Cores,
        Bytes,
        BytesPerSecond,
        Count,
        DollarsPerHour,
        Milliseconds // ms, then s past a second (a latency)
    };
    QString id;
    const char *title = nullptr;       // English; shown through translate("Panels", …)
    const char *description = nullptr; // the same
    Unit unit = Unit::Count;
    std::vector<PanelQuery> queries;
    const char *whenEmpty = nullptr; // what an empty result means, when it means something
    // A chart the user made: its title as typed, shown as it is.
    QString customTitle{};

    QString displayTitle() const;
    QString displayDescription() const;
    bool isCustom() const { return !customTitle.isEmpty(); }
};

const std::vector<PanelSpec> &defaultPanels();
// The small live charts of the Ray dashboard's overview: CPU, memory, running tasks.
const std::vector<PanelSpec> &overviewPanels();

// `promql` with its `{F}` filled: one cluster (ray_io_cluster="id"), or every cluster.
QString scopedQuery(const QString &promql, const QString &clusterId);

// A series' name from `legend` and its labels ("{resource_pool} {instance}"). An empty legend
// names the series by all its labels but the metric name ("instance=a, job=b").
QString legendText(const QString &legend, const std::map<QString, QString> &labels);

// A chart of the user's own PromQL. "$cluster" in it stands for the page's scope, as Ray's
// Grafana dashboards use $Cluster: ray_io_cluster=~"$cluster" is one cluster or all.
struct CustomChart
{
    QString title;
    QString promql;
    PanelSpec::Unit unit = PanelSpec::Unit::Count;

    bool operator==(const CustomChart &) const = default;
    PanelSpec toPanel(int index) const;
};
// `promql` with $cluster filled in for `clusterId` ("" for every cluster).
QString customQuery(const QString &promql, const QString &clusterId);
// The PromQL a panel's query sends for `clusterId`: Ray's panels filtered with {F}, the user's
// with $cluster.
QString panelQuery(const PanelSpec &spec, const PanelQuery &query, const QString &clusterId);
// Kept per profile in the settings (profiles/<id>/customCharts).
std::vector<CustomChart> loadCustomCharts(const QString &profileId);
void saveCustomCharts(const QString &profileId, const std::vector<CustomChart> &charts);

// Where a PromQL error points ("1:12: parse error: ..."): the 0-based character offset in a
// one-line query, or -1 when the message names no position.
int promqlErrorOffset(const QString &message);
// The same place in the text the person wrote: `offset` counts in customQuery(promql, clusterId),
// where each $cluster became the cluster's pattern. A place inside one is its $cluster.
int offsetInCustomText(const QString &promql, const QString &clusterId, int offset);

} // namespace rov::core
