#pragma once

#include "api/bigquery/bigquerytypes.h"
#include "keyedtablemodel.h"

namespace rov::core {

// The Data page's query history: the user's newest BigQuery jobs (jobs.list), with what each
// read and how it ended. Rows keep their place across refreshes; views sort by SortRole.
class QueryHistoryModel : public KeyedTableModel<api::bigquery::QueryJob>
{
    Q_OBJECT
public:
    enum Column
    {
        Created,
        State,
        Type,
        Query,
        Processed,
        Duration,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;  // creation time in ms, size, duration
    static constexpr int QueryRole = Qt::UserRole + 2; // the job's SQL (empty for other jobs)

    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Takes a fresh list; true when anything a user sees changed.
    bool setJobs(std::vector<api::bigquery::QueryJob> jobs);
    void clear() { replaceRows({}); }
    // After a language change: every text is made again.
    void retranslate();

    static QString stateText(const api::bigquery::QueryJob &job);
    static QString typeText(const QString &jobType);

protected:
    QString keyOf(const api::bigquery::QueryJob &job) const override { return job.ref.id; }
    bool sameForUser(const api::bigquery::QueryJob &a,
                     const api::bigquery::QueryJob &b) const override;
};

} // namespace rov::core
