#pragma once

#include "rest/apierror.h"

#include <QByteArray>
#include <QString>
#include <QUrl>
#include <variant>

namespace rov::auth {

// Where Google's OAuth 2.0 token endpoint is when a file names none.
inline const QUrl kGoogleTokenUri = QUrl(QStringLiteral("https://oauth2.googleapis.com/token"));
inline constexpr char kCloudPlatformScope[] = "https://www.googleapis.com/auth/cloud-platform";

// A service account's JSON key, as the Cloud Console downloads it.
struct ServiceAccountKey
{
    QString clientEmail;
    QByteArray privateKey; // PEM
    QByteArray privateKeyId;
    QUrl tokenUri;
    QString projectId;
};

// What `gcloud auth application-default login` writes: a user's refresh token.
struct AuthorizedUser
{
    QString clientId;
    QByteArray clientSecret;
    QByteArray refreshToken;
    QUrl tokenUri;
    QString quotaProjectId;
};

using CredentialFile = std::variant<ServiceAccountKey, AuthorizedUser>;

enum class Accept
{
    ServiceAccountOnly, // the "Service account key file" choice
    AnyAdc              // what Application Default Credentials may point at
};

// What a credentials file holds, or an INVALID_ARGUMENT error that says what is wrong with it
// (not JSON, another type, a field missing, a key that is not PEM).
std::variant<CredentialFile, rest::ApiError> parseCredentialFile(const QByteArray &contents,
                                                                 Accept accept);
std::variant<CredentialFile, rest::ApiError> readCredentialFile(const QString &path, Accept accept);

} // namespace rov::auth
