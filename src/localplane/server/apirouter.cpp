#include "apirouter.h"

#include "bodyreader.h"
#include "clustergateway.h"
#include "localplane/batch/batchmanager.h"
#include "localplane/bigquery/bigquerydiscovery.h"
#include "localplane/bigquery/bigqueryproxy.h"
#include "localplane/bigquery/bigquerysupervisor.h"
#include "localplane/clusters/callview.h"
#include "localplane/logs/entrieslist.h"
#include "localplane/metrics/prometheusproxy.h"
#include "localplane/metrics/rovdmetrics.h"
#include "localplane/serving/servingmanager.h"
#include "localplane/state/stateview.h"
#include "localplane/storage/objectstore.h"
#include "nodemetadata.h"

namespace rov::localplane {

using nlohmann::json;

ApiRouter::ApiRouter(ClusterGateway &gateway, const TokenStore &tokens, QByteArray openApi)
    : m_gateway(gateway), m_tokens(tokens), m_openApi(std::move(openApi))
{}

std::variant<Admission, ApiResult> ApiRouter::admit(const QByteArray &method, const QString &path,
                                                    const QByteArray &authorization,
                                                    const QString &uploadId) const
{
    const auto token = TokenStore::bearerToken(authorization);
    if (!token && method == "PUT" && !uploadId.isEmpty() && m_storage) {
        const auto route = routes::match(path);
        if (route &&
            (route->id == RouteId::StorageUpload || route->id == RouteId::StorageResumableUpload) &&
            m_storage->hasSession(uploadId))
            return Admission{*route, *routes::method(route->id, method), Role::User, {}, {}};
    }
    if (!token)
        return ApiResult::error(
            QStringLiteral("UNAUTHENTICATED"),
            QStringLiteral(
                "The request has no bearer token: send \"Authorization: Bearer <token>\" with a "
                "token from rovd's token file"));
    const auto role = roleOf(*token);
    if (!role)
        return ApiResult::error(
            QStringLiteral("UNAUTHENTICATED"),
            NodeTokens::isNodeToken(*token)
                ? QStringLiteral("The bearer token is a Ray node's, and its cluster no longer "
                                 "exists")
                : QStringLiteral("The bearer token is not one of rovd's tokens"));
    const auto route = routes::match(path);
    const auto spec = route ? routes::method(route->id, method) : std::nullopt;
    if (!spec)
        return wrongPathOrMethod(method, path);
    if (*role == Role::Node && (spec->needsAdmin || !routes::nodeMayReach(route->id, *spec)))
        return ApiResult::error(
            QStringLiteral("PERMISSION_DENIED"),
            QStringLiteral("%1 %2 is not for a Ray node's token, which reads and writes Cloud "
                           "Storage objects, reads the Model Registry and uses BigQuery's data; "
                           "send a user or admin token")
                .arg(QString::fromLatin1(method), path.left(300)));
    if (*role != Role::Node && routes::isMetadataRoute(route->id))
        return ApiResult::error(
            QStringLiteral("PERMISSION_DENIED"),
            QStringLiteral("The metadata server answers Ray nodes, at the address their "
                           "environment gives them (GCE_METADATA_HOST); a user's or admin's "
                           "token is no node's"));
    if (spec->needsAdmin && *role != Role::Admin)
        return ApiResult::error(
            QStringLiteral("PERMISSION_DENIED"),
            QStringLiteral(
                "%1 %2 needs the admin role (Vertex AI Administrator); this token has the user "
                "role, which can read clusters, connect and submit jobs")
                .arg(QString::fromLatin1(method), path.left(300)));
    Admission admission{*route, *spec, *role, {}, {}};
    if (*role == Role::Node) {
        admission.nodeCluster = nodeCluster(*token).value_or(QString());
        admission.nodeToken = *token;
    }
    return admission;
}

std::optional<Role> ApiRouter::roleOf(const QByteArray &token) const
{
    if (!NodeTokens::isNodeToken(token))
        return m_tokens.roleOf(token);
    return nodeCluster(token) ? std::optional(Role::Node) : std::nullopt;
}

std::optional<QString> ApiRouter::nodeCluster(const QByteArray &token) const
{
    if (!m_nodeTokens || !m_nodeClusters)
        return std::nullopt;
    return m_nodeTokens->verify(token, [this](const QString &name) {
        const auto resource = m_nodeClusters->cluster(name);
        return resource ? std::optional(
                              QString::fromStdString(resource->value("createTime", std::string())))
                        : std::nullopt;
    });
}

ApiResult ApiRouter::handleNodeMetadata(const Admission &admission) const
{
    NodeMetadataFacts facts;
    if (!m_bigQuery)
        facts.readProblem = QStringLiteral("rovd runs no BigQuery service in this process");
    else if (m_bigQuery->port() == 0)
        facts.readProblem = m_bigQuery->problem();
    else
        facts.bigQueryRead = QStringLiteral("127.0.0.1:%1").arg(m_bigQuery->readPort());
    return answerNodeMetadata(admission.route, {admission.nodeCluster, admission.nodeToken}, facts);
}

ApiResult ApiRouter::wrongPathOrMethod(const QByteArray &method, const QString &path)
{
    const auto route = routes::match(path);
    if (!route)
        return ApiResult::error(QStringLiteral("NOT_FOUND"),
                                QStringLiteral("No such resource: %1").arg(path.left(300)));
    ApiResult refused = ApiResult::error(rest::ApiError::withHttpStatus(
        405, QStringLiteral("UNIMPLEMENTED"),
        QStringLiteral("%1 is not a method of %2; it takes %3")
            .arg(QString::fromLatin1(method.left(20)), path.left(300),
                 QString::fromLatin1(routes::allow(route->id)))));
    refused.headers.push_back({"Allow", routes::allow(route->id).toStdString()});
    return refused;
}

ApiResult ApiRouter::handle(const Admission &admission, const ApiRequest &request)
{
    ApiCall call;
    call.version = admission.route.version;
    call.enumsAsIntegers = routes::queryValue(request.query, QStringLiteral("$alt"))
                               .contains(QStringLiteral("enum-encoding=int"));
    auto decoded = decodeJsonBody(request.body, request.contentType, admission.method.body);
    if (auto *error = std::get_if<rest::ApiError>(&decoded))
        return ApiResult::error(*error);
    const json &body = std::get<json>(decoded);
    // Each subsystem answers its own routes (the route table says whose a route is).
    switch (routes::spec(admission.route.id).subsystem) {
    case Subsystem::Metrics:
        return handleMetrics(admission, request);
    case Subsystem::Logs:
        if (!m_logs)
            return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                    QStringLiteral("rovd keeps no logs in this process"));
        if (admission.route.id == RouteId::LogNames)
            return logs::listLogNames(*m_logs, admission.route.resource,
                                      routes::queryValue(request.query, QStringLiteral("pageSize"),
                                                         QStringLiteral("page_size")),
                                      routes::queryValue(request.query, QStringLiteral("pageToken"),
                                                         QStringLiteral("page_token")));
        return logs::listEntries(*m_logs, body);
    case Subsystem::Serving:
    case Subsystem::Prediction:
        return handleServing(admission, request, body, call);
    case Subsystem::Storage: {
        ApiResult result = handleStorage(admission, request, body);
        if (!request.pathToken.isEmpty() && m_storage)
            storage::linkThroughPathToken(result.body, m_storage->publicBase(), request.pathToken);
        return result;
    }
    case Subsystem::Clusters:
        if (routes::isMetadataRoute(admission.route.id))
            return handleNodeMetadata(admission);
        return handleClusters(admission, request, body, call);
    case Subsystem::BigQuery:
        return handleBigQuery(admission, request);
    case Subsystem::Batch:
        return handleBatch(admission, request, body, call);
    case Subsystem::Count:
        break;
    }
    return ApiResult::error(QStringLiteral("INTERNAL"), QStringLiteral("Unrouted request"));
}

