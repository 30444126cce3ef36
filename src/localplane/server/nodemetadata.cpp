#include "nodemetadata.h"

namespace rov::localplane {

namespace {

ApiResult text(const QString &value)
{
    ApiResult result;
    result.rawBody = value.toStdString();
    result.rawContentType = "application/text";
    return result;
}

// A service account's address as Google writes them (30 characters at most before the '@').
QString serviceAccount(const QString &cluster)
{
    const QString project = cluster.section(QLatin1Char('/'), 1, 1);
    const QString name = cluster.section(QLatin1Char('/'), -1);
    return QStringLiteral("ray-%1@%2.iam.gserviceaccount.com").arg(name.left(26), project);
}

} // namespace

ApiResult answerNodeMetadata(const RouteMatch &route, const NodeIdentity &node,
                             const NodeMetadataFacts &facts)
{
    // A token lives as long as its cluster; clients refresh a while before this says it ends.
    constexpr int kTokenSeconds = 3599;
    ApiResult result;
    switch (route.id) {
    case RouteId::MetadataRoot:
        result = text(QStringLiteral("v1/\n"));
        break;
    case RouteId::MetadataProjectId:
        result = text(node.cluster.section(QLatin1Char('/'), 1, 1));
        break;
    case RouteId::MetadataUniverseDomain:
        result = text(QStringLiteral("googleapis.com"));
        break;
    case RouteId::MetadataServiceAccount:
        result = ApiResult::ok(
            {{"aliases", nlohmann::json::array({"default"})},
             {"email", serviceAccount(node.cluster).toStdString()},
             {"scopes",
              nlohmann::json::array({"https://www.googleapis.com/auth/cloud-platform"})}});
        break;
    case RouteId::MetadataServiceAccountEmail:
        result = text(serviceAccount(node.cluster));
        break;
    case RouteId::MetadataServiceAccountToken:
        result = ApiResult::ok({{"access_token", node.token.toStdString()},
                                {"expires_in", kTokenSeconds},
                                {"token_type", "Bearer"}});
        break;
    case RouteId::MetadataAttribute:
        if (route.resource != QLatin1String(kBigQueryReadAttribute)) {
            result = ApiResult::error(
                QStringLiteral("NOT_FOUND"),
                QStringLiteral("The node has no metadata attribute \"%1\"").arg(route.resource));
        } else if (facts.bigQueryRead.isEmpty()) {
            result = ApiResult::error(
                QStringLiteral("UNAVAILABLE"),
                QStringLiteral("BigQuery's Storage Read API is not running: %1")
                    .arg(facts.readProblem.isEmpty() ? QStringLiteral("it is starting")
                                                     : facts.readProblem));
            result.headers.push_back({"Retry-After", "5"});
        } else {
            result = text(facts.bigQueryRead);
        }
        break;
    default:
        result =
            ApiResult::error(QStringLiteral("NOT_FOUND"), QStringLiteral("No such metadata entry"));
    }
    result.headers.push_back({"Metadata-Flavor", "Google"});
    return result;
}

} // namespace rov::localplane
