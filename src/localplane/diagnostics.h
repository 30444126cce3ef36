#pragma once

#include <QByteArray>
#include <QLoggingCategory>
#include <QString>

namespace rov::localplane {
class JsonLinesLog;
}

// rovd's own log lines: on its standard error (which scripts/run.sh and the console's rovd keep
// in a file), one line each, written whole, and in its event log (DIR/logs/events.log, one JSON
// object a line: time, severity, category, message), never carrying a token. Answers to clients
// say what went wrong in words; the paths and system errors behind them are told here.
//
// Each part of rovd writes under a logging category of its own: rovd (the process), rovd.state,
// rovd.clusters, rovd.serving, rovd.metrics, rovd.logs, rovd.storage and rovd.server. Warnings
// are on; QT_LOGGING_RULES turns on a part's debug lines ("rovd.serving.debug=true") or turns
// off its warnings.
namespace rov::localplane::diagnostics {

Q_DECLARE_LOGGING_CATEGORY(lcRovd)
Q_DECLARE_LOGGING_CATEGORY(lcState)
Q_DECLARE_LOGGING_CATEGORY(lcClusters)
Q_DECLARE_LOGGING_CATEGORY(lcServing)
Q_DECLARE_LOGGING_CATEGORY(lcMetrics)
Q_DECLARE_LOGGING_CATEGORY(lcLogs)
Q_DECLARE_LOGGING_CATEGORY(lcStorage)
Q_DECLARE_LOGGING_CATEGORY(lcServer)

// A warning of rovd as a whole, or of one of its parts.
void warn(const QString &message);
void warn(const QLoggingCategory &category, const QString &message);
// A line for whoever looks into a part (off unless QT_LOGGING_RULES turns it on).
void debug(const QLoggingCategory &category, const QString &message);
// What rovd did (it started, it is stopping): for the event log alone, as INFO, since standard
// error is for what went wrong.
void note(const QLoggingCategory &category, const QString &message);
// Standard error alone: what the event log itself says about its file.
void warnOnStandardError(const QString &message);

// From now on every line also goes to `log` (nullptr: no more). Qt's own warnings (qWarning and
// the like, from any library) take the same way once the handler is installed.
void setEventLog(JsonLinesLog *log);
void installMessageHandler();
// The event log's line for one message (no newline).
std::string eventLine(qint64 timeMs, const char *severity, const char *category,
                      const QString &message);

// `secret` (a token rovd holds) is never written: warn() and redact() replace it.
void addSecret(const QByteArray &secret);
// `text` without secrets: the known tokens, a path token (/t/<token>/…), a bearer credential
// and a password or token in a URL's query are replaced by <token>.
QString redact(QString text);

} // namespace rov::localplane::diagnostics
