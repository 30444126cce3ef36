#pragma once

#include "rest/apierror.h"

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace rov::localplane {

// What rovd answers: an HTTP status, headers of its own (Allow, Retry-After) and a JSON body (a
// resource, or a Google error body).
struct ApiResult
{
    int status = 200;
    nlohmann::json body = nlohmann::json::object();
    std::vector<std::pair<std::string, std::string>> headers;
    // An answer passed on as it came (Prometheus'): sent instead of `body`, untranslated.
    std::optional<std::string> rawBody;
    std::string rawContentType;

    static ApiResult ok(nlohmann::json body) { return {200, std::move(body), {}, {}, {}}; }
    static ApiResult error(const rest::ApiError &error)
    {
        return {error.httpStatus, error.toGoogleJson(), {}, {}, {}};
    }
    static ApiResult error(const QString &status, const QString &message)
    {
        return error(rest::ApiError::withStatus(status, message));
    }
};

} // namespace rov::localplane
