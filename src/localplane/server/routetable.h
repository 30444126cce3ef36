#pragma once

#include <QByteArray>
#include <QString>
#include <chrono>
#include <map>
#include <optional>
#include <string_view>
#include <vector>

namespace rov::localplane {

// rovd's routes as data: which paths exist, which methods each takes, who may call them and how
// their requests travel. The router, the server, the OpenAPI test and the fuzzers read this one
// table, so a route cannot be served in one place and described differently in another.
enum class RouteId
{
    OpenApi,
    // BigQuery's discovery document (the bq tool builds its calls from it), made from OpenApi's.
    BqDiscovery,
    Clusters,
    Cluster,
    Reboot,
    Operations,
    Operation,
    OperationCancel,
    OperationWait,
    RayRuntimes,
    Events,
    // The Prometheus HTTP API at Cloud Monitoring's path, passed to rovd's Prometheus.
    PromApi,         // query, query_range, series, labels, metadata; rules, alerts (rovd's)
    PromLabelValues, // label/{name}/values
    Metrics,         // rovd's own metrics, in Prometheus' text format
    LogEntries,      // Cloud Logging's entries:list over rovd's log store
    LogNames,        // Cloud Logging's logs.list: the log ids a project has entries under
    // Vertex AI's Model Registry and endpoints, served on Ray Serve.
    Models,
    ModelUpload,
    Model,
    ModelOperation,
    Endpoints,
    Endpoint,
    DeployModel,
    UndeployModel,
    MutateDeployedModel,
    Predict,
    RawPredict,
    EndpointOperation,
    // Vertex AI's batchPredictionJobs, on Ray Data.
    BatchPredictionJobs,
    BatchPredictionJob,
    BatchPredictionJobCancel,
    BatchPredictionJobOperation,
    // The Cloud Storage JSON API over rovd's folder of buckets (gs:// artifacts).
    StorageBuckets,
    StorageBucket,
    StorageLayout, // a bucket's storageLayout (gcloud asks before recursive copies and removals)
    StorageObjects,
    StorageObject,
    StorageDownload,
    StorageUpload,
    StorageResumableUpload, // the same at the path gcloud's generated client uses for resumable
    // BigQuery's REST API v2, passed to rovd's BigQuery service (DuckDB).
    BqProjects,
    BqDatasets,
    BqDataset,
    BqTables,
    BqTable,
    BqTableData,
    BqInsertAll,
    BqJobs,
    BqJob,
    BqJobCancel,
    BqJobDelete,
    BqQueries,
    BqQueryResults,
    BqUpload,
    // The metadata server a Compute Engine VM has (GCE_METADATA_HOST), for Ray nodes only: what
    // google.auth.default() reads on a node, and where the node's start-up code finds BigQuery's
    // Storage Read API.
    MetadataRoot,
    MetadataProjectId,
    MetadataUniverseDomain,
    MetadataServiceAccount,
    MetadataServiceAccountEmail,
    MetadataServiceAccountToken,
    MetadataAttribute
};

// How a request travels through rovd. Reads are answered on the server's own threads from a
// snapshot; changes are applied in order by the thread that owns cluster state; waits park a
// server thread on a condition, and there are only so many of them at once.
// The parts of rovd whose requests share the server's threads. Each has its own limit of
// requests in flight, so that one slow part (a Serve replica that takes its time, a broad log
// query, uploads trickling in) cannot take every thread from the others.
enum class Subsystem
{
    Clusters,   // persistentResources, their operations, events, runtimes; the OpenAPI document
    Metrics,    // the PromQL API and rovd's own /metrics
    Logs,       // entries:list, logs.list
    Serving,    // the Model Registry and endpoints, but predictions
    Prediction, // :predict and :rawPredict (each held until the model answers)
    Storage,    // the Cloud Storage JSON API (uploads hold a thread while their bytes come)
    BigQuery,   // BigQuery's REST API (getQueryResults holds a thread while its job runs)
    Batch,      // batchPredictionJobs
    Count
};

enum class Lane
{
    Read,
    Change,
    Wait
};

enum class BodyRule
{
    None,         // a body is read (within the limit) and ignored
    JsonOptional, // empty, or a JSON object
    JsonRequired  // a JSON object; a request with no length at all gets 411
};

namespace routes {
// JSON bodies stay small; a route that takes uploads says how much it takes (and streams it).
inline constexpr qint64 kJsonBodyLimit = 1024 * 1024;
// An upload request (a whole object, or one chunk of a resumable upload: Google's clients send
// up to 100 MiB a chunk).
inline constexpr qint64 kUploadBodyLimit = 128LL * 1024 * 1024;
// BigQuery's own limit on an insertAll request.
inline constexpr qint64 kInsertAllBodyLimit = 10LL * 1024 * 1024;
// Ray nodes reach the storage routes through STORAGE_EMULATOR_HOST, and Google's client sends
// no credentials to an emulator: the token rides in the path, /t/<token>/storage/v1/... So it
// does to the metadata server (GCE_METADATA_HOST), which knows a node by nothing else.
inline constexpr const char *kPathTokenPrefix = "/t/";
} // namespace routes

struct MethodSpec
{
    const char *method; // "GET" ...; HEAD is allowed wherever GET is
    const char *operationId;
    Lane lane;
    bool needsAdmin;
    BodyRule body;
    qint64 bodyLimit = routes::kJsonBodyLimit; // a longer body gets 413 before it is read
};

struct RouteSpec
{
    RouteId id;
    const char *pathTemplate; // as in the OpenAPI document
    Subsystem subsystem;      // who answers it, and whose request limit it counts against
    std::vector<MethodSpec> methods;
};

struct RouteMatch
{
    RouteId id;
    QString version;  // v1, v1beta1 or ui (Google's operations client polls under /ui/)
    QString resource; // the parent, cluster or operation name; Prometheus' endpoint
};

namespace routes {

const std::vector<RouteSpec> &all();
// The largest body any route takes: what the HTTP library itself may read at most.
qint64 largestBodyLimit();
const RouteSpec &spec(RouteId id);
std::optional<RouteMatch> match(const QString &path);
bool isStorageRoute(RouteId id);
bool isBigQueryRoute(RouteId id);
// The metadata server's routes: a Ray node's token only, sent in the path (/t/<token>/...).
bool isMetadataRoute(RouteId id);
// What a Ray node's token may reach (NodeTokens): Cloud Storage, reading models, BigQuery (but
// what needs admin), and its metadata server.
bool nodeMayReach(RouteId id, const MethodSpec &method);
// The method's rules on this route; HEAD finds GET's. nullopt: 405.
std::optional<MethodSpec> method(RouteId id, const QByteArray &method);
// "GET, HEAD, POST": the methods the route takes, for 405's Allow header.
QByteArray allow(RouteId id);

// A query string (no leading "?") as name → values, percent-decoded, "+" as space. Names and
// values that are not UTF-8 come out with replacement characters; nothing here fails.
std::multimap<QString, QString> parseQuery(std::string_view query);
// The first value of `name` or, as some clients send it, of `snakeName`.
QString queryValue(const std::multimap<QString, QString> &query, const QString &name,
                   const QString &snakeName = {});
// A google.protobuf.Duration in JSON ("30s", "1.5s") clamped to [0, max]; `max` when unreadable.
std::chrono::milliseconds duration(const QString &text, std::chrono::milliseconds max);

} // namespace routes

} // namespace rov::localplane
