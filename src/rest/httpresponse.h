#pragma once

#include "apierror.h"
#include "httprequest.h"

#include <optional>

namespace rov::rest {

// Milliseconds from the start of the final attempt, as libcurl measured them.
struct TransferTimings
{
    double connectMs = 0;
    double tlsMs = 0; // 0 without TLS
    double firstByteMs = 0;
    double totalMs = 0;
};

struct HttpResponse
{
    int status = 0;
    int httpVersion = 0; // 1 or 2
    HeaderList headers;
    QByteArray body;
    TransferTimings timings;
    int attempts = 0;
    long newConnections = 0; // connections the final attempt had to open (0 = reused one)
    std::optional<ApiError> error;

    bool ok() const { return !error.has_value(); }
    QByteArray header(const QByteArray &name) const; // case-insensitive; the last one wins
    // The body as JSON; a discarded value (is_discarded()) when it is not JSON.
    nlohmann::json json() const;
};

} // namespace rov::rest
