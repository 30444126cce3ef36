#pragma once

#include <QByteArray>
#include <QDateTime>
#include <chrono>
#include <optional>
#include <random>

namespace rov::rest {

// Truncated exponential backoff with full jitter, bounded by an overall deadline.
struct RetryPolicy
{
    using Millis = std::chrono::milliseconds;

    int maxAttempts = 6; // including the first
    Millis initialDelay{1000};
    double multiplier = 2.0;
    Millis maxDelay{30000};
    Millis overallDeadline{120000}; // from the first attempt's start to the last retry's start

    static RetryPolicy none();

    // The largest wait before retry number `retry` (1 = the wait before the second attempt).
    Millis ceiling(int retry) const;
    // Full jitter: a uniform draw from [0, ceiling(retry)].
    Millis backoff(int retry, std::mt19937_64 &random) const;

    static bool isRetryableHttpStatus(int httpStatus);
    // Retry-After as delta-seconds or an HTTP-date; nullopt when absent or unreadable.
    static std::optional<Millis>
    parseRetryAfter(const QByteArray &value,
                    const QDateTime &now = QDateTime::currentDateTimeUtc());
};

} // namespace rov::rest
