#pragma once

#include <QString>
#include <QtGlobal>
#include <vector>

namespace rov::localplane {

// What one cluster is made of on this machine, as the clusters announce it: its nodes, their
// addresses and ports, and the folders their logs go to. The parts that watch clusters (metrics
// scrapes them, logs reads their files) turn it into what each needs; the clusters know nothing
// of them (issue 25: the producer does not know its consumers' types).
struct ClusterTopology
{
    QString name;          // projects/{project}/locations/{location}/persistentResources/{id}
    QString tempDir;       // Ray's --temp-dir: sessions, sockets and the nodes' own logs
    QString nodeOutputDir; // where rovd writes each node's `ray start` output, <node>.log
    bool logsExportDisabled = false; // rayLogsSpec.disabled
    struct Node
    {
        QString name; // rovd's: "<pool>-<ordinal>"
        QString pool;
        QString ip;
        int metricsExportPort = 0;
        QString nodeId; // Ray's, once the node joined
        qint64 pid = 0; // its `ray start --block`
        bool head = false;
    };
    std::vector<Node> nodes;

    QString project() const { return name.section(QLatin1Char('/'), 1, 1); }
    QString clusterId() const { return name.section(QLatin1Char('/'), -1); }
};

} // namespace rov::localplane
