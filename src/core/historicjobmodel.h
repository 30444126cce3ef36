#pragma once

#include "jobhistorystore.h"
#include "keyedtablemodel.h"

namespace rov::core {

// The jobs the history kept for one cluster.
class HistoricJobModel : public KeyedTableModel<HistoricJob>
{
    Q_OBJECT
public:
    // The first five as in JobListModel, whose titles they share.
    enum Column
    {
        Id,
        Name,
        Status,
        Entrypoint,
        Started,
        Ended,
        Log,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        KeyRole,
    };

    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    void setJobs(std::vector<HistoricJob> jobs) { replaceRows(std::move(jobs)); }

protected:
    QString keyOf(const HistoricJob &job) const override { return job.key; }
};

} // namespace rov::core
