#include "requestlimits.h"

#include <QStringList>
#include <algorithm>

namespace rov::localplane {

Subsystem subsystemOf(RouteId route)
{
    return routes::spec(route).subsystem;
}

const char *subsystemName(Subsystem subsystem)
{
    switch (subsystem) {
    case Subsystem::Clusters:
        return "clusters";
    case Subsystem::Metrics:
        return "metrics";
    case Subsystem::Logs:
        return "logs";
    case Subsystem::Serving:
        return "serving";
    case Subsystem::Prediction:
        return "prediction";
    case Subsystem::Storage:
        return "storage";
    case Subsystem::BigQuery:
        return "bigquery";
    case Subsystem::Batch:
        return "batch";
    case Subsystem::Count:
        break;
    }
    return "other";
}

// With 64 threads: clusters 24, metrics 12, logs 12, serving 12, predictions 24, storage 16,
// BigQuery 12 (getQueryResults and jobs.query hold a thread while their job runs), batch jobs 8.
// Predictions are the busiest and each may wait for a model; uploads hold a thread for as long as
// their bytes take; a log query or a PromQL range is short but may come many at a time from a
// dashboard. None of them can take more than three eighths of the threads.
RequestLimits::Limits RequestLimits::defaults(int threads)
{
    const auto share = [threads](int thirtySeconds, int atLeast) {
        return std::max(atLeast, threads * thirtySeconds / 32);
    };
    Limits limits{};
    limits[size_t(Subsystem::Clusters)] = share(12, 4);
    limits[size_t(Subsystem::Metrics)] = share(6, 2);
    limits[size_t(Subsystem::Logs)] = share(6, 2);
    limits[size_t(Subsystem::Serving)] = share(6, 2);
    limits[size_t(Subsystem::Prediction)] = share(12, 4);
    limits[size_t(Subsystem::Storage)] = share(8, 2);
    limits[size_t(Subsystem::BigQuery)] = share(6, 2);
    limits[size_t(Subsystem::Batch)] = share(4, 2);
    return limits;
}

std::optional<RequestLimits::Limits> RequestLimits::parse(const QString &text, Limits base,
                                                          QString *error)
{
    for (const QString &item : text.split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString name = item.section(QLatin1Char('='), 0, 0).trimmed();
        bool number = false;
        const int value = item.section(QLatin1Char('='), 1).trimmed().toInt(&number);
        size_t index = 0;
        while (index < size_t(Subsystem::Count) &&
               name != QLatin1String(subsystemName(Subsystem(index))))
            ++index;
        if (index == size_t(Subsystem::Count)) {
            *error = QStringLiteral("no subsystem \"%1\" (%2)").arg(name, describe(base));
            return std::nullopt;
        }
        if (!number || value < 1) {
            *error = QStringLiteral("%1 wants a number of requests of 1 or more, not \"%2\"")
                         .arg(name, item.section(QLatin1Char('='), 1));
            return std::nullopt;
        }
        base[index] = value;
    }
    return base;
}

QString RequestLimits::describe(const Limits &limits)
{
    QStringList items;
    for (size_t index = 0; index < size_t(Subsystem::Count); ++index)
        items << QStringLiteral("%1=%2")
                     .arg(QLatin1String(subsystemName(Subsystem(index))))
                     .arg(limits[index]);
    return items.join(QLatin1Char(','));
}

RequestLimits::RequestLimits(Limits limits) : m_limits(limits) {}

std::optional<RequestLimits::Ticket> RequestLimits::enter(Subsystem subsystem)
{
    auto &count = m_inFlight[size_t(subsystem)];
    int now = count.load(std::memory_order_relaxed);
    do {
        if (now >= m_limits[size_t(subsystem)])
            return std::nullopt;
    } while (!count.compare_exchange_weak(now, now + 1, std::memory_order_relaxed));
    return Ticket(&count);
}

int RequestLimits::inFlight(Subsystem subsystem) const
{
    return m_inFlight[size_t(subsystem)].load(std::memory_order_relaxed);
}

} // namespace rov::localplane
