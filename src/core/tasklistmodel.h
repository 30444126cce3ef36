#pragma once

#include "api/ray/statesummary.h"
#include "keyedtablemodel.h"

namespace rov::core {

// One page of the State API's task list. Ray caps the page; truncated() says when it did.
class TaskListModel : public KeyedTableModel<api::ray::TaskRow>
{
    Q_OBJECT
public:
    enum Column
    {
        TaskId,
        Name,
        State,
        Kind,
        Node,
        Job,
        ColumnCount
    };

    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setPage(api::ray::TaskPage page);
    qint64 total() const { return m_total; }
    bool truncated() const { return m_total > rowCount(); }

protected:
    QString keyOf(const api::ray::TaskRow &row) const override { return row.taskId; }
    bool sameForUser(const api::ray::TaskRow &a, const api::ray::TaskRow &b) const override
    {
        return a.state == b.state && a.nodeId == b.nodeId;
    }

private:
    qint64 m_total = 0;
};

} // namespace rov::core
