#include "routetable.h"

#include "api/vertex/servingwire.h"

#include <QByteArrayList>
#include <QStringList>
#include <algorithm>
#include <cmath>

namespace rov::localplane::routes {

namespace {

using L = Lane;
using B = BodyRule;
using S = Subsystem;

const std::vector<RouteSpec> kRoutes = {
    {RouteId::OpenApi, "/openapi.json", S::Clusters, {{"GET", "openApi", L::Read, false, B::None}}},
    {RouteId::BqDiscovery,
     "/$discovery/rest",
     S::Clusters,
     {{"GET", "bigqueryDiscovery", L::Read, false, B::None}}},
    {RouteId::Clusters,
     "/{version}/projects/{project}/locations/{location}/persistentResources",
     S::Clusters,
     {{"GET", "listPersistentResources", L::Read, false, B::None},
      {"POST", "createPersistentResource", L::Change, true, B::JsonRequired}}},
    {RouteId::Cluster,
     "/{version}/projects/{project}/locations/{location}/persistentResources/{cluster}",
     S::Clusters,
     {{"GET", "getPersistentResource", L::Read, false, B::None},
      {"PATCH", "updatePersistentResource", L::Change, true, B::JsonRequired},
      {"DELETE", "deletePersistentResource", L::Change, true, B::None}}},
    {RouteId::Reboot,
     "/{version}/projects/{project}/locations/{location}/persistentResources/{cluster}:reboot",
     S::Clusters,
     {{"POST", "rebootPersistentResource", L::Change, true, B::JsonOptional}}},
    {RouteId::Operations,
     "/{version}/projects/{project}/locations/{location}/persistentResources/{cluster}/"
     "operations",
     S::Clusters,
     {{"GET", "listOperations", L::Read, false, B::None}}},
    {RouteId::Operation,
     "/{version}/projects/{project}/locations/{location}/persistentResources/{cluster}/"
     "operations/{operation}",
     S::Clusters,
     {{"GET", "getOperation", L::Read, false, B::None},
      {"DELETE", "deleteOperation", L::Change, true, B::None}}},
    {RouteId::OperationCancel,
     "/{version}/projects/{project}/locations/{location}/persistentResources/{cluster}/"
     "operations/{operation}:cancel",
     S::Clusters,
     {{"POST", "cancelOperation", L::Change, true, B::JsonOptional}}},
    // Waiting changes nothing: the user role may wait.
    {RouteId::OperationWait,
     "/{version}/projects/{project}/locations/{location}/persistentResources/{cluster}/"
     "operations/{operation}:wait",
     S::Clusters,
     {{"POST", "waitOperation", L::Wait, false, B::JsonOptional}}},
    {RouteId::RayRuntimes,
     "/{version}/projects/{project}/locations/{location}/rayRuntimes",
     S::Clusters,
     {{"GET", "listRayRuntimes", L::Read, false, B::None}}},
    {RouteId::Events,
     "/{version}/projects/{project}/locations/{location}/persistentResources/{cluster}/events",
     S::Clusters,
     {{"GET", "listClusterEvents", L::Read, false, B::None}}},
    // Reading metrics changes nothing: the user role may. A POST carries a form, not JSON.
    {RouteId::PromApi,
     "/v1/projects/{project}/location/global/prometheus/api/v1/{endpoint}",
     S::Metrics,
     {{"GET", "prometheusGet", L::Read, false, B::None},
      {"POST", "prometheusPost", L::Read, false, B::None}}},
    {RouteId::Metrics, "/metrics", S::Metrics, {{"GET", "rovdMetrics", L::Read, false, B::None}}},
    {RouteId::PromLabelValues,
     "/v1/projects/{project}/location/global/prometheus/api/v1/label/{label}/values",
     S::Metrics,
     {{"GET", "prometheusLabelValues", L::Read, false, B::None}}},
    // Reading logs changes nothing: the user role may.
    {RouteId::LogEntries,
     "/v2/entries:list",
     S::Logs,
     {{"POST", "listLogEntries", L::Read, false, B::JsonRequired}}},
    {RouteId::LogNames,
     "/v2/projects/{project}/logs",
     S::Logs,
     {{"GET", "listLogs", L::Read, false, B::None}}},
    // The Model Registry and endpoints: the user role may read and predict; changes need admin.
    {RouteId::Models,
     "/{version}/projects/{project}/locations/{location}/models",
     S::Serving,
     {{"GET", "listModels", L::Read, false, B::None}}},
    {RouteId::ModelUpload,
     "/{version}/projects/{project}/locations/{location}/models:upload",
     S::Serving,
     {{"POST", "uploadModel", L::Change, true, B::JsonRequired}}},
    {RouteId::Model,
     "/{version}/projects/{project}/locations/{location}/models/{model}",
     S::Serving,
     {{"GET", "getModel", L::Read, false, B::None},
      {"DELETE", "deleteModel", L::Change, true, B::None}}},
    {RouteId::ModelOperation,
     "/{version}/projects/{project}/locations/{location}/models/{model}/operations/{operation}",
     S::Serving,
     {{"GET", "getModelOperation", L::Read, false, B::None}}},
    {RouteId::Endpoints,
     "/{version}/projects/{project}/locations/{location}/endpoints",
     S::Serving,
     {{"GET", "listEndpoints", L::Read, false, B::None},
      {"POST", "createEndpoint", L::Change, true, B::JsonRequired}}},
    {RouteId::Endpoint,
     "/{version}/projects/{project}/locations/{location}/endpoints/{endpoint}",
     S::Serving,
     {{"GET", "getEndpoint", L::Read, false, B::None},
      {"DELETE", "deleteEndpoint", L::Change, true, B::None}}},
    {RouteId::DeployModel,
     "/{version}/projects/{project}/locations/{location}/endpoints/{endpoint}:deployModel",
     S::Serving,
     {{"POST", "deployModel", L::Change, true, B::JsonRequired}}},
    {RouteId::UndeployModel,
     "/{version}/projects/{project}/locations/{location}/endpoints/{endpoint}:undeployModel",
     S::Serving,
     {{"POST", "undeployModel", L::Change, true, B::JsonRequired}}},
    {RouteId::MutateDeployedModel,
     "/{version}/projects/{project}/locations/{location}/endpoints/{endpoint}:mutateDeployedModel",
     S::Serving,
     {{"POST", "mutateDeployedModel", L::Change, true, B::JsonRequired}}},
    {RouteId::Predict,
     "/{version}/projects/{project}/locations/{location}/endpoints/{endpoint}:predict",
     S::Prediction,
     {{"POST", "predict", L::Read, false, B::JsonRequired,
       api::vertex::serving::kPredictPayloadLimit}}},
    // Any body and content type, passed to the model server as it is.
    {RouteId::RawPredict,
     "/{version}/projects/{project}/locations/{location}/endpoints/{endpoint}:rawPredict",
     S::Prediction,
     {{"POST", "rawPredict", L::Read, false, B::None, api::vertex::serving::kPredictPayloadLimit}}},
    {RouteId::EndpointOperation,
     "/{version}/projects/{project}/locations/{location}/endpoints/{endpoint}/operations/"
     "{operation}",
     S::Serving,
     {{"GET", "getEndpointOperation", L::Read, false, B::None}}},
    // Batch prediction: the user role reads; creating, cancelling and deleting need admin.
    {RouteId::BatchPredictionJobs,
     "/{version}/projects/{project}/locations/{location}/batchPredictionJobs",
     S::Batch,
     {{"GET", "listBatchPredictionJobs", L::Read, false, B::None},
      {"POST", "createBatchPredictionJob", L::Change, true, B::JsonRequired}}},
    {RouteId::BatchPredictionJob,
     "/{version}/projects/{project}/locations/{location}/batchPredictionJobs/{job}",
     S::Batch,
     {{"GET", "getBatchPredictionJob", L::Read, false, B::None},
      {"DELETE", "deleteBatchPredictionJob", L::Change, true, B::None}}},
    {RouteId::BatchPredictionJobCancel,
     "/{version}/projects/{project}/locations/{location}/batchPredictionJobs/{job}:cancel",
     S::Batch,
     {{"POST", "cancelBatchPredictionJob", L::Change, true, B::JsonOptional}}},
    {RouteId::BatchPredictionJobOperation,
     "/{version}/projects/{project}/locations/{location}/batchPredictionJobs/{job}/operations/"
     "{operation}",
     S::Batch,
     {{"GET", "getBatchPredictionJobOperation", L::Read, false, B::None}}},
    // Cloud Storage: the user role reads and writes objects (jobs write their models); deleting
    // needs admin.
    {RouteId::StorageBuckets,
     "/storage/v1/b",
     S::Storage,
     {{"GET", "listBuckets", L::Read, false, B::None},
      {"POST", "insertBucket", L::Read, false, B::JsonRequired}}},
    {RouteId::StorageBucket,
     "/storage/v1/b/{bucket}",
     S::Storage,
     {{"GET", "getBucket", L::Read, false, B::None}}},
    {RouteId::StorageLayout,
     "/storage/v1/b/{bucket}/storageLayout",
     S::Storage,
     {{"GET", "getStorageLayout", L::Read, false, B::None}}},
    {RouteId::StorageObjects,
     "/storage/v1/b/{bucket}/o",
     S::Storage,
     {{"GET", "listObjects", L::Read, false, B::None}}},
    {RouteId::StorageObject,
     "/storage/v1/b/{bucket}/o/{object}",
     S::Storage,
     {{"GET", "getObject", L::Read, false, B::None},
      {"DELETE", "deleteObject", L::Read, true, B::None}}},
    {RouteId::StorageDownload,
     "/download/storage/v1/b/{bucket}/o/{object}",
     S::Storage,
     {{"GET", "downloadObject", L::Read, false, B::None}}},
    // PUT to an upload session's URL needs no token: as on Cloud Storage, the session URL
    // (its upload_id) is the credential.
    {RouteId::StorageUpload,
     "/upload/storage/v1/b/{bucket}/o",
     S::Storage,
     {{"POST", "insertObject", L::Read, false, B::None, kUploadBodyLimit},
      {"PUT", "uploadChunk", L::Read, false, B::None, kUploadBodyLimit}}},
    {RouteId::StorageResumableUpload,
     "/resumable/upload/storage/v1/b/{bucket}/o",
     S::Storage,
     {{"POST", "insertObjectResumable", L::Read, false, B::None, kUploadBodyLimit},
      {"PUT", "uploadChunkResumable", L::Read, false, B::None, kUploadBodyLimit}}},
    // BigQuery: the user role reads, queries and writes data (datasets, tables, rows, loads:
    // Ray's write_bigquery makes its dataset and replaces its table); changing or deleting a
    // dataset and deleting a job's record need admin. Each call is passed to the service.
    {RouteId::BqProjects,
     "/bigquery/v2/projects",
     S::BigQuery,
     {{"GET", "bigqueryListProjects", L::Read, false, B::None}}},
    {RouteId::BqDatasets,
     "/bigquery/v2/projects/{project}/datasets",
     S::BigQuery,
     {{"GET", "bigqueryListDatasets", L::Read, false, B::None},
      {"POST", "bigqueryInsertDataset", L::Read, false, B::JsonRequired}}},
    {RouteId::BqDataset,
     "/bigquery/v2/projects/{project}/datasets/{dataset}",
     S::BigQuery,
     {{"GET", "bigqueryGetDataset", L::Read, false, B::None},
      {"PATCH", "bigqueryPatchDataset", L::Read, true, B::JsonRequired},
      {"PUT", "bigqueryUpdateDataset", L::Read, true, B::JsonRequired},
      {"DELETE", "bigqueryDeleteDataset", L::Read, true, B::None}}},
    {RouteId::BqTables,
     "/bigquery/v2/projects/{project}/datasets/{dataset}/tables",
     S::BigQuery,
     {{"GET", "bigqueryListTables", L::Read, false, B::None},
      {"POST", "bigqueryInsertTable", L::Read, false, B::JsonRequired}}},
    {RouteId::BqTable,
     "/bigquery/v2/projects/{project}/datasets/{dataset}/tables/{table}",
     S::BigQuery,
     {{"GET", "bigqueryGetTable", L::Read, false, B::None},
      {"PATCH", "bigqueryPatchTable", L::Read, false, B::JsonRequired},
      {"PUT", "bigqueryUpdateTable", L::Read, false, B::JsonRequired},
      {"DELETE", "bigqueryDeleteTable", L::Read, false, B::None}}},
    {RouteId::BqTableData,
     "/bigquery/v2/projects/{project}/datasets/{dataset}/tables/{table}/data",
     S::BigQuery,
     {{"GET", "bigqueryListTableData", L::Read, false, B::None}}},
    {RouteId::BqInsertAll,
     "/bigquery/v2/projects/{project}/datasets/{dataset}/tables/{table}/insertAll",
     S::BigQuery,
     {{"POST", "bigqueryInsertAll", L::Read, false, B::JsonRequired, kInsertAllBodyLimit}}},
    {RouteId::BqJobs,
     "/bigquery/v2/projects/{project}/jobs",
     S::BigQuery,
     {{"GET", "bigqueryListJobs", L::Read, false, B::None},
      {"POST", "bigqueryInsertJob", L::Read, false, B::JsonRequired}}},
    {RouteId::BqJob,
     "/bigquery/v2/projects/{project}/jobs/{job}",
     S::BigQuery,
     {{"GET", "bigqueryGetJob", L::Read, false, B::None}}},
    {RouteId::BqJobCancel,
     "/bigquery/v2/projects/{project}/jobs/{job}/cancel",
     S::BigQuery,
     {{"POST", "bigqueryCancelJob", L::Read, false, B::JsonOptional}}},
    {RouteId::BqJobDelete,
     "/bigquery/v2/projects/{project}/jobs/{job}/delete",
     S::BigQuery,
     {{"DELETE", "bigqueryDeleteJob", L::Read, true, B::None}}},
    {RouteId::BqQueries,
     "/bigquery/v2/projects/{project}/queries",
     S::BigQuery,
     {{"POST", "bigqueryQuery", L::Read, false, B::JsonRequired}}},
    {RouteId::BqQueryResults,
     "/bigquery/v2/projects/{project}/queries/{job}",
     S::BigQuery,
     {{"GET", "bigqueryGetQueryResults", L::Read, false, B::None}}},
    {RouteId::BqUpload,
     "/upload/bigquery/v2/projects/{project}/jobs",
     S::BigQuery,
     {{"POST", "bigqueryInsertJobUpload", L::Read, false, B::None, kUploadBodyLimit},
      {"PUT", "bigqueryUploadChunk", L::Read, false, B::None, kUploadBodyLimit}}},
    // The metadata server of a Ray node (a Compute Engine VM's, at the paths Google's libraries
    // read): the node's project, its service account and token, and rovd's attributes.
    {RouteId::MetadataRoot,
     "/computeMetadata/",
     S::Clusters,
     {{"GET", "metadataPing", L::Read, false, B::None}}},
    {RouteId::MetadataProjectId,
     "/computeMetadata/v1/project/project-id",
     S::Clusters,
     {{"GET", "metadataProjectId", L::Read, false, B::None}}},
    {RouteId::MetadataUniverseDomain,
     "/computeMetadata/v1/universe/universe-domain",
     S::Clusters,
     {{"GET", "metadataUniverseDomain", L::Read, false, B::None}}},
    {RouteId::MetadataServiceAccount,
     "/computeMetadata/v1/instance/service-accounts/default/",
     S::Clusters,
     {{"GET", "metadataServiceAccount", L::Read, false, B::None}}},
    {RouteId::MetadataServiceAccountEmail,
     "/computeMetadata/v1/instance/service-accounts/default/email",
     S::Clusters,
     {{"GET", "metadataServiceAccountEmail", L::Read, false, B::None}}},
    {RouteId::MetadataServiceAccountToken,
     "/computeMetadata/v1/instance/service-accounts/default/token",
     S::Clusters,
     {{"GET", "metadataServiceAccountToken", L::Read, false, B::None}}},
    {RouteId::MetadataAttribute,
     "/computeMetadata/v1/instance/attributes/{attribute}",
     S::Clusters,
     {{"GET", "metadataAttribute", L::Read, false, B::None}}},
};

// A path segment that names something: not empty, and no ':' where a verb could follow.
bool isName(const QString &segment, bool colonAllowed)
{
    return !segment.isEmpty() && (colonAllowed || !segment.contains(QLatin1Char(':')));
}

// "name:verb" → (name, verb); verb null when there is none.
std::pair<QString, QString> splitVerb(const QString &segment)
{
    const qsizetype colon = segment.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return {segment, {}};
    return {segment.left(colon), segment.mid(colon + 1)};
}

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

QString decode(std::string_view text)
{
    QByteArray bytes;
    bytes.reserve(qsizetype(text.size()));
    for (size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '+') {
            bytes.append(' ');
        } else if (c == '%' && i + 2 < text.size() && hexValue(text[i + 1]) >= 0 &&
                   hexValue(text[i + 2]) >= 0) {
            bytes.append(char(hexValue(text[i + 1]) * 16 + hexValue(text[i + 2])));
            i += 2;
        } else {
            bytes.append(c);
        }
    }
    return QString::fromUtf8(bytes);
}

// /v1/projects/{project}/location/global/prometheus/api/v1/...: Cloud Monitoring's path, where
// "location" is singular and has to be "global".
std::optional<RouteMatch> matchPrometheus(const QStringList &parts)
{
    if (parts.size() < 9 || parts[0] != QLatin1String("v1") ||
        parts[1] != QLatin1String("projects") || !isName(parts[2], false) ||
        parts[3] != QLatin1String("location") || parts[4] != QLatin1String("global") ||
        parts[5] != QLatin1String("prometheus") || parts[6] != QLatin1String("api") ||
        parts[7] != QLatin1String("v1"))
        return std::nullopt;
    static const QStringList endpoints{QStringLiteral("query"),    QStringLiteral("query_range"),
                                       QStringLiteral("series"),   QStringLiteral("labels"),
                                       QStringLiteral("metadata"), QStringLiteral("rules"),
                                       QStringLiteral("alerts")};
    if (parts.size() == 9 && endpoints.contains(parts[8]))
        return RouteMatch{RouteId::PromApi, parts[0], parts[8]};
    if (parts.size() == 11 && parts[8] == QLatin1String("label") && isName(parts[9], true) &&
        parts[10] == QLatin1String("values"))
        return RouteMatch{RouteId::PromLabelValues, parts[0],
                          QStringLiteral("label/%1/values").arg(parts[9])};
    return std::nullopt;
}

bool isOperationRoute(RouteId id)
{
    return id == RouteId::Operations || id == RouteId::Operation ||
           id == RouteId::OperationCancel || id == RouteId::OperationWait ||
           id == RouteId::ModelOperation || id == RouteId::EndpointOperation ||
           id == RouteId::BatchPredictionJobOperation;
}

// {parent}/models..., {parent}/endpoints...: parts[5] on are "models[:upload]", then the
// model or endpoint with its verb, then operations/{operation}.
std::optional<std::pair<RouteId, QString>> matchServing(const QStringList &parts,
                                                        const QString &parent)
{
    const auto [collection, collectionVerb] = splitVerb(parts[5]);
    const bool models = collection == QLatin1String("models");
    if (!models && collection != QLatin1String("endpoints"))
        return std::nullopt;
    const QString collectionName = parent + QLatin1Char('/') + collection;
    if (parts.size() == 6) {
        if (collectionVerb.isNull())
            return std::pair{models ? RouteId::Models : RouteId::Endpoints, parent};
        if (models && collectionVerb == QLatin1String("upload"))
            return std::pair{RouteId::ModelUpload, parent};
        return std::nullopt;
    }
    if (!collectionVerb.isNull())
        return std::nullopt;
    const auto [item, verb] = splitVerb(parts[6]);
    // A model may be named with its version: models/M@1.
    if (!isName(item, false))
        return std::nullopt;
    const QString name = collectionName + QLatin1Char('/') + item;
    if (parts.size() == 7) {
        if (verb.isNull())
            return std::pair{models ? RouteId::Model : RouteId::Endpoint, name};
        static const std::map<QString, RouteId> verbs{
            {QStringLiteral("deployModel"), RouteId::DeployModel},
            {QStringLiteral("undeployModel"), RouteId::UndeployModel},
            {QStringLiteral("mutateDeployedModel"), RouteId::MutateDeployedModel},
            {QStringLiteral("predict"), RouteId::Predict},
            {QStringLiteral("rawPredict"), RouteId::RawPredict}};
        const auto it = verbs.find(verb);
        if (models || it == verbs.end())
            return std::nullopt;
        return std::pair{it->second, name};
    }
    if (parts.size() != 9 || !verb.isNull() || parts[7] != QLatin1String("operations") ||
        !isName(parts[8], false))
        return std::nullopt;
    return std::pair{models ? RouteId::ModelOperation : RouteId::EndpointOperation,
                     name + QStringLiteral("/operations/") + parts[8]};
}

// {parent}/batchPredictionJobs[/{job}[:cancel | /operations/{operation}]].
std::optional<std::pair<RouteId, QString>> matchBatch(const QStringList &parts,
                                                      const QString &parent)
{
    if (parts[5] != QLatin1String("batchPredictionJobs"))
        return std::nullopt;
    if (parts.size() == 6)
        return std::pair{RouteId::BatchPredictionJobs, parent};
    const auto [item, verb] = splitVerb(parts[6]);
    if (!isName(item, false))
        return std::nullopt;
    const QString name = parent + QStringLiteral("/batchPredictionJobs/") + item;
    if (parts.size() == 7) {
        if (verb.isNull())
            return std::pair{RouteId::BatchPredictionJob, name};
        if (verb == QLatin1String("cancel"))
            return std::pair{RouteId::BatchPredictionJobCancel, name};
        return std::nullopt;
    }
    if (parts.size() != 9 || !verb.isNull() || parts[7] != QLatin1String("operations") ||
        !isName(parts[8], false))
        return std::nullopt;
    return std::pair{RouteId::BatchPredictionJobOperation,
                     name + QStringLiteral("/operations/") + parts[8]};
}

// /storage/v1/b[/{bucket}[/o[/{object}]]], /download/storage/v1/b/{bucket}/o/{object},
// /upload/storage/v1/b/{bucket}/o. The resource is "bucket" or "bucket/object"; an object's name
// is the rest of the (decoded) path, slashes and all.
std::optional<RouteMatch> matchStorage(const QString &path)
{
    static const QString kStorage = QStringLiteral("/storage/v1/b");
    static const QString kDownload = QStringLiteral("/download/storage/v1/b/");
    static const QString kUpload = QStringLiteral("/upload/storage/v1/b/");
    static const QString kResumable = QStringLiteral("/resumable/upload/storage/v1/b/");
    const auto match = [](RouteId id, const QString &resource) {
        return std::optional(RouteMatch{id, QStringLiteral("storage"), resource});
    };
    const auto objectOf = [](const QString &rest) -> std::optional<QString> {
        const qsizetype slash = rest.indexOf(QLatin1Char('/'));
        if (slash <= 0 || rest.mid(slash, 3) != QLatin1String("/o/") || rest.size() <= slash + 3)
            return std::nullopt;
        return rest.left(slash) + QLatin1Char('/') + rest.mid(slash + 3);
    };
    if (path.startsWith(kDownload)) {
        const auto object = objectOf(path.mid(kDownload.size()));
        return object ? match(RouteId::StorageDownload, *object) : std::nullopt;
    }
    for (const auto &[prefix, id] : {std::pair{kUpload, RouteId::StorageUpload},
                                     std::pair{kResumable, RouteId::StorageResumableUpload}}) {
        if (!path.startsWith(prefix))
            continue;
        const QString rest = path.mid(prefix.size());
        if (!rest.endsWith(QLatin1String("/o")) || rest.count(QLatin1Char('/')) != 1)
            return std::nullopt;
        return match(id, rest.chopped(2));
    }
    if (path == kStorage)
        return match(RouteId::StorageBuckets, {});
    if (!path.startsWith(kStorage + QLatin1Char('/')))
        return std::nullopt;
    const QString rest = path.mid(kStorage.size() + 1);
    const qsizetype slash = rest.indexOf(QLatin1Char('/'));
    if (slash < 0)
        return rest.isEmpty() ? std::nullopt : match(RouteId::StorageBucket, rest);
    if (rest.mid(slash) == QLatin1String("/o"))
        return match(RouteId::StorageObjects, rest.left(slash));
    if (rest.mid(slash) == QLatin1String("/storageLayout"))
        return match(RouteId::StorageLayout, rest.left(slash));
    const auto object = objectOf(rest);
    return object ? match(RouteId::StorageObject, *object) : std::nullopt;
}

// /bigquery/v2/projects/{p}/... and /upload/bigquery/v2/projects/{p}/jobs. The resource is the
// path itself: the service reads it again.
std::optional<RouteMatch> matchBigQuery(const QString &path)
{
    static const QString kUpload = QStringLiteral("/upload/bigquery/v2/projects/");
    static const QString kApi = QStringLiteral("/bigquery/v2/projects/");
    if (path == QLatin1String("/bigquery/v2/projects"))
        return RouteMatch{RouteId::BqProjects, QStringLiteral("bigquery"), path};
    const bool upload = path.startsWith(kUpload);
    if (!upload && !path.startsWith(kApi))
        return std::nullopt;
    const QStringList parts =
        path.mid(upload ? kUpload.size() : kApi.size()).split(QLatin1Char('/'));
    for (const QString &part : parts) {
        if (!isName(part, true))
            return std::nullopt;
    }
    const auto found = [&](RouteId id) {
        return std::optional(RouteMatch{id, QStringLiteral("bigquery"), path});
    };
    const qsizetype n = parts.size();
    if (upload)
        return n == 2 && parts[1] == QLatin1String("jobs") ? found(RouteId::BqUpload)
                                                           : std::nullopt;
    if (n < 2)
        return std::nullopt;
    const QString &collection = parts[1];
    if (collection == QLatin1String("jobs")) {
        if (n == 2)
            return found(RouteId::BqJobs);
        if (n == 3)
            return found(RouteId::BqJob);
        if (n == 4 && parts[3] == QLatin1String("cancel"))
            return found(RouteId::BqJobCancel);
        if (n == 4 && parts[3] == QLatin1String("delete"))
            return found(RouteId::BqJobDelete);
        return std::nullopt;
    }
    if (collection == QLatin1String("queries"))
        return n == 2 ? found(RouteId::BqQueries)
                      : (n == 3 ? found(RouteId::BqQueryResults) : std::nullopt);
    if (collection != QLatin1String("datasets"))
        return std::nullopt;
    static const RouteId byDepth[] = {RouteId::BqDatasets, RouteId::BqDataset, RouteId::BqTables,
                                      RouteId::BqTable};
    if (n <= 5 && (n < 4 || parts[3] == QLatin1String("tables")))
        return found(byDepth[n - 2]);
    if (n == 6 && parts[3] == QLatin1String("tables") && parts[5] == QLatin1String("data"))
        return found(RouteId::BqTableData);
    if (n == 6 && parts[3] == QLatin1String("tables") && parts[5] == QLatin1String("insertAll"))
        return found(RouteId::BqInsertAll);
    return std::nullopt;
}

// /computeMetadata/..., the paths google-auth and the node's start-up code read.
std::optional<RouteMatch> matchMetadata(const QString &path)
{
    static const QString kRoot = QStringLiteral("/computeMetadata/");
    if (!path.startsWith(kRoot))
        return std::nullopt;
    static const QString kAccount =
        QStringLiteral("/computeMetadata/v1/instance/service-accounts/default/");
    static const QString kAttributes = QStringLiteral("/computeMetadata/v1/instance/attributes/");
    const auto found = [](RouteId id, const QString &resource = {}) {
        return std::optional(RouteMatch{id, QStringLiteral("v1"), resource});
    };
    if (path == kRoot)
        return found(RouteId::MetadataRoot);
    if (path == QLatin1String("/computeMetadata/v1/project/project-id"))
        return found(RouteId::MetadataProjectId);
    if (path == QLatin1String("/computeMetadata/v1/universe/universe-domain"))
        return found(RouteId::MetadataUniverseDomain);
    if (path == kAccount)
        return found(RouteId::MetadataServiceAccount);
    if (path == kAccount + QLatin1String("email"))
        return found(RouteId::MetadataServiceAccountEmail);
    if (path == kAccount + QLatin1String("token"))
        return found(RouteId::MetadataServiceAccountToken);
    if (path.startsWith(kAttributes)) {
        const QString attribute = path.mid(kAttributes.size());
        if (isName(attribute, false) && !attribute.contains(QLatin1Char('/')))
            return found(RouteId::MetadataAttribute, attribute);
    }
    return std::nullopt;
}

} // namespace

