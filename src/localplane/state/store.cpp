#include "store.h"

#include "sqlstatement.h"

#include <QFileInfo>
#include <cerrno>
#include <memory>
#include <sqlite3.h>
#include <sys/resource.h>
#include <sys/statvfs.h>

namespace rov::localplane {

namespace {

const char *kindName(Store::Kind kind)
{
    switch (kind) {
    case Store::Kind::Cluster:
        return "cluster";
    case Store::Kind::Operation:
        return "operation";
    case Store::Kind::Model:
        return "model";
    case Store::Kind::Endpoint:
        return "endpoint";
    case Store::Kind::ServingInstance:
        return "servingInstance";
    case Store::Kind::BatchJob:
        return "batchJob";
    case Store::Kind::BatchInstance:
        return "batchInstance";
    }
    return "unknown";
}

QString likePrefix(const QString &prefix)
{
    QString escaped = prefix;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('%'), QStringLiteral("\\%"));
    escaped.replace(QLatin1Char('_'), QStringLiteral("\\_"));
    return escaped + QLatin1Char('%');
}

nlohmann::json parse(const QString &text)
{
    const QByteArray utf8 = text.toUtf8();
    return nlohmann::json::parse(utf8.constBegin(), utf8.constEnd(), nullptr, false);
}

} // namespace

std::unique_ptr<Store> Store::open(const QString &path, QString *error, Access access)
{
    sqlite3 *db = nullptr;
    // Serialized: the read-only connection is shared by the server's threads.
    const int flags = SQLITE_OPEN_FULLMUTEX |
                      (access == Access::ReadOnly ? SQLITE_OPEN_READONLY
                                                  : SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE);
    if (sqlite3_open_v2(path.toUtf8().constData(), &db, flags, nullptr) != SQLITE_OK) {
        *error = QStringLiteral("cannot open the state database %1: %2")
                     .arg(path, QString::fromUtf8(sqlite3_errmsg(db)));
        sqlite3_close(db);
        return nullptr;
    }
    std::unique_ptr<Store> store(new Store(db, path));
    sqlite3_busy_timeout(db, 5000);
    if (access == Access::ReadOnly) {
        // Reading the schema tells a database from another file.
        if (!store->execute("SELECT count(*) FROM documents")) {
            *error = QStringLiteral("cannot read the state database %1: %2")
                         .arg(path, store->lastError());
            return nullptr;
        }
        return store;
    }
    // FULL: a commit is on disk before rovd answers (NORMAL keeps WAL commits in the page cache
    // until a checkpoint, and a power cut could take an acknowledged change back).
    if (!store->execute("PRAGMA journal_mode=WAL") || !store->execute("PRAGMA synchronous=FULL") ||
        !store->execute(
            "CREATE TABLE IF NOT EXISTS documents(kind TEXT NOT NULL, name TEXT NOT NULL, "
            "body TEXT NOT NULL, PRIMARY KEY(kind, name))") ||
        !store->execute("CREATE TABLE IF NOT EXISTS events(id INTEGER PRIMARY KEY AUTOINCREMENT, "
                        "cluster TEXT NOT NULL, time TEXT NOT NULL, state TEXT NOT NULL, reason "
                        "TEXT NOT NULL)") ||
        !store->execute("CREATE INDEX IF NOT EXISTS events_by_cluster ON events(cluster, id)") ||
        !store->addColumnIfMissing("events", "live_nodes", "TEXT NOT NULL DEFAULT ''")) {
        *error = QStringLiteral("cannot prepare the state database %1: %2")
                     .arg(path, store->lastError());
        return nullptr;
    }
    return store;
}

Store::Store(sqlite3 *db, QString path) : m_db(db), m_path(std::move(path)) {}

Store::~Store()
{
    sqlite3_close(m_db);
}

bool Store::execute(const char *sql)
{
    return sqlite3_exec(m_db, sql, nullptr, nullptr, nullptr) == SQLITE_OK || failed();
}

namespace {

// Why a write of SQLite's failed when SQLite lost the errno: it keeps a file's errno only with the
// file (sqlite3_system_errno reads errno again later, often 0), and calls a write that failed with
// EFBIG (a file-size limit) or EDQUOT an I/O error. The disk with no room left, or a limit on the
// size of this process' files, is what a client must hear; anything else stays an I/O error.
int lostWriteErrno(const QString &databasePath)
{
    struct statvfs disk
    {};
    const QByteArray folder = QFile::encodeName(QFileInfo(databasePath).absolutePath());
    if (::statvfs(folder.constData(), &disk) == 0 && disk.f_bavail == 0)
        return ENOSPC;
    rlimit size{};
    if (::getrlimit(RLIMIT_FSIZE, &size) == 0 && size.rlim_cur != RLIM_INFINITY)
        return EFBIG;
    return EIO;
}

} // namespace

bool Store::failed()
{
    const int code = sqlite3_extended_errcode(m_db);
    int error = sqlite3_system_errno(m_db);
    if ((code & 0xff) == SQLITE_FULL)
        error = isFullDiskError(error) ? error : ENOSPC;
    else if ((code & 0xff) == SQLITE_READONLY)
        error = EROFS;
    else if (error == 0 && (code & 0xff) == SQLITE_IOERR)
        error = lostWriteErrno(m_path);
    else if (error == 0)
        error = EIO;
    m_error = QString::fromUtf8(sqlite3_errmsg(m_db));
    m_fault = {error, QStringLiteral("write"), m_path};
    return false;
}

