#include "stateview.h"

namespace rov::localplane {

using nlohmann::json;

void StateView::putCluster(const QString &name, json resource)
{
    std::lock_guard lock(m_mutex);
    m_clusters[name] = std::move(resource);
}

void StateView::removeCluster(const QString &name)
{
    std::lock_guard lock(m_mutex);
    m_clusters.erase(name);
}

std::optional<json> StateView::cluster(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_clusters.find(name);
    if (it == m_clusters.end())
        return std::nullopt;
    return it->second;
}

bool StateView::hasCluster(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    return m_clusters.count(name) > 0;
}

std::vector<json> StateView::clusters(const QString &prefix, const QString &after, int limit,
                                      bool *more) const
{
    std::vector<json> page;
    *more = false;
    std::lock_guard lock(m_mutex);
    for (auto it = after.isEmpty() ? m_clusters.lower_bound(prefix) : m_clusters.upper_bound(after);
         it != m_clusters.end(); ++it) {
        if (!it->first.startsWith(prefix)) {
            if (it->first > prefix)
                break;
            continue;
        }
        if (int(page.size()) == limit) {
            *more = true;
            break;
        }
        page.push_back(it->second);
    }
    return page;
}

int StateView::clusterCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_clusters.size());
}

void StateView::putOperation(const QString &name, json operation)
{
    {
        std::lock_guard lock(m_mutex);
        m_operations[name] = std::move(operation);
    }
    m_operationChanged.notify_all();
}

void StateView::removeOperation(const QString &name)
{
    {
        std::lock_guard lock(m_mutex);
        m_operations.erase(name);
    }
    m_operationChanged.notify_all();
}

std::optional<json> StateView::operation(const QString &name) const
{
    std::lock_guard lock(m_mutex);
    const auto it = m_operations.find(name);
    if (it == m_operations.end())
        return std::nullopt;
    return it->second;
}

std::vector<json> StateView::operations(const QString &prefix) const
{
    std::vector<json> found;
    std::lock_guard lock(m_mutex);
    for (auto it = m_operations.lower_bound(prefix);
         it != m_operations.end() && it->first.startsWith(prefix); ++it)
        found.push_back(it->second);
    return found;
}

std::optional<json>
StateView::waitForOperation(const QString &name,
                            std::chrono::steady_clock::time_point deadline) const
{
    std::unique_lock lock(m_mutex);
    const auto finished = [&] {
        const auto it = m_operations.find(name);
        return m_stopped || it == m_operations.end() || it->second.value("done", false);
    };
    m_operationChanged.wait_until(lock, deadline, finished);
    const auto it = m_operations.find(name);
    if (it == m_operations.end())
        return std::nullopt;
    return it->second;
}

void StateView::putCapacity(json capacity)
{
    std::lock_guard lock(m_mutex);
    m_capacity = std::move(capacity);
}

json StateView::capacity() const
{
    std::lock_guard lock(m_mutex);
    return m_capacity;
}

void StateView::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopped = true;
    }
    m_operationChanged.notify_all();
}

} // namespace rov::localplane
