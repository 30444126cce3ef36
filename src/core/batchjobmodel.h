#pragma once

#include "api/vertex/batchclient.h"
#include "keyedtablemodel.h"

#include <QString>
#include <map>
#include <optional>
#include <vector>

namespace rov::catalog {
class MachineCatalog;
}

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
        Cost,
        ColumnCount
    };
    using KeyedTableModel::KeyedTableModel;
    void setJobs(std::vector<api::vertex::BatchPredictionJob> jobs)
    {
        replaceRows(std::move(jobs));
    }
    // The registered models' display names by resource name: the Model column shows them (a
    // job of a deleted model shows its id).
    void setModelNames(std::map<QString, QString> names);
    QString modelTitle(const api::vertex::BatchPredictionJob &job) const;
    int columnCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : ColumnCount;
    }
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

protected:
    QString keyOf(const api::vertex::BatchPredictionJob &row) const override { return row.name; }

private:
    std::map<QString, QString> m_modelNames;
};

// "Running", "Succeeded"…: a JobState as a person reads it, in the language of the moment.
QString batchStateTitle(const QString &state);
// "7,500 of 10,000 (2 failed)"; "—" before the job has counted anything.
QString batchProgressText(const api::vertex::BatchPredictionJob &job);
// What a job's replicas cost until now (or its end) at the catalogue's prices: "$0.12" with a
// fixed pool, "$0.12–$0.24" between its starting and its maximum replica count; "" before it
// starts, and "—" for a machine type without a price.
QString batchCostText(const catalog::MachineCatalog &machines,
                      const api::vertex::BatchPredictionJob &job, const QDateTime &now);

// A results file's first lines as the preview shows them: the instance (or its key) and the
// prediction, each as compact JSON. Lines that are not Vertex's result objects are skipped.
struct BatchResultRow
{
    QString instance;
    QString prediction;
};
std::vector<BatchResultRow> batchResultRows(const QByteArray &jsonLines, int maxRows);
// An errors file's lines as "instance — message".
QStringList batchErrorLines(const QByteArray &jsonLines, int maxLines);

// Why the create dialog's request cannot be sent yet, in the language of the moment; "" when it
// can. Inputs and the output are gs:// locations, or bq:// tables for the "bigquery" format.
QString batchSpecProblem(const api::vertex::BatchJobSpec &spec);
// Where the output goes when the user has not said: beside the first input, in the bucket's
// "batch-predictions" folder (gs://), or the input's dataset (bq://).
QString defaultBatchOutput(const QString &inputUri);

// "1 min 5 s": from its start to its end, or to `now` while it runs; "" before it starts.
QString batchDurationText(const api::vertex::BatchPredictionJob &job, const QDateTime &now);

} // namespace rov::core
