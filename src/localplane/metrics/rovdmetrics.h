#pragma once

#include <QString>
#include <array>
#include <functional>
#include <map>
#include <mutex>
#include <string>
#include <tuple>
#include <vector>

namespace rov::localplane {
class StateView;
}

namespace rov::localplane::metrics {

// rovd's own metrics at /metrics in Prometheus' text format (0.0.4), scraped by its Prometheus:
// API requests by route and status with a latency histogram, autoscaler decisions and nodes that
// exited unasked (counted as they happen, from any thread), and, read from the StateView when
// scraped, clusters by state, each cluster's state (the alerting rules fire about the nodes of
// running clusters only), nodes by cluster, pool and state, operations in flight and each cluster's
// estimated cost per hour from the machine catalogue.
class RovdMetrics
{
public:
    // Upper bounds of the latency histogram, in seconds.
    static constexpr std::array<double, 10> kBuckets{0.001, 0.0025, 0.005, 0.01, 0.025,
                                                     0.05,  0.1,    0.25,  1,    5};

    void recordRequest(const std::string &route, int status, double seconds);
    // direction: "up" or "down".
    void recordScaling(const QString &clusterId, const QString &pool, const char *direction);
    // A node that exited unasked (rovd_node_exits_total): what RayNodeDown fires on once Ray has
    // dropped the node from its targets.
    void recordNodeExit(const QString &clusterId, const QString &pool);

    // The cost per hour above which a cluster's ClusterCostHigh alert fires (0: never), exported
    // as rovd_cost_alert_threshold_usd_per_hour for the rule to compare with. Set before serving.
    void setCostAlertThreshold(double usdPerHour) { m_costAlertThreshold = usdPerHour; }

    // Metrics that another part of rovd keeps (the log store's volume), appended as they
    // render. Set before serving.
    void addSection(std::function<std::string()> render)
    {
        m_sections.push_back(std::move(render));
    }

    std::string render(const StateView &view) const;

private:
    struct Histogram
    {
        std::array<quint64, kBuckets.size()> buckets{};
        quint64 count = 0;
        double sum = 0;
    };
    double m_costAlertThreshold = 0;
    std::vector<std::function<std::string()>> m_sections;
    mutable std::mutex m_mutex;
    std::map<std::pair<std::string, int>, quint64> m_requests;
    std::map<std::string, Histogram> m_latency;
    std::map<std::tuple<std::string, std::string, std::string>, quint64> m_scaling;
    std::map<std::pair<std::string, std::string>, quint64> m_nodeExits;
};

} // namespace rov::localplane::metrics
