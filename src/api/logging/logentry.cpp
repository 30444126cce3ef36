#include "logentry.h"

#include "logwire.h"

#include <QUrl>

namespace rov::api::logging {

using nlohmann::json;

namespace {

QString text(const json &object, const char *key)
{
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

std::map<QString, QString> stringMap(const json &object)
{
    std::map<QString, QString> map;
    if (!object.is_object())
        return map;
    for (const auto &[key, value] : object.items())
        if (value.is_string())
            map[QString::fromStdString(key)] = QString::fromStdString(value.get<std::string>());
    return map;
}

} // namespace

QDateTime parseTimestamp(const QString &text)
{
    // Qt reads milliseconds; Cloud Logging writes up to nanoseconds.
    QString trimmed = text;
    const qsizetype dot = trimmed.indexOf(QLatin1Char('.'));
    if (dot > 0) {
        qsizetype end = dot + 1;
        while (end < trimmed.size() && trimmed[end].isDigit())
            ++end;
        if (end - dot - 1 > 3)
            trimmed.remove(dot + 4, end - dot - 4);
    }
    QDateTime time = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

QString formatTimestamp(const QDateTime &time)
{
    return time.toUTC().toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz000")) + QLatin1Char('Z');
}

LogEntry LogEntry::fromJson(const json &object)
{
    LogEntry entry;
    if (!object.is_object())
        return entry;
    entry.raw = object;
    entry.logName = text(object, "logName");
    if (const auto resource = object.find("resource");
        resource != object.end() && resource->is_object()) {
        entry.resourceType = text(*resource, "type");
        entry.resourceLabels = stringMap(resource->value("labels", json()));
    }
    entry.timestamp = parseTimestamp(text(object, "timestamp"));
    entry.receiveTimestamp = parseTimestamp(text(object, "receiveTimestamp"));
    const json severity = object.value("severity", json());
    entry.severity = severity.is_number_integer() ? severity.get<int>()
                     : severity.is_string() ? std::max(0, severityRank(text(object, "severity")))
                                            : 0;
    entry.insertId = text(object, "insertId");
    entry.labels = stringMap(object.value("labels", json()));
    entry.textPayload = text(object, "textPayload");
    entry.jsonPayload = object.value("jsonPayload", json());
    return entry;
}

QString LogEntry::logId() const
{
    const qsizetype at = logName.indexOf(QLatin1String("/logs/"));
    return at < 0 ? logName : QUrl::fromPercentEncoding(logName.mid(at + 6).toUtf8());
}

QString LogEntry::message() const
{
    if (!textPayload.isEmpty())
        return textPayload;
    if (jsonPayload.is_object()) {
        const QString message = text(jsonPayload, "message");
        if (!message.isEmpty())
            return message;
        return QString::fromStdString(jsonPayload.dump());
    }
    if (const auto proto = raw.find("protoPayload"); proto != raw.end())
        return QString::fromStdString(proto->dump());
    return {};
}

QString LogEntry::firstLine() const
{
    const QString whole = message();
    const qsizetype end = whole.indexOf(QLatin1Char('\n'));
    return end < 0 ? whole : whole.left(end) + QStringLiteral(" …");
}

QString LogEntry::label(const char *key) const
{
    const auto it = labels.find(QLatin1String(key));
    return it == labels.end() ? QString() : it->second;
}

QString LogEntry::tailedPath() const
{
    return jsonPayload.is_object() ? text(jsonPayload, "tailed_path") : QString();
}

QString LogEntry::toText() const
{
    return QStringLiteral("%1 %2 %3 %4")
        .arg(formatTimestamp(timestamp), severityName(severity), logId(), message());
}

} // namespace rov::api::logging
