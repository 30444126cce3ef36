#pragma once

#include "logstore.h"
#include "raylogparser.h"

#include <QDateTime>
#include <QFile>

namespace rov::localplane::logs {

// Follows one log file: reads what was added since the last call, makes entries of its complete
// lines and says up to where they are stored. The offset it reports never passes the start of
// an entry that is still held back (the next line may continue it), so a reader that starts
// again from a stored offset neither loses nor repeats an entry.
class LogFileReader
{
public:
    // Lines longer than this are cut (Cloud Logging takes 256 KiB an entry).
    static constexpr qsizetype kMaxEntryBytes = 256 * 1024;

    explicit LogFileReader(LogSource source);

    // Whether only a logger writes the file: Ray's session logs named *.log (rotated ones too),
    // but a job driver's, whose lines are its prints, and not the `ray start` output rovd keeps.
    // Lines without a header continue an entry there.
    static bool loggerOnly(const QString &path);

    // Reads at most `maxBytes` more of the file of `size` bytes. Returns whether anything was
    // read; `more` whether bytes are left. A file shorter than what was read has been truncated
    // or replaced: it is read again from its start.
    bool poll(qint64 size, qint64 maxBytes, const QDateTime &now, std::vector<NewLogEntry> &out,
              bool *more = nullptr);
    // The entry held back (and a last line without '\n' when `final`): once the file has been
    // quiet, or is about to go away.
    void flush(const QDateTime &now, std::vector<NewLogEntry> &out, bool final = false);

    // Where the file is now: a rotated file goes on under its new name (its entries keep the
    // name it was written under).
    void setLocation(const QString &path) { m_location = path; }

    const LogSource &source() const { return m_source; }
    qint64 readOffset() const { return m_readOffset; }
    QDateTime lastGrowth() const { return m_lastGrowth; }
    bool holdsBack() const { return m_parser.holdsBack(); }

private:
    void take(std::vector<RayLogRecord> &records, const QDateTime &now,
              std::vector<NewLogEntry> &out);
    void restart();
    bool sameFile(QFile &file);

    LogSource m_source;
    QString m_location;
    RayLogParser m_parser;
    qint64 m_readOffset = 0;   // the end of the lines given to the parser
    qint64 m_pendingStart = 0; // where the entry held back begins
    QString m_jobAtPendingStart;
    QDateTime m_lastGrowth;
    bool m_rovdLog = false; // rovd's own JSON lines (rovdlogs.h), not Ray's
};

} // namespace rov::localplane::logs