bool isMetadataRoute(RouteId id)
{
    return id >= RouteId::MetadataRoot && id <= RouteId::MetadataAttribute;
}

bool isBigQueryRoute(RouteId id)
{
    return spec(id).subsystem == Subsystem::BigQuery;
}

bool nodeMayReach(RouteId id, const MethodSpec &method)
{
    if (isStorageRoute(id) || isBigQueryRoute(id) || isMetadataRoute(id))
        return true;
    return (id == RouteId::Model || id == RouteId::Models) &&
           QByteArrayView(method.method) == "GET";
}

bool isStorageRoute(RouteId id)
{
    return spec(id).subsystem == Subsystem::Storage;
}

const std::vector<RouteSpec> &all()
{
    return kRoutes;
}

qint64 largestBodyLimit()
{
    qint64 largest = 0;
    for (const auto &route : kRoutes) {
        for (const auto &method : route.methods)
            largest = std::max(largest, method.bodyLimit);
    }
    return largest;
}

const RouteSpec &spec(RouteId id)
{
    for (const auto &route : kRoutes) {
        if (route.id == id)
            return route;
    }
    return kRoutes.front(); // unreachable: every RouteId has a row
}

std::optional<RouteMatch> match(const QString &path)
{
    if (path == QLatin1String("/openapi.json"))
        return RouteMatch{RouteId::OpenApi, {}, {}};
    if (path == QLatin1String("/$discovery/rest"))
        return RouteMatch{RouteId::BqDiscovery, {}, {}};
    if (path == QLatin1String("/metrics"))
        return RouteMatch{RouteId::Metrics, {}, {}};
    if (path == QLatin1String("/v2/entries:list"))
        return RouteMatch{RouteId::LogEntries, QStringLiteral("v2"), {}};
    if (!path.startsWith(QLatin1Char('/')))
        return std::nullopt;
    if (path.startsWith(QLatin1String("/v2/projects/"))) {
        const QStringList parts = path.mid(1).split(QLatin1Char('/'));
        if (parts.size() == 4 && parts[3] == QLatin1String("logs") && isName(parts[2], false))
            return RouteMatch{RouteId::LogNames, QStringLiteral("v2"), parts[2]};
        return std::nullopt;
    }
    if (const auto storage = matchStorage(path))
        return storage;
    if (const auto bigQuery = matchBigQuery(path))
        return bigQuery;
    if (const auto metadata = matchMetadata(path))
        return metadata;
    const QStringList parts = path.mid(1).split(QLatin1Char('/'));
    if (parts.size() > 3 && parts[3] == QLatin1String("location"))
        return matchPrometheus(parts);
    // {version}/projects/{p}/locations/{l}/...
    if (parts.size() < 6 || parts[1] != QLatin1String("projects") ||
        parts[3] != QLatin1String("locations") || !isName(parts[2], true) ||
        !isName(parts[4], true))
        return std::nullopt;
    const QString &version = parts[0];
    const bool ui = version == QLatin1String("ui");
    if (!ui && version != QLatin1String("v1") && version != QLatin1String("v1beta1"))
        return std::nullopt;
    const QString parent = QStringList(parts.mid(1, 4)).join(QLatin1Char('/'));
    const auto found = [&](RouteId id, const QString &resource) -> std::optional<RouteMatch> {
        if (ui && !isOperationRoute(id))
            return std::nullopt;
        return RouteMatch{id, version, resource};
    };
    if (const auto serving = matchServing(parts, parent))
        return found(serving->first, serving->second);
    if (const auto batch = matchBatch(parts, parent))
        return found(batch->first, batch->second);

    if (parts.size() == 6) {
        if (parts[5] == QLatin1String("persistentResources"))
            return found(RouteId::Clusters, parent);
        if (parts[5] == QLatin1String("rayRuntimes"))
            return found(RouteId::RayRuntimes, parent);
        return std::nullopt;
    }
    if (parts[5] != QLatin1String("persistentResources"))
        return std::nullopt;
    const auto [cluster, verb] = splitVerb(parts[6]);
    if (!isName(cluster, false))
        return std::nullopt;
    const QString clusterName = parent + QStringLiteral("/persistentResources/") + cluster;
    if (parts.size() == 7) {
        if (verb.isNull())
            return found(RouteId::Cluster, clusterName);
        if (verb == QLatin1String("reboot"))
            return found(RouteId::Reboot, clusterName);
        return std::nullopt;
    }
    if (!verb.isNull())
        return std::nullopt;
    if (parts.size() == 8) {
        if (parts[7] == QLatin1String("events"))
            return found(RouteId::Events, clusterName);
        if (parts[7] == QLatin1String("operations"))
            return found(RouteId::Operations, clusterName);
        return std::nullopt;
    }
    if (parts.size() != 9 || parts[7] != QLatin1String("operations"))
        return std::nullopt;
    const auto [operation, operationVerb] = splitVerb(parts[8]);
    if (!isName(operation, false))
        return std::nullopt;
    const QString operationName = clusterName + QStringLiteral("/operations/") + operation;
    if (operationVerb.isNull())
        return found(RouteId::Operation, operationName);
    if (operationVerb == QLatin1String("cancel"))
        return found(RouteId::OperationCancel, operationName);
    if (operationVerb == QLatin1String("wait"))
        return found(RouteId::OperationWait, operationName);
    return std::nullopt;
}

