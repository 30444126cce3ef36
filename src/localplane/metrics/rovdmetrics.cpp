#include "rovdmetrics.h"

#include "catalog/machinecatalog.h"
#include "localplane/state/stateview.h"
#include "textformat.h"

#include <QStringList>
#include <climits>
#include <sstream>

namespace rov::localplane::metrics {

using nlohmann::json;

namespace {

std::string number(double value)
{
    std::ostringstream text;
    text.precision(12);
    text << value;
    return text.str();
}

qint64 count(const json &pool, const char *field)
{
    const auto it = pool.find(field);
    if (it == pool.end())
        return 0;
    if (it->is_string())
        return QString::fromStdString(it->get<std::string>()).toLongLong();
    return it->is_number() ? it->get<qint64>() : 0;
}

void clusterGauges(const StateView &view, std::ostringstream &out)
{
    bool more = false;
    const auto clusters = view.clusters(QString(), QString(), INT_MAX, &more);
    std::map<std::string, int> byState;
    std::ostringstream nodes, cost, states;
    const auto &catalog = catalog::MachineCatalog::builtIn();
    for (const json &cluster : clusters) {
        const std::string state = cluster.value("state", std::string("STATE_UNSPECIFIED"));
        ++byState[state];
        const std::string id =
            escapeLabelValue(QString::fromStdString(cluster.value("name", std::string()))
                                 .section(QLatin1Char('/'), -1)
                                 .toStdString());
        states << "rovd_cluster_state{ray_io_cluster=\"" << id << "\",state=\""
               << escapeLabelValue(state) << "\"} 1\n";
        double usdPerHour = 0;
        for (const json &pool : cluster.value("resourcePools", json::array())) {
            const std::string poolId = escapeLabelValue(pool.value("id", std::string()));
            const qint64 live = count(pool, "usedReplicaCount");
            const qint64 wanted = count(pool, "replicaCount");
            nodes << "rovd_cluster_nodes{ray_io_cluster=\"" << id << "\",pool=\"" << poolId
                  << "\",state=\"live\"} " << live << '\n';
            nodes << "rovd_cluster_nodes{ray_io_cluster=\"" << id << "\",pool=\"" << poolId
                  << "\",state=\"wanted\"} " << wanted << '\n';
            const std::string machine =
                pool.value("machineSpec", json::object()).value("machineType", std::string());
            if (const auto type = catalog.machine(QString::fromStdString(machine)))
                usdPerHour += type->usdPerHour * double(live);
        }
        cost << "rovd_cluster_cost_per_hour_usd{ray_io_cluster=\"" << id << "\"} "
             << number(usdPerHour) << '\n';
    }
    out << "# HELP rovd_clusters Clusters by state.\n# TYPE rovd_clusters gauge\n";
    for (const auto &[state, n] : byState)
        out << "rovd_clusters{state=\"" << escapeLabelValue(state) << "\"} " << n << '\n';
    out << "# HELP rovd_cluster_state Each cluster's state (1), the serving instance's too "
           "(RUNNING while models are deployed).\n# TYPE rovd_cluster_state gauge\n"
        << states.str();
    out << "# HELP rovd_cluster_nodes Nodes of each pool: live, and wanted by its replica count.\n"
           "# TYPE rovd_cluster_nodes gauge\n"
        << nodes.str();
    out << "# HELP rovd_cluster_cost_per_hour_usd What the cluster's live nodes would cost per "
           "hour on Vertex AI (on-demand list prices).\n# TYPE rovd_cluster_cost_per_hour_usd "
           "gauge\n"
        << cost.str();
    int inFlight = 0;
    for (const json &operation : view.operations(QString()))
        inFlight += operation.value("done", false) ? 0 : 1;
    out << "# HELP rovd_operations_in_flight Long-running operations not done yet.\n"
           "# TYPE rovd_operations_in_flight gauge\nrovd_operations_in_flight "
        << inFlight << '\n';
}

} // namespace

void RovdMetrics::recordRequest(const std::string &route, int status, double seconds)
{
    std::lock_guard lock(m_mutex);
    ++m_requests[{route, status}];
    Histogram &histogram = m_latency[route];
    for (size_t i = 0; i < kBuckets.size(); ++i)
        if (seconds <= kBuckets[i])
            ++histogram.buckets[i];
    ++histogram.count;
    histogram.sum += seconds;
}

void RovdMetrics::recordScaling(const QString &clusterId, const QString &pool,
                                const char *direction)
{
    std::lock_guard lock(m_mutex);
    ++m_scaling[{clusterId.toStdString(), pool.toStdString(), direction}];
}

void RovdMetrics::recordNodeExit(const QString &clusterId, const QString &pool)
{
    std::lock_guard lock(m_mutex);
    ++m_nodeExits[{clusterId.toStdString(), pool.toStdString()}];
}

std::string RovdMetrics::render(const StateView &view) const
{
    std::ostringstream out;
    clusterGauges(view, out);
    if (m_costAlertThreshold > 0)
        out << "# HELP rovd_cost_alert_threshold_usd_per_hour A cluster that costs more per hour "
               "fires ClusterCostHigh (--cost-alert-usd-per-hour).\n"
               "# TYPE rovd_cost_alert_threshold_usd_per_hour gauge\n"
               "rovd_cost_alert_threshold_usd_per_hour "
            << number(m_costAlertThreshold) << '\n';
    std::lock_guard lock(m_mutex);
    out << "# HELP rovd_api_requests_total API requests answered, by route and HTTP status.\n"
           "# TYPE rovd_api_requests_total counter\n";
    for (const auto &[key, n] : m_requests)
        out << "rovd_api_requests_total{route=\"" << escapeLabelValue(key.first) << "\",code=\""
            << key.second << "\"} " << n << '\n';
    out << "# HELP rovd_api_request_duration_seconds Time to answer an API request.\n"
           "# TYPE rovd_api_request_duration_seconds histogram\n";
    for (const auto &[route, histogram] : m_latency) {
        const std::string label = "route=\"" + escapeLabelValue(route) + "\"";
        for (size_t i = 0; i < kBuckets.size(); ++i)
            out << "rovd_api_request_duration_seconds_bucket{" << label << ",le=\""
                << number(kBuckets[i]) << "\"} " << histogram.buckets[i] << '\n';
        out << "rovd_api_request_duration_seconds_bucket{" << label << ",le=\"+Inf\"} "
            << histogram.count << '\n'
            << "rovd_api_request_duration_seconds_sum{" << label << "} " << number(histogram.sum)
            << '\n'
            << "rovd_api_request_duration_seconds_count{" << label << "} " << histogram.count
            << '\n';
    }
    out << "# HELP rovd_autoscaler_decisions_total Pools the autoscaler grew or shrank.\n"
           "# TYPE rovd_autoscaler_decisions_total counter\n";
    for (const auto &[key, n] : m_scaling)
        out << "rovd_autoscaler_decisions_total{ray_io_cluster=\""
            << escapeLabelValue(std::get<0>(key)) << "\",pool=\""
            << escapeLabelValue(std::get<1>(key)) << "\",direction=\"" << std::get<2>(key) << "\"} "
            << n << '\n';
    out << "# HELP rovd_node_exits_total Ray nodes that exited unasked (rovd starts a "
           "replacement).\n# TYPE rovd_node_exits_total counter\n";
    for (const auto &[key, n] : m_nodeExits)
        out << "rovd_node_exits_total{ray_io_cluster=\"" << escapeLabelValue(key.first)
            << "\",pool=\"" << escapeLabelValue(key.second) << "\"} " << n << '\n';
    for (const auto &section : m_sections)
        out << section();
    return out.str();
}

} // namespace rov::localplane::metrics
