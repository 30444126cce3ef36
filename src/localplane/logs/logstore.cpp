#include "logstore.h"

#include "localplane/state/sqlstatement.h"

#include <QDateTime>
#include <QRegularExpression>
#include <sqlite3.h>
#include <unordered_map>

namespace rov::localplane::logs {

namespace {

const char *const kSchema[] = {
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=NORMAL",
    // A reader keeps the log from being reset while a batch goes in; it shrinks back after.
    "PRAGMA journal_size_limit=16777216",
    "CREATE TABLE IF NOT EXISTS sources("
    " id INTEGER PRIMARY KEY, project TEXT NOT NULL, cluster TEXT NOT NULL, log TEXT NOT NULL,"
    " path TEXT NOT NULL, pool TEXT NOT NULL DEFAULT '', node TEXT NOT NULL DEFAULT '',"
    " node_id TEXT NOT NULL DEFAULT '', submission TEXT NOT NULL DEFAULT '',"
    " device INTEGER NOT NULL DEFAULT 0, inode INTEGER NOT NULL DEFAULT 0, fingerprint BLOB,"
    " offset INTEGER NOT NULL DEFAULT 0, job TEXT NOT NULL DEFAULT '',"
    " finished INTEGER NOT NULL DEFAULT 0)",
    "CREATE INDEX IF NOT EXISTS sources_cluster ON sources(cluster)",
    // Times in microseconds since the epoch; job NULL when there is none (most lines).
    "CREATE TABLE IF NOT EXISTS entries("
    " id INTEGER PRIMARY KEY, ts INTEGER NOT NULL, received INTEGER NOT NULL,"
    " severity INTEGER NOT NULL, source INTEGER NOT NULL, job TEXT, message TEXT NOT NULL)",
    "CREATE INDEX IF NOT EXISTS entries_ts ON entries(ts)",
    "CREATE INDEX IF NOT EXISTS entries_source_ts ON entries(source, ts)",
    // Severity is checked on the way through the time index: a third index would make the
    // store larger than the logs (the target is twice at most).
    "DROP INDEX IF EXISTS entries_severity_ts",
    // unicode61 with full detail (phrases) and no column sizes: about 0.4 bytes of index for each
    // byte of text, where trigram takes 3 (measured on Ray's lines).
    ("CREATE VIRTUAL TABLE IF NOT EXISTS entries_text USING fts5(message, content='entries',"
     " content_rowid='id', detail=full, columnsize=0)"),
};

// rov_regexp(pattern, text): the filter language's =~, with the compiled pattern kept for the
// statement's life.
void regexpFunction(sqlite3_context *context, int, sqlite3_value **values)
{
    auto *regex = static_cast<QRegularExpression *>(sqlite3_get_auxdata(context, 0));
    if (!regex) {
        const QString pattern =
            QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(values[0])),
                              sqlite3_value_bytes(values[0]));
        regex = new QRegularExpression(pattern);
        sqlite3_set_auxdata(context, 0, regex,
                            [](void *data) { delete static_cast<QRegularExpression *>(data); });
        regex = static_cast<QRegularExpression *>(sqlite3_get_auxdata(context, 0));
        if (!regex) {
            sqlite3_result_error_nomem(context);
            return;
        }
    }
    const QString text =
        QString::fromUtf8(reinterpret_cast<const char *>(sqlite3_value_text(values[1])),
                          sqlite3_value_bytes(values[1]));
    sqlite3_result_int(context, regex->match(text).hasMatch() ? 1 : 0);
}

sqlite3 *openConnection(const QString &path, bool readOnly, QString *error)
{
    sqlite3 *db = nullptr;
    const int flags = readOnly ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, flags | SQLITE_OPEN_NOMUTEX, nullptr) !=
        SQLITE_OK) {
        *error = QStringLiteral("cannot open the log store %1: %2")
                     .arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return nullptr;
    }
    sqlite3_busy_timeout(db, 5000);
    sqlite3_create_function_v2(db, "rov_regexp", 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC, nullptr,
                               regexpFunction, nullptr, nullptr, nullptr);
    return db;
}

