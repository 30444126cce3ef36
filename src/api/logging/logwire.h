#pragma once

#include <QString>
#include <array>
#include <utility>

// Cloud Logging's wire facts for Ray on Vertex logs, shared by rovd (which writes entries this
// way) and the console (which filters on them).
namespace rov::api::logging {

// LogSeverity: names and ranks (google/logging/type/log_severity.proto).
inline constexpr std::array<std::pair<const char *, int>, 9> kSeverities{{{"DEFAULT", 0},
                                                                          {"DEBUG", 100},
                                                                          {"INFO", 200},
                                                                          {"NOTICE", 300},
                                                                          {"WARNING", 400},
                                                                          {"ERROR", 500},
                                                                          {"CRITICAL", 600},
                                                                          {"ALERT", 700},
                                                                          {"EMERGENCY", 800}}};
// The rank of a severity name (any case) or of a number; -1 for anything else.
int severityRank(const QString &name);
// The name of a rank; a rank between two names takes the lower one ("DEFAULT" below DEBUG).
QString severityName(int rank);

// Labels of Ray on Vertex's log entries. Google's: the task name and the cluster id; rovd adds
// the node, the pool and the job.
inline constexpr char kResourceType[] = "ml_job"; // inferred, see endpoints-and-logs.md B6
inline constexpr char kTaskName[] = "ray-cluster-logs";
namespace labelkeys {
inline constexpr char kClusterId[] = "ml.googleapis.com/ray_cluster_id";
inline constexpr char kNodeId[] = "ray_node_id";
inline constexpr char kNode[] = "ray_node";
inline constexpr char kPool[] = "resource_pool";
inline constexpr char kSubmission[] = "ray_submission_id";
inline constexpr char kJob[] = "ray_job_id";
} // namespace labelkeys

// rovd's own logs (its access log and its event log), in the same store as the clusters':
// log ids of their own (logName projects/P/logs/rovd%2Faccess), on a `generic_node` resource
// (namespace "rovd"), and in every project's answer, since one rovd serves them all.
inline constexpr char kRovdAccessLog[] = "rovd/access";
inline constexpr char kRovdEventsLog[] = "rovd/events";
inline constexpr char kRovdResourceType[] = "generic_node";
inline constexpr char kRovdNamespace[] = "rovd";
inline constexpr char kRovdLocation[] = "local";
inline constexpr char kRovdNodeId[] = "rovd";
inline bool isRovdLog(const QString &logId)
{
    return logId == QLatin1String(kRovdAccessLog) || logId == QLatin1String(kRovdEventsLog);
}

// Rovd's count of the entries it stored, in its /metrics (labels: ray_io_cluster, severity,
// log); on Google Cloud, logging.googleapis.com/log_entry_count.
inline constexpr char kVolumeMetric[] = "rovd_log_entries_total";
inline constexpr char kGoogleVolumeMetric[] = "logging_googleapis_com:log_entry_count";

// entries:list takes at most this many entries a page (more is INVALID_ARGUMENT).
inline constexpr int kMaxPageSize = 1000;

} // namespace rov::api::logging
