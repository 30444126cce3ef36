#include "rayload.h"

#include "rest/jsonfields.h"

namespace rov::api::ray {

using nlohmann::json;
using rest::member;

namespace {

// Markers like "node:127.0.0.3" and the object store do not make a node busy: Ray's autoscaler
// also calls a node idle when only those are held.
bool countsAsWork(const std::string &resource)
{
    return resource.rfind("node:", 0) != 0 && resource != "objectStoreMemory" &&
           resource != "object_store_memory";
}

std::vector<RayLoad::Shape> readShapes(const json &list)
{
    std::vector<RayLoad::Shape> shapes;
    if (!list.is_array())
        return shapes;
    for (const auto &entry : list) {
        if (!entry.is_array() || entry.size() != 2 || !entry[0].is_object() ||
            !entry[1].is_number())
            continue;
        RayLoad::Shape shape;
        for (const auto &[resource, amount] : entry[0].items()) {
            if (amount.is_number())
                shape.resources[resource] = amount.get<double>();
        }
        shape.count = entry[1].get<qint64>();
        if (shape.count > 0)
            shapes.push_back(std::move(shape));
    }
    return shapes;
}

// The server camelCases dictionary keys: object_store_memory arrives as objectStoreMemory.
QString rayResourceName(const std::string &key)
{
    if (key == "objectStoreMemory")
        return QStringLiteral("object_store_memory");
    return QString::fromStdString(key);
}

} // namespace

std::optional<RayLoad> RayLoad::fromClusterStatus(const json &body, QString *error)
{
    const json *data = member(body, "data", "data");
    const json *status = data ? member(*data, "clusterStatus", "cluster_status") : nullptr;
    const json *report =
        status ? member(*status, "loadMetricsReport", "load_metrics_report") : nullptr;
    if (!report) {
        *error = QStringLiteral("Ray's /api/cluster_status has no loadMetricsReport");
        return std::nullopt;
    }
    RayLoad load;
    if (const json *demand = member(*report, "resourceDemand", "resource_demand"))
        load.pending = readShapes(*demand);
    if (const json *usage = member(*report, "usage", "usage"); usage && usage->is_object()) {
        for (const auto &[resource, usedAndTotal] : usage->items()) {
            if (resource.rfind("node:", 0) == 0 || !usedAndTotal.is_array() ||
                usedAndTotal.size() != 2 || !usedAndTotal[0].is_number() ||
                !usedAndTotal[1].is_number())
                continue;
            load.usage[rayResourceName(resource)] = {usedAndTotal[0].get<double>(),
                                                     usedAndTotal[1].get<double>()};
        }
    }
    if (const json *byNode = member(*report, "usageByNode", "usage_by_node");
        byNode && byNode->is_object()) {
        for (const auto &[nodeId, usage] : byNode->items()) {
            const QString id = QString::fromStdString(nodeId);
            load.reportedNodes.insert(id);
            for (const auto &[resource, usedAndTotal] : usage.items()) {
                if (countsAsWork(resource) && usedAndTotal.is_array() && !usedAndTotal.empty() &&
                    usedAndTotal[0].is_number() && usedAndTotal[0].get<double>() > 0) {
                    load.busyNodes.insert(id);
                    break;
                }
            }
        }
    }
    return load;
}

} // namespace rov::api::ray
