#include "logentrymodel.h"

#include "api/logging/logwire.h"

namespace rov::core {

namespace lw = api::logging;

int LogEntryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_entries.size());
}

int LogEntryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant LogEntryModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= int(m_entries.size()))
        return {};
    const lw::LogEntry &entry = m_entries[size_t(index.row())];
    if (role == SeverityRole)
        return entry.severity;
    if (role == Qt::ToolTipRole && index.column() == Message)
        return entry.message().left(4000);
    if (role == Qt::ToolTipRole && index.column() == Log)
        return entry.tailedPath();
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Time:
        return entry.timestamp.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
    case Severity:
        return lw::severityName(entry.severity);
    case Where: {
        QString cluster = entry.label(lw::labelkeys::kClusterId);
        if (cluster.isEmpty())
            cluster = entry.resourceLabels.count(QStringLiteral("job_id"))
                          ? entry.resourceLabels.at(QStringLiteral("job_id"))
                          : QString();
        // rovd's own logs: no cluster, the rovd that wrote them.
        if (cluster.isEmpty() && entry.resourceType == QLatin1String(lw::kRovdResourceType) &&
            entry.resourceLabels.count(QStringLiteral("namespace")))
            cluster = entry.resourceLabels.at(QStringLiteral("namespace"));
        const QString node = entry.label(lw::labelkeys::kNode);
        return node.isEmpty() ? cluster : cluster + QStringLiteral(" · ") + node;
    }
    case Log:
        return entry.logId();
    case Message:
        return entry.firstLine();
    default:
        return {};
    }
}

QVariant LogEntryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Time:
        return tr("Time");
    case Severity:
        return tr("Severity");
    case Where:
        return tr("Cluster · node");
    case Log:
        return tr("Log");
    case Message:
        return tr("Message");
    default:
        return {};
    }
}

void LogEntryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
}

void LogEntryModel::replace(const std::vector<lw::LogEntry> &entries)
{
    beginResetModel();
    m_entries.assign(entries.begin(), entries.end());
    endResetModel();
}

void LogEntryModel::prepend(const std::vector<lw::LogEntry> &entries)
{
    if (entries.empty())
        return;
    const int room = kMaxEntries - int(m_entries.size());
    if (room <= 0)
        return; // enough history on screen; search again to see other times
    const int taken = std::min(room, int(entries.size()));
    beginInsertRows({}, 0, taken - 1);
    m_entries.insert(m_entries.begin(), entries.end() - taken, entries.end());
    endInsertRows();
}

void LogEntryModel::append(const std::vector<lw::LogEntry> &entries)
{
    if (entries.empty())
        return;
    const int overflow = int(m_entries.size() + entries.size()) - kMaxEntries;
    if (overflow > 0) {
        const int dropped = std::min(overflow, int(m_entries.size()));
        beginRemoveRows({}, 0, dropped - 1);
        m_entries.erase(m_entries.begin(), m_entries.begin() + dropped);
        endRemoveRows();
    }
    const int first = int(m_entries.size());
    const int taken = std::min(int(entries.size()), kMaxEntries);
    beginInsertRows({}, first, first + taken - 1);
    m_entries.insert(m_entries.end(), entries.end() - taken, entries.end());
    endInsertRows();
}

} // namespace rov::core
