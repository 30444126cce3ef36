#include "tokenresponse.h"

#include "googleauthtext.h"
#include "jwt.h"

namespace rov::auth {

using nlohmann::json;
using rest::ApiError;

namespace {} // namespace

std::variant<AccessToken, ApiError> parseTokenResponse(const rest::HttpResponse &response,
                                                       const QString &endpoint)
{
    if (response.status == 0) {
        const QString why = response.error ? response.error->message : QString();
        return ApiError::withHttpStatus(
            401, QStringLiteral("UNAUTHENTICATED"),
            GoogleAuth::tr("%1 did not answer (%2)").arg(endpoint, why));
    }
    const json body = json::parse(response.body.toStdString(), nullptr, false);
    if (response.status != 200) {
        // OAuth 2.0 errors: {"error": "invalid_grant", "error_description": "..."}.
        QString code, description;
        if (body.is_object() && body.contains("error") && body["error"].is_string()) {
            code = QString::fromStdString(body["error"].get<std::string>());
            description = QString::fromStdString(body.value("error_description", std::string()));
        } else if (response.error) {
            description = response.error->message;
        }
        const QString detail = code.isEmpty() ? description
                               : description.isEmpty()
                                   ? code
                                   : QStringLiteral("%1: %2").arg(code, description);
        return ApiError::withHttpStatus(
            401, QStringLiteral("UNAUTHENTICATED"),
            GoogleAuth::tr("%1 refused to issue a token (HTTP %2, %3)")
                .arg(endpoint)
                .arg(response.status)
                .arg(detail.isEmpty() ? GoogleAuth::tr("no reason given") : detail));
    }
    const QByteArray token =
        body.is_object() && body.contains("access_token") && body["access_token"].is_string()
            ? QByteArray::fromStdString(body["access_token"].get<std::string>())
            : QByteArray();
    if (token.isEmpty() || token.contains('\n') || token.contains(' '))
        return ApiError::withHttpStatus(
            401, QStringLiteral("UNAUTHENTICATED"),
            GoogleAuth::tr("%1 answered without an access token").arg(endpoint));
    AccessToken result;
    result.value = token;
    const auto expiresIn = body.find("expires_in");
    // Google always says; an hour is what its tokens live when a proxy dropped the field.
    result.lifetime = std::chrono::seconds(
        expiresIn != body.end() && expiresIn->is_number() ? expiresIn->get<qint64>() : 3600);
    if (const auto idToken = body.find("id_token"); idToken != body.end() && idToken->is_string())
        result.email = QString::fromStdString(
            unverifiedClaims(QByteArray::fromStdString(idToken->get<std::string>()))
                .value("email", std::string()));
    return result;
}

} // namespace rov::auth
