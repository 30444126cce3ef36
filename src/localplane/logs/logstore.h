#pragma once

#include "logsql.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <memory>
#include <mutex>
#include <optional>
#include <vector>

struct sqlite3;

namespace rov::localplane::logs {

// One log file that rovd follows, and what it has stored of it. Entries carry its labels.
struct LogSource
{
    qint64 id = 0;
    QString project;
    QString cluster;    // the cluster's id (the last segment of its name)
    QString log;        // the log's id in logName: the file's name
    QString path;       // where it was read (jsonPayload.tailed_path)
    QString pool;       // the resource pool of the node that wrote it, when known
    QString node;       // that node's name in rovd ("head", "workers-1")
    QString nodeId;     // Ray's node id, when known
    QString submission; // a job driver's log: the job's submission id
    qint64 device = 0, inode = 0;
    QByteArray fingerprint; // the file's first bytes: an inode used again is another file
    qint64 offset = 0;      // bytes stored: the next entry begins here
    QString jobId;          // the job whose lines were being written at `offset`
};

// An entry to store.
struct NewLogEntry
{
    qint64 sourceId = 0;
    qint64 timestampUs = 0; // since the epoch, UTC
    qint64 receivedUs = 0;
    int severity = 0; // Cloud Logging's rank
    QString jobId;
    QString message;
};

// An entry as stored, with its file's labels.
struct StoredLogEntry
{
    qint64 id = 0;
    qint64 timestampUs = 0;
    qint64 receivedUs = 0;
    int severity = 0;
    QString jobId;
    QString message;
    LogSource source; // without the reading state
};

// Rovd's log store: SQLite in WAL mode, entries with an index by time, by file and by severity
// and an FTS5 index of the messages (external content: the text is kept once). One connection
// writes (the collector's thread); queries come from the server's threads and take a reading
// connection of their own, so they never wait for a write.
class LogStore
{
public:
    static std::unique_ptr<LogStore> open(const QString &path, QString *error);
    ~LogStore();
    LogStore(const LogStore &) = delete;
    LogStore &operator=(const LogStore &) = delete;

    // --- writing (one thread) ---
    std::vector<LogSource> openSources() const;      // the files not yet finished
    [[nodiscard]] bool addSource(LogSource &source); // sets its id
    // Entries and the offsets they take the files to, in one transaction: a store killed at
    // any moment has either both or neither.
    [[nodiscard]] bool append(const std::vector<NewLogEntry> &entries,
                              const std::vector<LogSource> &offsets);
    [[nodiscard]] bool finishSource(qint64 sourceId); // the file is gone; its entries stay
    // A node's files that were found before it joined the cluster get its Ray id.
    [[nodiscard]] bool setNodeId(const QString &cluster, const QString &node,
                                 const QString &nodeId);
    // Removes entries older than `maxAge`, then the oldest until the entries take at most
    // `maxBytes`; how many went.
    qint64 prune(std::chrono::hours maxAge, qint64 maxBytes);
    // Samples the indexes for the query planner and gives the write-ahead log back.
    void refreshStatistics();
    QString lastError() const;

    // --- reading (any thread) ---
    struct Page
    {
        std::vector<StoredLogEntry> entries;
        bool more = false; // entries after these match too
    };
    struct Cursor
    {
        qint64 timestampUs = 0;
        qint64 id = 0;
    };
    struct Query
    {
        SqlFilter filter;
        QStringList projects; // entries of these projects only, and rovd's own (no project)
        bool newestFirst = false;
        int pageSize = 50;
        std::optional<Cursor> after; // the last entry of the previous page
        std::chrono::milliseconds budget{20'000};
    };
    enum class QueryStatus
    {
        Ok,
        TooSlow, // the budget ran out
        Failed
    };
    struct Answer
    {
        QueryStatus status = QueryStatus::Ok;
        Page page;     // TooSlow: what was found in time
        QString error; // Failed: SQLite's words
    };
    Answer query(const Query &query) const;
    // The log ids of the files of `project` and of rovd's own (no project), in order: those
    // after `after`, at most `limit` (and one more, which says there are others).
    std::optional<QStringList> logIds(const QString &project, const QString &after, int limit,
                                      QString *error) const;
    qint64 entryCount() const;
    qint64 bytesUsed() const; // the database's pages in use

private:
    explicit LogStore(QString path);
    struct Reader;
    std::unique_ptr<Reader> takeReader(QString *error) const;
    // Entries holding the text, counted up to kTextFirstLimit.
    qint64 textMatches(const Reader &reader, const QString &ftsQuery) const;
    // Fewer matches than this: a query starts from them and sorts them.
    static constexpr qint64 kTextFirstLimit = 20000;
    void giveBack(std::unique_ptr<Reader> reader) const;
    [[nodiscard]] bool execute(const char *sql);

    QString m_path;
    sqlite3 *m_db = nullptr;
    // Why the last append failed (a rollback since has cleared SQLite's own message).
    QString m_failure;
    mutable std::mutex m_readersMutex;
    mutable std::vector<std::unique_ptr<Reader>> m_readers;
};

} // namespace rov::localplane::logs