ApiResult ApiRouter::handleMetrics(const Admission &admission, const ApiRequest &request)
{
    if (admission.route.id != RouteId::Metrics) {
        const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
        return metrics::forwardToPrometheus(
            m_prometheus,
            {method, admission.route.resource, request.query, request.contentType, request.body});
    }
    if (!m_metrics || !m_view)
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("rovd keeps no metrics in this process"));
    ApiResult result;
    result.rawBody = m_metrics->render(*m_view);
    result.rawContentType = "text/plain; version=0.0.4; charset=utf-8";
    return result;
}

ApiResult ApiRouter::handleClusters(const Admission &admission, const ApiRequest &request,
                                    const json &body, const ApiCall &call)
{
    const QString &resource = admission.route.resource;
    const auto query = [&](const QString &name, const QString &snake = {}) {
        return routes::queryValue(request.query, name, snake);
    };
    const QByteArray method = request.method == "HEAD" ? QByteArray("GET") : request.method;
    switch (admission.route.id) {
    case RouteId::OpenApi: {
        json document = json::parse(m_openApi.constBegin(), m_openApi.constEnd(), nullptr, false);
        if (document.is_object()) // the build's version: CMake's project version, said once
            document["info"]["version"] = ROV_VERSION;
        std::lock_guard lock(m_urlMutex);
        if (!m_publicUrl.isEmpty() && document.is_object())
            document["servers"] = json::array({{{"url", m_publicUrl.toStdString()}}});
        return ApiResult::ok(std::move(document));
    }
    case RouteId::BqDiscovery:
        return bigQueryDiscovery(query(QStringLiteral("version")));
    case RouteId::RayRuntimes:
        return m_gateway.rayRuntimes();
    case RouteId::Events:
        return m_gateway.events(resource);
    case RouteId::Clusters:
        if (method == "GET")
            return m_gateway.list(
                resource, query(QStringLiteral("pageSize"), QStringLiteral("page_size")),
                query(QStringLiteral("pageToken"), QStringLiteral("page_token")), call);
        return m_gateway.create(
            resource,
            query(QStringLiteral("persistentResourceId"), QStringLiteral("persistent_resource_id")),
            body, call);
    case RouteId::Cluster:
        if (method == "GET")
            return m_gateway.get(resource, call);
        if (method == "DELETE")
            return m_gateway.remove(resource, call);
        return m_gateway.update(resource, body,
                                query(QStringLiteral("updateMask"), QStringLiteral("update_mask")),
                                call);
    case RouteId::Reboot:
        return m_gateway.reboot(resource, call);
    case RouteId::Operations:
        return m_gateway.operations(resource, call);
    case RouteId::Operation:
        if (method == "GET")
            return m_gateway.operation(resource, call);
        return m_gateway.deleteOperation(resource);
    case RouteId::OperationCancel:
        return m_gateway.cancel(resource);
    case RouteId::OperationWait: {
        // The timeout comes in the query or, as google.longrunning's WaitOperationRequest, in
        // the body.
        QString timeout = query(QStringLiteral("timeout"));
        if (timeout.isEmpty() && body.contains("timeout") && body["timeout"].is_string())
            timeout = QString::fromStdString(body["timeout"].get<std::string>());
        return m_gateway.wait(resource, routes::duration(timeout, ClusterGateway::kMaxWait), call,
                              request.clientGone);
    }
    default:
        break;
    }
    return ApiResult::error(QStringLiteral("INTERNAL"), QStringLiteral("Unrouted request"));
}

