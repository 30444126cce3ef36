#pragma once

#include <QDateTime>
#include <QString>
#include <map>
#include <nlohmann/json.hpp>

namespace rov::api::logging {

// A LogEntry (google/logging/v2/log_entry.proto) as the console reads it: what it shows in the
// table and the details, and the whole entry as it came, for "show as JSON" and export.
struct LogEntry
{
    QString logName; // projects/P/logs/<URL-encoded log id>
    QString resourceType;
    std::map<QString, QString> resourceLabels;
    QDateTime timestamp; // UTC
    QDateTime receiveTimestamp;
    int severity = 0; // by rank: DEFAULT 0 … EMERGENCY 800
    QString insertId;
    std::map<QString, QString> labels;
    QString textPayload;        // one of the payloads
    nlohmann::json jsonPayload; // null when absent
    nlohmann::json raw;         // the entry as it came, unknown fields included

    static LogEntry fromJson(const nlohmann::json &json);
    nlohmann::json toJson() const { return raw; }

    // The log's id, decoded: "raylet.out".
    QString logId() const;
    // The text a reader wants: textPayload, jsonPayload.message, or the JSON payload itself.
    QString message() const;
    QString firstLine() const;
    QString label(const char *key) const;
    // The file it was read from (jsonPayload.tailed_path), when there is one.
    QString tailedPath() const;
    // Time, severity, log and message on one line, for copying and text export.
    QString toText() const;
};

// RFC 3339 with a fraction, as Cloud Logging writes times: a QDateTime in UTC; invalid when not.
QDateTime parseTimestamp(const QString &text);
// Back, with microseconds: "2026-12-01T11:01:52.932000Z".
QString formatTimestamp(const QDateTime &time);

} // namespace rov::api::logging
