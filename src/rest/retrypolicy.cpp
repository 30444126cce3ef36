#include "retrypolicy.h"

#include <QLocale>
#include <algorithm>
#include <cmath>

namespace rov::rest {

RetryPolicy RetryPolicy::none()
{
    RetryPolicy policy;
    policy.maxAttempts = 1;
    return policy;
}

RetryPolicy::Millis RetryPolicy::ceiling(int retry) const
{
    const double grown =
        double(initialDelay.count()) * std::pow(multiplier, std::max(0, retry - 1));
    return Millis(qint64(std::min(grown, double(maxDelay.count()))));
}

RetryPolicy::Millis RetryPolicy::backoff(int retry, std::mt19937_64 &random) const
{
    std::uniform_int_distribution<qint64> uniform(0, ceiling(retry).count());
    return Millis(uniform(random));
}

bool RetryPolicy::isRetryableHttpStatus(int httpStatus)
{
    switch (httpStatus) {
    case 408:
    case 429:
    case 500:
    case 502:
    case 503:
    case 504:
        return true;
    default:
        return false;
    }
}

std::optional<RetryPolicy::Millis> RetryPolicy::parseRetryAfter(const QByteArray &value,
                                                                const QDateTime &now)
{
    const QByteArray trimmed = value.trimmed();
    if (trimmed.isEmpty())
        return std::nullopt;
    bool isNumber = false;
    const qint64 seconds = trimmed.toLongLong(&isNumber);
    if (isNumber)
        return seconds >= 0 ? std::optional(Millis(seconds * 1000)) : std::nullopt;

    // IMF-fixdate, e.g. "Wed, 21 Oct 2026 07:28:00 GMT".
    QDateTime when = QLocale::c().toDateTime(QString::fromLatin1(trimmed),
                                             QStringLiteral("ddd, dd MMM yyyy HH:mm:ss 'GMT'"));
    if (!when.isValid())
        return std::nullopt;
    when.setTimeSpec(Qt::UTC);
    return Millis(std::max<qint64>(0, now.msecsTo(when)));
}

} // namespace rov::rest
