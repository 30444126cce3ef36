#include "clusterlistmodel.h"

#include "palette.h"

#include <QColor>
#include <QLocale>

namespace rov::core {

using api::vertex::ClusterState;
using api::vertex::PersistentResource;

bool ClusterListModel::sameForUser(const PersistentResource &a, const PersistentResource &b) const
{
    if (a.state != b.state || a.errorMessage != b.errorMessage || a.startTime != b.startTime ||
        a.accessUris != b.accessUris || a.pools.size() != b.pools.size())
        return false;
    for (size_t i = 0; i < a.pools.size(); ++i) {
        if (a.pools[i].usedReplicaCount != b.pools[i].usedReplicaCount)
            return false;
    }
    return a.toJson() == b.toJson();
}

ClusterListModel::ClusterListModel(const CostEstimator &costs, QObject *parent)
    : KeyedTableModel(parent), m_costs(costs)
{}

int ClusterListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString ClusterListModel::stateText(ClusterState state)
{
    switch (state) {
    case ClusterState::Provisioning:
        return tr("Provisioning");
    case ClusterState::Running:
        return tr("Running");
    case ClusterState::Stopping:
        return tr("Deleting");
    case ClusterState::Error:
        return tr("Error");
    case ClusterState::Rebooting:
        return tr("Rebooting");
    case ClusterState::Updating:
        return tr("Updating");
    case ClusterState::Unspecified:
        break;
    }
    return tr("Unknown");
}

QColor ClusterListModel::stateColor(ClusterState state)
{
    switch (state) {
    case ClusterState::Running:
        return palette::color(palette::Tone::Good);
    case ClusterState::Error:
        return palette::color(palette::Tone::Bad);
    case ClusterState::Stopping:
    case ClusterState::Unspecified:
        return palette::color(palette::Tone::Idle);
    default:
        return palette::color(palette::Tone::Busy); // on its way
    }
}

QString ClusterListModel::nodesText(const PersistentResource &cluster)
{
    QStringList parts;
    for (const auto &pool : cluster.pools) {
        if (pool.autoscaling)
            parts << tr("%1: %2 (%3–%4)")
                         .arg(pool.id)
                         .arg(pool.usedReplicaCount)
                         .arg(pool.autoscaling->first)
                         .arg(pool.autoscaling->second);
        else
            parts << tr("%1: %2/%3").arg(pool.id).arg(pool.usedReplicaCount).arg(pool.replicaCount);
    }
    return parts.join(QStringLiteral(", "));
}

QString ClusterListModel::durationText(qint64 seconds)
{
    if (seconds < 60)
        return tr("%1 s").arg(seconds);
    if (seconds < 3600)
        return tr("%1 min").arg(seconds / 60);
    if (seconds < 86400)
        return tr("%1 h %2 min").arg(seconds / 3600).arg(seconds % 3600 / 60);
    return tr("%1 d %2 h").arg(seconds / 86400).arg(seconds % 86400 / 3600);
}

QVariant ClusterListModel::display(const PersistentResource &cluster, int column) const
{
    switch (column) {
    case Name:
        return cluster.displayName.isEmpty() || cluster.displayName == cluster.id()
                   ? cluster.id()
                   : QStringLiteral("%1 (%2)").arg(cluster.id(), cluster.displayName);
    case State:
        return stateText(cluster.state);
    case Region:
        return cluster.location();
    case RayVersion:
        return cluster.rayVersion();
    case PythonVersion:
        return cluster.pythonVersion();
    case Nodes:
        return nodesText(cluster);
    case Created:
        return QLocale().toString(cluster.createTime.toLocalTime(), QLocale::ShortFormat);
    case Uptime:
        return cluster.startTime.isValid() && cluster.state != ClusterState::Stopping
                   ? durationText(std::max<qint64>(0, cluster.startTime.secsTo(m_now)))
                   : QString();
    case Cost:
        return costText(cluster);
    }
    return {};
}

QString ClusterListModel::costText(const PersistentResource &cluster) const
{
    const CostSoFar cost = costSoFar(cluster.name);
    const QString dollars = QStringLiteral("$%1").arg(cost.dollars, 0, 'f', 2);
    if (cost.source == CostRecord::Source::BackendRecord || !cost.since.isValid())
        return dollars;
    // Counted only since the console started watching: say from when.
    return tr("%1 since %2")
        .arg(dollars, QLocale().toString(cost.since.toLocalTime().time(), QLocale::ShortFormat));
}

QString ClusterListModel::costToolTip(const PersistentResource &cluster) const
{
    const CostSoFar cost = costSoFar(cluster.name);
    if (cost.source == CostRecord::Source::BackendRecord)
        return tr("Each node's on-demand price for the time it was live, from the backend's record "
                  "since the cluster was created");
    return tr("Each node's on-demand price for the time it was live, counted since %1, when the "
              "console started watching: this backend keeps no record of its nodes")
        .arg(QLocale().toString(cost.since.toLocalTime(), QLocale::ShortFormat));
}

ClusterListModel::CostSoFar ClusterListModel::costSoFar(const QString &name) const
{
    const auto *listed = cluster(name);
    const auto record = m_costRecords.find(name);
    if (!listed || record == m_costRecords.end())
        return {};
    return {m_costs.soFar(record->second, *listed, m_now), record->second.source(),
            record->second.since()};
}

QVariant ClusterListModel::sortValue(const PersistentResource &cluster, int column) const
{
    switch (column) {
    case State:
        return int(cluster.state);
    case Nodes:
        return cluster.liveNodes();
    case Created:
        return cluster.createTime;
    case Uptime:
        return cluster.startTime.isValid() ? cluster.startTime.secsTo(m_now) : -1;
    case Cost:
        return costSoFar(cluster.name).dollars;
    default:
        return display(cluster, column);
    }
}

QVariant ClusterListModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= rowCount())
        return {};
    const PersistentResource &cluster = rows()[size_t(index.row())];
    switch (role) {
    case Qt::DisplayRole:
        return display(cluster, index.column());
    case Qt::ToolTipRole:
        if (index.column() == State && !cluster.errorMessage.isEmpty())
            return cluster.errorMessage;
        if (index.column() == Cost)
            return costToolTip(cluster);
        return display(cluster, index.column());
    case Qt::DecorationRole:
        return index.column() == State ? QVariant(stateColor(cluster.state)) : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Cost ? QVariant(Qt::AlignRight | Qt::AlignVCenter) : QVariant();
    case SortRole:
        return sortValue(cluster, index.column());
    case ResourceNameRole:
        return cluster.name;
    case StateRole:
        return int(cluster.state);
    }
    return {};
}

