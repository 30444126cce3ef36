#pragma once

#include "localplane/jsonlineslog.h"

#include <QString>
#include <cstdint>
#include <string>

namespace rov::localplane {

// rovd's access log: one JSON line per answered request in DIR/logs/access.log (mode 0600),
// rotated past a size into access.log.1 … access.log.N. A line holds the time, the method, the
// route as its template (never the path: a path may carry a token, /t/<token>/..., and names
// are the user's business), the subsystem, the status, the time taken and the caller's role —
// never a header, a query or a body. Written by a JsonLinesLog: server threads only queue.
class AccessLog
{
public:
    using Settings = JsonLinesLog::Settings;
    struct Entry
    {
        qint64 timeMs = 0; // since the epoch
        std::string method;
        std::string route; // the path template, or "-" for a request no route took
        std::string subsystem;
        int status = 0;
        double seconds = 0;
        std::string role; // "admin", "user", "node" or "none" (no valid token)
    };

    explicit AccessLog(Settings settings) : m_log(std::move(settings)) {}

    void record(const Entry &entry) { m_log.append(line(entry)); }
    // The line written for `entry` (no newline).
    static std::string line(const Entry &entry);

    uint64_t dropped() const { return m_log.dropped(); }
    uint64_t writeFailures() const { return m_log.writeFailures(); }

private:
    JsonLinesLog m_log;
};

} // namespace rov::localplane
