#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <optional>
#include <vector>

namespace rov::localplane::logs {

// One entry of a Ray log file, in Cloud Logging's terms.
struct RayLogRecord
{
    QDateTime timestamp;       // UTC
    int severity = 0;          // Cloud Logging's rank: DEFAULT 0, DEBUG 100 … CRITICAL 600
    QString text;              // the whole entry, its lines joined with '\n'
    int headerLength = 0;      // the time and level that begin `text` ("[… I 1 2] "), 0: none
    QString jobId;             // the Ray job the lines belong to (":job_id:" in worker files)
    bool timeFromLine = false; // else the time it was read
};

// Ray's log lines made entries, as they are read from one file:
// - Python logging (dashboard, monitor, agents, drivers, workers):
//   "2026-12-01 11:01:52,932\tINFO utils.py:303 -- message";
// - the C++ components (raylet, gcs_server, core workers):
//   "[2026-12-01 11:01:55,688 I 30601 30601] (raylet) main.cc:226: message";
// - anything else (a print) is DEFAULT at the time it was read.
// A traceback is one entry: with the logging line it follows, or alone (then ERROR); lines that
// begin with white space go with the entry before them. The markers Ray writes into worker files
// (":job_id:", ":actor_name:", ":task_name:") are not entries; the job id is kept for the lines
// that follow. Ray writes local time; entries carry UTC.
class RayLogParser
{
public:
    // Complete lines (no '\n'), read at `readAt`: the entries they complete. The last entry is
    // held back, since the next line may continue it.
    std::vector<RayLogRecord> feed(const QStringList &lines, const QDateTime &readAt);
    // What one line did to the entry held back.
    enum class LineEffect
    {
        Began,     // it begins a new entry (the one held back before, if any, is in `done`)
        Continued, // it goes on with the entry held back
        Skipped    // a marker or a lone blank line
    };
    LineEffect feedLine(const QString &line, const QDateTime &readAt,
                        std::vector<RayLogRecord> &done);
    // The entry held back, once the file has been quiet for a while.
    std::optional<RayLogRecord> flush();
    bool holdsBack() const { return m_pending.has_value(); }

    // The job whose lines follow (kept with a file's offset, so that a reader that starts
    // again after the last ":job_id:" marker still knows it).
    const QString &jobId() const { return m_jobId; }

    // A file that only a logger writes (monitor.log, dashboard.log, python-core-worker-*.log):
    // a line without a header goes on with the entry before it, as a multi-line message does
    // ("autoscaler.py:408 -- " and the status block under it). Elsewhere it is a print.
    void setLoggerOnly(bool loggerOnly) { m_loggerOnly = loggerOnly; }
    void setJobId(const QString &jobId) { m_jobId = jobId; }

private:
    bool continues(const QString &line) const;
    void take(RayLogRecord record, std::vector<RayLogRecord> &done);

    std::optional<RayLogRecord> m_pending;
    bool m_pendingHasHeader = false;
    enum class Traceback
    {
        None,
        Inside,     // after "Traceback (most recent call last):"
        AfterError, // after its last line ("ValueError: …"), a chained one may follow
    } m_traceback = Traceback::None;
    QString m_jobId;
    bool m_loggerOnly = false;
};

} // namespace rov::localplane::logs
