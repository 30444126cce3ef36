#include "googlecredentials.h"

#include "googleauthtext.h"
#include "jwt.h"

#include <QDir>
#include <QFileInfo>

namespace rov::auth {

using rest::ApiError;
using rest::HttpRequest;
using rest::HttpResponse;

namespace {

HttpRequest formPost(const QUrl &url, const QList<std::pair<QByteArray, QByteArray>> &form)
{
    HttpRequest request;
    request.method = rest::HttpMethod::Post;
    request.url = url;
    request.setFormBody(form);
    request.sendCredentials = false;
    request.timeout = std::chrono::seconds(30);
    return request;
}

HttpRequest metadataGet(const QString &host, const QString &path)
{
    QUrl url;
    url.setScheme(QStringLiteral("http"));
    url.setAuthority(host);
    url.setPath(QStringLiteral("/computeMetadata/v1/") + path);
    HttpRequest request = HttpRequest::get(url);
    request.sendCredentials = false;
    request.headers.append({QByteArrayLiteral("Metadata-Flavor"), QByteArrayLiteral("Google")});
    request.timeout = kMetadataTimeout;
    request.retry = rest::RetryPolicy::none();
    return request;
}

} // namespace

AdcPlaces AdcPlaces::fromEnvironment(const QProcessEnvironment &environment)
{
    AdcPlaces places;
    places.explicitFile = environment.value(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"));
    QString config = environment.value(QStringLiteral("CLOUDSDK_CONFIG"));
    if (config.isEmpty())
        config = QDir(environment.value(QStringLiteral("HOME"), QDir::homePath()))
                     .filePath(QStringLiteral(".config/gcloud"));
    places.gcloudFile =
        QDir(config).filePath(QStringLiteral("application_default_credentials.json"));
    places.metadataHost = environment.value(QStringLiteral("GCE_METADATA_HOST"),
                                            QStringLiteral("metadata.google.internal"));
    return places;
}

TokenSource serviceAccountSource(const ServiceAccountKey &key)
{
    TokenSource source;
    source.identity = key.clientEmail;
    source.project = key.projectId;
    source.endpoint = key.tokenUri.toString();
    source.hint =
        GoogleAuth::tr("The key may have been deleted or disabled; create a new key for %1")
            .arg(key.clientEmail);
    source.makeRequest = [key]() -> std::variant<HttpRequest, ApiError> {
        auto assertion = serviceAccountAssertion(key, QString::fromLatin1(kCloudPlatformScope),
                                                 std::chrono::system_clock::now());
        if (auto *error = std::get_if<ApiError>(&assertion))
            return *error;
        return formPost(key.tokenUri,
                        {{"grant_type", "urn:ietf:params:oauth:grant-type:jwt-bearer"},
                         {"assertion", std::get<QByteArray>(assertion)}});
    };
    return source;
}

TokenSource authorizedUserSource(const AuthorizedUser &user)
{
    TokenSource source;
    source.kind = TokenSource::Kind::AuthorizedUser;
    source.identity = GoogleAuth::tr("a Google account (OAuth client %1)")
                          .arg(user.clientId.section(QLatin1Char('-'), 0, 0));
    source.project = user.quotaProjectId;
    source.quotaProject = user.quotaProjectId.toUtf8();
    source.endpoint = user.tokenUri.toString();
    source.hint =
        GoogleAuth::tr("The sign-in may have been revoked or may have expired; run \"gcloud auth "
                       "application-default login\" again");
    source.makeRequest = [user]() -> std::variant<HttpRequest, ApiError> {
        return formPost(user.tokenUri, {{"grant_type", "refresh_token"},
                                        {"client_id", user.clientId.toUtf8()},
                                        {"client_secret", user.clientSecret},
                                        {"refresh_token", user.refreshToken}});
    };
    return source;
}

TokenSource metadataSource(const QString &host)
{
    TokenSource source;
    source.kind = TokenSource::Kind::MetadataServer;
    source.identity = GoogleAuth::tr("the default service account of this VM");
    source.endpoint = GoogleAuth::tr("The metadata server at %1").arg(host);
    source.makeRequest = [host]() -> std::variant<HttpRequest, ApiError> {
        return metadataGet(host, QStringLiteral("instance/service-accounts/default/token"));
    };
    source.checkAnswer = [host](const HttpResponse &response) -> std::optional<ApiError> {
        // Anything else that answers at that name (a captive portal, a proxy) is not it.
        if (response.header("Metadata-Flavor") == "Google")
            return std::nullopt;
        return ApiError::withHttpStatus(
            401, QStringLiteral("UNAUTHENTICATED"),
            GoogleAuth::tr("Something answered at %1, but not a Google metadata server").arg(host));
    };
    source.identityRequest =
        metadataGet(host, QStringLiteral("instance/service-accounts/default/email"));
    return source;
}

std::variant<TokenSource, ApiError> keyFileSource(const QString &path)
{
    auto file = readCredentialFile(path, Accept::ServiceAccountOnly);
    if (auto *error = std::get_if<ApiError>(&file))
        return *error;
    TokenSource source =
        serviceAccountSource(std::get<ServiceAccountKey>(std::get<CredentialFile>(file)));
    source.origin = GoogleAuth::tr("the key file %1").arg(path);
    return source;
}

std::variant<TokenSource, ApiError> applicationDefaultSource(const AdcPlaces &places)
{
    const auto fromFile = [](const QString &path,
                             const QString &origin) -> std::variant<TokenSource, ApiError> {
        auto file = readCredentialFile(path, Accept::AnyAdc);
        if (auto *error = std::get_if<ApiError>(&file))
            return ApiError::invalidArgument(QStringLiteral("%1: %2").arg(origin, error->message));
        const CredentialFile &credentials = std::get<CredentialFile>(file);
        TokenSource source = std::holds_alternative<ServiceAccountKey>(credentials)
                                 ? serviceAccountSource(std::get<ServiceAccountKey>(credentials))
                                 : authorizedUserSource(std::get<AuthorizedUser>(credentials));
        source.origin = origin;
        return source;
    };
    if (!places.explicitFile.isEmpty()) {
        const QString origin =
            GoogleAuth::tr("GOOGLE_APPLICATION_CREDENTIALS (%1)").arg(places.explicitFile);
        if (!QFileInfo::exists(places.explicitFile))
            return ApiError::invalidArgument(
                GoogleAuth::tr("%1: the file does not exist").arg(origin));
        return fromFile(places.explicitFile, origin);
    }
    if (QFileInfo::exists(places.gcloudFile))
        return fromFile(
            places.gcloudFile,
            GoogleAuth::tr("gcloud's application default credentials (%1)").arg(places.gcloudFile));
    TokenSource source = metadataSource(places.metadataHost);
    source.origin = GoogleAuth::tr("the metadata server (%1)").arg(places.metadataHost);
    source.hint =
        GoogleAuth::tr(
            "No application default credentials were found: GOOGLE_APPLICATION_CREDENTIALS "
            "is not set, %1 does not exist, and this is not a Google Cloud VM. Run "
            "\"gcloud auth application-default login\", or choose a service account key "
            "file")
            .arg(places.gcloudFile);
    return source;
}

} // namespace rov::auth
