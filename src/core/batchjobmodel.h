#pragma once

#include "api/vertex/batchclient.h"
#include "keyedtablemodel.h"

#include <QString>

// The Batch predictions page's table, and the words it shows for a job.
namespace rov::core {

class BatchJobListModel : public KeyedTableModel<api::vertex::BatchPredictionJob>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Model,
        Input,
        State,
        Progress,
        Duration,
        ColumnCount
    };
    using KeyedTableModel::KeyedTableModel;
    void setJobs(std::vector<api::vertex::BatchPredictionJob> jobs)
    {
        replaceRows(std::move(jobs));
    }
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const api::vertex::BatchPredictionJob &row) const override { return row.name; }
};

// "Running", "Succeeded"…: a JobState as a person reads it, in the language of the moment.
QString batchStateTitle(const QString &state);
// "7,500 of 10,000 (2 failed)"; "—" before the job has counted anything.
QString batchProgressText(const api::vertex::BatchPredictionJob &job);
// "1 min 5 s": from its start to its end, or to `now` while it runs; "" before it starts.
QString batchDurationText(const api::vertex::BatchPredictionJob &job, const QDateTime &now);

} // namespace rov::core
