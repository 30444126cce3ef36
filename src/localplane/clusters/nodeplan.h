#pragma once

#include <QString>
#include <functional>
#include <nlohmann/json.hpp>

namespace rov::localplane {

class PortAllocator;

// The ports one Ray node listens on. Every one is explicit: on one machine nothing may be left
// to Ray's defaults, or two nodes (or two clusters) would collide.
struct NodePorts
{
    static constexpr int kWorkerPorts = 100;

    quint16 gcs = 0; // head only, like the four below
    quint16 dashboard = 0;
    quint16 rayClient = 0;
    quint16 dashboardMetrics = 0;
    quint16 autoscalerMetrics = 0;
    quint16 agentListen = 0;
    quint16 agentGrpc = 0;
    quint16 runtimeEnvAgent = 0;
    quint16 metricsExport = 0;
    quint16 nodeManager = 0;
    quint16 objectManager = 0;
    quint16 firstWorker = 0; // kWorkerPorts consecutive ports for worker processes

    // All ports of a node from `ports`; false when the machine has run out of free ports.
    bool allocate(PortAllocator &ports, bool head);
    void release(PortAllocator &ports) const;
    void reserve(PortAllocator &ports) const;

    nlohmann::json toJson() const;
    static NodePorts fromJson(const nlohmann::json &json);
    // "first-last,port,…": the ports the node's processes bind on every interface (all but the
    // dashboard's, which listens on 127.0.0.1), for the loopback shim's ROV_NODE_PORTS.
    QString wildcardRangesText() const;

private:
    // Every port or port range the node holds, as (first port, how many).
    void forEachRange(const std::function<void(quint16 first, int count)> &visit) const;
};

// One node of a cluster as rovd plans and tracks it.
struct NodePlan
{
    QString poolId;
    int ordinal = 0; // within the pool; the head is ordinal 0 of the head pool
    bool head = false;
    // Every node has a loopback address of its own (127.0.0.2 and up): Ray finds "the local node"
    // of a driver by IP, and nodes sharing one IP would attach drivers to the wrong node.
    QString ip;
    int numCpus = 0;
    qint64 memoryBytes = 0;
    NodePorts ports;
    qint64 pid = 0; // of its `ray start --block`, 0 when not running
    QString nodeId; // Ray's id for the node, once it joined

    QString label() const { return QStringLiteral("%1-%2").arg(poolId).arg(ordinal); }
    nlohmann::json toJson() const;
    static NodePlan fromJson(const nlohmann::json &json);
};

} // namespace rov::localplane
