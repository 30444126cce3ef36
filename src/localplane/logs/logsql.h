#pragma once

#include "logfilter.h"

#include <QString>
#include <variant>
#include <vector>

namespace rov::localplane::logs {

// A filter of Cloud Logging's query language as a WHERE clause over rovd's log store (`e` the
// entries table, `sources` the files), with its values bound, never spliced in.
struct SqlFilter
{
    QString where = QStringLiteral("1");
    std::vector<std::variant<qint64, QString>> values; // for the ?s, in order
    // An FTS5 query that every match satisfies (from the filter's text terms that are not
    // under NOT): when it matches few entries, the store starts from them.
    QString requiredText;
};

// How every field of a LogEntry is found: entry columns (timestamp, severity, insertId, the
// message as textPayload and jsonPayload.message, labels.ray_job_id), the file's columns through
// an indexed `e.source IN (…)` (logName, resource.labels.*, labels.*, jsonPayload.tailed_path;
// resource.type and the task name, which tell the clusters' files from rovd's own logs, through
// an unindexed one), and missing fields, which match nothing. logName="projects/P/logs/ID" is
// matched by its parts, and rovd's own logs by their id in any project.
// Text (`:` on the message, bare words and phrases, which search the message) goes through the
// FTS5 index (as requiredText) and is then checked as a case-insensitive substring: a word
// matches where a token begins with it. Ordered
// comparisons of severity go by rank. A regular expression that does not compile is an error at
// its position.
std::variant<SqlFilter, FilterError> toSql(const FilterNode &filter);

// The FTS5 query for text that should appear in a message: its tokens as one phrase, the last a
// prefix ("connection refus" → "connection refus"*); empty when the text has no token.
QString ftsPhrase(const QString &text);

} // namespace rov::localplane::logs
