#include "jobhistorystore.h"

#include "joblistmodel.h" // jobKey
#include "privatefiles.h"

#include <sqlite3.h>

namespace rov::core {

namespace {

// One prepared statement, finalized on scope exit.
class Statement
{
public:
    Statement(sqlite3 *db, const char *sql) { sqlite3_prepare_v2(db, sql, -1, &m_stmt, nullptr); }
    ~Statement() { sqlite3_finalize(m_stmt); }
    Statement(const Statement &) = delete;
    Statement &operator=(const Statement &) = delete;

    bool valid() const { return m_stmt != nullptr; }
    Statement &bind(int index, const QString &text)
    {
        const QByteArray utf8 = text.toUtf8();
        sqlite3_bind_text(m_stmt, index, utf8.constData(), int(utf8.size()), SQLITE_TRANSIENT);
        return *this;
    }
    Statement &bind(int index, qint64 number)
    {
        sqlite3_bind_int64(m_stmt, index, number);
        return *this;
    }
    Statement &bindBlob(int index, const QByteArray &bytes)
    {
        sqlite3_bind_blob64(m_stmt, index, bytes.constData(), sqlite3_uint64(bytes.size()),
                            SQLITE_TRANSIENT);
        return *this;
    }
    int step() { return m_stmt ? sqlite3_step(m_stmt) : SQLITE_MISUSE; }
    QString text(int column) const
    {
        return QString::fromUtf8(
            reinterpret_cast<const char *>(sqlite3_column_text(m_stmt, column)));
    }
    qint64 number(int column) const { return sqlite3_column_int64(m_stmt, column); }
    QByteArray blob(int column) const
    {
        const void *data = sqlite3_column_blob(m_stmt, column);
        return QByteArray(static_cast<const char *>(data), sqlite3_column_bytes(m_stmt, column));
    }

private:
    sqlite3_stmt *m_stmt = nullptr;
};

qint64 msOrZero(const QDateTime &time)
{
    return time.isValid() ? time.toMSecsSinceEpoch() : 0;
}

QDateTime timeOrNull(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC) : QDateTime();
}

} // namespace

JobHistoryStore::~JobHistoryStore()
{
    sqlite3_close(m_db);
}

bool JobHistoryStore::exec(const char *sql)
{
    char *message = nullptr;
    if (sqlite3_exec(m_db, sql, nullptr, nullptr, &message) == SQLITE_OK)
        return true;
    m_lastError = QString::fromUtf8(message);
    sqlite3_free(message);
    return false;
}

