#include "alertlistmodel.h"

#include "monitoringscopes.h"
#include "palette.h"

#include <QColor>
#include <QLocale>
#include <algorithm>

namespace rov::core {

using api::monitoring::Alert;
using api::monitoring::AlertRule;

int AlertListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QColor AlertListModel::stateColor(const Alert &alert)
{
    if (alert.state == Alert::State::Pending)
        return palette::color(palette::Tone::Idle); // not yet
    if (alert.label(QStringLiteral("severity")) == QLatin1String("critical"))
        return palette::color(palette::Tone::Bad);
    return palette::color(palette::Tone::Warning);
}

QString AlertListModel::stateText(const Alert &alert)
{
    return alert.state == Alert::State::Firing ? tr("Firing") : tr("Pending");
}

QString AlertListModel::summaryText(const Alert &alert)
{
    const QString cluster = scopeName(alert.cluster());
    const QString instance = alert.label(QStringLiteral("instance"));
    const QLocale locale;
    const QString percent = locale.toString(alert.value * 100, 'f', 0);
    if (alert.name == QLatin1String("RayNodeDown") &&
        alert.label(QStringLiteral("cause")) == QLatin1String("exited"))
        return tr("A node of pool %1 of %2 exited; rovd started a replacement")
            .arg(alert.label(QStringLiteral("pool")), cluster);
    if (alert.name == QLatin1String("RayNodeDown"))
        return tr("%1 of cluster %2 does not answer").arg(instance, cluster);
    if (alert.name == QLatin1String("RayNodeMemoryHigh"))
        return tr("Node %1 of cluster %2 uses %3% of its memory").arg(instance, cluster, percent);
    if (alert.name == QLatin1String("RayObjectStoreFull"))
        return tr("The object store of cluster %1 is %2% full").arg(cluster, percent);
    if (alert.name == QLatin1String("RayTasksFailing"))
        return tr("%n task(s) of cluster %1 failed in the last 5 minutes", nullptr,
                  int(alert.value))
            .arg(cluster);
    if (alert.name == QLatin1String("RayWorkWaitingForResources"))
        return tr("Work on cluster %1 has waited for resources for 5 minutes").arg(cluster);
    if (alert.name == QLatin1String("ClusterCostHigh"))
        return tr("Cluster %1 costs %2 per hour")
            .arg(cluster, locale.toCurrencyString(alert.value, QStringLiteral("$"), 2));
    return alert.annotation(QStringLiteral("summary"));
}

QVariant AlertListModel::data(const QModelIndex &index, int role) const
{
    const Alert *alert = at(index.row());
    if (!alert)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case State:
            return stateText(*alert);
        case Name:
            return alert->name;
        case Cluster:
            return scopeName(alert->cluster());
        case Since:
            return QLocale().toString(alert->activeAt.toLocalTime(), QLocale::ShortFormat);
        case Summary:
            return summaryText(*alert);
        }
        return {};
    case Qt::ToolTipRole: {
        const QString description = alert->annotation(QStringLiteral("description"));
        return description.isEmpty() ? alert->annotation(QStringLiteral("summary")) : description;
    }
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(stateColor(*alert)) : QVariant();
    case ClusterRole:
        return alert->cluster();
    }
    return {};
}

QVariant AlertListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case State:
        return tr("State");
    case Name:
        return tr("Alert");
    case Cluster:
        return tr("Cluster");
    case Since:
        return tr("Since");
    case Summary:
        return tr("Summary");
    }
    return {};
}

bool AlertListModel::setRules(const std::vector<AlertRule> &rules)
{
    std::vector<Alert> alerts;
    for (const AlertRule &rule : rules)
        alerts.insert(alerts.end(), rule.alerts.begin(), rule.alerts.end());
    // Firing before pending, the oldest first.
    std::stable_sort(alerts.begin(), alerts.end(), [](const Alert &a, const Alert &b) {
        if (a.state != b.state)
            return a.state == Alert::State::Firing;
        return a.activeAt < b.activeAt;
    });
    return replaceRows(std::move(alerts));
}

void AlertListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool AlertListModel::sameForUser(const Alert &a, const Alert &b) const
{
    return a.state == b.state && a.activeAt == b.activeAt && a.annotations == b.annotations;
}

} // namespace rov::core
