#include "clusterrecord.h"

#include "clusterspecparser.h"

#include <algorithm>

namespace rov::localplane {

using nlohmann::json;

namespace {

std::string text(const QString &value)
{
    return value.toStdString();
}

QString field(const json &document, const char *key)
{
    const auto it = document.find(key);
    return it != document.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                   : QString();
}

} // namespace

qint64 ClusterRecord::nodesInPool(const QString &poolId) const
{
    return std::count_if(nodes.begin(), nodes.end(),
                         [&](const NodePlan &node) { return node.poolId == poolId; });
}

json ClusterRecord::toDocument() const
{
    json nodeList = json::array();
    for (const auto &node : nodes)
        nodeList.push_back(node.toJson());
    return {{"spec", spec.toJson({})},
            {"state", text(wire::stateName(state))},
            {"error", error},
            {"createTime", text(createTime)},
            {"startTime", text(startTime)},
            {"updateTime", text(updateTime)},
            {"tempDir", text(tempDir)},
            {"pendingOperation", text(pendingOperation)},
            {"nodes", nodeList}};
}

std::optional<ClusterRecord> ClusterRecord::fromDocument(const QString &name, const json &document,
                                                         const ClusterSpecParser &parser)
{
    if (!document.is_object())
        return std::nullopt;
    auto parsed = parser.parse(document.value("spec", json::object()), true);
    if (!std::holds_alternative<ClusterSpec>(parsed))
        return std::nullopt;
    ClusterRecord record;
    record.name = name;
    record.spec = std::get<ClusterSpec>(std::move(parsed));
    record.state =
        wire::stateFromName(field(document, "state")).value_or(wire::ClusterState::Error);
    record.error = document.value("error", json());
    record.createTime = field(document, "createTime");
    record.startTime = field(document, "startTime");
    record.updateTime = field(document, "updateTime");
    record.tempDir = field(document, "tempDir");
    record.pendingOperation = field(document, "pendingOperation");
    if (const auto nodes = document.find("nodes"); nodes != document.end() && nodes->is_array()) {
        for (const auto &node : *nodes)
            record.nodes.push_back(NodePlan::fromJson(node));
    }
    return record;
}

json ClusterRecord::render(const std::map<QString, qint64> &liveByPool) const
{
    ClusterSpec::RenderOptions options;
    options.usedReplicaCounts = liveByPool;
    json resource = spec.toJson(options);
    resource["name"] = text(name);
    resource["state"] = text(wire::stateName(state));
    resource["createTime"] = text(createTime);
    resource["updateTime"] = text(updateTime);
    if (!startTime.isEmpty())
        resource["startTime"] = text(startTime);
    if (!error.is_null())
        resource["error"] = error;
    const bool reachable =
        state == wire::ClusterState::Running || state == wire::ClusterState::Updating;
    const auto head =
        std::find_if(nodes.begin(), nodes.end(), [](const NodePlan &node) { return node.head; });
    if (reachable && head != nodes.end()) {
        resource["resourceRuntime"] = {
            {"accessUris",
             {{"RAY_DASHBOARD_URI", "127.0.0.1:" + std::to_string(head->ports.dashboard)},
              {"RAY_HEAD_NODE_INTERNAL_IP",
               text(head->ip) + ":" + std::to_string(head->ports.rayClient)}}}};
    }
    return resource;
}

} // namespace rov::localplane