QVariant ClusterListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Region:
        return tr("Region");
    case RayVersion:
        return tr("Ray");
    case PythonVersion:
        return tr("Python");
    case Nodes:
        return tr("Nodes (live/desired)");
    case Created:
        return tr("Created");
    case Uptime:
        return tr("Uptime");
    case Cost:
        return tr("Cost so far (est.)");
    }
    return {};
}

bool ClusterListModel::setClusters(std::vector<PersistentResource> clusters,
                                   const QDateTime &seenAt)
{
    std::map<QString, CostRecord> records;
    for (const auto &listed : clusters) {
        CostRecord record = m_costRecords.count(listed.name)
                                ? m_costRecords[listed.name]
                                : CostRecord::watched(seenAt, CostEstimator::liveNodes(listed));
        record.observe(seenAt, CostEstimator::liveNodes(listed));
        records[listed.name] = std::move(record);
    }
    m_costRecords = std::move(records); // a cluster no longer listed takes its record along
    return replaceRows(std::move(clusters));
}

void ClusterListModel::setEventRecord(const QString &name,
                                      const std::vector<api::vertex::ClusterEvent> &events)
{
    const int row = rowOf(name);
    if (row < 0)
        return;
    m_costRecords[name] = CostRecord::fromEvents(events, m_costRecords[name]);
    Q_EMIT dataChanged(index(row, Cost), index(row, Cost));
}

void ClusterListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Uptime), index(rowCount() - 1, Cost));
}

const PersistentResource *ClusterListModel::cluster(int row) const
{
    return at(row);
}

const PersistentResource *ClusterListModel::cluster(const QString &name) const
{
    return cluster(rowOf(name));
}

int ClusterListModel::rowOf(const QString &name) const
{
    return rowOfKey(name);
}

bool ClusterListModel::anyChanging() const
{
    return std::any_of(rows().begin(), rows().end(), [](const PersistentResource &c) {
        return api::vertex::isChanging(c.state);
    });
}

} // namespace rov::core
