#pragma once

#include "api/ray/rayload.h"

#include <QStringList>
#include <chrono>
#include <map>
#include <vector>

namespace rov::localplane {

using api::ray::RayLoad;

// One autoscaling pool as the policy sees it.
struct ScalablePool
{
    struct Node
    {
        QString label;
        QString rayNodeId;                   // empty until the node joined
        std::chrono::milliseconds idleFor{}; // zero when busy or unknown
    };
    QString id;
    double cpusPerNode = 0;
    double memoryBytesPerNode = 0;
    qint64 minNodes = 1;
    qint64 maxNodes = 1;
    std::vector<Node> nodes;
};

struct ScalingDecision
{
    std::map<QString, qint64> targets; // pool id → new node count, only pools that change
    QStringList retire;                // node labels to stop
    QStringList reasons;               // one sentence per change, for the event record

    bool empty() const { return targets.empty(); }
};

// Grows a pool while Ray has pending work that one of its nodes could run, up to its maximum
// and the machine's spare nodes; shrinks nodes idle for `idleTimeout`, down to the minimum.
ScalingDecision decideScaling(const std::vector<ScalablePool> &pools,
                              const std::vector<RayLoad::Shape> &pending,
                              std::chrono::milliseconds idleTimeout, qint64 spareNodes);

} // namespace rov::localplane
