#pragma once

#include <QString>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

namespace rov::api::ray {

// What Ray's dashboard reports about load (`GET /api/cluster_status`): the logical resources in
// use, the resource shapes that wait for a node, and which nodes have any resource in use.
struct RayLoad
{
    struct Shape
    {
        std::map<std::string, double> resources; // Ray's names: CPU, GPU, memory, ...
        qint64 count = 0;
    };
    struct Usage
    {
        double used = 0;
        double total = 0;
    };
    std::vector<Shape> pending;
    // Logical resources of the whole cluster by Ray's name (CPU, GPU, memory, object_store_memory,
    // custom ones); the per-node markers `node:*` are left out.
    std::map<QString, Usage> usage;
    std::set<QString> reportedNodes; // Ray node ids (hex)
    std::set<QString> busyNodes;

    // Reads `data.clusterStatus.loadMetricsReport`; nullopt with `error` when it is missing.
    // The dashboard camelCases dictionary keys but not those inside lists of lists, so both
    // spellings are read.
    static std::optional<RayLoad> fromClusterStatus(const nlohmann::json &body, QString *error);
};

} // namespace rov::api::ray
