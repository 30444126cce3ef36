#include "diagnostics.h"

#include "jsonlineslog.h"

#include <QDateTime>
#include <QRegularExpression>
#include <atomic>
#include <cstdio>
#include <mutex>
#include <nlohmann/json.hpp>
#include <unistd.h>
#include <vector>

namespace rov::localplane::diagnostics {

namespace {

std::mutex &secretsMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::vector<QString> &secrets()
{
    static std::vector<QString> known;
    return known;
}

} // namespace

void addSecret(const QByteArray &secret)
{
    if (secret.size() < 8)
        return; // nothing that short is a token, and replacing it would garble words
    std::lock_guard lock(secretsMutex());
    secrets().push_back(QString::fromUtf8(secret));
}

QString redact(QString text)
{
    {
        std::lock_guard lock(secretsMutex());
        for (const QString &secret : secrets())
            text.replace(secret, QStringLiteral("<token>"));
    }
    static const QRegularExpression pathToken(QStringLiteral("/t/[^/\\s\"']+"));
    static const QRegularExpression bearer(QStringLiteral("(Bearer)\\s+[^\\s\"',;]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression query(
        QStringLiteral("([?&](?:access_token|token|password|key|upload_id)=)[^&\\s\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(pathToken, QStringLiteral("/t/<token>"));
    text.replace(bearer, QStringLiteral("\\1 <token>"));
    text.replace(query, QStringLiteral("\\1<token>"));
    return text;
}

namespace {

std::atomic<JsonLinesLog *> &eventLog()
{
    static std::atomic<JsonLinesLog *> log{nullptr};
    return log;
}

void writeLine(const QByteArray &line)
{
    // One write(2) a line: lines of several threads never interleave.
    [[maybe_unused]] const ssize_t wrote = ::write(STDERR_FILENO, line.constData(), line.size());
}

// "rovd: serving: …" for rovd.serving, "rovd: …" for rovd itself.
void emitLine(const char *severity, const char *category, const QString &message)
{
    const QString clean = redact(message);
    QByteArray part(category);
    part = part == "rovd" ? QByteArray() : part.mid(part.startsWith("rovd.") ? 5 : 0) + ": ";
    if (qstrcmp(severity, "warning") != 0 && qstrcmp(severity, "error") != 0)
        part += QByteArray(severity) + ": ";
    writeLine("rovd: " + part + clean.toUtf8().replace('\n', ' ') + '\n');
    if (JsonLinesLog *log = eventLog().load())
        log->append(eventLine(QDateTime::currentMSecsSinceEpoch(), severity, category, clean));
}

const char *severityOf(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
    case QtFatalMsg:
        return "error";
    }
    return "warning";
}

void handleQtMessage(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    emitLine(severityOf(type), context.category ? context.category : "default", message);
}

} // namespace

Q_LOGGING_CATEGORY(lcRovd, "rovd", QtWarningMsg)
Q_LOGGING_CATEGORY(lcState, "rovd.state", QtWarningMsg)
Q_LOGGING_CATEGORY(lcClusters, "rovd.clusters", QtWarningMsg)
Q_LOGGING_CATEGORY(lcServing, "rovd.serving", QtWarningMsg)
Q_LOGGING_CATEGORY(lcMetrics, "rovd.metrics", QtWarningMsg)
Q_LOGGING_CATEGORY(lcLogs, "rovd.logs", QtWarningMsg)
Q_LOGGING_CATEGORY(lcStorage, "rovd.storage", QtWarningMsg)
Q_LOGGING_CATEGORY(lcServer, "rovd.server", QtWarningMsg)

void warn(const QString &message)
{
    warn(lcRovd(), message);
}

void warn(const QLoggingCategory &category, const QString &message)
{
    if (category.isWarningEnabled())
        emitLine("warning", category.categoryName(), message);
}

void debug(const QLoggingCategory &category, const QString &message)
{
    if (category.isDebugEnabled())
        emitLine("debug", category.categoryName(), message);
}

void note(const QLoggingCategory &category, const QString &message)
{
    if (JsonLinesLog *log = eventLog().load())
        log->append(eventLine(QDateTime::currentMSecsSinceEpoch(), "info", category.categoryName(),
                              redact(message)));
}

void warnOnStandardError(const QString &message)
{
    writeLine("rovd: " + redact(message).toUtf8().replace('\n', ' ') + '\n');
}

void setEventLog(JsonLinesLog *log)
{
    eventLog().store(log);
}

void installMessageHandler()
{
    qInstallMessageHandler(handleQtMessage);
}

std::string eventLine(qint64 timeMs, const char *severity, const char *category,
                      const QString &message)
{
    const QString time =
        QDateTime::fromMSecsSinceEpoch(timeMs, Qt::UTC).toString(Qt::ISODateWithMs);
    const nlohmann::ordered_json object = {{"time", time.toStdString()},
                                           {"severity", severity},
                                           {"category", category},
                                           {"message", message.toStdString()}};
    return object.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

} // namespace rov::localplane::diagnostics
