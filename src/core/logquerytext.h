#pragma once

#include <QDateTime>
#include <QString>
#include <QStringList>
#include <vector>

namespace rov::core {

// The Logs page's query is text in Cloud Logging's query language, and the text is the whole
// truth: a quick filter (cluster, node, pool, minimum severity, log, job, time range) is one line
// of it that the filter writes, replaces or removes; what the user types stays as it is.
namespace logquery {

enum class Clause
{
    Cluster,
    Node,   // rovd's name for it: "worker-pool1-0"
    NodeId, // Ray's
    Pool,
    MinSeverity,
    Log,
    Job,
    From, // timestamp>=
    To    // timestamp<
};

// The line a quick filter writes for `value` (empty: none). Log takes the log id and needs the
// project; MinSeverity takes a severity name; From and To take RFC 3339 times.
QString clauseLine(Clause clause, const QString &value, const QString &project = {});
// `query` with the clause's line replaced by `line`, added at the end, or removed (empty line).
QString setClause(const QString &query, Clause clause, const QString &line);
// The value of the clause's line in `query`, or empty: what the quick filter shows.
QString clauseValue(const QString &query, Clause clause);

// `query` with its Log clause for `logId`. rovd's own logs (rovd/access, rovd/events) have no
// task name, cluster, node, pool or job: those lines go, or nothing would match.
QString withLog(const QString &query, const QString &logId, const QString &project);

// What the page starts with: every Ray log (Ray on Vertex's task name).
QString defaultQuery();
// "View logs" of a cluster, and of one of its nodes (Ray's id) or jobs.
QString clusterQuery(const QString &clusterId);
QString nodeQuery(const QString &clusterId, const QString &rayNodeId);
QString jobQuery(const QString &clusterId, const QString &submissionId, const QString &jobId);
// The entries around one: its file, a minute either side.
QString surroundingQuery(const QString &clusterId, const QString &tailedPath,
                         const QDateTime &time);

// A job's lines: its driver's (by submission id) and its workers' (by job id).
QString jobLine(const QString &submissionId, const QString &jobId);

// Where the error in "… at line 2, column 7" points in `query` (0-based); -1 when it names none.
int errorOffset(const QString &query, const QString &message);

} // namespace logquery
} // namespace rov::core
