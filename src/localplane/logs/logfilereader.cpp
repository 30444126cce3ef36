#include "logfilereader.h"

#include "api/logging/logwire.h"
#include "rovdlogs.h"

#include <QFile>
#include <QRegularExpression>

namespace rov::localplane::logs {

namespace {

constexpr qsizetype kFingerprintBytes = 64;

} // namespace

LogFileReader::LogFileReader(LogSource source)
    : m_source(std::move(source)), m_location(m_source.path),
      m_rovdLog(m_source.cluster.isEmpty() && api::logging::isRovdLog(m_source.log))
{
    m_readOffset = m_pendingStart = m_source.offset;
    m_parser.setJobId(m_source.jobId);
    m_parser.setLoggerOnly(loggerOnly(m_source.path));
    m_jobAtPendingStart = m_source.jobId;
}

bool LogFileReader::loggerOnly(const QString &path)
{
    static const QRegularExpression logger(
        QStringLiteral("/session_[^/]+/logs/(?:old/)?"
                       "(?!job-driver-)[^/]+\\.log(?:\\.\\d+)?$"));
    return logger.match(path).hasMatch();
}

void LogFileReader::restart()
{
    m_parser = RayLogParser();
    m_parser.setLoggerOnly(loggerOnly(m_source.path));
    m_source.offset = m_readOffset = m_pendingStart = 0;
    m_source.jobId.clear();
    m_jobAtPendingStart.clear();
    m_source.fingerprint.clear();
}

// The first bytes are what they were: not another file under a reused inode.
bool LogFileReader::sameFile(QFile &file)
{
    const QByteArray head = file.read(kFingerprintBytes);
    const qsizetype common = std::min(head.size(), m_source.fingerprint.size());
    if (head.left(common) != m_source.fingerprint.left(common))
        return false;
    if (head.size() > m_source.fingerprint.size())
        m_source.fingerprint = head;
    return true;
}

void LogFileReader::take(std::vector<RayLogRecord> &records, const QDateTime &now,
                         std::vector<NewLogEntry> &out)
{
    const qint64 nowUs = now.toMSecsSinceEpoch() * 1000;
    for (RayLogRecord &record : records) {
        NewLogEntry entry;
        entry.sourceId = m_source.id;
        entry.timestampUs = record.timestamp.toMSecsSinceEpoch() * 1000;
        entry.receivedUs = nowUs;
        entry.severity = record.severity;
        entry.jobId = std::move(record.jobId);
        entry.message =
            record.headerLength > 0 ? record.text.mid(record.headerLength) : std::move(record.text);
        if (entry.message.size() > kMaxEntryBytes / 2)
            entry.message = entry.message.left(kMaxEntryBytes / 2) + QStringLiteral(" …");
        out.push_back(std::move(entry));
    }
    records.clear();
}

bool LogFileReader::poll(qint64 size, qint64 maxBytes, const QDateTime &now,
                         std::vector<NewLogEntry> &out, bool *more)
{
    if (more)
        *more = false;
    QFile file(m_location);
    if (!file.open(QIODevice::ReadOnly))
        return false;
    if (size < m_readOffset || !sameFile(file)) {
        restart();
        file.seek(0);
        m_source.fingerprint = file.read(kFingerprintBytes);
    }
    if (size <= m_readOffset)
        return false;
    if (!file.seek(m_readOffset))
        return false;
    const QByteArray chunk = file.read(std::min(size - m_readOffset, maxBytes));
    qsizetype end = chunk.lastIndexOf('\n');
    if (end < 0) {
        // A line longer than a whole read: take it as it is, so the file goes on.
        if (chunk.size() < maxBytes)
            return false;
        end = chunk.size() - 1;
    }
    std::vector<RayLogRecord> records;
    qsizetype lineStart = 0;
    while (lineStart <= end) {
        qsizetype lineEnd = chunk.indexOf('\n', lineStart);
        if (lineEnd < 0 || lineEnd > end)
            lineEnd = end + 1;
        qsizetype length = lineEnd - lineStart;
        if (length > 0 && chunk[lineStart + length - 1] == '\r')
            --length;
        const QString line =
            QString::fromUtf8(chunk.constData() + lineStart, std::min(length, kMaxEntryBytes));
        const QString jobBefore = m_parser.jobId();
        if (m_rovdLog) {
            // One JSON object a line: nothing is held back.
            if (!line.isEmpty())
                records.push_back(rovdlogs::record(line, now));
        } else if (m_parser.feedLine(line, now, records) == RayLogParser::LineEffect::Began) {
            m_pendingStart = m_readOffset + lineStart;
            m_jobAtPendingStart = jobBefore;
        }
        lineStart = lineEnd + 1;
    }
    m_readOffset += end + 1;
    take(records, now, out);
    m_source.offset = m_parser.holdsBack() ? m_pendingStart : m_readOffset;
    m_source.jobId = m_parser.holdsBack() ? m_jobAtPendingStart : m_parser.jobId();
    m_lastGrowth = now;
    if (more)
        *more = m_readOffset < size;
    return true;
}

void LogFileReader::flush(const QDateTime &now, std::vector<NewLogEntry> &out, bool final)
{
    if (final) {
        // A last line without its '\n': the file will not grow again.
        QFile file(m_location);
        if (file.open(QIODevice::ReadOnly) && file.seek(m_readOffset)) {
            const QByteArray rest = file.read(kMaxEntryBytes);
            if (!rest.isEmpty() && !rest.contains('\n')) {
                std::vector<RayLogRecord> records;
                if (m_rovdLog)
                    records.push_back(rovdlogs::record(QString::fromUtf8(rest), now));
                else
                    m_parser.feedLine(QString::fromUtf8(rest), now, records);
                m_readOffset += rest.size();
                take(records, now, out);
            }
        }
    }
    if (auto last = m_parser.flush()) {
        std::vector<RayLogRecord> records{std::move(*last)};
        take(records, now, out);
    }
    m_source.offset = m_readOffset;
    m_source.jobId = m_parser.jobId();
}

} // namespace rov::localplane::logs
