#include "logwire.h"

namespace rov::api::logging {

int severityRank(const QString &name)
{
    for (const auto &[severity, rank] : kSeverities)
        if (name.compare(QLatin1String(severity), Qt::CaseInsensitive) == 0)
            return rank;
    bool number = false;
    const int rank = name.toInt(&number);
    return number && rank >= 0 ? rank : -1;
}

QString severityName(int rank)
{
    const char *name = kSeverities.front().first;
    for (const auto &[severity, value] : kSeverities)
        if (rank >= value)
            name = severity;
    return QLatin1String(name);
}

} // namespace rov::api::logging