ApiResult ApiRouter::handleServing(const Admission &admission, const ApiRequest &request,
                                   const json &body, const ApiCall &call)
{
    if (!m_serving)
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("rovd serves no models in this process"));
    serving::ServingManager &serving = *m_serving;
    const QString &resource = admission.route.resource;
    const bool get = request.method == "GET" || request.method == "HEAD";
    const auto query = [&](const QString &name, const QString &snake) {
        return routes::queryValue(request.query, name, snake);
    };
    const QString pageSize = query(QStringLiteral("pageSize"), QStringLiteral("page_size"));
    const QString pageToken = query(QStringLiteral("pageToken"), QStringLiteral("page_token"));
    switch (admission.route.id) {
    case RouteId::Models:
        return serving.listModels(resource, pageSize, pageToken);
    case RouteId::ModelUpload:
        return serving.uploadModel(resource, body, call);
    case RouteId::Model:
        return get ? serving.getModel(resource) : serving.deleteModel(resource, call);
    case RouteId::Endpoints:
        return get ? serving.listEndpoints(resource, pageSize, pageToken)
                   : serving.createEndpoint(
                         resource,
                         query(QStringLiteral("endpointId"), QStringLiteral("endpoint_id")), body,
                         call);
    case RouteId::Endpoint:
        return get ? serving.getEndpoint(resource) : serving.deleteEndpoint(resource, call);
    case RouteId::DeployModel:
        return serving.deployModel(resource, body, call);
    case RouteId::UndeployModel:
        return serving.undeployModel(resource, body, call);
    case RouteId::MutateDeployedModel:
        return serving.mutateDeployedModel(
            resource, body, query(QStringLiteral("updateMask"), QStringLiteral("update_mask")),
            call);
    case RouteId::Predict:
        return serving.predict(resource, body, request.body, request.clientGone);
    case RouteId::RawPredict:
        return serving.rawPredict(resource, request.body, request.contentType, request.clientGone);
    case RouteId::ModelOperation:
    case RouteId::EndpointOperation:
        return serving.operation(resource, call);
    default:
        break;
    }
    return ApiResult::error(QStringLiteral("INTERNAL"), QStringLiteral("Unrouted request"));
}

ApiResult ApiRouter::handleBatch(const Admission &admission, const ApiRequest &request,
                                 const json &body, const ApiCall &call)
{
    if (!m_batch)
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("rovd runs no batch predictions in this process"));
    batch::BatchManager &jobs = *m_batch;
    const QString &resource = admission.route.resource;
    const bool get = request.method == "GET" || request.method == "HEAD";
    const auto query = [&](const QString &name, const QString &snake) {
        return routes::queryValue(request.query, name, snake);
    };
    switch (admission.route.id) {
    case RouteId::BatchPredictionJobs:
        if (!get)
            return jobs.create(resource, body, call);
        return jobs.list(resource, query(QStringLiteral("filter"), QStringLiteral("filter")),
                         query(QStringLiteral("pageSize"), QStringLiteral("page_size")),
                         query(QStringLiteral("pageToken"), QStringLiteral("page_token")), call);
    case RouteId::BatchPredictionJob:
        return get ? jobs.get(resource, call) : jobs.remove(resource);
    case RouteId::BatchPredictionJobCancel:
        return jobs.cancel(resource);
    case RouteId::BatchPredictionJobOperation:
        return jobs.operation(resource);
    default:
        break;
    }
    return ApiResult::error(QStringLiteral("INTERNAL"), QStringLiteral("Unrouted request"));
}

