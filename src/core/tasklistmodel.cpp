#include "tasklistmodel.h"

#include "statesummarymodel.h" // typeText

namespace rov::core {

using api::ray::TaskRow;

int TaskListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TaskListModel::data(const QModelIndex &index, int role) const
{
    const TaskRow *row = at(index.row());
    if (!row || index.column() >= ColumnCount)
        return {};
    if (role == Qt::ToolTipRole && index.column() == State && !row->errorType.isEmpty())
        return row->errorType;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case TaskId:
        return row->taskId.left(16);
    case Name:
        return row->name;
    case State:
        return row->state;
    case Kind:
        return StateSummaryModel::typeText(row->type);
    case Node:
        return row->nodeId.left(12);
    case Job:
        return row->jobId;
    }
    return {};
}

QVariant TaskListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case TaskId:
        return tr("Task id");
    case Name:
        return tr("Name");
    case State:
        return tr("State");
    case Kind:
        return tr("Kind");
    case Node:
        return tr("Node");
    case Job:
        return tr("Job");
    }
    return {};
}

void TaskListModel::setPage(api::ray::TaskPage page)
{
    m_total = page.total;
    replaceRows(std::move(page.tasks));
}

} // namespace rov::core
