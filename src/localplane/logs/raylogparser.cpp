#include "raylogparser.h"

#include <QDateTime>

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

// Digits at line[from, from + count), or -1.
int number(const QString &line, qsizetype from, int count)
{
    int value = 0;
    for (qsizetype i = from; i < from + count; ++i) {
        const char16_t c = line[i].unicode();
        if (c < u'0' || c > u'9')
            return -1;
        value = value * 10 + (c - u'0');
    }
    return value;
}

// "2026-12-01 11:01:52,932" at line[from]: Ray's local time, as UTC. Read by hand and the zone's
// offset looked up once an hour: the collector reads some 100,000 lines a second.
QDateTime localTime(const QString &line, qsizetype from)
{
    if (line.size() < from + 23 || line[from + 4] != u'-' || line[from + 7] != u'-' ||
        line[from + 10] != u' ' || line[from + 13] != u':' || line[from + 16] != u':' ||
        line[from + 19] != u',')
        return {};
    const int year = number(line, from, 4), month = number(line, from + 5, 2),
              day = number(line, from + 8, 2), hour = number(line, from + 11, 2),
              minute = number(line, from + 14, 2), second = number(line, from + 17, 2),
              milli = number(line, from + 20, 3);
    const QDate date(year, month, day);
    if (!date.isValid() || hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 ||
        second > 60 || milli < 0)
        return {};
    thread_local qint64 cachedHour = -1;
    thread_local int cachedOffset = 0;
    const qint64 hourKey = date.toJulianDay() * 24 + hour;
    if (hourKey != cachedHour) {
        cachedOffset = QDateTime(date, QTime(hour, 30), Qt::LocalTime).offsetFromUtc();
        cachedHour = hourKey;
    }
    const qint64 localMs = (date.toJulianDay() - QDate(1970, 1, 1).toJulianDay()) * 86'400'000LL +
                           ((hour * 60LL + minute) * 60 + second) * 1000 + milli;
    return QDateTime::fromMSecsSinceEpoch(localMs - cachedOffset * 1000LL, Qt::UTC);
}

// The entry a header line begins, or nothing when the line has no header.
std::optional<RayLogRecord> headed(const QString &line)
{
    RayLogRecord record;
    if (line.startsWith(u'[')) {
        // "[2026-12-01 11:01:55,688 I 30601 30601] ": spdlog, as Ray's C++ components write it.
        record.timestamp = localTime(line, 1);
        if (!record.timestamp.isValid() || line.size() < 27 || line[24] != u' ' || line[26] != u' ')
            return std::nullopt;
        const qsizetype close = line.indexOf(u']', 27);
        if (close < 0 || close + 1 >= line.size() || line[close + 1] != u' ')
            return std::nullopt;
        record.severity = cppSeverity(line[25]);
        record.headerLength = int(close + 2);
    } else {
        // "2026-12-01 11:01:52,932\tINFO ": Python's logging.
        record.timestamp = localTime(line, 0);
        if (!record.timestamp.isValid() || line.size() < 25 || line[23] != u'\t')
            return std::nullopt;
        const qsizetype space = line.indexOf(u' ', 24);
        if (space < 0 || space - 24 > 8)
            return std::nullopt;
        record.severity = pythonSeverity(QStringView(line).mid(24, space - 24));
        record.headerLength = int(space + 1);
    }
    record.timeFromLine = true;
    record.text = line;
    return record;
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
    if (line.isEmpty() || line.front().isSpace() || (m_loggerOnly && m_pendingHasHeader))
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
    for (const QString &line : lines)
        feedLine(line, readAt, done);
    return done;
}

RayLogParser::LineEffect RayLogParser::feedLine(const QString &line, const QDateTime &readAt,
                                                std::vector<RayLogRecord> &done)
{
    // Ray's markers say whose lines follow; they are not entries.
    if (line.startsWith(u':')) {
        if (line.startsWith(QLatin1String(":job_id:"))) {
            m_jobId = line.mid(8).trimmed();
            return LineEffect::Skipped;
        }
        if (line.startsWith(QLatin1String(":actor_name:")) ||
            line.startsWith(QLatin1String(":task_name:")))
            return LineEffect::Skipped;
    }
    if (auto record = headed(line)) {
        record->jobId = m_jobId;
        take(std::move(*record), done);
        m_pendingHasHeader = true;
        m_traceback = Traceback::None;
        return LineEffect::Began;
    }
    if (continues(line)) {
        m_pending->text += QLatin1Char('\n') + line;
        if (line == kTraceback || chainSentence(line))
            m_traceback = Traceback::Inside;
        else if (m_traceback == Traceback::Inside && !line.isEmpty() && !line.front().isSpace())
            m_traceback = Traceback::AfterError;
        return LineEffect::Continued;
    }
    if (line.isEmpty())
        return LineEffect::Skipped; // a blank line alone says nothing
    // A print, or a traceback on its own.
    RayLogRecord record;
    record.timestamp = readAt.toUTC();
    record.severity = line == kTraceback ? 500 : 0;
    record.text = line;
    record.jobId = m_jobId;
    take(std::move(record), done);
    m_pendingHasHeader = false;
    m_traceback = line == kTraceback ? Traceback::Inside : Traceback::None;
    return LineEffect::Began;
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
