#include "nodelistmodel.h"

#include "palette.h"

#include <QColor>
#include <QLocale>

namespace rov::core {

using api::ray::NodeState;
using api::ray::NodeUsage;

namespace {

double resource(const NodeState &node, const char *name)
{
    const auto found = node.resourcesTotal.find(QString::fromLatin1(name));
    return found == node.resourcesTotal.end() ? 0 : found->second;
}

} // namespace

QString NodeRow::pool() const
{
    const auto found = node.labels.find(QStringLiteral("resource-pool"));
    return found == node.labels.end() ? QString() : found->second;
}

QString NodeListModel::bytesText(double bytes)
{
    return QLocale().formattedDataSize(qint64(bytes), 1, QLocale::DataSizeTraditionalFormat);
}

int NodeListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant NodeListModel::display(const NodeRow &row, int column) const
{
    const NodeState &node = row.node;
    switch (column) {
    case NodeId:
        return node.nodeId.left(12);
    case Role:
        return node.head ? tr("Head") : tr("Worker");
    case State:
        return node.state == QLatin1String("ALIVE")  ? tr("Alive")
               : node.stoppedOnPurpose()             ? tr("Stopped")
               : node.state == QLatin1String("DEAD") ? tr("Dead")
                                                     : node.state;
    case Pool:
        return row.pool().isEmpty() ? QStringLiteral("–") : row.pool();
    case Cpus:
        return QLocale().toString(resource(node, "CPU"));
    case Gpus:
        return QLocale().toString(resource(node, "GPU"));
    case Memory:
        return bytesText(resource(node, "memory"));
    case ObjectStore:
        // The summary reports the store's use only once the raylet has sent its first stats.
        if (!row.usage || row.usage->objectStoreTotalBytes <= 0)
            return bytesText(resource(node, "object_store_memory"));
        return tr("%1 of %2")
            .arg(bytesText(double(row.usage->objectStoreUsedBytes)),
                 bytesText(double(row.usage->objectStoreTotalBytes)));
    case Workers:
        return row.usage ? QVariant(row.usage->workerProcesses) : QVariant(QStringLiteral("–"));
    }
    return {};
}

QVariant NodeListModel::data(const QModelIndex &index, int role) const
{
    const NodeRow *row = at(index.row());
    if (!row || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        return display(*row, index.column());
    case Qt::ToolTipRole:
        if (index.column() == State && !row->node.stateMessage.isEmpty())
            return row->node.stateMessage; // Ray's words on why it ended
        return index.column() == NodeId ? QVariant(row->node.nodeId) : QVariant();
    case Qt::DecorationRole:
        if (index.column() != State)
            return {};
        return palette::color(row->node.state == QLatin1String("ALIVE") ? palette::Tone::Good
                              : row->node.stoppedOnPurpose()            ? palette::Tone::Quiet
                                                                        : palette::Tone::Bad);
    case SortRole:
        switch (index.column()) {
        case Cpus:
            return resource(row->node, "CPU");
        case Gpus:
            return resource(row->node, "GPU");
        case Memory:
            return resource(row->node, "memory");
        case Role:
            return row->node.head ? 0 : 1;
        default:
            return display(*row, index.column());
        }
    }
    return {};
}

QVariant NodeListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case NodeId:
        return tr("Node id");
    case Role:
        return tr("Role");
    case State:
        return tr("State");
    case Pool:
        return tr("Resource pool");
    case Cpus:
        return tr("CPUs");
    case Gpus:
        return tr("GPUs");
    case Memory:
        return tr("Memory");
    case ObjectStore:
        return tr("Object store");
    case Workers:
        return tr("Worker processes");
    }
    return {};
}

bool NodeListModel::setNodes(std::vector<NodeState> nodes,
                             const std::map<QString, NodeUsage> &usage)
{
    std::stable_sort(nodes.begin(), nodes.end(),
                     [](const NodeState &a, const NodeState &b) { return a.head > b.head; });
    std::vector<NodeRow> rows;
    rows.reserve(nodes.size());
    for (auto &node : nodes) {
        NodeRow row{std::move(node), std::nullopt};
        if (const auto found = usage.find(row.node.nodeId); found != usage.end())
            row.usage = found->second;
        rows.push_back(std::move(row));
    }
    return replaceRows(std::move(rows));
}

int NodeListModel::aliveCount() const
{
    return int(std::count_if(rows().begin(), rows().end(), [](const NodeRow &row) {
        return row.node.state == QLatin1String("ALIVE");
    }));
}

int NodeListModel::deadCount() const
{
    return int(rows().size()) - aliveCount() - stoppedCount();
}

int NodeListModel::stoppedCount() const
{
    return int(std::count_if(rows().begin(), rows().end(),
                             [](const NodeRow &row) { return row.node.stoppedOnPurpose(); }));
}

QString NodeListModel::countsText() const
{
    QString text = tr("%n alive", nullptr, aliveCount());
    if (const int dead = deadCount())
        text = tr("%1, %n dead", nullptr, dead).arg(text);
    if (const int stopped = stoppedCount())
        text = tr("%1, %n stopped", nullptr, stopped).arg(text);
    return text;
}

} // namespace rov::core
