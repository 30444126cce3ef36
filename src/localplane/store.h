#pragma once

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
        Operation
    };

    struct Event
    {
        QString cluster;
        QString time; // RFC 3339
        QString state;
        QString reason;
    };

    static std::unique_ptr<Store> open(const QString &path, QString *error);
    ~Store();
    Store(const Store &) = delete;
    Store &operator=(const Store &) = delete;

    bool put(Kind kind, const QString &name, const nlohmann::json &document);
    std::optional<nlohmann::json> get(Kind kind, const QString &name) const;
    // Documents whose name starts with `prefix`, ordered by name.
    std::vector<std::pair<QString, nlohmann::json>> list(Kind kind,
                                                         const QString &prefix = {}) const;
    bool remove(Kind kind, const QString &name);
    // Removes every document of `kind` whose name starts with `prefix`.
    bool removeAll(Kind kind, const QString &prefix);

    bool addEvent(const Event &event);
    std::vector<Event> events(const QString &cluster) const;

    QString lastError() const;

private:
    explicit Store(sqlite3 *db);
    bool execute(const char *sql);

    sqlite3 *m_db;
};

} // namespace rov::localplane
