#pragma once

#include "api/monitoring/querystep.h"
#include "localplane/state/clustertopology.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <chrono>
#include <vector>

namespace rov::localplane::metrics {

// What Prometheus scrapes of one cluster: the service-discovery file that Ray's dashboard head
// keeps in the cluster's temp dir, and which address belongs to which resource pool.
struct ScrapeCluster
{
    QString clusterId;     // becomes the ray_io_cluster label (Ray's own panels filter on it)
    QString discoveryFile; // {temp dir}/prom_metrics_service_discovery.json
    struct Node
    {
        QString address; // ip:metrics export port, as the discovery file lists it
        QString pool;
    };
    std::vector<Node> nodes;

    bool operator==(const ScrapeCluster &) const = default;
};
inline bool operator==(const ScrapeCluster::Node &a, const ScrapeCluster::Node &b)
{
    return a.address == b.address && a.pool == b.pool;
}

// What Prometheus scrapes of the clusters: each one's discovery file (Ray's dashboard head keeps
// it in the root of the cluster's temp dir) and its nodes' metrics ports and pools.
std::vector<ScrapeCluster> scrapeTargetsOf(const std::vector<ClusterTopology> &clusters);

struct ScrapeSettings
{
    std::chrono::seconds interval = api::monitoring::kScrapeInterval;
    QString rovdTarget;    // host:port of rovd's /metrics; empty: not scraped
    QString rovdTokenFile; // the bearer token (the user role's) Prometheus sends to rovd
    QStringList ruleFiles; // alerting rules, evaluated every interval

    bool operator==(const ScrapeSettings &) const = default;
};

// Prometheus' configuration: one scrape job per cluster, relabelled so that every series carries
// ray_io_cluster=<cluster id> and, for a node's own metrics, resource_pool=<pool id>.
QByteArray prometheusConfig(const std::vector<ScrapeCluster> &clusters,
                            const ScrapeSettings &settings);

} // namespace rov::localplane::metrics
