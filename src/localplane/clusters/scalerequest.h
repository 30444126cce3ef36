#pragma once

#include "clusterspec.h"
#include "rest/apierror.h"

#include <map>
#include <nlohmann/json.hpp>
#include <variant>

namespace rov::localplane {

// A PATCH that scales a cluster by hand, checked against the cluster's spec: only the replica
// counts of existing pools that do not autoscale, never below one (Vertex AI's rules).
struct ScaleRequest
{
    std::map<QString, qint64> targets; // pool id → new replica count

    // True when no pool's count changes: the operation is done at once, nothing moves.
    bool changesNothing(const ClusterSpec &spec) const;

    static std::variant<ScaleRequest, rest::ApiError>
    read(const ClusterSpec &spec, const nlohmann::json &body, const QString &updateMask);
};

} // namespace rov::localplane
