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
        DollarsPerHour
    };
    QString id;
    const char *title;       // English; shown through QCoreApplication::translate("Panels", …)
    const char *description; // the same
    Unit unit = Unit::Count;
    std::vector<PanelQuery> queries;
    const char *whenEmpty = nullptr; // what an empty result means, when it means something
};

const std::vector<PanelSpec> &defaultPanels();

// `promql` with its `{F}` filled: one cluster (ray_io_cluster="id"), or every cluster.
QString scopedQuery(const QString &promql, const QString &clusterId);

// A series' name from `legend` and its labels ("{resource_pool} {instance}").
QString legendText(const QString &legend, const std::map<QString, QString> &labels);

} // namespace rov::core