LogSource sourceFrom(const SqlStatement &row, int first)
{
    LogSource source;
    source.id = row.number(first);
    source.project = row.text(first + 1);
    source.cluster = row.text(first + 2);
    source.log = row.text(first + 3);
    source.path = row.text(first + 4);
    source.pool = row.text(first + 5);
    source.node = row.text(first + 6);
    source.nodeId = row.text(first + 7);
    source.submission = row.text(first + 8);
    return source;
}

#define ROV_SOURCE_COLUMNS "id, project, cluster, log, path, pool, node, node_id, submission"

} // namespace

struct LogStore::Reader
{
    sqlite3 *db = nullptr;
    ~Reader() { sqlite3_close(db); }
};

LogStore::LogStore(QString path) : m_path(std::move(path)) {}

LogStore::~LogStore()
{
    m_readers.clear();
    sqlite3_close(m_db);
}

std::unique_ptr<LogStore> LogStore::open(const QString &path, QString *error)
{
    std::unique_ptr<LogStore> store(new LogStore(path));
    store->m_db = openConnection(path, false, error);
    if (!store->m_db)
        return nullptr;
    for (const char *sql : kSchema) {
        if (!store->execute(sql)) {
            *error =
                QStringLiteral("cannot prepare the log store %1: %2").arg(path, store->lastError());
            return nullptr;
        }
    }
    return store;
}

bool LogStore::execute(const char *sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK;
}

QString LogStore::lastError() const
{
    return m_failure.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_failure;
}

std::vector<LogSource> LogStore::openSources() const
{
    std::vector<LogSource> sources;
    SqlStatement select(m_db, "SELECT " ROV_SOURCE_COLUMNS ", device, inode, fingerprint, offset, "
                              "job FROM sources WHERE finished = 0 ORDER BY id");
    while (select.step() == SQLITE_ROW) {
        LogSource source = sourceFrom(select, 0);
        source.device = select.number(9);
        source.inode = select.number(10);
        source.fingerprint = select.blob(11);
        source.offset = select.number(12);
        source.jobId = select.text(13);
        sources.push_back(std::move(source));
    }
    return sources;
}

