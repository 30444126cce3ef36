#include "operationdoc.h"

namespace rov::localplane::operationdoc {

using nlohmann::json;

namespace {

std::string text(const QString &value)
{
    return value.toStdString();
}

// DeleteOperationMetadata has only genericMetadata; clients that parse strictly refuse more.
bool hasProgressMessage(const json &operation)
{
    const std::string type = operation["metadata"].value("@type", std::string());
    return type.find("DeleteOperationMetadata") == std::string::npos;
}

std::optional<QDateTime> timeAt(const json &object, const char *key)
{
    if (!object.is_object())
        return std::nullopt;
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        return std::nullopt;
    const QDateTime time =
        QDateTime::fromString(QString::fromStdString(it->get<std::string>()), Qt::ISODateWithMs);
    return time.isValid() ? std::optional<QDateTime>(time) : std::nullopt;
}

} // namespace

QString timestamp(const QDateTime &time)
{
    return time.toUTC().toString(Qt::ISODateWithMs);
}

json make(const QString &name, const char *metadataType, const QString &message, bool v1beta1,
          const QDateTime &now, const QDateTime &deadline)
{
    json operation = {{"name", text(name)},
                      {"metadata",
                       {{"@type", std::string(kTypePrefix) + metadataType},
                        {"genericMetadata",
                         {{"createTime", text(timestamp(now))},
                          {"updateTime", text(timestamp(now))},
                          {"partialFailures", json::array()}}}}},
                      {"done", false},
                      {kOriginKey, v1beta1 ? "v1beta1" : "v1"},
                      {kDeadlineKey, text(timestamp(deadline))}};
    if (hasProgressMessage(operation))
        operation["metadata"]["progressMessage"] = text(message);
    return operation;
}

json withProgress(json operation, const QString &message, const QDateTime &now)
{
    if (!operation.is_object() || isDone(operation))
        return operation;
    if (hasProgressMessage(operation))
        operation["metadata"]["progressMessage"] = text(message);
    operation["metadata"]["genericMetadata"]["updateTime"] = text(timestamp(now));
    return operation;
}

json finished(json operation, const json &response, const json &error, const QDateTime &now)
{
    if (!operation.is_object() || isDone(operation))
        return operation;
    operation["done"] = true;
    operation["metadata"]["genericMetadata"]["updateTime"] = text(timestamp(now));
    if (!error.is_null())
        operation["error"] = error;
    else
        operation["response"] = response;
    return operation;
}

bool isDone(const json &operation)
{
    return operation.is_object() && operation.value("done", false);
}

std::optional<QDateTime> deadline(const json &operation)
{
    return timeAt(operation, kDeadlineKey);
}

std::optional<QDateTime> created(const json &operation)
{
    if (!operation.is_object() || !operation.contains("metadata"))
        return std::nullopt;
    const json &metadata = operation["metadata"];
    return metadata.is_object() && metadata.contains("genericMetadata")
               ? timeAt(metadata["genericMetadata"], "createTime")
               : std::nullopt;
}

} // namespace rov::localplane::operationdoc
