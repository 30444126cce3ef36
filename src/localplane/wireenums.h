#pragma once

#include "rest/jsonfields.h"

#include <QString>
#include <nlohmann/json.hpp>
#include <optional>

namespace rov::localplane {

// Enums of the Vertex AI API, which clients send as names or as numbers.
namespace wire {

// AcceleratorType: name for a name or a number; nullopt when neither names a known value.
std::optional<QString> acceleratorTypeName(const nlohmann::json &value);
int acceleratorTypeNumber(const QString &name);
QStringList acceleratorTypeNames();

enum class ClusterState
{
    Unspecified = 0,
    Provisioning = 1,
    Running = 3,
    Stopping = 4,
    Error = 5,
    Rebooting = 6,
    Updating = 7
};
QString stateName(ClusterState state);
std::optional<ClusterState> stateFromName(const QString &name);

// An enum as the client asked for it: the name, or the number with $alt=json;enum-encoding=int.
nlohmann::json encode(const QString &name, int number, bool asInteger);

// int64 fields: a JSON number or a decimal string. nullopt when it is neither.
std::optional<qint64> readInt64(const nlohmann::json &value);

using rest::member;

} // namespace wire
} // namespace rov::localplane
