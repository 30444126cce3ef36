#include "raylogparser.h"

#include <QRegularExpression>

namespace rov::localplane::logs {

namespace {

const QString kTraceback = QStringLiteral("Traceback (most recent call last):");

int pythonSeverity(QStringView level)
{
    if (level == QLatin1String("DEBUG"))
        return 100;
    if (level == QLatin1String("INFO"))
        return 200;
    if (level == QLatin1String("WARNING") || level == QLatin1String("WARN"))
        return 400;
    if (level == QLatin1String("ERROR"))
        return 500;
    if (level == QLatin1String("CRITICAL") || level == QLatin1String("FATAL"))
        return 600;
    return 0;
}

// spdlog's short levels, as Ray's C++ components write them.
int cppSeverity(QChar level)
{
    switch (level.unicode()) {
    case 'T':
    case 'D':
        return 100;
    case 'I':
        return 200;
    case 'W':
        return 400;
    case 'E':
        return 500;
    case 'C':
    case 'F':
        return 600;
    default:
        return 0;
    }
}

// "2026-12-01 11:01:52,932", Ray's local time, as UTC.
QDateTime localTime(const QString &date, const QString &time)
{
    const QDateTime local(QDate::fromString(date, Qt::ISODate),
                          QTime::fromString(time, QStringLiteral("HH:mm:ss,zzz")), Qt::LocalTime);
    return local.isValid() ? local.toUTC() : QDateTime();
}

// The entry a header line begins, or nothing when the line has no header.
std::optional<RayLogRecord> headed(const QString &line)
{
    static const QRegularExpression python(
        QStringLiteral("^(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2},\\d{3})\\t([A-Z]+) "));
    static const QRegularExpression cpp(QStringLiteral(
        "^\\[(\\d{4}-\\d{2}-\\d{2}) (\\d{2}:\\d{2}:\\d{2},\\d{3}) ([TDIWECF]) \\d+ \\d+\\] "));
    for (const auto *format : {&python, &cpp}) {
        const auto match = format->match(line);
        if (!match.hasMatch())
            continue;
        const QDateTime time = localTime(match.captured(1), match.captured(2));
        if (!time.isValid())
            continue;
        RayLogRecord record;
        record.timestamp = time;
        record.timeFromLine = true;
        record.severity = format == &python ? pythonSeverity(match.capturedView(3))
                                            : cppSeverity(match.captured(3).front());
        record.text = line;
        return record;
    }
    return std::nullopt;
}

bool chainSentence(const QString &line)
{
    return line.startsWith(QLatin1String("During handling of the above exception")) ||
           line.startsWith(QLatin1String("The above exception was the direct cause"));
}

// Trailing blank lines are not part of what was said.
RayLogRecord finished(RayLogRecord record)
{
    while (record.text.endsWith(QLatin1Char('\n')))
        record.text.chop(1);
    return record;
}

} // namespace

// Whether `line` goes on with the entry held back.
bool RayLogParser::continues(const QString &line) const
{
    if (!m_pending)
        return false;
    if (line.isEmpty() || line.front().isSpace())
        return true;
    if (line == kTraceback)
        return m_pendingHasHeader || m_traceback != Traceback::None;
    switch (m_traceback) {
    case Traceback::Inside:
        return true; // its last line: "ValueError: …"
    case Traceback::AfterError:
        return chainSentence(line);
    case Traceback::None:
        break;
    }
    return false;
}

void RayLogParser::take(RayLogRecord record, std::vector<RayLogRecord> &done)
{
    if (m_pending)
        done.push_back(finished(std::move(*m_pending)));
    m_pending = std::move(record);
}

std::vector<RayLogRecord> RayLogParser::feed(const QStringList &lines, const QDateTime &readAt)
{
    std::vector<RayLogRecord> done;
    for (const QString &line : lines) {
        // Ray's markers say whose lines follow; they are not entries.
        if (line.startsWith(QLatin1String(":job_id:"))) {
            m_jobId = line.mid(8).trimmed();
            continue;
        }
        if (line.startsWith(QLatin1String(":actor_name:")) ||
            line.startsWith(QLatin1String(":task_name:")))
            continue;
        if (auto record = headed(line)) {
            record->jobId = m_jobId;
            take(std::move(*record), done);
            m_pendingHasHeader = true;
            m_traceback = Traceback::None;
            continue;
        }
        if (continues(line)) {
            m_pending->text += QLatin1Char('\n') + line;
            if (line == kTraceback || chainSentence(line))
                m_traceback = Traceback::Inside;
            else if (m_traceback == Traceback::Inside && !line.isEmpty() && !line.front().isSpace())
                m_traceback = Traceback::AfterError;
            continue;
        }
        if (line.isEmpty())
            continue; // a blank line alone says nothing
        // A print, or a traceback on its own.
        RayLogRecord record;
        record.timestamp = readAt.toUTC();
        record.severity = line == kTraceback ? 500 : 0;
        record.text = line;
        record.jobId = m_jobId;
        take(std::move(record), done);
        m_pendingHasHeader = false;
        m_traceback = line == kTraceback ? Traceback::Inside : Traceback::None;
    }
    return done;
}

std::optional<RayLogRecord> RayLogParser::flush()
{
    m_traceback = Traceback::None;
    m_pendingHasHeader = false;
    if (!m_pending)
        return std::nullopt;
    return finished(*std::exchange(m_pending, std::nullopt));
}

} // namespace rov::localplane::logs
