#pragma once

#include "rest/httpresponse.h"

#include <QByteArray>
#include <QString>
#include <chrono>
#include <variant>

namespace rov::auth {

// An access token as a token endpoint or the metadata server hands it out.
struct AccessToken
{
    QByteArray value;
    std::chrono::seconds lifetime{0};
    QString email; // from an id_token, when one came along (a user's e-mail)
};

// Reads Google's answer ({access_token, expires_in, token_type[, id_token]}), or says in words
// why there is no token: the endpoint's {error, error_description}, an HTTP error, no answer.
// `endpoint` names what was asked ("https://oauth2.googleapis.com/token", "the metadata server").
std::variant<AccessToken, rest::ApiError> parseTokenResponse(const rest::HttpResponse &response,
                                                             const QString &endpoint);

// When a token obtained at `obtained` and valid for `lifetime` is renewed: five minutes before
// it expires, or after three quarters of a shorter life.
template <typename TimePoint>
TimePoint refreshTime(TimePoint obtained, std::chrono::seconds lifetime)
{
    using namespace std::chrono;
    const auto margin =
        std::min<milliseconds>(minutes(5), duration_cast<milliseconds>(lifetime) / 4);
    return obtained + duration_cast<typename TimePoint::duration>(lifetime - margin);
}

} // namespace rov::auth
