#include "datacontroller.h"

namespace rov::core {

using namespace api::bigquery;
using api::Result;

api::bigquery::JobError jobErrorOf(const rest::ApiError &error)
{
    JobError result;
    result.reason = error.status;
    result.message = error.message;
    std::tie(result.line, result.column) = errorPosition(error.message);
    return result;
}

DataController::DataController(QObject *parent)
    : QObject(parent), m_preview(this), m_results(this), m_history(this)
{
    m_validateTimer.setSingleShot(true);
    m_validateTimer.setInterval(kValidateDelay);
    connect(&m_validateTimer, &QTimer::timeout, this, &DataController::dryRunNow);
    // A query that ends, however it ends, is the history's newest entry.
    const auto follow = [this] {
        if (m_historyWanted)
            refreshHistory();
    };
    connect(this, &DataController::queryDone, this, follow);
    connect(this, &DataController::queryFailed, this, follow);
    connect(this, &DataController::saved, this, follow);
    connect(this, &DataController::saveFailed, this, follow);
}

DataController::~DataController()
{
    stopAll();
}

void DataController::stopAll()
{
    for (const rest::Call &call : std::exchange(m_calls, {}))
        call.cancel();
    m_validateTimer.stop();
}

void DataController::track(const rest::Call &call)
{
    std::erase_if(m_calls, [](const rest::Call &done) { return !done.isRunning(); });
    m_calls.push_back(call);
}

void DataController::setClient(BigQueryClient *client)
{
    stopAll();
    m_client = client;
    m_explorer.clear();
    m_preview.clear();
    m_results.clear();
    m_table.reset();
    m_job.reset();
    m_history.clear();
    m_knownColumns.clear();
    m_listing = 0;
    m_running = false;
    m_historyLoading = false;
    if (m_client) {
        refresh();
        if (m_historyWanted)
            refreshHistory();
    }
}

void DataController::refreshHistory()
{
    m_historyWanted = true;
    if (!m_client || m_historyLoading)
        return;
    m_historyLoading = true;
    track(m_client->recentJobs(kHistoryJobs, this, [this](Result<std::vector<QueryJob>> jobs) {
        m_historyLoading = false;
        if (!jobs.ok()) {
            if (jobs.error->status != QLatin1String("CANCELLED"))
                Q_EMIT historyFailed(*jobs.error);
            return;
        }
        const int count = int(jobs.value.size());
        m_history.setJobs(std::move(jobs.value));
        Q_EMIT historyLoaded(count);
    }));
}

void DataController::refresh()
{
    if (!m_client)
        return;
    ++m_listing;
    track(m_client->datasets(this, [this](Result<std::vector<Dataset>> result) {
        --m_listing;
        if (!result.ok()) {
            Q_EMIT explorerFailed(*result.error);
            return;
        }
        m_explorer.clear();
        for (const Dataset &dataset : result.value) {
            auto *item = new QStandardItem(dataset.id);
            item->setEditable(false);
            item->setData(QStringLiteral("dataset"), KindRole);
            item->setData(dataset.id, DatasetRole);
            item->setData(dataset.project, ProjectRole);
            m_explorer.appendRow(item);
            ++m_listing;
            const QPersistentModelIndex index(item->index());
            track(m_client->tables(dataset.id, this,
                                   [this, index](Result<std::vector<TableRef>> tables) {
                                       --m_listing;
                                       if (!tables.ok()) {
                                           Q_EMIT explorerFailed(*tables.error);
                                           return;
                                       }
                                       if (index.isValid())
                                           addTables(m_explorer.itemFromIndex(index), tables.value);
                                       if (m_listing == 0)
                                           Q_EMIT explorerLoaded(m_explorer.rowCount());
                                   }));
        }
        if (m_listing == 0)
            Q_EMIT explorerLoaded(m_explorer.rowCount());
    }));
}

void DataController::learnColumns(const std::vector<Field> &fields)
{
    bool added = false;
    // A RECORD's fields complete as record.field, as a query names them.
    std::function<void(const std::vector<Field> &, const QString &)> learn =
        [&](const std::vector<Field> &list, const QString &prefix) {
            for (const Field &field : list) {
                const QString name = prefix + field.name;
                if (!m_knownColumns.contains(name)) {
                    m_knownColumns << name;
                    added = true;
                }
                learn(field.fields, name + QLatin1Char('.'));
            }
        };
    learn(fields, {});
    if (added)
        Q_EMIT completionsChanged();
}

QStringList DataController::completionWords() const
{
    QStringList words = m_knownColumns;
    for (int row = 0; row < m_explorer.rowCount(); ++row) {
        const QStandardItem *dataset = m_explorer.item(row);
        words << dataset->text();
        for (int child = 0; child < dataset->rowCount(); ++child)
            words << dataset->text() + QLatin1Char('.') + dataset->child(child)->text();
    }
    return words;
}

void DataController::addTables(QStandardItem *datasetItem, const std::vector<TableRef> &tables)
{
    for (const TableRef &ref : tables) {
        auto *item = new QStandardItem(ref.table);
        item->setEditable(false);
        item->setData(QStringLiteral("table"), KindRole);
        item->setData(ref.dataset, DatasetRole);
        item->setData(ref.table, TableRole);
        item->setData(ref.project, ProjectRole);
        datasetItem->appendRow(item);
    }
}

void DataController::openTable(const TableRef &ref)
{
    if (!m_client)
        return;
    m_preview.clear();
    track(m_client->table(ref, this, [this, ref](Result<Table> result) {
        if (!result.ok()) {
            m_table.reset();
            Q_EMIT tableFailed(*result.error);
            return;
        }
        m_table = result.value;
        learnColumns(m_table->schema);
        Q_EMIT tableLoaded();
        if (m_table->type == QLatin1String("VIEW"))
            return; // a view has no rows of its own: it is queried
        const auto schema = m_table->schema;
        m_preview.reset(schema, std::max<qint64>(0, m_table->numRows),
                        [this, ref, schema](qint64 start) {
                            if (!m_client)
                                return;
                            track(m_client->rows(ref, schema, start, kPageRows, this,
                                                 [this](Result<RowPage> page) {
                                                     if (!page.ok()) {
                                                         m_preview.failPage();
                                                         Q_EMIT previewFailed(*page.error);
                                                         return;
                                                     }
                                                     m_preview.appendPage(page.value.rows);
                                                 }));
                        });
        m_preview.fetchMore({});
    }));
}

void DataController::validate(const QString &sql)
{
    m_pendingSql = sql;
    if (sql.trimmed().isEmpty()) {
        m_validateTimer.stop();
        return;
    }
    m_validateTimer.start();
}

void DataController::dryRunNow()
{
    if (!m_client || m_pendingSql.trimmed().isEmpty())
        return;
    Q_EMIT validating();
    const QString sql = m_pendingSql;
    track(m_client->dryRun(sql, this, [this, sql](Result<DryRun> result) {
        if (sql != m_pendingSql)
            return; // the text moved on; its own dry run follows
        if (result.ok()) {
            learnColumns(result.value.schema);
            Q_EMIT validated(result.value);
        } else if (result.error->status != QLatin1String("CANCELLED"))
            Q_EMIT invalid(jobErrorOf(*result.error));
    }));
}

void DataController::run(const QString &sql)
{
    if (!m_client || m_running || sql.trimmed().isEmpty())
        return;
    m_running = true;
    m_cancelRequested = false;
    m_job.reset();
    m_results.clear();
    Q_EMIT queryStarted();
    track(m_client->startQuery(sql, this, [this](Result<QueryJob> result) {
        if (!result.ok()) {
            fail(*result.error);
            return;
        }
        m_job = result.value;
        if (m_cancelRequested)
            cancel();
        poll();
    }));
}

void DataController::poll()
{
    if (!m_client || !m_job)
        return;
    track(m_client->results(m_job->ref, 0, kPageRows, 2000, this, [this](Result<RowPage> page) {
        if (!page.ok()) {
            fail(*page.error);
            return;
        }
        if (!page.value.jobComplete) {
            poll();
            return;
        }
        finishQuery(page.value);
    }));
}

void DataController::finishQuery(const RowPage &first)
{
    const JobRef ref = m_job->ref;
    m_results.reset(first.schema, first.totalRows, [this, ref](qint64 start) {
        if (!m_client)
            return;
        track(m_client->results(ref, start, kPageRows, 0, this, [this](Result<RowPage> page) {
            if (!page.ok()) {
                m_results.failPage();
                Q_EMIT previewFailed(*page.error);
                return;
            }
            m_results.appendPage(page.value.rows);
        }));
    });
    m_results.appendPage(first.rows);
    // The job's statistics (bytes, slot time, statement) come with jobs.get.
    track(m_client->job(ref, this, [this](Result<QueryJob> job) {
        if (job.ok())
            m_job = job.value;
        m_running = false;
        Q_EMIT queryDone();
    }));
}

void DataController::saveResults(const TableRef &target)
{
    if (!m_client || m_saving || !m_job || !m_job->destination)
        return;
    m_saving = true;
    // The job's own results table, which both rovd and BigQuery keep for a day.
    const QString sql = QStringLiteral("SELECT * FROM `%1`").arg(m_job->destination->sqlName());
    track(m_client->startQueryInto(sql, target, this, [this, target](Result<QueryJob> started) {
        if (!started.ok()) {
            endSave(jobErrorOf(*started.error), target);
            return;
        }
        waitForSave(started.value.ref, target);
    }));
}

// getQueryResults waits for the job (up to 10 s a call); jobs.get then says how it ended.
void DataController::waitForSave(const JobRef &ref, const TableRef &target)
{
    if (!m_client) {
        endSave(jobErrorOf(rest::ApiError::cancelled()), target);
        return;
    }
    track(m_client->results(ref, 0, 0, 10000, this, [this, ref, target](Result<RowPage> page) {
        if (!page.ok()) {
            endSave(jobErrorOf(*page.error), target);
            return;
        }
        if (!page.value.jobComplete) {
            waitForSave(ref, target);
            return;
        }
        track(m_client->job(ref, this, [this, target](Result<QueryJob> job) {
            if (!job.ok())
                endSave(jobErrorOf(*job.error), target);
            else
                endSave(job.value.error, target);
        }));
    }));
}

void DataController::endSave(const std::optional<JobError> &error, const TableRef &target)
{
    m_saving = false;
    if (error) {
        Q_EMIT saveFailed(*error);
        return;
    }
    Q_EMIT saved(target);
    refresh(); // the new table in the explorer
}

void DataController::fail(const rest::ApiError &error)
{
    m_running = false;
    if (error.status == QLatin1String("CANCELLED") && !m_client)
        return;
    JobError jobError = jobErrorOf(error);
    if (m_cancelRequested)
        jobError.reason = QStringLiteral("stopped");
    Q_EMIT queryFailed(jobError);
}

void DataController::cancel()
{
    if (!m_running)
        return;
    m_cancelRequested = true;
    if (!m_client || !m_job)
        return; // cancelled as soon as the job is known
    track(m_client->cancel(m_job->ref, this, [](Result<QueryJob>) {}));
}

} // namespace rov::core
