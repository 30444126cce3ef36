#pragma once

#include "api/logging/loggingclient.h"

#include <QObject>
#include <QPointer>
#include <QSaveFile>
#include <memory>
#include <optional>

namespace rov::core {

// Writes every entry that matches a filter to a file, page after page of entries:list (oldest
// first): as JSON lines (each LogEntry as it came) or as text (time, severity, log, message).
// The file appears whole or not at all (QSaveFile). Ends once with finished(): done, an error,
// or cancelled.
class LogExport : public QObject
{
    Q_OBJECT
public:
    enum class Format
    {
        JsonLines,
        Text
    };

    LogExport(api::logging::LoggingClient *client, QObject *parent = nullptr);
    ~LogExport() override;

    void start(const QString &filter, const QString &path, Format format);
    void cancel();
    qint64 written() const { return m_written; }

Q_SIGNALS:
    void progressed(qint64 written);
    void finished(const std::optional<rov::rest::ApiError> &error);

private:
    void askPage(const QString &token);
    void finish(const std::optional<rest::ApiError> &error);

    QPointer<api::logging::LoggingClient> m_client;
    QString m_filter;
    Format m_format = Format::JsonLines;
    std::unique_ptr<QSaveFile> m_file;
    rest::Call m_call;
    qint64 m_written = 0;
    bool m_done = true;
};

} // namespace rov::core
