#pragma once

#include "credentialfile.h"
#include "oauthcredentials.h"

#include <QProcessEnvironment>

namespace rov::auth {

// Where Application Default Credentials are looked for, in Google's order.
struct AdcPlaces
{
    QString explicitFile; // $GOOGLE_APPLICATION_CREDENTIALS
    QString
        gcloudFile; // $CLOUDSDK_CONFIG or ~/.config/gcloud, application_default_credentials.json
    QString metadataHost; // $GCE_METADATA_HOST or metadata.google.internal

    static AdcPlaces fromEnvironment(const QProcessEnvironment &environment);
};

// The metadata server gives up this soon: on a laptop nothing answers, and the user waits.
inline constexpr std::chrono::milliseconds kMetadataTimeout{1500};

// A signed JWT exchanged at the key's token_uri (grant type jwt-bearer).
TokenSource serviceAccountSource(const ServiceAccountKey &key);
// The refresh token exchanged at its token_uri (grant type refresh_token).
TokenSource authorizedUserSource(const AuthorizedUser &user);
// The Compute Engine / Cloud Run metadata server, checked by its Metadata-Flavor answer.
TokenSource metadataSource(const QString &host);

// The "Service account key file" choice.
std::variant<TokenSource, rest::ApiError> keyFileSource(const QString &path);
// The "Application default credentials" choice: the file that GOOGLE_APPLICATION_CREDENTIALS
// names (an error if it is bad, as Google's libraries do), else gcloud's file, else the metadata
// server.
std::variant<TokenSource, rest::ApiError> applicationDefaultSource(const AdcPlaces &places);

} // namespace rov::auth
