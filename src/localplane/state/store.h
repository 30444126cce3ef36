#pragma once

#include "durablefile.h"

#include <QString>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

struct sqlite3;

namespace rov::localplane {

// rovd's state in SQLite (WAL): JSON documents by kind and name, and an append-only event record.
// Every write is committed before it returns, so a killed rovd loses nothing it acknowledged.
class Store
{
public:
    enum class Kind
    {
        Cluster,
        Operation,
        // rovd's Model Registry and endpoints (serving.db), and its serving instance
        Model,
        Endpoint,
        ServingInstance,
        // rovd's batch prediction jobs (batch.db), and the Ray instance they run on
        BatchJob,
        BatchInstance
    };

    struct Event
    {
        QString cluster;
        QString time; // RFC 3339
        QString state;
        QString reason;
        // A change of the live node counts: a JSON object, pool id to live nodes ("{}": none
        // live). Empty for other events. The console's "cost so far" sums these over time.
        QString liveNodes = {};
    };

    enum class Access
    {
        ReadWrite,
        ReadOnly // a second connection for readers on other threads (WAL: they never block)
    };

    // One change in a batch that is written as one transaction.
    struct Write
    {
        enum class Type
        {
            Put,
            Remove,
            AddEvent
        };
        Type type = Type::Put;
        Kind kind = Kind::Cluster;
        QString name;
        nlohmann::json document;
        Event event;

        static Write put(Kind kind, const QString &name, nlohmann::json document)
        {
            return {Type::Put, kind, name, std::move(document), {}};
        }
        static Write remove(Kind kind, const QString &name)
        {
            return {Type::Remove, kind, name, nullptr, {}};
        }
        static Write addEvent(Event event)
        {
            return {Type::AddEvent, {}, {}, nullptr, std::move(event)};
        }
    };

    static std::unique_ptr<Store> open(const QString &path, QString *error,
                                       Access access = Access::ReadWrite);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    [[nodiscard]] bool put(Kind kind, const QString &name, const nlohmann::json &document);
    std::optional<nlohmann::json> get(Kind kind, const QString &name) const;
    // Documents whose name starts with `prefix`, ordered by name.
    std::vector<std::pair<QString, nlohmann::json>> list(Kind kind,
                                                         const QString &prefix = {}) const;
    [[nodiscard]] bool remove(Kind kind, const QString &name);
    // Removes every document of `kind` whose name starts with `prefix`.
    [[nodiscard]] bool removeAll(Kind kind, const QString &prefix);

    [[nodiscard]] bool addEvent(const Event &event);
    std::vector<Event> events(const QString &cluster) const;

    // All of `writes` in one transaction, or none of them: the error in words.
    [[nodiscard]] std::optional<QString> apply(const std::vector<Write> &writes);

    QString lastError() const;
    // The last failed write as a fault of the disk: ENOSPC for SQLite's "database or disk is
    // full", EROFS for a read-only file, the system's errno behind an I/O error. Its
    // toApiError() is what a client is told (no path).
    FileFault lastFault() const;
    QString path() const { return m_path; }
    // While on, every write fails as on a read-only disk (fault tests).
    [[nodiscard]] bool setQueryOnly(bool on);

private:
    Store(sqlite3 *db, QString path);
    [[nodiscard]] bool execute(const char *sql);
    [[nodiscard]] bool addColumnIfMissing(const char *table, const char *column, const char *type);
    [[nodiscard]] bool applyOne(const Write &write);
    // Remembers why the last statement failed, before a ROLLBACK replaces SQLite's message.
    bool failed();

    sqlite3 *m_db;
    QString m_path;
    FileFault m_fault;
    QString m_error;
};

} // namespace rov::localplane
