#include "rovdlogs.h"

#include "api/logging/logwire.h"
#include "rest/jsonfields.h"

#include <QRegularExpression>
#include <algorithm>
#include <nlohmann/json.hpp>

namespace rov::localplane::logs::rovdlogs {

namespace lw = api::logging;
using nlohmann::json;

namespace {

// A number of the line, or 0: a line of another shape is never a throw on the log thread.
double number(const json &object, const char *key)
{
    const json *value = rest::member(object, key);
    return value && value->is_number() ? value->get<double>() : 0.0;
}

int accessSeverity(int status)
{
    if (status >= 500)
        return lw::severityRank(QStringLiteral("ERROR"));
    if (status >= 400)
        return lw::severityRank(QStringLiteral("WARNING"));
    return lw::severityRank(QStringLiteral("INFO"));
}

QString accessMessage(const json &object)
{
    const int status = int(std::clamp(number(object, "status"), 0.0, 999.0));
    const double ms = number(object, "ms");
    // One arg(): a '%1' in a method a client made up is not a mark.
    QString message =
        QStringLiteral("%1 %2 %3 in %4 ms")
            .arg(rest::stringMember(object, "method"), rest::stringMember(object, "route"),
                 QString::number(status), QString::number(ms, 'f', ms < 10 ? 2 : 1));
    QStringList who;
    for (const char *key : {"role", "subsystem"})
        if (const QString value = rest::stringMember(object, key); !value.isEmpty())
            who << value;
    if (!who.isEmpty())
        message += QStringLiteral(" (%1)").arg(who.join(QStringLiteral(", ")));
    return message;
}

} // namespace

QString logIdOf(const QString &fileName)
{
    static const QRegularExpression name(QStringLiteral("^(access|events)\\.log(?:\\.\\d+)?$"));
    const auto match = name.match(fileName);
    if (!match.hasMatch())
        return {};
    return QLatin1String(match.captured(1) == QLatin1String("access") ? lw::kRovdAccessLog
                                                                      : lw::kRovdEventsLog);
}

RayLogRecord record(const QString &line, const QDateTime &readAt)
{
    RayLogRecord record;
    record.timestamp = readAt.toUTC();
    record.text = line;
    const json object = json::parse(line.toStdString(), nullptr, false);
    if (!object.is_object())
        return record;
    const QDateTime time =
        QDateTime::fromString(rest::stringMember(object, "time"), Qt::ISODateWithMs);
    if (time.isValid()) {
        record.timestamp = time.toUTC();
        record.timeFromLine = true;
    }
    if (const auto status = object.find("status");
        status != object.end() && status->is_number_integer()) {
        record.severity = accessSeverity(int(std::clamp(number(object, "status"), 0.0, 999.0)));
        record.text = accessMessage(object);
        return record;
    }
    QString category = rest::stringMember(object, "category");
    if (category.startsWith(QLatin1String("rovd.")))
        category = category.mid(5);
    else if (category == QLatin1String("rovd"))
        category.clear();
    const QString message = rest::stringMember(object, "message");
    if (message.isEmpty())
        return record; // not an event: the line as it is
    record.severity = std::max(0, lw::severityRank(rest::stringMember(object, "severity")));
    record.text = category.isEmpty() ? message : category + QStringLiteral(": ") + message;
    return record;
}

} // namespace rov::localplane::logs::rovdlogs
