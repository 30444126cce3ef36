#include "nodeplan.h"

#include "portallocator.h"

#include <QStringList>
#include <array>
#include <functional>

namespace rov::localplane {

namespace {

// The ports of a node, each with its JSON key.
std::array<std::pair<const char *, quint16 NodePorts::*>, 11> singlePorts()
{
    return {{{"gcs", &NodePorts::gcs},
             {"dashboard", &NodePorts::dashboard},
             {"rayClient", &NodePorts::rayClient},
             {"dashboardMetrics", &NodePorts::dashboardMetrics},
             {"autoscalerMetrics", &NodePorts::autoscalerMetrics},
             {"agentListen", &NodePorts::agentListen},
             {"agentGrpc", &NodePorts::agentGrpc},
             {"runtimeEnvAgent", &NodePorts::runtimeEnvAgent},
             {"metricsExport", &NodePorts::metricsExport},
             {"nodeManager", &NodePorts::nodeManager},
             {"objectManager", &NodePorts::objectManager}}};
}

bool isHeadOnly(const char *key)
{
    const QByteArray name(key);
    return name == "gcs" || name == "dashboard" || name == "rayClient" ||
           name == "dashboardMetrics" || name == "autoscalerMetrics";
}

} // namespace

bool NodePorts::allocate(PortAllocator &ports, bool head)
{
    for (const auto &[key, member] : singlePorts()) {
        if (!head && isHeadOnly(key))
            continue;
        const auto port = ports.take();
        if (!port) {
            release(ports);
            return false;
        }
        this->*member = *port;
    }
    const auto first = ports.takeRange(kWorkerPorts);
    if (!first) {
        release(ports);
        return false;
    }
    firstWorker = *first;
    return true;
}

void NodePorts::forEachRange(const std::function<void(quint16 first, int count)> &visit) const
{
    for (const auto &[key, member] : singlePorts()) {
        if (this->*member)
            visit(this->*member, 1);
    }
    if (firstWorker)
        visit(firstWorker, kWorkerPorts);
}

QString NodePorts::wildcardRangesText() const
{
    QStringList ranges;
    forEachRange([&](quint16 first, int count) {
        if (count == 1 && first == dashboard)
            return; // --dashboard-host=127.0.0.1: it listens there, not at the node's address
        ranges << (count == 1 ? QString::number(first)
                              : QStringLiteral("%1-%2").arg(first).arg(first + count - 1));
    });
    // A head's Ray Client proxy reaches the server it starts for each client at 127.0.0.1.
    if (rayClient)
        ranges << QStringLiteral("%1-%2")
                      .arg(PortAllocator::kRayClientServersFirst)
                      .arg(PortAllocator::kRayClientServersFirst +
                           PortAllocator::kRayClientServers - 1);
    return ranges.join(QLatin1Char(','));
}

void NodePorts::release(PortAllocator &ports) const
{
    forEachRange([&](quint16 first, int count) { ports.release(first, count); });
}

void NodePorts::reserve(PortAllocator &ports) const
{
    forEachRange([&](quint16 first, int count) { ports.reserve(first, count); });
}

nlohmann::json NodePorts::toJson() const
{
    nlohmann::json json = {{"firstWorker", firstWorker}};
    for (const auto &[key, member] : singlePorts())
        json[key] = this->*member;
    return json;
}

NodePorts NodePorts::fromJson(const nlohmann::json &json)
{
    NodePorts ports;
    for (const auto &[key, member] : singlePorts())
        ports.*member = json.value(key, quint16(0));
    ports.firstWorker = json.value("firstWorker", quint16(0));
    return ports;
}

nlohmann::json NodePlan::toJson() const
{
    return {{"poolId", poolId.toStdString()},
            {"ordinal", ordinal},
            {"head", head},
            {"numCpus", numCpus},
            {"memoryBytes", memoryBytes},
            {"ports", ports.toJson()},
            {"pid", pid},
            {"nodeId", nodeId.toStdString()},
            {"ip", ip.toStdString()}};
}

NodePlan NodePlan::fromJson(const nlohmann::json &json)
{
    NodePlan plan;
    plan.poolId = QString::fromStdString(json.value("poolId", std::string()));
    plan.ordinal = json.value("ordinal", 0);
    plan.head = json.value("head", false);
    plan.numCpus = json.value("numCpus", 0);
    plan.memoryBytes = json.value("memoryBytes", qint64(0));
    plan.ports = NodePorts::fromJson(json.value("ports", nlohmann::json::object()));
    plan.pid = json.value("pid", qint64(0));
    plan.nodeId = QString::fromStdString(json.value("nodeId", std::string()));
    plan.ip = QString::fromStdString(json.value("ip", std::string()));
    return plan;
}

} // namespace rov::localplane