bool LogStore::addSource(LogSource &source)
{
    SqlStatement insert(m_db,
                        "INSERT INTO sources(project, cluster, log, path, pool, node, node_id, "
                        "submission, device, inode, fingerprint, offset, job) "
                        "VALUES(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
    insert.bind(1, source.project);
    insert.bind(2, source.cluster);
    insert.bind(3, source.log);
    insert.bind(4, source.path);
    insert.bind(5, source.pool);
    insert.bind(6, source.node);
    insert.bind(7, source.nodeId);
    insert.bind(8, source.submission);
    insert.bind(9, source.device);
    insert.bind(10, source.inode);
    insert.bind(11, source.fingerprint);
    insert.bind(12, source.offset);
    insert.bind(13, source.jobId);
    if (!insert.run())
        return false;
    source.id = sqlite3_last_insert_rowid(m_db);
    return true;
}

bool LogStore::append(const std::vector<NewLogEntry> &entries,
                      const std::vector<LogSource> &offsets)
{
    m_failure.clear();
    if (!execute("BEGIN IMMEDIATE"))
        return false;
    SqlStatement insert(m_db, "INSERT INTO entries(ts, received, severity, source, job, message) "
                              "VALUES(?, ?, ?, ?, ?, ?)");
    SqlStatement index(m_db, "INSERT INTO entries_text(rowid, message) VALUES(?, ?)");
    SqlStatement offset(m_db,
                        "UPDATE sources SET offset = ?, job = ?, fingerprint = ? WHERE id = ?");
    bool ok = insert.valid() && index.valid() && offset.valid();
    for (const NewLogEntry &entry : entries) {
        if (!ok)
            break;
        insert.bind(1, entry.timestampUs);
        insert.bind(2, entry.receivedUs);
        insert.bind(3, qint64(entry.severity));
        insert.bind(4, entry.sourceId);
        insert.bindOrNull(5, entry.jobId);
        const QByteArray message = entry.message.toUtf8();
        insert.bindView(6, message);
        ok = insert.run();
        index.bind(1, qint64(sqlite3_last_insert_rowid(m_db)));
        index.bindView(2, message);
        ok = ok && index.run();
    }
    for (const LogSource &source : offsets) {
        if (!ok)
            break;
        offset.bind(1, source.offset);
        offset.bind(2, source.jobId);
        offset.bind(3, source.fingerprint);
        offset.bind(4, source.id);
        ok = offset.run();
    }
    if (!ok) {
        // The failed statement's reason stays the one told (lastError()); SQLite has rolled back
        // by itself after most I/O errors.
        m_failure = QString::fromUtf8(sqlite3_errmsg(m_db));
        if (!execute("ROLLBACK"))
            m_failure += QStringLiteral("; the rollback failed too: ") +
                         QString::fromUtf8(sqlite3_errmsg(m_db));
        return false;
    }
    return execute("COMMIT");
}

bool LogStore::setNodeId(const QString &cluster, const QString &node, const QString &nodeId)
{
    m_failure.clear();
    SqlStatement update(m_db, "UPDATE sources SET node_id = ? WHERE cluster = ? AND node = ? AND "
                              "node_id = ''");
    update.bind(1, nodeId);
    update.bind(2, cluster);
    update.bind(3, node);
    return update.run();
}

bool LogStore::finishSource(qint64 sourceId)
{
    m_failure.clear();
    SqlStatement update(m_db, "UPDATE sources SET finished = 1 WHERE id = ?");
    update.bind(1, sourceId);
    return update.run();
}

qint64 LogStore::prune(std::chrono::hours maxAge, qint64 maxBytes)
{
    const auto removeUpTo = [this](qint64 lastId) -> qint64 {
        if (!execute("BEGIN IMMEDIATE"))
            return 0;
        // External content: the index forgets a row only when told its text.
        SqlStatement forget(m_db, "INSERT INTO entries_text(entries_text, rowid, message) "
                                  "SELECT 'delete', id, message FROM entries WHERE id <= ?");
        SqlStatement remove(m_db, "DELETE FROM entries WHERE id <= ?");
        forget.bind(1, lastId);
        remove.bind(1, lastId);
        const bool removedAll = forget.run() && remove.run();
        const qint64 removed = removedAll ? sqlite3_changes(m_db) : 0;
        if (removedAll && execute("COMMIT"))
            return removed;
        // Nothing removed: the entries stay until the next prune, which tries again.
        [[maybe_unused]] const bool rolledBack = execute("ROLLBACK");
        return 0;
    };
    qint64 removed = 0;
    // Ids grow as entries arrive: the oldest arrivals go first. Time decides by arrival too, so
    // a file read late is not removed for the old times in it.
    const qint64 cutoffUs =
        (QDateTime::currentMSecsSinceEpoch() -
         std::chrono::duration_cast<std::chrono::milliseconds>(maxAge).count()) *
        1000;
    {
        SqlStatement last(m_db, "SELECT max(id) FROM entries WHERE received < ?");
        last.bind(1, cutoffUs);
        if (last.step() == SQLITE_ROW && sqlite3_column_type(last.handle(), 0) != SQLITE_NULL) {
            const qint64 lastId = last.number(0);
            last.step();
            removed += removeUpTo(lastId);
        }
    }
    // By size: a tenth of the entries at a time until the pages in use fit.
    for (int round = 0; round < 1000 && bytesUsed() > maxBytes; ++round) {
        SqlStatement bounds(m_db, "SELECT min(id), max(id) FROM entries");
        if (bounds.step() != SQLITE_ROW || sqlite3_column_type(bounds.handle(), 0) == SQLITE_NULL)
            break;
        const qint64 first = bounds.number(0), last = bounds.number(1);
        const qint64 gone = removeUpTo(first + std::max<qint64>(1, (last - first) / 10));
        if (gone == 0)
            break;
        removed += gone;
    }
    // Tidying: a file with no entries left, and the WAL's pages. Either may fail on a full disk
    // and changes nothing a reader sees; the next prune does it again.
    if (removed > 0) {
        [[maybe_unused]] const bool tidied =
            execute("DELETE FROM sources WHERE finished = 1 AND NOT EXISTS "
                    "(SELECT 1 FROM entries WHERE source = sources.id)") &&
            execute("PRAGMA wal_checkpoint(TRUNCATE)");
    }
    return removed;
}

qint64 LogStore::bytesUsed() const
{
    SqlStatement pages(m_db, "SELECT (SELECT page_count FROM pragma_page_count()) - "
                             "(SELECT freelist_count FROM pragma_freelist_count()), "
                             "(SELECT page_size FROM pragma_page_size())");
    if (pages.step() != SQLITE_ROW)
        return 0;
    return pages.number(0) * pages.number(1);
}

std::optional<QStringList> LogStore::logIds(const QString &project, const QString &after, int limit,
                                            QString *error) const
{
    auto reader = takeReader(error);
    if (!reader)
        return std::nullopt;
    QStringList ids;
    {
        SqlStatement select(reader->db,
                            "SELECT DISTINCT log FROM sources WHERE (project = ? OR project = '') "
                            "AND log > ? ORDER BY log LIMIT ?");
        select.bind(1, project);
        select.bind(2, after);
        select.bind(3, qint64(limit) + 1);
        int result = SQLITE_ROW;
        while ((result = select.step()) == SQLITE_ROW)
            ids << select.text(0);
        if (result != SQLITE_DONE) {
            *error = QString::fromUtf8(sqlite3_errmsg(reader->db));
            return std::nullopt;
        }
    }
    giveBack(std::move(reader));
    return ids;
}

qint64 LogStore::entryCount() const
{
    QString error;
    auto reader = takeReader(&error);
    if (!reader)
        return 0;
    qint64 count = 0;
    {
        SqlStatement select(reader->db, "SELECT count(*) FROM entries");
        if (select.step() == SQLITE_ROW)
            count = select.number(0);
    }
    giveBack(std::move(reader));
    return count;
}

std::unique_ptr<LogStore::Reader> LogStore::takeReader(QString *error) const
{
    {
        std::lock_guard lock(m_readersMutex);
        if (!m_readers.empty()) {
            auto reader = std::move(m_readers.back());
            m_readers.pop_back();
            return reader;
        }
    }
    auto reader = std::make_unique<Reader>();
    reader->db = openConnection(m_path, true, error);
    if (!reader->db)
        return nullptr;
    return reader;
}

void LogStore::giveBack(std::unique_ptr<Reader> reader) const
{
    std::lock_guard lock(m_readersMutex);
    if (m_readers.size() < 8)
        m_readers.push_back(std::move(reader));
}

qint64 LogStore::textMatches(const Reader &reader, const QString &ftsQuery) const
{
    SqlStatement count(reader.db, "SELECT count(*) FROM (SELECT 1 FROM entries_text WHERE "
                                  "entries_text MATCH ? LIMIT ?)");
    count.bind(1, ftsQuery);
    count.bind(2, kTextFirstLimit);
    return count.step() == SQLITE_ROW ? count.number(0) : kTextFirstLimit;
}

void LogStore::refreshStatistics()
{
    // A sample of each index is enough for the planner to know a file from a time. Statistics
    // only guide the planner: a failure leaves the old ones, and the next call tries again.
    [[maybe_unused]] const bool refreshed = execute("PRAGMA analysis_limit=1000") &&
                                            execute("ANALYZE") &&
                                            execute("PRAGMA wal_checkpoint(TRUNCATE)");
}

namespace {

// The SELECT of a page. Where its loop starts: from the few entries that hold a required text
// (then sorted), or along the time index (stopping after a page). CROSS JOIN keeps that order;
// each row looks its file up by key.
QString selectSql(const LogStore::Query &query, bool fromText)
{
    QString where = QStringLiteral("(%1)").arg(query.filter.where);
    if (!query.projects.isEmpty()) {
        QStringList marks;
        for (qsizetype i = 0; i < query.projects.size(); ++i)
            marks << QStringLiteral("?");
        // "+": not a way into the index; every entry of a one-project store has it. rovd's own
        // logs (no project) are in every project's answer: one rovd serves them all.
        where += QStringLiteral(" AND +e.source IN (SELECT id FROM sources WHERE project IN (%1) "
                                "OR project = '')")
                     .arg(marks.join(QStringLiteral(", ")));
    }
    if (query.after)
        where += query.newestFirst ? QStringLiteral(" AND (e.ts, e.id) < (?, ?)")
                                   : QStringLiteral(" AND (e.ts, e.id) > (?, ?)");
    if (fromText)
        where += QStringLiteral(" AND entries_text MATCH ?");
    const QString from =
        fromText ? QStringLiteral("entries_text t CROSS JOIN entries e ON e.id = t.rowid")
                 : QStringLiteral("entries e");
    return QStringLiteral("SELECT e.id, e.ts, e.received, e.severity, e.job, e.message, s.id, "
                          "s.project, s.cluster, s.log, s.path, s.pool, s.node, s.node_id, "
                          "s.submission FROM %1 CROSS JOIN sources s ON s.id = e.source "
                          "WHERE %2 ORDER BY e.ts %3, e.id %3 LIMIT %4")
        // One arg(): a second would read a '%' in the filter's SQL ('%2F') as its mark.
        .arg(from, where, QLatin1String(query.newestFirst ? "DESC" : "ASC"),
             QString::number(query.pageSize + 1));
}

// The values of selectSql's marks, in their order.
void bindValues(SqlStatement &select, const LogStore::Query &query, bool fromText)
{
    int index = 1;
    for (const auto &value : query.filter.values) {
        if (const auto *number = std::get_if<qint64>(&value))
            select.bind(index++, *number);
        else
            select.bind(index++, std::get<QString>(value));
    }
    for (const QString &project : query.projects)
        select.bind(index++, project);
    if (query.after) {
        select.bind(index++, query.after->timestampUs);
        select.bind(index++, query.after->id);
    }
    if (fromText)
        select.bind(index++, query.filter.requiredText);
}

// Steps through the rows until a page is full (and one more says there are others) or the
// budget runs out (SQLite's progress handler interrupts the statement).
int readPage(sqlite3 *db, SqlStatement &select, const LogStore::Query &query, LogStore::Page &page)
{
    using Clock = std::chrono::steady_clock;
    Clock::time_point deadline = Clock::now() + query.budget;
    sqlite3_progress_handler(
        db, 10000,
        [](void *data) -> int {
            return Clock::now() > *static_cast<Clock::time_point *>(data) ? 1 : 0;
        },
        &deadline);
    int result = SQLITE_ROW;
    while ((result = select.step()) == SQLITE_ROW) {
        if (int(page.entries.size()) == query.pageSize) {
            page.more = true;
            break;
        }
        StoredLogEntry entry;
        entry.id = select.number(0);
        entry.timestampUs = select.number(1);
        entry.receivedUs = select.number(2);
        entry.severity = int(select.number(3));
        entry.jobId = select.text(4);
        entry.message = select.text(5);
        entry.source = sourceFrom(select, 6);
        page.entries.push_back(std::move(entry));
    }
    sqlite3_progress_handler(db, 0, nullptr, nullptr);
    return result;
}

} // namespace

LogStore::Answer LogStore::query(const Query &query) const
{
    Answer answer;
    auto reader = takeReader(&answer.error);
    if (!reader) {
        answer.status = QueryStatus::Failed;
        return answer;
    }
    const bool fromText = !query.filter.requiredText.isEmpty() &&
                          textMatches(*reader, query.filter.requiredText) < kTextFirstLimit;
    {
        SqlStatement select(reader->db, selectSql(query, fromText));
        if (!select.valid()) {
            answer.status = QueryStatus::Failed;
            answer.error = QString::fromUtf8(sqlite3_errmsg(reader->db));
        } else {
            bindValues(select, query, fromText);
            const int result = readPage(reader->db, select, query, answer.page);
            if (result == SQLITE_INTERRUPT) {
                answer.status = QueryStatus::TooSlow;
            } else if (result != SQLITE_ROW && result != SQLITE_DONE) {
                answer.status = QueryStatus::Failed;
                answer.error = QString::fromUtf8(sqlite3_errmsg(reader->db));
            }
        }
    }
    giveBack(std::move(reader));
    return answer;
}

} // namespace rov::localplane::logs
