#pragma once

#include <QDateTime>
#include <QString>
#include <nlohmann/json.hpp>
#include <optional>

namespace rov::localplane {

// google.longrunning.Operation documents as rovd stores them (canonical: v1beta1 type names,
// plus the API version of the call that made it and the deadline, both kept to rovd). Pure
// functions: the manager decides, these write it down.
namespace operationdoc {

constexpr const char *kTypePrefix = "type.googleapis.com/google.cloud.aiplatform.v1beta1.";
// Kept inside an operation for rovd itself and never answered: the API version of the call that
// made it (Google's operations client polls under /ui/ and expects that version's type names),
// and the time it ends with an error if it has not ended by then.
constexpr const char *kOriginKey = "rovApiVersion";
constexpr const char *kDeadlineKey = "rovDeadline";

QString timestamp(const QDateTime &time); // RFC 3339 UTC with milliseconds

nlohmann::json make(const QString &name, const char *metadataType, const QString &message,
                    bool v1beta1, const QDateTime &now, const QDateTime &deadline);
nlohmann::json withProgress(nlohmann::json operation, const QString &message, const QDateTime &now);
// Done: with `response`, or with `error` (a google.rpc.Status) when that is not null. An
// operation that is done already stays as it is.
nlohmann::json finished(nlohmann::json operation, const nlohmann::json &response,
                        const nlohmann::json &error, const QDateTime &now);
bool isDone(const nlohmann::json &operation);
std::optional<QDateTime> deadline(const nlohmann::json &operation);
std::optional<QDateTime> created(const nlohmann::json &operation);

} // namespace operationdoc

} // namespace rov::localplane
