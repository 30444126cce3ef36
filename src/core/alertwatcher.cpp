#include "alertwatcher.h"

#include "api/monitoring/monitoringclient.h"

namespace rov::core {

using api::monitoring::Alert;
using api::monitoring::AlertRule;

std::vector<Alert> newlyFiring(const std::set<QString> &before, const std::vector<AlertRule> &rules)
{
    std::vector<Alert> raised;
    for (const AlertRule &rule : rules) {
        for (const Alert &alert : rule.alerts) {
            if (alert.state == Alert::State::Firing && !before.contains(alert.key()))
                raised.push_back(alert);
        }
    }
    return raised;
}

AlertWatcher::AlertWatcher(api::monitoring::MonitoringClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{
    m_timer.setInterval(kPollInterval);
    connect(&m_timer, &QTimer::timeout, this, &AlertWatcher::refresh);
}

void AlertWatcher::start()
{
    if (m_support == Support::Unavailable)
        return;
    m_timer.start();
    refresh();
}

void AlertWatcher::stop()
{
    m_timer.stop();
    m_call.cancel();
}

void AlertWatcher::refresh()
{
    if (!m_client || m_call.isRunning() || m_support == Support::Unavailable)
        return;
    m_call = m_client->rules(this, [this](api::Result<std::vector<AlertRule>> result) {
        if (result.ok()) {
            onRules(std::move(result.value));
            return;
        }
        if (result.error->kind == rest::ApiError::Kind::Cancelled)
            return;
        // Cloud Monitoring has no rules: the console shows no alerts there.
        const int http = result.error->httpStatus;
        if (http == 404 || http == 405 || http == 501) {
            m_support = Support::Unavailable;
            m_timer.stop();
        }
        m_error = result.error;
        Q_EMIT changed();
    });
}

void AlertWatcher::onRules(std::vector<AlertRule> rules)
{
    const std::vector<Alert> fresh = newlyFiring(m_firing, rules);
    m_firing.clear();
    for (const AlertRule &rule : rules) {
        for (const Alert &alert : rule.alerts)
            if (alert.state == Alert::State::Firing)
                m_firing.insert(alert.key());
    }
    m_rules = std::move(rules);
    m_support = Support::Available;
    m_error.reset();
    m_updated = QDateTime::currentDateTime();
    Q_EMIT changed();
    for (const Alert &alert : fresh)
        Q_EMIT raised(alert);
}

std::vector<Alert> AlertWatcher::firing() const
{
    std::vector<Alert> alerts;
    for (const AlertRule &rule : m_rules) {
        for (const Alert &alert : rule.alerts)
            if (alert.state == Alert::State::Firing)
                alerts.push_back(alert);
    }
    return alerts;
}

} // namespace rov::core
