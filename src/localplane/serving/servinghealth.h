#pragma once

#include "serveconfig.h"

#include <QString>
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>

// What an endpoint tells of its deployed models while the model server runs, starts or is down,
// as data: DeployedModel.status {availableReplicaCount, message, lastUpdateTime} from Serve's word
// for each application, and when to try again to start a serving instance that died.
namespace rov::localplane::serving {

// `endpoint` with each deployed model's status as `apps` says (Serve's applications by name; a
// missing one has no replica), or with none available and `downReason` as the message when the
// model server is down. nullopt when no count or message changes (the time alone is no change).
std::optional<nlohmann::json> withReplicaStatus(const nlohmann::json &endpoint,
                                                const std::map<QString, ServeAppState> &apps,
                                                const QString &downReason, const QString &time);

// Whether a deployed model of `endpoint` has a replica to answer (false: 503 and try again).
bool hasAvailableReplica(const nlohmann::json &deployedModel);

// The waits between attempts to start a serving instance that died: 1 s, doubling to a minute,
// from the first again once one has run.
class RestartBackoff
{
public:
    using Clock = std::chrono::steady_clock;
    static constexpr std::chrono::milliseconds kFirst{1000};
    static constexpr std::chrono::milliseconds kLongest{60000};

    bool due(Clock::time_point now) const { return now >= m_next; }
    // A failed attempt: the next waits longer. Returns the wait.
    std::chrono::milliseconds failed(Clock::time_point now);
    void succeeded() { m_delay = kFirst, m_next = {}; }

private:
    std::chrono::milliseconds m_delay = kFirst;
    Clock::time_point m_next{};
};

} // namespace rov::localplane::serving
