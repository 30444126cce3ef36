#include "clusterautoscaler.h"

#include "rest/restclient.h"

namespace rov::localplane {

ClusterAutoscaler::ClusterAutoscaler(Settings settings, QUrl dashboard, SnapshotSource snapshot,
                                     rest::RestClient *client, QObject *parent)
    : QObject(parent), m_settings(settings), m_dashboard(std::move(dashboard)),
      m_snapshot(std::move(snapshot)), m_client(client)
{
    m_timer.setInterval(m_settings.interval);
    connect(&m_timer, &QTimer::timeout, this, &ClusterAutoscaler::poll);
    m_timer.start();
}

void ClusterAutoscaler::poll()
{
    if (m_polling || !m_client || !m_snapshot())
        return;
    m_polling = true;
    auto request =
        rest::HttpRequest::get(m_dashboard.resolved(QUrl(QStringLiteral("/api/cluster_status"))));
    request.timeout = std::chrono::seconds(5);
    request.retry = rest::RetryPolicy::none(); // the next poll is the retry
    m_client->send(std::move(request), this, [this](const rest::HttpResponse &response) {
        m_polling = false;
        QString problem;
        if (response.status != 200)
            return; // the head is busy or restarting
        if (const auto load = RayLoad::fromClusterStatus(response.json(), &problem))
            onLoad(*load);
    });
}

void ClusterAutoscaler::onLoad(const RayLoad &load)
{
    auto snapshot = m_snapshot(); // again: the cluster may have changed during the request
    if (!snapshot)
        return;
    for (const auto &node : load.reportedNodes) {
        if (load.busyNodes.count(node))
            m_idleSince.erase(node);
        else if (!m_idleSince.count(node))
            m_idleSince[node].start();
    }
    std::erase_if(m_idleSince,
                  [&](const auto &entry) { return load.reportedNodes.count(entry.first) == 0; });
    for (auto &pool : snapshot->pools) {
        for (auto &node : pool.nodes) {
            const auto idle = m_idleSince.find(node.rayNodeId);
            node.idleFor = idle == m_idleSince.end()
                               ? std::chrono::milliseconds(0)
                               : std::chrono::milliseconds(idle->second.elapsed());
        }
    }
    m_demandStreak = load.pending.empty() ? 0 : m_demandStreak + 1;
    const auto pending =
        m_demandStreak >= m_settings.demandPolls ? load.pending : std::vector<RayLoad::Shape>{};
    const ScalingDecision decision =
        decideScaling(snapshot->pools, pending, m_settings.idleTimeout, snapshot->spareNodes);
    if (!decision.empty()) {
        m_demandStreak = 0;
        Q_EMIT decided(decision);
    }
}

} // namespace rov::localplane
