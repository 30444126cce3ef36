#pragma once

#include "localplane/apiresult.h"
#include "logstore.h"

#include <nlohmann/json.hpp>

namespace rov::localplane::logs {

// POST /v2/entries:list, as Cloud Logging answers it (google/logging/v2/logging.proto):
// resourceNames (projects/P; other parents hold none of rovd's entries), filter (at most 20,000
// characters, the query language), orderBy ("timestamp asc", the default, or "timestamp desc"),
// pageSize (50 by default, at most 1,000) and pageToken. Answers {entries, nextPageToken}. rovd's
// own access and event logs (rovd/access, rovd/events) are in every project's answer.
// A query that runs out of time answers what it found with a token to go on; finding nothing in
// that time is DEADLINE_EXCEEDED.
ApiResult listEntries(const LogStore &store, const nlohmann::json &body);

// GET /v2/projects/P/logs, as Cloud Logging's logs.list answers it: {logNames, nextPageToken},
// the names of the logs P has entries under (rovd's own among them), in order; `pageSize` (at
// most 1,000; 0 or empty: 1,000) and `pageToken` as the request's query gave them.
ApiResult listLogNames(const LogStore &store, const QString &project, const QString &pageSize,
                       const QString &pageToken);

// A stored entry as a LogEntry (google/logging/v2/log_entry.proto) with Ray on Vertex's labels;
// one of rovd's own logs in `project` (the first one asked for), on a generic_node resource.
nlohmann::json toLogEntry(const StoredLogEntry &entry, const QString &project = {});

// RFC 3339 in UTC with microseconds: 2026-12-01T11:01:52.932104Z.
QString rfc3339(qint64 microsecondsSinceEpoch);

} // namespace rov::localplane::logs
