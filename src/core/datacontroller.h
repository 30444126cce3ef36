#pragma once

#include "api/bigquery/bigqueryclient.h"
#include "queryhistorymodel.h"
#include "queryresultsmodel.h"
#include "rest/apierror.h"
#include "rest/call.h"

#include <QObject>
#include <QPointer>
#include <QStandardItemModel>
#include <QTimer>
#include <optional>

namespace rov::core {

// The Data page's data: the explorer (datasets and their tables), a table's details and preview
// (tabledata.list: no query, no cost), the query editor's dry run as the text changes, and a
// query's run, results and cancel. The same calls for rovd and for Google's BigQuery. Every call
// ends: with its answer, an error, or cancelled when the backend changes.
class DataController : public QObject
{
    Q_OBJECT
public:
    enum ItemRole
    {
        KindRole = Qt::UserRole + 1, // "dataset" or "table"
        DatasetRole,
        TableRole,
        ProjectRole,
    };
    static constexpr int kPageRows = 500;
    static constexpr int kHistoryJobs = 100; // the query history's newest jobs
    static constexpr std::chrono::milliseconds kValidateDelay{600};

    explicit DataController(QObject *parent = nullptr);
    ~DataController() override;

    // The backend's client; nullptr when there is none. Clears everything and stops every call.
    void setClient(api::bigquery::BigQueryClient *client);
    api::bigquery::BigQueryClient *client() const { return m_client; }

    QStandardItemModel *explorer() { return &m_explorer; }
    QueryResultsModel *preview() { return &m_preview; }
    QueryResultsModel *results() { return &m_results; }
    QueryHistoryModel *history() { return &m_history; }

    // Datasets and their tables, again.
    void refresh();
    bool refreshing() const { return m_listing > 0; }
    void openTable(const api::bigquery::TableRef &ref);
    const std::optional<api::bigquery::Table> &table() const { return m_table; }
    // What the query editor completes: datasets, dataset.table and the columns of every table
    // opened (and of the last dry run's result) since the backend was chosen.
    QStringList completionWords() const;

    // A dry run of `sql` once it has not changed for kValidateDelay (none for empty text).
    void validate(const QString &sql);
    void run(const QString &sql);
    void cancel();
    bool running() const { return m_running; }
    // The last query's results into `target`, a new table (a query job reading the job's own
    // results table): ends with saved or saveFailed, and the explorer lists the table.
    void saveResults(const api::bigquery::TableRef &target);
    bool saving() const { return m_saving; }
    const std::optional<api::bigquery::QueryJob> &job() const { return m_job; }
    // The user's newest jobs (jobs.list), again: ends with historyLoaded or historyFailed. Once
    // asked for, the history follows every query of the page as it ends.
    void refreshHistory();
    bool historyLoading() const { return m_historyLoading; }

Q_SIGNALS:
    void explorerLoaded(int datasets);
    void explorerFailed(const rov::rest::ApiError &error);
    void tableLoaded();
    void tableFailed(const rov::rest::ApiError &error);
    void validating();
    void validated(const rov::api::bigquery::DryRun &dryRun);
    void invalid(const rov::api::bigquery::JobError &error);
    void queryStarted();
    // The query ended: job() has its statistics; results() its rows.
    void queryDone();
    void queryFailed(const rov::api::bigquery::JobError &error);
    void previewFailed(const rov::rest::ApiError &error);
    void saved(const rov::api::bigquery::TableRef &target);
    void saveFailed(const rov::api::bigquery::JobError &error);
    void completionsChanged();
    void historyLoaded(int jobs);
    void historyFailed(const rov::rest::ApiError &error);

private:
    void addTables(QStandardItem *datasetItem, const std::vector<api::bigquery::TableRef> &tables);
    void learnColumns(const std::vector<api::bigquery::Field> &fields);
    void dryRunNow();
    void poll();
    void finishQuery(const api::bigquery::RowPage &first);
    void fail(const rest::ApiError &error);
    void stopAll();
    void waitForSave(const api::bigquery::JobRef &ref, const api::bigquery::TableRef &target);
    void endSave(const std::optional<api::bigquery::JobError> &error,
                 const api::bigquery::TableRef &target);
    void track(const rest::Call &call);

    QPointer<api::bigquery::BigQueryClient> m_client;
    QStandardItemModel m_explorer;
    QueryResultsModel m_preview;
    QueryResultsModel m_results;
    QueryHistoryModel m_history;
    std::optional<api::bigquery::Table> m_table;
    std::optional<api::bigquery::QueryJob> m_job;
    QStringList m_knownColumns;
    QTimer m_validateTimer;
    QString m_pendingSql;
    int m_listing = 0;
    bool m_running = false;
    bool m_saving = false;
    bool m_cancelRequested = false;
    bool m_historyWanted = false;
    bool m_historyLoading = false;
    std::vector<rest::Call> m_calls; // every call under way: cancelled with the backend
};

// A query error from an HTTP answer: its message, with the [line:column] when it has one.
api::bigquery::JobError jobErrorOf(const rest::ApiError &error);

} // namespace rov::core
