#pragma once

#include <QString>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <map>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace rov::localplane {

// What requests read, kept apart from what changes it. The thread that owns cluster state
// publishes every cluster (as its canonical PersistentResource) and every operation here the
// moment it changes; the server's threads answer gets, lists and waits from it without ever
// waiting for that thread. Every member is safe to call from any thread.
class StateView
{
public:
    void putCluster(const QString &name, nlohmann::json resource);
    void removeCluster(const QString &name);
    std::optional<nlohmann::json> cluster(const QString &name) const;
    bool hasCluster(const QString &name) const;
    // Clusters whose name starts with `prefix` and sorts after `after`, in name order, at most
    // `limit`; `more` tells whether others follow.
    std::vector<nlohmann::json> clusters(const QString &prefix, const QString &after, int limit,
                                         bool *more) const;
    int clusterCount() const;

    void putOperation(const QString &name, nlohmann::json operation);
    void removeOperation(const QString &name);
    std::optional<nlohmann::json> operation(const QString &name) const;
    // Operations whose name starts with `prefix`, in name order.
    std::vector<nlohmann::json> operations(const QString &prefix) const;
    // Blocks until the operation is done, `deadline` passes or stop() is called, then returns it
    // as it is (nullopt when there is no such operation).
    std::optional<nlohmann::json>
    waitForOperation(const QString &name, std::chrono::steady_clock::time_point deadline) const;

    // Facts about the machine that rovd's extension routes answer with (rayRuntimes).
    void putCapacity(nlohmann::json capacity);
    nlohmann::json capacity() const;

    // Wakes every waiter for good: the server is stopping.
    void stop();

private:
    mutable std::mutex m_mutex;
    mutable std::condition_variable m_operationChanged;
    std::map<QString, nlohmann::json> m_clusters;
    std::map<QString, nlohmann::json> m_operations;
    nlohmann::json m_capacity = nlohmann::json::object();
    bool m_stopped = false;
};

} // namespace rov::localplane
