#include "logexport.h"

#include "api/logging/logwire.h"

#include <QSaveFile>

namespace rov::core {

LogExport::LogExport(api::logging::LoggingClient *client, QObject *parent)
    : QObject(parent), m_client(client)
{}

LogExport::~LogExport()
{
    m_call.cancel();
}

void LogExport::start(const QString &filter, const QString &path, Format format)
{
    m_filter = filter;
    m_format = format;
    m_written = 0;
    m_done = false;
    m_file = std::make_unique<QSaveFile>(path);
    if (!m_file->open(QIODevice::WriteOnly)) {
        finish(
            rest::ApiError::withStatus(QStringLiteral("FAILED_PRECONDITION"),
                                       tr("Cannot write %1: %2").arg(path, m_file->errorString())));
        return;
    }
    askPage({});
}

void LogExport::cancel()
{
    if (m_done)
        return;
    m_call.cancel();
    finish(rest::ApiError::cancelled());
}

void LogExport::askPage(const QString &token)
{
    if (!m_client) {
        finish(rest::ApiError::cancelled());
        return;
    }
    api::logging::ListRequest request;
    request.filter = m_filter;
    request.pageSize = api::logging::kMaxPageSize;
    request.pageToken = token;
    m_call = m_client->list(request, this, [this](auto result) {
        if (m_done)
            return;
        if (!result.ok()) {
            finish(result.error);
            return;
        }
        QByteArray chunk;
        for (const auto &entry : result.value.entries) {
            chunk += m_format == Format::JsonLines
                         ? QByteArray::fromStdString(entry.toJson().dump())
                         : entry.toText().toUtf8();
            chunk += '\n';
        }
        if (m_file->write(chunk) != chunk.size()) {
            finish(rest::ApiError::withStatus(
                QStringLiteral("FAILED_PRECONDITION"),
                tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString())));
            return;
        }
        m_written += qint64(result.value.entries.size());
        Q_EMIT progressed(m_written);
        if (!result.value.nextPageToken.isEmpty())
            askPage(result.value.nextPageToken);
        else
            finish(std::nullopt);
    });
}

void LogExport::finish(const std::optional<rest::ApiError> &error)
{
    if (m_done)
        return;
    m_done = true;
    if (m_file) {
        if (error)
            m_file->cancelWriting();
        if (!error && !m_file->commit()) {
            const QString problem =
                tr("Cannot write %1: %2").arg(m_file->fileName(), m_file->errorString());
            m_file.reset();
            Q_EMIT finished(
                rest::ApiError::withStatus(QStringLiteral("FAILED_PRECONDITION"), problem));
            return;
        }
        m_file.reset();
    }
    Q_EMIT finished(error);
}

} // namespace rov::core