bool JobHistoryStore::open(const QString &path, QString *error)
{
    // The jobs' commands and logs are the user's alone (SQLite makes files with the umask's mode).
    // A file that cannot be created is sqlite3_open's to report, with its reason.
    privateFile(path);
    if (sqlite3_open(path.toUtf8().constData(), &m_db) != SQLITE_OK) {
        *error = QStringLiteral("%1: %2").arg(path, QString::fromUtf8(sqlite3_errmsg(m_db)));
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    sqlite3_busy_timeout(m_db, 2000); // a second console window may write at the same time
    if (!exec("PRAGMA journal_mode=WAL;"
              "CREATE TABLE IF NOT EXISTS jobs ("
              " cluster TEXT NOT NULL, cluster_name TEXT NOT NULL, job_key TEXT NOT NULL,"
              " name TEXT, status TEXT, entrypoint TEXT, message TEXT,"
              " start_ms INTEGER, end_ms INTEGER, recorded_ms INTEGER NOT NULL, log BLOB,"
              " PRIMARY KEY (cluster, job_key));")) {
        *error = QStringLiteral("%1: %2").arg(path, m_lastError);
        sqlite3_close(m_db);
        m_db = nullptr;
        return false;
    }
    return true;
}

bool JobHistoryStore::recordJob(const QString &cluster, const QString &clusterName,
                                const api::ray::JobDetails &job)
{
    Statement insert(m_db, "INSERT INTO jobs (cluster, cluster_name, job_key, name, status,"
                           " entrypoint, message, start_ms, end_ms, recorded_ms)"
                           " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)"
                           " ON CONFLICT (cluster, job_key) DO UPDATE SET"
                           " cluster_name = ?2, name = ?4, status = ?5, entrypoint = ?6,"
                           " message = ?7, start_ms = ?8, end_ms = ?9, recorded_ms = ?10");
    insert.bind(1, cluster)
        .bind(2, clusterName)
        .bind(3, JobListModel::jobKey(job))
        .bind(4, job.name())
        .bind(5, job.status)
        .bind(6, job.entrypoint)
        .bind(7, job.message)
        .bind(8, msOrZero(job.startTime))
        .bind(9, msOrZero(job.endTime))
        .bind(10, QDateTime::currentMSecsSinceEpoch());
    if (insert.step() == SQLITE_DONE)
        return true;
    m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool JobHistoryStore::recordLog(const QString &cluster, const QString &key, const QByteArray &log)
{
    Statement update(m_db, "UPDATE jobs SET log = ?3 WHERE cluster = ?1 AND job_key = ?2");
    update.bind(1, cluster).bind(2, key).bindBlob(3, log);
    if (update.step() == SQLITE_DONE && sqlite3_changes(m_db) == 1)
        return true;
    m_lastError = QString::fromUtf8(sqlite3_errmsg(m_db));
    return false;
}

bool JobHistoryStore::hasLog(const QString &cluster, const QString &key) const
{
    Statement query(m_db, "SELECT 1 FROM jobs WHERE cluster = ?1 AND job_key = ?2"
                          " AND log IS NOT NULL");
    query.bind(1, cluster).bind(2, key);
    return query.step() == SQLITE_ROW;
}

std::vector<HistoricCluster> JobHistoryStore::clusters() const
{
    std::vector<HistoricCluster> result;
    Statement query(m_db, "SELECT cluster, MAX(cluster_name), COUNT(*), MAX(recorded_ms)"
                          " FROM jobs GROUP BY cluster ORDER BY MAX(recorded_ms) DESC");
    while (query.step() == SQLITE_ROW)
        result.push_back(
            {query.text(0), query.text(1), int(query.number(2)), timeOrNull(query.number(3))});
    return result;
}

std::vector<HistoricJob> JobHistoryStore::jobs(const QString &cluster) const
{
    std::vector<HistoricJob> result;
    Statement query(m_db, "SELECT cluster, cluster_name, job_key, name, status, entrypoint,"
                          " message, start_ms, end_ms, recorded_ms, log IS NOT NULL"
                          " FROM jobs WHERE cluster = ?1 ORDER BY start_ms, job_key");
    query.bind(1, cluster);
    while (query.step() == SQLITE_ROW) {
        HistoricJob job;
        job.cluster = query.text(0);
        job.clusterName = query.text(1);
        job.key = query.text(2);
        job.name = query.text(3);
        job.status = query.text(4);
        job.entrypoint = query.text(5);
        job.message = query.text(6);
        job.startTime = timeOrNull(query.number(7));
        job.endTime = timeOrNull(query.number(8));
        job.recordedAt = timeOrNull(query.number(9));
        job.hasLog = query.number(10) != 0;
        result.push_back(std::move(job));
    }
    return result;
}

std::optional<QByteArray> JobHistoryStore::log(const QString &cluster, const QString &key) const
{
    Statement query(m_db, "SELECT log FROM jobs WHERE cluster = ?1 AND job_key = ?2"
                          " AND log IS NOT NULL");
    query.bind(1, cluster).bind(2, key);
    if (query.step() != SQLITE_ROW)
        return std::nullopt;
    return query.blob(0);
}

int JobHistoryStore::removeOlderThan(const QDateTime &cutoff)
{
    Statement remove(m_db, "DELETE FROM jobs WHERE recorded_ms < ?1");
    remove.bind(1, cutoff.toMSecsSinceEpoch());
    return remove.step() == SQLITE_DONE ? sqlite3_changes(m_db) : 0;
}

} // namespace rov::core
