#pragma once

#include "rest/jsonfields.h"

#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>

// The facts of Vertex AI's wire format that the console (a client) and rovd (a server) share:
// enum names and numbers, int64 fields, the resource id rule and the prebuilt Ray image tags.
// One place, so that the two sides cannot drift apart.
namespace rov::api::vertex::wire {

// PersistentResource.State, with Google's numbers (there is no 2).
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
QString stateName(ClusterState state); // "RUNNING"
std::optional<ClusterState> stateFromName(const QString &name);
// A name or Google's number; Unspecified for anything else.
ClusterState stateFromJson(const nlohmann::json &value);

// AcceleratorType: the name for a name or a number; nullopt when neither names a known value.
std::optional<QString> acceleratorTypeName(const nlohmann::json &value);
int acceleratorTypeNumber(const QString &name);
QStringList acceleratorTypeNames();

// An enum as the client asked for it: the name, or the number with $alt=json;enum-encoding=int.
nlohmann::json encode(const QString &name, int number, bool asInteger);

// int64 fields: a JSON number or a decimal string. nullopt when it is neither.
std::optional<qint64> readInt64(const nlohmann::json &value);

using rest::member;

// The rule for persistentResourceId (and pool ids): ^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$.
enum class IdProblem
{
    None,
    Empty,
    TooLong,
    FirstNotLetter,
    BadCharacter,
    EndsWithHyphen
};
IdProblem checkResourceId(const QString &id);
// The server's English message for a bad persistentResourceId (the console translates its own).
QString resourceIdMessage(IdProblem problem, const QString &id);

// rovd's reason for a cluster that did not start may end with the tail of the failing node's Ray
// log after this line (Ray's own text: colours and all). The console shows the two apart.
inline constexpr const char kRayLogMarker[] = "\n--- Ray log ---\n";
struct FailureText
{
    QString reason;
    QString rayLog; // empty when there is none
};
FailureText splitRayLog(const QString &message);

// Google's prebuilt Ray images:
// {region}-docker.pkg.dev/vertex-ai/training/ray-{cpu|gpu}.2-47.py311.
struct RayImage
{
    QString rayVersion;    // "2.47"
    QString pythonVersion; // "3.11"
    bool gpu = false;
};
QString prebuiltImage(const RayImage &image);
// The versions in an image URI that follows the prebuilt tag pattern; nullopt otherwise.
std::optional<RayImage> parseRayImage(const QString &uri);

} // namespace rov::api::vertex::wire
