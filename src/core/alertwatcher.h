#pragma once

#include "api/monitoring/alerts.h"
#include "rest/call.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <chrono>
#include <optional>
#include <set>
#include <vector>

namespace rov::api::monitoring {
class MonitoringClient;
}

namespace rov::core {

// The alerts of `rules` that fire now and did not fire in the answer before (keys in `before`):
// the ones to tell the user about.
std::vector<api::monitoring::Alert>
newlyFiring(const std::set<QString> &before, const std::vector<api::monitoring::AlertRule> &rules);

// The backend's alerting rules and what fires, asked every kPollInterval while the backend is
// there. One per backend session, which owns it; the Monitoring page, the status bar and the
// desktop notifications read it. A backend without rules (Cloud Monitoring answers 404) is
// Unavailable, and asked no more.
class AlertWatcher : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kPollInterval{15};

    enum class Support
    {
        Unknown,
        Available,
        Unavailable
    };

    explicit AlertWatcher(api::monitoring::MonitoringClient *client, QObject *parent = nullptr);

    // Asks now, then every kPollInterval.
    void start();
    void stop();
    // Asks now (a refresh already under way answers instead).
    void refresh();

    Support support() const { return m_support; }
    const std::vector<api::monitoring::AlertRule> &rules() const { return m_rules; }
    std::vector<api::monitoring::Alert> firing() const;
    // Why the last answer did not come; the rules before it stay.
    const std::optional<rest::ApiError> &error() const { return m_error; }
    QDateTime updated() const { return m_updated; }

Q_SIGNALS:
    void changed();
    // An alert began to fire (once for each time it does).
    void raised(const api::monitoring::Alert &alert);

private:
    void onRules(std::vector<api::monitoring::AlertRule> rules);

    QPointer<api::monitoring::MonitoringClient> m_client;
    QTimer m_timer;
    rest::Call m_call;
    Support m_support = Support::Unknown;
    std::vector<api::monitoring::AlertRule> m_rules;
    std::set<QString> m_firing; // keys
    std::optional<rest::ApiError> m_error;
    QDateTime m_updated;
};

} // namespace rov::core
