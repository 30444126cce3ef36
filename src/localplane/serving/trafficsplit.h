#pragma once

#include <QString>
#include <QStringList>
#include <map>
#include <nlohmann/json.hpp>
#include <variant>

// An endpoint's traffic split as Vertex AI keeps it (endpoint.proto, DeployModelRequest and
// UndeployModelRequest): deployed model id → percent. Pure rules, for rovd's endpoints.
namespace rov::localplane::serving {

using TrafficSplit = std::map<QString, int>;

// A split in JSON ({"123": 60, "0": 40}; numbers or, as Google's clients send int32 maps,
// strings), or why it cannot be one.
std::variant<TrafficSplit, QString> readTrafficSplit(const nlohmann::json &json);
nlohmann::json toJson(const TrafficSplit &split);

// The endpoint's split after deploying `newId` beside the models in `current`. An empty request
// leaves it as it is (the new model gets no traffic), except on an endpoint without traffic,
// where the new model takes it all (what Google's SDK asks for). A non-empty one replaces it
// whole: "0" stands for the new model, every other key must be deployed, and the percentages
// must sum to 100. Why not, in words, otherwise.
std::variant<TrafficSplit, QString> splitAfterDeploy(const TrafficSplit &current,
                                                     const QStringList &deployedIds,
                                                     const TrafficSplit &requested,
                                                     const QString &newId);

// The split after undeploying `goneId`: allowed when it has no traffic or the request's split
// gives it none (the request replaces the split; it must then sum to 100 over the models that
// stay); undeploying the last model leaves an empty split.
std::variant<TrafficSplit, QString> splitAfterUndeploy(const TrafficSplit &current,
                                                       const QStringList &deployedIds,
                                                       const TrafficSplit &requested,
                                                       const QString &goneId);

// The deployed model a request goes to: `draw` uniform in [0, 100) over the split's weights, in
// the order of their ids. Empty when no model has traffic.
QString pickDeployedModel(const TrafficSplit &split, double draw);

} // namespace rov::localplane::serving
