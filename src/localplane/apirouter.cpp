#include "apirouter.h"

#include "clustermanager.h"
#include "tokenstore.h"

#include <QRegularExpression>

namespace rov::localplane {

using nlohmann::json;

namespace {

enum class Route
{
    OpenApi,
    Clusters,
    Cluster,
    Reboot,
    Operations,
    Operation,
    OperationVerb,
    RayRuntimes,
    Events
};

struct RouteMatch
{
    Route route;
    bool v1beta1 = true;
    bool asCreated = false; // a /ui/ path: the API version of the call that made the operation
    QString resource;       // parent, cluster or operation name
    QString verb;           // cancel or wait
};

std::optional<RouteMatch> match(const QString &path)
{
    // Google's Python operations client polls operations under /ui/ first, so they answer there
    // too.
    static const QString scope =
        QStringLiteral("^/(v1|v1beta1|ui)/(projects/[^/]+/locations/[^/]+");
    static const QString cluster = scope + QStringLiteral("/persistentResources/[^/:]+");
    static const std::vector<std::pair<Route, QRegularExpression>> routes = {
        {Route::Clusters, QRegularExpression(scope + QStringLiteral(")/persistentResources$"))},
        {Route::Cluster, QRegularExpression(cluster + QStringLiteral(")$"))},
        {Route::Reboot, QRegularExpression(cluster + QStringLiteral("):reboot$"))},
        {Route::Operations, QRegularExpression(cluster + QStringLiteral(")/operations$"))},
        {Route::Operation, QRegularExpression(cluster + QStringLiteral("/operations/[^/:]+)$"))},
        {Route::OperationVerb,
         QRegularExpression(cluster + QStringLiteral("/operations/[^/:]+):(cancel|wait)$"))},
        {Route::RayRuntimes, QRegularExpression(scope + QStringLiteral(")/rayRuntimes$"))},
        {Route::Events, QRegularExpression(cluster + QStringLiteral(")/events$"))},
    };
    if (path == QLatin1String("/openapi.json"))
        return RouteMatch{Route::OpenApi, true, false, {}, {}};
    for (const auto &[route, pattern] : routes) {
        const auto found = pattern.match(path);
        if (!found.hasMatch())
            continue;
        const bool ui = found.captured(1) == QLatin1String("ui");
        if (ui && route != Route::Operation && route != Route::OperationVerb &&
            route != Route::Operations)
            return std::nullopt;
        return RouteMatch{route, found.captured(1) == QLatin1String("v1beta1"), ui,
                          found.captured(2), found.captured(3)};
    }
    return std::nullopt;
}

// A query parameter by its camelCase name or, as some clients send it, its snake_case one.
QString queryValue(const ApiRequest &request, const QString &key, const QString &snakeKey = {})
{
    for (const QString &name : {key, snakeKey}) {
        auto it = name.isEmpty() ? request.query.end() : request.query.find(name);
        if (it != request.query.end())
            return it->second;
    }
    return {};
}

// Creating, changing and deleting need the admin role; reading (and waiting) the user role.
bool needsAdmin(const QByteArray &method)
{
    return method == "POST" || method == "PATCH" || method == "DELETE" || method == "PUT";
}

std::chrono::milliseconds waitTimeout(const QString &value)
{
    // google.protobuf.Duration in JSON: "30s" or "1.5s". At most a minute per call.
    QString seconds = value;
    seconds.remove(QLatin1Char('s'));
    bool ok = false;
    const double parsed = seconds.toDouble(&ok);
    const double clamped = ok ? std::clamp(parsed, 0.0, 60.0) : 60.0;
    return std::chrono::milliseconds(qint64(clamped * 1000));
}

} // namespace

ApiRouter::ApiRouter(ClusterManager &manager, const TokenStore &tokens, QByteArray openApi)
    : m_manager(manager), m_tokens(tokens), m_openApi(std::move(openApi))
{}

ApiResult ApiRouter::operationNow(const QString &name, const QString &path, bool *done) const
{
    *done = m_manager.isOperationDone(name);
    const auto route = match(path);
    ClusterManager::Call call;
    call.v1beta1 = route && route->v1beta1;
    call.asCreated = route && route->asCreated;
    return m_manager.getOperation(name, call);
}

RoutedAnswer ApiRouter::handle(const ApiRequest &request)
{
    const auto route = match(request.path);
    // Credentials come first: without them, not even whether a path exists is told.
    if (!request.authorization.startsWith("Bearer ") || request.authorization.size() <= 7)
        return {ApiResult::error(
            QStringLiteral("UNAUTHENTICATED"),
            QStringLiteral(
                "The request has no bearer token: send \"Authorization: Bearer <token>\" with a "
                "token from rovd's token file"))};
    const auto role = m_tokens.roleOf(request.authorization.mid(7).trimmed());
    if (!role)
        return {ApiResult::error(QStringLiteral("UNAUTHENTICATED"),
                                 QStringLiteral("The bearer token is not one of rovd's tokens"))};
    if (!route)
        return {ApiResult::error(QStringLiteral("NOT_FOUND"),
                                 QStringLiteral("No such resource: %1 %2")
                                     .arg(QString::fromLatin1(request.method), request.path))};
    const bool isRead = request.method == "GET";
    const bool isWait =
        route->route == Route::OperationVerb && route->verb == QLatin1String("wait");
    if (!isWait && needsAdmin(request.method) && *role != Role::Admin)
        return {ApiResult::error(
            QStringLiteral("PERMISSION_DENIED"),
            QStringLiteral(
                "%1 %2 needs the admin role (Vertex AI Administrator); this token has the user "
                "role, which can read clusters, connect and submit jobs")
                .arg(QString::fromLatin1(request.method), request.path))};

    ClusterManager::Call call;
    call.v1beta1 = route->v1beta1;
    call.asCreated = route->asCreated;
    call.enumsAsIntegers =
        queryValue(request, QStringLiteral("$alt")).contains(QStringLiteral("enum-encoding=int"));
    const auto unsupported = [&] {
        return RoutedAnswer{
            ApiResult::error(QStringLiteral("NOT_FOUND"),
                             QStringLiteral("%1 is not supported on %2")
                                 .arg(QString::fromLatin1(request.method), request.path))};
    };
    auto body = [&](json *parsed) -> std::optional<ApiResult> {
        if (!request.contentType.startsWith("application/json"))
            return ApiResult::error(
                QStringLiteral("INVALID_ARGUMENT"),
                QStringLiteral("Content-Type must be application/json, not \"%1\"")
                    .arg(QString::fromLatin1(request.contentType)));
        try {
            *parsed = json::parse(request.body.constBegin(), request.body.constEnd());
        } catch (const json::parse_error &error) {
            return ApiResult::error(QStringLiteral("INVALID_ARGUMENT"),
                                    QStringLiteral("The request body is not valid JSON: %1")
                                        .arg(QString::fromUtf8(error.what())));
        }
        return std::nullopt;
    };

    switch (route->route) {
    case Route::OpenApi:
        if (!isRead)
            return unsupported();
        return {ApiResult::ok(
            json::parse(m_openApi.constBegin(), m_openApi.constEnd(), nullptr, false))};
    case Route::RayRuntimes:
        return isRead ? RoutedAnswer{m_manager.rayRuntimes()} : unsupported();
    case Route::Events:
        return isRead ? RoutedAnswer{m_manager.events(route->resource)} : unsupported();
    case Route::Clusters:
        if (isRead)
            return {m_manager.list(route->resource,
                                   queryValue(request, QStringLiteral("pageSize")).toInt(),
                                   queryValue(request, QStringLiteral("pageToken")), call)};
        if (request.method == "POST") {
            json resource;
            if (auto problem = body(&resource))
                return {*problem};
            const QString id = queryValue(request, QStringLiteral("persistentResourceId"),
                                          QStringLiteral("persistent_resource_id"));
            return {m_manager.create(route->resource, id, resource, call)};
        }
        return unsupported();
    case Route::Cluster:
        if (isRead)
            return {m_manager.get(route->resource, call)};
        if (request.method == "DELETE")
            return {m_manager.remove(route->resource, call)};
        if (request.method == "PATCH") {
            json resource;
            if (auto problem = body(&resource))
                return {*problem};
            const QString mask =
                queryValue(request, QStringLiteral("updateMask"), QStringLiteral("update_mask"));
            return {m_manager.update(route->resource, resource, mask, call)};
        }
        return unsupported();
    case Route::Reboot:
        if (request.method != "POST")
            return unsupported();
        return {m_manager.reboot(route->resource, call)};
    case Route::Operations:
        return isRead ? RoutedAnswer{m_manager.listOperations(route->resource, call)}
                      : unsupported();
    case Route::Operation:
        if (isRead)
            return {m_manager.getOperation(route->resource, call)};
        if (request.method == "DELETE")
            return {m_manager.deleteOperation(route->resource)};
        return unsupported();
    case Route::OperationVerb:
        if (request.method != "POST")
            return unsupported();
        if (route->verb == QLatin1String("cancel"))
            return {m_manager.cancelOperation(route->resource)};
        return {m_manager.getOperation(route->resource, call), route->resource,
                waitTimeout(queryValue(request, QStringLiteral("timeout")))};
    }
    return unsupported();
}

} // namespace rov::localplane
