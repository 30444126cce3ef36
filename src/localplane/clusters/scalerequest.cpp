#include "scalerequest.h"

#include <QSet>
#include <QStringList>

namespace rov::localplane {

using rest::ApiError;

bool ScaleRequest::changesNothing(const ClusterSpec &spec) const
{
    for (const auto &[id, count] : targets) {
        const PoolSpec *pool = spec.pool(id);
        if (!pool || pool->replicaCount != count)
            return false;
    }
    return true;
}

std::variant<ScaleRequest, ApiError>
ScaleRequest::read(const ClusterSpec &spec, const nlohmann::json &body, const QString &updateMask)
{
    const QStringList fields = updateMask.split(QLatin1Char(','), Qt::SkipEmptyParts);
    const QSet<QString> allowed{QStringLiteral("resourcePools.replicaCount"),
                                QStringLiteral("resource_pools.replica_count")};
    if (fields.isEmpty() || std::any_of(fields.begin(), fields.end(), [&](const QString &field) {
            return !allowed.contains(field.trimmed());
        }))
        return ApiError::invalidArgument(
            QStringLiteral(
                "updateMask \"%1\" is not supported: only resourcePools.replicaCount can be "
                "updated (manual scaling of existing pools)")
                .arg(updateMask.left(200)));
    const nlohmann::json *pools = wire::member(body, "resourcePools", "resource_pools");
    if (!pools || !pools->is_array())
        return ApiError::invalidArgument(
            QStringLiteral("resourcePools with the new replica counts is required"));

    ScaleRequest request;
    for (const auto &pool : *pools) {
        const nlohmann::json *idValue = wire::member(pool, "id");
        const QString id = idValue && idValue->is_string()
                               ? QString::fromStdString(idValue->get<std::string>())
                               : QString();
        const PoolSpec *existing = spec.pool(id);
        if (!existing)
            return ApiError::invalidArgument(
                QStringLiteral(
                    "Pool \"%1\" is not in this cluster; scaling changes the replica counts of "
                    "existing pools only")
                    .arg(id.left(100)));
        const nlohmann::json *count = wire::member(pool, "replicaCount", "replica_count");
        const auto replicas = count ? wire::readInt64(*count) : std::nullopt;
        if (!replicas)
            return ApiError::invalidArgument(
                QStringLiteral("Pool \"%1\" needs an integer replicaCount").arg(id));
        if (existing->autoscaling)
            return ApiError::invalidArgument(
                QStringLiteral(
                    "Pool \"%1\" autoscales between %2 and %3 nodes; its size follows the load")
                    .arg(id)
                    .arg(existing->minReplicaCount)
                    .arg(existing->maxReplicaCount));
        if (*replicas < 1)
            return ApiError::invalidArgument(
                QStringLiteral("Pool \"%1\" cannot go below 1 replica (asked for %2)")
                    .arg(id)
                    .arg(*replicas));
        if (request.targets.count(id) && request.targets[id] != *replicas)
            return ApiError::invalidArgument(
                QStringLiteral("Pool \"%1\" is named twice with different counts").arg(id));
        request.targets[id] = *replicas;
    }
    return request;
}

} // namespace rov::localplane
