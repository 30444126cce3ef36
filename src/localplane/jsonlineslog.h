#pragma once

#include <QString>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <string>
#include <thread>

namespace rov::localplane {

// A log of one JSON object a line in DIR/logs (mode 0600), rotated past a size into NAME.1 …
// NAME.N: rovd's access log and its event log. Callers only queue a line; the log's own thread
// writes it, so no request waits on the disk, and a full queue drops lines (counted) rather than
// hold anyone up. A file it cannot write is said once, on standard error only.
class JsonLinesLog
{
public:
    struct Settings
    {
        QString path;
        qint64 maxBytes = 16LL * 1024 * 1024;
        int keep = 3; // rotated files kept
    };
    static constexpr size_t kQueueLimit = 10000;

    explicit JsonLinesLog(Settings settings);
    ~JsonLinesLog(); // writes what is queued, then stops
    JsonLinesLog(const JsonLinesLog &) = delete;
    JsonLinesLog &operator=(const JsonLinesLog &) = delete;

    // `line` without its newline.
    void append(std::string line);

    uint64_t dropped() const;
    uint64_t writeFailures() const;

private:
    void run();
    void write(const std::string &text);
    bool open();
    void rotate();
    void complain(const QString &problem);

    Settings m_settings;
    mutable std::mutex m_mutex; // the queue only: never held while writing
    std::condition_variable m_changed;
    std::deque<std::string> m_queue;
    bool m_stopping = false;
    uint64_t m_dropped = 0;
    uint64_t m_failures = 0; // written by the log's thread, read under the mutex
    int m_fd = -1;           // the log's thread's alone
    qint64 m_size = 0;
    bool m_warned = false;
    std::thread m_thread;
};

} // namespace rov::localplane
