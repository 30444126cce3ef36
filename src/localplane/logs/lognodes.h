#pragma once

#include "logcollector.h"

#include <functional>

namespace rov::localplane::logs {

// The parent of a process; 0 when it is gone or unknown.
using ParentOf = std::function<qint64(qint64 pid)>;
qint64 parentFromProc(qint64 pid); // /proc/<pid>/stat

// Which node of the cluster wrote a log file. The nodes of a cluster share one temp dir, so the
// name says little: rovd's own output files are named after their node; a worker's or core
// worker's file carries its pid, and the C++ components write their pid on every line; either
// pid leads up the process tree to a node's `ray start`. The files of the second node's agents
// end in ".1." like its raylet's. What is left (GCS, dashboard, autoscaler, job drivers) runs on
// the head. nullptr when the cluster has no nodes.
const LogCluster::Node *nodeOfFile(const LogCluster &cluster, const QString &directory,
                                   const QString &fileName, const ParentOf &parentOf);

// A job driver's log (job-driver-<submission id>.log): the submission id, else empty.
QString submissionOfFile(const QString &fileName);

} // namespace rov::localplane::logs
