#include "trafficsplit.h"

namespace rov::localplane::serving {

using nlohmann::json;

namespace {

int sum(const TrafficSplit &split)
{
    int total = 0;
    for (const auto &[id, percent] : split)
        total += percent;
    return total;
}

// Every key deployed (or "0" where allowed), every value in 0..100, the whole 100.
QString problemWith(const TrafficSplit &split, const QStringList &deployedIds, bool newAllowed)
{
    for (const auto &[id, percent] : split) {
        if (id == QLatin1String("0") && newAllowed)
            continue;
        if (!deployedIds.contains(id))
            return QStringLiteral("trafficSplit names %1, which is not a model deployed to this "
                                  "endpoint%2")
                .arg(id, newAllowed ? QStringLiteral(" (\"0\" stands for the model being deployed)")
                                    : QString());
    }
    if (const int total = sum(split); total != 100)
        return QStringLiteral("trafficSplit must sum to 100, not %1").arg(total);
    return {};
}

} // namespace

std::variant<TrafficSplit, QString> readTrafficSplit(const json &value)
{
    TrafficSplit split;
    if (value.is_null())
        return split;
    if (!value.is_object())
        return QStringLiteral("trafficSplit must map deployed model ids to percentages");
    for (const auto &[key, percent] : value.items()) {
        long long number = -1;
        if (percent.is_number_integer()) {
            number = percent.get<long long>();
        } else if (percent.is_string()) {
            bool ok = false;
            number = QString::fromStdString(percent.get<std::string>()).toLongLong(&ok);
            if (!ok)
                number = -1;
        }
        if (number < 0 || number > 100)
            return QStringLiteral("trafficSplit[\"%1\"] must be a whole percentage from 0 to 100")
                .arg(QString::fromStdString(key));
        split[QString::fromStdString(key)] = int(number);
    }
    return split;
}

json toJson(const TrafficSplit &split)
{
    json object = json::object();
    for (const auto &[id, percent] : split)
        object[id.toStdString()] = percent;
    return object;
}

std::variant<TrafficSplit, QString> splitAfterDeploy(const TrafficSplit &current,
                                                     const QStringList &deployedIds,
                                                     const TrafficSplit &requested,
                                                     const QString &newId)
{
    if (requested.empty()) {
        if (sum(current) == 0)
            return TrafficSplit{{newId, 100}};
        return current;
    }
    if (const QString problem = problemWith(requested, deployedIds, true); !problem.isEmpty())
        return problem;
    TrafficSplit next;
    for (const auto &[id, percent] : requested)
        next[id == QLatin1String("0") ? newId : id] = percent;
    return next;
}

std::variant<TrafficSplit, QString> splitAfterUndeploy(const TrafficSplit &current,
                                                       const QStringList &deployedIds,
                                                       const TrafficSplit &requested,
                                                       const QString &goneId)
{
    QStringList staying = deployedIds;
    staying.removeAll(goneId);
    if (staying.isEmpty())
        return TrafficSplit{};
    if (!requested.empty()) {
        if (requested.count(goneId) && requested.at(goneId) > 0)
            return QStringLiteral("The new trafficSplit still sends %1% of the traffic to %2")
                .arg(requested.at(goneId))
                .arg(goneId);
        TrafficSplit next = requested;
        next.erase(goneId);
        if (const QString problem = problemWith(next, staying, false); !problem.isEmpty())
            return problem;
        return next;
    }
    const auto it = current.find(goneId);
    if (it != current.end() && it->second > 0)
        return QStringLiteral("%1 receives %2% of the endpoint's traffic: send a trafficSplit "
                              "that gives it none")
            .arg(goneId)
            .arg(it->second);
    TrafficSplit next = current;
    next.erase(goneId);
    return next;
}

QString pickDeployedModel(const TrafficSplit &split, double draw)
{
    double reached = 0;
    QString last;
    for (const auto &[id, percent] : split) {
        if (percent <= 0)
            continue;
        reached += percent;
        last = id;
        if (draw < reached)
            return id;
    }
    return last; // a draw at the very top, or a split that sums under 100
}

} // namespace rov::localplane::serving
