#pragma once

#include "clusterspec.h"
#include "nodeplan.h"

#include <QString>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace rov::localplane {

class ClusterSpecParser;

// One cluster as rovd keeps it: what was asked for, where it stands, and its nodes. Plain data;
// the manager changes it, the store keeps it, the view shows it.
struct ClusterRecord
{
    QString name; // projects/{p}/locations/{l}/persistentResources/{id}
    ClusterSpec spec;
    wire::ClusterState state = wire::ClusterState::Provisioning;
    nlohmann::json error; // google.rpc.Status or null
    QString createTime, startTime, updateTime;
    QString tempDir;
    QString pendingOperation;
    std::vector<NodePlan> nodes;

    QString id() const { return name.section(QLatin1Char('/'), -1); }
    qint64 nodesInPool(const QString &poolId) const;

    // The document the store keeps, and back. nullopt for a document that is not one.
    nlohmann::json toDocument() const;
    static std::optional<ClusterRecord> fromDocument(const QString &name,
                                                     const nlohmann::json &document,
                                                     const ClusterSpecParser &parser);

    // The PersistentResource in rovd's canonical form (v1beta1, enums as names), with the nodes
    // that run now (`liveByPool`) as usedReplicaCount.
    nlohmann::json render(const std::map<QString, qint64> &liveByPool) const;
};

} // namespace rov::localplane
