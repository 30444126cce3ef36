#pragma once

#include "rest/apierror.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <map>
#include <variant>
#include <vector>

namespace rov::api::monitoring {

// One alert of an alerting rule, as Prometheus' /api/v1/alerts and /api/v1/rules give it.
struct Alert
{
    enum class State
    {
        Pending, // the condition holds, but not yet for the rule's `for`
        Firing
    };
    QString name; // the rule's (label alertname)
    std::map<QString, QString> labels;
    std::map<QString, QString> annotations;
    State state = State::Pending;
    QDateTime activeAt; // when the condition began to hold
    double value = 0;

    QString label(const QString &key) const;
    QString annotation(const QString &key) const;
    QString cluster() const { return label(QStringLiteral("ray_io_cluster")); }
    // The same alert in another answer has the same key: its name and labels.
    QString key() const;
};

// An alerting rule: its query, whether Prometheus could evaluate it, and its alerts now.
struct AlertRule
{
    enum class State
    {
        Inactive,
        Pending,
        Firing
    };
    QString name;
    QString group;
    QString query;
    qint64 forSeconds = 0;
    State state = State::Inactive;
    bool healthy = true;
    QString lastError; // why the last evaluation failed
    std::map<QString, QString> labels;
    std::map<QString, QString> annotations;
    std::vector<Alert> alerts;
};

// /api/v1/rules ({"data": {"groups": [{"name", "rules": [...]}]}}): the alerting rules.
std::variant<std::vector<AlertRule>, rest::ApiError> parseRules(int httpStatus,
                                                                const QByteArray &body);
// /api/v1/alerts ({"data": {"alerts": [...]}}).
std::variant<std::vector<Alert>, rest::ApiError> parseAlerts(int httpStatus,
                                                             const QByteArray &body);

} // namespace rov::api::monitoring
