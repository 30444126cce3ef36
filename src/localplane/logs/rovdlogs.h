#pragma once

#include "raylogparser.h"

#include <QDateTime>
#include <QString>

namespace rov::localplane::logs {

// rovd's own log files in DIR/logs (its access log and its event log, JSON lines that
// JsonLinesLog writes) as entries of the log store, beside the clusters' files.
namespace rovdlogs {

// The log a file of DIR/logs belongs to: rovd/access for access.log and its rotated copies
// (access.log.1 …), rovd/events for events.log and its copies; empty for any other file.
QString logIdOf(const QString &fileName);

// One line of either log as an entry: the time it holds; the event's severity, or an access's
// by its status (5xx ERROR, 4xx WARNING, else INFO); and a message a person reads
// ("GET /{version}/projects/{project}/… 200 in 3.10 ms (admin, clusters)", "serving: …"). A line
// that is not such an object stays as it is, DEFAULT at the time it was read.
RayLogRecord record(const QString &line, const QDateTime &readAt);

} // namespace rovdlogs
} // namespace rov::localplane::logs
