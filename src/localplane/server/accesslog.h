#pragma once

#include <QString>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace rov::localplane {

// rovd's access log: one JSON line per answered request in DIR/logs/access.log (mode 0600),
// rotated past a size into access.log.1 … access.log.N. A line holds the time, the method, the
// route as its template (never the path: a path may carry a token, /t/<token>/..., and names
// are the user's business), the subsystem, the status, the time taken and the caller's role —
// never a header, a query or a body. Server threads only queue a line; the log's own thread
// writes it, so no request waits on the disk, and a full queue drops lines (counted) rather
// than hold anyone up.
class AccessLog
{
public:
    struct Settings
    {
        QString path;
        qint64 maxBytes = 16LL * 1024 * 1024;
        int keep = 3; // rotated files kept
    };
    struct Entry
    {
        qint64 timeMs = 0; // since the epoch
        std::string method;
        std::string route; // the path template, or "-" for a request no route took
        std::string subsystem;
        int status = 0;
        double seconds = 0;
        std::string role; // "admin", "user" or "none" (no valid token)
    };
    static constexpr size_t kQueueLimit = 10000;

    explicit AccessLog(Settings settings);
    ~AccessLog(); // writes what is queued, then stops

    void record(Entry entry);
    // The line written for `entry` (no newline).
    static std::string line(const Entry &entry);

    uint64_t dropped() const;
    uint64_t writeFailures() const;

private:
    void run();
    void write(const std::string &text);
    bool open();
    void rotate();

    Settings m_settings;
    mutable std::mutex m_mutex; // the queue only: never held while writing
    std::condition_variable m_changed;
    std::deque<Entry> m_queue;
    bool m_stopping = false;
    uint64_t m_dropped = 0;
    uint64_t m_failures = 0; // written by the log's thread, read under the mutex
    int m_fd = -1;           // the log's thread's alone
    qint64 m_size = 0;
    bool m_warned = false;
    std::thread m_thread;
};

} // namespace rov::localplane