std::optional<MethodSpec> method(RouteId id, const QByteArray &method)
{
    const QByteArray wanted = method == "HEAD" ? QByteArray("GET") : method;
    for (const auto &candidate : spec(id).methods) {
        if (wanted == candidate.method)
            return candidate;
    }
    return std::nullopt;
}

QByteArray allow(RouteId id)
{
    QByteArrayList methods;
    for (const auto &candidate : spec(id).methods) {
        methods << candidate.method;
        if (QByteArray(candidate.method) == "GET")
            methods << "HEAD";
    }
    return methods.join(", ");
}

std::multimap<QString, QString> parseQuery(std::string_view query)
{
    std::multimap<QString, QString> values;
    while (!query.empty()) {
        const size_t end = query.find('&');
        const std::string_view pair = query.substr(0, end);
        query = end == std::string_view::npos ? std::string_view() : query.substr(end + 1);
        if (pair.empty())
            continue;
        const size_t equals = pair.find('=');
        if (equals == std::string_view::npos)
            values.emplace(decode(pair), QString());
        else
            values.emplace(decode(pair.substr(0, equals)), decode(pair.substr(equals + 1)));
    }
    return values;
}

QString queryValue(const std::multimap<QString, QString> &query, const QString &name,
                   const QString &snakeName)
{
    for (const QString &key : {name, snakeName}) {
        if (key.isEmpty())
            continue;
        if (const auto it = query.find(key); it != query.end())
            return it->second;
    }
    return {};
}

std::chrono::milliseconds duration(const QString &text, std::chrono::milliseconds max)
{
    QString seconds = text.trimmed();
    if (seconds.endsWith(QLatin1Char('s')))
        seconds.chop(1);
    bool ok = false;
    const double parsed = seconds.toDouble(&ok);
    if (!ok || std::isnan(parsed))
        return max;
    const double clamped = std::clamp(parsed * 1000.0, 0.0, double(max.count()));
    return std::chrono::milliseconds(qint64(clamped));
}

} // namespace rov::localplane::routes
