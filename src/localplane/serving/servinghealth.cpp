#include "servinghealth.h"

#include "rest/jsonfields.h"

namespace rov::localplane::serving {

using nlohmann::json;

std::optional<json> withReplicaStatus(const json &endpoint,
                                      const std::map<QString, ServeAppState> &apps,
                                      const QString &downReason, const QString &time)
{
    json updated = endpoint;
    bool changed = false;
    for (json &deployed : updated["deployedModels"]) {
        int available = 0;
        QString message = downReason;
        if (downReason.isEmpty()) {
            const auto it = apps.find(rest::stringMember(deployed, "rovApp"));
            if (it == apps.end()) {
                message = QStringLiteral("The model server is starting the model");
            } else {
                available = it->second.runningReplicas;
                if (it->second.phase != ServeAppState::Phase::Running)
                    message = it->second.message.isEmpty()
                                  ? QStringLiteral("The model server is starting the model")
                                  : it->second.message.left(1000);
            }
        }
        json status = deployed.value("status", json::object());
        if (!status.is_object())
            status = json::object();
        const bool sameCount = status.value("availableReplicaCount", -1) == available;
        const bool sameMessage = rest::stringMember(status, "message") == message;
        if (sameCount && sameMessage)
            continue;
        status["availableReplicaCount"] = available;
        if (message.isEmpty())
            status.erase("message");
        else
            status["message"] = message.toStdString();
        status["lastUpdateTime"] = time.toStdString();
        deployed["status"] = status;
        changed = true;
    }
    if (!changed)
        return std::nullopt;
    return updated;
}

bool hasAvailableReplica(const json &deployedModel)
{
    const json status = deployedModel.value("status", json::object());
    // A model stored before rovd kept counts has none: it is taken as serving.
    return !status.is_object() || status.value("availableReplicaCount", 1) > 0;
}

std::chrono::milliseconds RestartBackoff::failed(Clock::time_point now)
{
    const auto wait = m_delay;
    m_next = now + wait;
    m_delay = std::min(m_delay * 2, kLongest);
    return wait;
}

} // namespace rov::localplane::serving
