#pragma once

#include "api/ray/raydashboardclient.h"
#include "keyedtablemodel.h"

namespace rov::core {

// One Ray node with what the dashboard's summary adds to the State API's view of it.
struct NodeRow
{
    api::ray::NodeState node;
    std::optional<api::ray::NodeUsage> usage;

    // The resource pool from the node's `resource-pool` label (rovd sets it); empty if unknown.
    QString pool() const;
};

// The nodes of one Ray cluster, head first.
class NodeListModel : public KeyedTableModel<NodeRow>
{
    Q_OBJECT
public:
    enum Column
    {
        NodeId,
        Role,
        State,
        Pool,
        Cpus,
        Gpus,
        Memory,
        ObjectStore,
        Workers,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    bool setNodes(std::vector<api::ray::NodeState> nodes,
                  const std::map<QString, api::ray::NodeUsage> &usage);
    int aliveCount() const;
    int deadCount() const;    // lost: dead without being asked to stop
    int stoppedCount() const; // stopped on purpose (a delete, a scale-down)
    // "3 alive", "3 alive, 1 dead", "3 alive, 1 stopped": what a person needs to know.
    QString countsText() const;

    static QString bytesText(double bytes);

protected:
    QString keyOf(const NodeRow &row) const override { return row.node.nodeId; }

private:
    QVariant display(const NodeRow &row, int column) const;
};

} // namespace rov::core