ApiResult ApiRouter::handleStorage(const Admission &admission, const ApiRequest &request,
                                   const json &body)
{
    if (!m_storage)
        return ApiResult::error(QStringLiteral("UNAVAILABLE"),
                                QStringLiteral("rovd keeps no objects in this process"));
    storage::ObjectStore &store = *m_storage;
    const QString &resource = admission.route.resource;
    const QString bucket = resource.section(QLatin1Char('/'), 0, 0);
    const QString object = resource.section(QLatin1Char('/'), 1);
    const auto query = [&](const char *name) {
        return routes::queryValue(request.query, QLatin1String(name));
    };
    switch (admission.route.id) {
    case RouteId::StorageBuckets:
        if (request.method == "GET")
            return store.listBuckets();
        return store.insertBucket(body);
    case RouteId::StorageBucket:
        return store.getBucket(bucket);
    case RouteId::StorageLayout:
        return store.storageLayout(bucket);
    case RouteId::StorageObjects:
        return store.list(bucket, query("prefix"), query("delimiter"), query("pageToken"),
                          query("maxResults"));
    case RouteId::StorageObject:
        if (request.method == "DELETE")
            return store.remove(bucket, object);
        return store.get(bucket, object, query("alt") == QLatin1String("media"), request.range);
    case RouteId::StorageDownload:
        return store.get(bucket, object, true, request.range);
    case RouteId::StorageUpload:
    case RouteId::StorageResumableUpload:
        break;
    default:
        return ApiResult::error(QStringLiteral("INTERNAL"), QStringLiteral("Unrouted request"));
    }
    if (request.method == "PUT")
        return store.putChunk(query("upload_id"), request.contentRange, request.body);
    const QString type = query("uploadType");
    if (type == QLatin1String("media"))
        return store.uploadMedia(bucket, query("name"), request.body);
    if (type == QLatin1String("multipart"))
        return store.uploadMultipart(bucket, request.contentType, request.body);
    if (type == QLatin1String("resumable")) {
        const json metadata = request.body.isEmpty()
                                  ? json::object()
                                  : json::parse(request.body.toStdString(), nullptr, false);
        if (!metadata.is_object())
            return ApiResult::error(rest::ApiError::invalidArgument(
                QStringLiteral("A resumable upload's first request carries the object's metadata "
                               "as a JSON object, or nothing")));
        return store.startResumable(bucket, query("name"), metadata);
    }
    return ApiResult::error(rest::ApiError::invalidArgument(
        QStringLiteral("uploadType must be media, multipart or resumable, not \"%1\"")
            .arg(type.left(40))));
}

ApiResult ApiRouter::handleBigQuery(const Admission &admission, const ApiRequest &request)
{
    static const std::map<Role, QByteArray> roles{
        {Role::Admin, "admin"}, {Role::User, "user"}, {Role::Node, "node"}};
    QString base;
    {
        std::lock_guard lock(m_urlMutex);
        base = m_publicUrl;
    }
    return bigquery::forwardToBigQuery(
        m_bigQuery, {request.method, admission.route.resource, request.query, request.contentType,
                     request.contentRange, request.body, roles.at(admission.role), base});
}

ApiResult ApiRouter::bigQueryDiscovery(const QString &version) const
{
    if (!version.isEmpty() && version != QLatin1String("v2"))
        return ApiResult::error(
            QStringLiteral("NOT_FOUND"),
            QStringLiteral("rovd describes BigQuery's API version v2 only, not \"%1\"")
                .arg(version.left(40)));
    const json openApi = json::parse(m_openApi.constBegin(), m_openApi.constEnd(), nullptr, false);
    QString root;
    {
        std::lock_guard lock(m_urlMutex);
        root = m_publicUrl;
    }
    if (!root.endsWith(QLatin1Char('/')))
        root += QLatin1Char('/');
    return ApiResult::ok(bigquery::discoveryDocument(openApi, root.toStdString()));
}

void ApiRouter::setPublicUrl(const QString &url)
{
    std::lock_guard lock(m_urlMutex);
    m_publicUrl = url;
}

void ApiRouter::stop()
{
    m_gateway.stop();
}

} // namespace rov::localplane
