#pragma once

#include "credentialfile.h"

#include <QByteArray>
#include <chrono>
#include <nlohmann/json.hpp>
#include <variant>

namespace rov::auth {

QByteArray base64Url(const QByteArray &data);
// An RS256 (RSA PKCS#1 v1.5, SHA-256) signature of `data` with a PEM private key.
std::variant<QByteArray, rest::ApiError> signRs256(const QByteArray &pemPrivateKey,
                                                   const QByteArray &data);
// True when `pemPrivateKey` is a private key OpenSSL can sign with.
bool isUsablePrivateKey(const QByteArray &pemPrivateKey);

// The signed assertion of the JWT bearer grant (RFC 7523) that Google's token endpoint takes:
// iss = the service account, aud = its token_uri, one hour from `issuedAt`.
std::variant<QByteArray, rest::ApiError>
serviceAccountAssertion(const ServiceAccountKey &key, const QString &scope,
                        std::chrono::system_clock::time_point issuedAt);

// The claims of a JWT, unchecked (to read the e-mail in an id_token we were just given);
// an empty object when it is not a JWT.
nlohmann::json unverifiedClaims(const QByteArray &jwt);

} // namespace rov::auth
