#include "credentialfile.h"

#include "googleauthtext.h"
#include "jwt.h"

#include <QFile>
#include <nlohmann/json.hpp>

namespace rov::auth {

using nlohmann::json;
using rest::ApiError;

namespace {

QString stringField(const json &object, const char *name)
{
    const auto it = object.find(name);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

std::variant<CredentialFile, ApiError> serviceAccount(const json &file)
{
    ServiceAccountKey key;
    key.clientEmail = stringField(file, "client_email");
    key.privateKey = stringField(file, "private_key").toUtf8();
    key.privateKeyId = stringField(file, "private_key_id").toUtf8();
    key.projectId = stringField(file, "project_id");
    const QString tokenUri = stringField(file, "token_uri");
    key.tokenUri = tokenUri.isEmpty() ? kGoogleTokenUri : QUrl(tokenUri);
    if (key.privateKey.isEmpty())
        return ApiError::invalidArgument(GoogleAuth::tr(
            "The key file has no private_key: download a new JSON key of the service account "
            "(IAM, Service accounts, Keys, Add key)"));
    if (key.clientEmail.isEmpty())
        return ApiError::invalidArgument(GoogleAuth::tr(
            "The key file has no client_email, so it does not say which service account it "
            "belongs to"));
    if (!isUsablePrivateKey(key.privateKey))
        return ApiError::invalidArgument(GoogleAuth::tr(
            "The key file's private_key is not a PEM private key; the file may be damaged"));
    if (!key.tokenUri.isValid() || key.tokenUri.scheme().isEmpty())
        return ApiError::invalidArgument(
            GoogleAuth::tr("The key file's token_uri \"%1\" is not a URL").arg(tokenUri));
    return key;
}

std::variant<CredentialFile, ApiError> authorizedUser(const json &file)
{
    AuthorizedUser user;
    user.clientId = stringField(file, "client_id");
    user.clientSecret = stringField(file, "client_secret").toUtf8();
    user.refreshToken = stringField(file, "refresh_token").toUtf8();
    user.quotaProjectId = stringField(file, "quota_project_id");
    const QString tokenUri = stringField(file, "token_uri");
    user.tokenUri = tokenUri.isEmpty() ? kGoogleTokenUri : QUrl(tokenUri);
    if (user.refreshToken.isEmpty() || user.clientId.isEmpty())
        return ApiError::invalidArgument(GoogleAuth::tr(
            "The credentials file of type authorized_user has no refresh_token or client_id; "
            "run \"gcloud auth application-default login\" again"));
    return user;
}

} // namespace

std::variant<CredentialFile, ApiError> parseCredentialFile(const QByteArray &contents,
                                                           Accept accept)
{
    const json file = json::parse(contents.toStdString(), nullptr, false);
    if (file.is_discarded() || !file.is_object())
        return ApiError::invalidArgument(GoogleAuth::tr(
            "The file is not JSON. A service account key is the JSON file that the Cloud "
            "Console downloads (a .p12 key is not supported)"));
    const QString type = stringField(file, "type");
    if (type == QLatin1String("service_account"))
        return serviceAccount(file);
    if (type == QLatin1String("authorized_user") && accept == Accept::AnyAdc)
        return authorizedUser(file);
    if (type.isEmpty())
        return ApiError::invalidArgument(
            GoogleAuth::tr("The file has no \"type\"; it is not a Google credentials file"));
    return ApiError::invalidArgument(
        accept == Accept::ServiceAccountOnly
            ? GoogleAuth::tr(
                  "The file's type is \"%1\", not \"service_account\"; choose Application "
                  "default credentials for a file that gcloud wrote")
                  .arg(type)
            : GoogleAuth::tr(
                  "Credentials of type \"%1\" are not supported; use a service account key or "
                  "\"gcloud auth application-default login\"")
                  .arg(type));
}

std::variant<CredentialFile, ApiError> readCredentialFile(const QString &path, Accept accept)
{
    if (path.isEmpty())
        return ApiError::invalidArgument(
            GoogleAuth::tr("Choose the service account's JSON key file"));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return ApiError::invalidArgument(
            GoogleAuth::tr("Cannot read %1: %2").arg(path, file.errorString()));
    // A key is a few kilobytes; anything far larger is the wrong file.
    if (file.size() > 1024 * 1024)
        return ApiError::invalidArgument(
            GoogleAuth::tr("%1 is too large to be a credentials file").arg(path));
    return parseCredentialFile(file.readAll(), accept);
}

} // namespace rov::auth
