#pragma once

#include "localplane/apiresult.h"
#include "localplane/state/store.h"
#include "rest/apierror.h"
#include "serveconfig.h"
#include "serveinstance.h"
#include "trafficsplit.h"

#include <QString>
#include <QStringList>
#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <vector>

// Serving's state as a value (what the owner changes and the server's threads read as a
// snapshot), and the facts of its documents: what rovd keeps in a model, an endpoint and an
// operation beside what the API shows.
namespace rov::localplane::serving {

// The work an unfinished operation keeps for the worker (its kind and what it needs).
inline constexpr const char *kWork = "rovWork";

struct ServingState
{
    std::map<QString, nlohmann::json> models;
    std::map<QString, nlohmann::json> endpoints;
    std::map<QString, nlohmann::json> operations;
    std::set<QString> uploading; // models whose copy is being made: their names are taken
    std::optional<InstanceRecord> instance;
    bool serving = false; // the config of the deployed models is applied

    void apply(const std::vector<Store::Write> &writes);
    // What Serve should run: every deployed and pending model of every endpoint not deleting.
    std::vector<ServeApp> desiredApps() const;
    // A Model as answered, with the endpoints it is deployed to.
    nlohmann::json modelView(const nlohmann::json &doc) const;
    // Unfinished operations that have work for the worker, oldest first.
    QStringList openOperations() const;
    // Deployments in an endpoint's pending list that no open operation will ever end (a store
    // written by a rovd before operations and their endpoints were one transaction): the
    // endpoints without them. Empty when there are none.
    std::vector<Store::Write> withoutOrphanedDeployments() const;
};

namespace docs {

std::string text(const QString &value);
QString qtext(const nlohmann::json &object, const char *key);
QString now();
// Vertex AI's generated ids are long decimal numbers.
QString randomId();
// A document as the API shows it: rovd's own keys ("rov…") left out, at every level.
nlohmann::json publicView(nlohmann::json doc);
nlohmann::json replicasJson(const Replicas &replicas);
Replicas replicasOf(const nlohmann::json &deployed);
QStringList deployedIds(const nlohmann::json &endpoint);
TrafficSplit splitOf(const nlohmann::json &endpoint);
// `operation` ended: with `response`, or with `error` (a deployment's stage says which).
nlohmann::json finishedOperation(nlohmann::json operation, const nlohmann::json &response,
                                 const std::optional<rest::ApiError> &error);

ApiResult notFound(const QString &what, const QString &name);
// A change the owner did not reach within `patience`: 503 with Retry-After, nothing changed.
ApiResult ownerBusy(std::chrono::milliseconds patience);
// One page of `docs` (ordered by name) under `parent` (those `keep` keeps, when given): the
// names after the token's; pageSize 0 or none is up to 1000.
ApiResult listPage(const std::map<QString, nlohmann::json> &docs, const QString &parent,
                   const char *field, const QString &pageSize, const QString &pageToken,
                   const std::function<nlohmann::json(const nlohmann::json &)> &view,
                   const std::function<bool(const nlohmann::json &)> &keep = {});

} // namespace docs

} // namespace rov::localplane::serving
