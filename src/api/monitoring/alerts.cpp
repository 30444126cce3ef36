#include "alerts.h"

#include "promresult.h"

#include <nlohmann/json.hpp>

namespace rov::api::monitoring {

using nlohmann::json;

namespace {

QString text(const json &object, const char *field)
{
    const auto it = object.find(field);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

Alert alertFrom(const json &item)
{
    Alert alert;
    alert.labels = stringMap(item, "labels");
    alert.annotations = stringMap(item, "annotations");
    alert.name = alert.label(QStringLiteral("alertname"));
    alert.state = text(item, "state") == QLatin1String("firing") ? Alert::State::Firing
                                                                 : Alert::State::Pending;
    alert.activeAt = QDateTime::fromString(text(item, "activeAt"), Qt::ISODateWithMs);
    alert.value = parseSampleValue(text(item, "value").toStdString()).value_or(0);
    return alert;
}

AlertRule ruleFrom(const json &item, const QString &group)
{
    AlertRule rule;
    rule.name = text(item, "name");
    rule.group = group;
    rule.query = text(item, "query");
    rule.forSeconds = item.value("duration", 0.0) > 0 ? qint64(item.value("duration", 0.0)) : 0;
    const QString state = text(item, "state");
    rule.state = state == QLatin1String("firing")    ? AlertRule::State::Firing
                 : state == QLatin1String("pending") ? AlertRule::State::Pending
                                                     : AlertRule::State::Inactive;
    rule.healthy = text(item, "health") != QLatin1String("err");
    rule.lastError = text(item, "lastError");
    rule.labels = stringMap(item, "labels");
    rule.annotations = stringMap(item, "annotations");
    if (const auto alerts = item.find("alerts"); alerts != item.end() && alerts->is_array()) {
        for (const auto &alert : *alerts)
            if (alert.is_object())
                rule.alerts.push_back(alertFrom(alert));
    }
    return rule;
}

} // namespace

QString Alert::label(const QString &key) const
{
    const auto it = labels.find(key);
    return it == labels.end() ? QString() : it->second;
}

QString Alert::annotation(const QString &key) const
{
    const auto it = annotations.find(key);
    return it == annotations.end() ? QString() : it->second;
}

QString Alert::key() const
{
    QString key = name;
    for (const auto &[label, value] : labels)
        key += QLatin1Char('\x1f') + label + QLatin1Char('=') + value;
    return key;
}

std::variant<std::vector<AlertRule>, rest::ApiError> parseRules(int httpStatus,
                                                                const QByteArray &body)
{
    const json parsed = json::parse(body.toStdString(), nullptr, false);
    if (auto error = prometheusFailure(httpStatus, parsed, body))
        return *error;
    std::vector<AlertRule> rules;
    const json &data = prometheusData(parsed);
    const auto groups = data.find("groups");
    if (groups == data.end() || !groups->is_array())
        return rules;
    for (const auto &group : *groups) {
        if (!group.is_object() || !group.contains("rules") || !group["rules"].is_array())
            continue;
        const QString name = text(group, "name");
        for (const auto &rule : group["rules"])
            if (rule.is_object() && rule.value("type", "") == "alerting")
                rules.push_back(ruleFrom(rule, name));
    }
    return rules;
}

std::variant<std::vector<Alert>, rest::ApiError> parseAlerts(int httpStatus, const QByteArray &body)
{
    const json parsed = json::parse(body.toStdString(), nullptr, false);
    if (auto error = prometheusFailure(httpStatus, parsed, body))
        return *error;
    std::vector<Alert> alerts;
    const json &data = prometheusData(parsed);
    if (const auto items = data.find("alerts"); items != data.end() && items->is_array()) {
        for (const auto &item : *items)
            if (item.is_object())
                alerts.push_back(alertFrom(item));
    }
    return alerts;
}

} // namespace rov::api::monitoring
