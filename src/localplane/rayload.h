#pragma once

#include <QString>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

namespace rov::localplane {

// What Ray's dashboard reports about load (`GET /api/cluster_status`): the resource shapes that
// wait for a node, and which nodes have any logical resource in use.
struct RayLoad
{
    struct Shape
    {
        std::map<std::string, double> resources; // Ray's names: CPU, GPU, memory, ...
        qint64 count = 0;
    };
    std::vector<Shape> pending;
    std::set<QString> reportedNodes; // Ray node ids (hex)
    std::set<QString> busyNodes;

    // Reads `data.clusterStatus.loadMetricsReport`; nullopt with `error` when it is missing.
    // The dashboard camelCases dictionary keys but not those inside lists of lists, so both
    // spellings are read.
    static std::optional<RayLoad> fromClusterStatus(const nlohmann::json &body, QString *error);
};

} // namespace rov::localplane