FileFault Store::lastFault() const
{
    return m_fault;
}

bool Store::addColumnIfMissing(const char *table, const char *column, const char *type)
{
    // A database of an older rovd lacks the column; SQLite has no ADD COLUMN IF NOT EXISTS.
    const QByteArray probe = QByteArray("SELECT ") + column + " FROM " + table + " LIMIT 0";
    if (execute(probe.constData()))
        return true;
    const QByteArray add =
        QByteArray("ALTER TABLE ") + table + " ADD COLUMN " + column + ' ' + type;
    return execute(add.constData());
}

bool Store::setQueryOnly(bool on)
{
    return execute(on ? "PRAGMA query_only=1" : "PRAGMA query_only=0");
}

QString Store::lastError() const
{
    return m_error.isEmpty() ? QString::fromUtf8(sqlite3_errmsg(m_db)) : m_error;
}

bool Store::put(Kind kind, const QString &name, const nlohmann::json &document)
{
    SqlStatement statement(m_db, "INSERT INTO documents(kind, name, body) VALUES(?1, ?2, ?3) "
                                 "ON CONFLICT(kind, name) DO UPDATE SET body = excluded.body");
    statement.bind(1, kindName(kind));
    statement.bind(2, name);
    statement.bind(3, QString::fromStdString(document.dump()));
    return statement.run() || failed();
}

std::optional<nlohmann::json> Store::get(Kind kind, const QString &name) const
{
    SqlStatement statement(m_db, "SELECT body FROM documents WHERE kind = ?1 AND name = ?2");
    statement.bind(1, kindName(kind));
    statement.bind(2, name);
    if (statement.step() != SQLITE_ROW)
        return std::nullopt;
    return parse(statement.text(0));
}

std::vector<std::pair<QString, nlohmann::json>> Store::list(Kind kind, const QString &prefix) const
{
    SqlStatement statement(
        m_db, "SELECT name, body FROM documents WHERE kind = ?1 AND name LIKE ?2 ESCAPE '\\' "
              "ORDER BY name");
    statement.bind(1, kindName(kind));
    statement.bind(2, likePrefix(prefix));
    std::vector<std::pair<QString, nlohmann::json>> rows;
    while (statement.step() == SQLITE_ROW)
        rows.emplace_back(statement.text(0), parse(statement.text(1)));
    return rows;
}

bool Store::remove(Kind kind, const QString &name)
{
    SqlStatement statement(m_db, "DELETE FROM documents WHERE kind = ?1 AND name = ?2");
    statement.bind(1, kindName(kind));
    statement.bind(2, name);
    return statement.run() || failed();
}

bool Store::removeAll(Kind kind, const QString &prefix)
{
    SqlStatement statement(m_db,
                           "DELETE FROM documents WHERE kind = ?1 AND name LIKE ?2 ESCAPE '\\'");
    statement.bind(1, kindName(kind));
    statement.bind(2, likePrefix(prefix));
    return statement.run() || failed();
}

bool Store::applyOne(const Write &write)
{
    switch (write.type) {
    case Write::Type::Put:
        return put(write.kind, write.name, write.document);
    case Write::Type::Remove:
        return remove(write.kind, write.name);
    case Write::Type::AddEvent:
        return addEvent(write.event);
    }
    return false;
}

std::optional<QString> Store::apply(const std::vector<Write> &writes)
{
    if (!execute("BEGIN IMMEDIATE"))
        return lastError();
    // The fault is the failed statement's: a ROLLBACK on a full disk may fail too, for another
    // reason, and must not hide why.
    const auto rollBack = [this] {
        const FileFault fault = m_fault;
        const QString error = m_error;
        // SQLite has rolled back by itself after most I/O errors; a rollback that fails as well
        // is said beside the first reason.
        const bool rolledBack = execute("ROLLBACK");
        m_error =
            rolledBack ? error : error + QStringLiteral("; the rollback failed too: ") + m_error;
        m_fault = fault;
        return m_error;
    };
    for (const auto &write : writes) {
        if (!applyOne(write))
            return rollBack();
    }
    if (!execute("COMMIT"))
        return rollBack();
    return std::nullopt;
}

bool Store::addEvent(const Event &event)
{
    SqlStatement statement(m_db, "INSERT INTO events(cluster, time, state, reason, live_nodes) "
                                 "VALUES(?1, ?2, ?3, ?4, ?5)");
    statement.bind(1, event.cluster);
    statement.bind(2, event.time);
    statement.bind(3, event.state);
    statement.bind(4, event.reason);
    statement.bind(5, event.liveNodes);
    return statement.run() || failed();
}

std::vector<Store::Event> Store::events(const QString &cluster) const
{
    SqlStatement statement(
        m_db, "SELECT cluster, time, state, reason, live_nodes FROM events WHERE cluster = ?1 "
              "ORDER BY id");
    statement.bind(1, cluster);
    std::vector<Event> events;
    while (statement.step() == SQLITE_ROW)
        events.push_back({statement.text(0), statement.text(1), statement.text(2),
                          statement.text(3), statement.text(4)});
    return events;
}

} // namespace rov::localplane
