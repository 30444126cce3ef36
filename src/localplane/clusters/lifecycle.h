#pragma once

#include "api/vertex/wire.h"

#include <QString>
#include <optional>

namespace rov::localplane {

// What happens to a cluster when its Ray nodes report something, as a pure function: where the
// cluster goes, what becomes of its pending operation, and what the manager does next. Every
// state has a way out: each event either moves the cluster on or leaves it where it was, and no
// event leaves an operation open that could never end.
namespace lifecycle {

using State = api::vertex::wire::ClusterState;

enum class Event
{
    NodesStarted,   // every node of the plan is alive
    StartFailed,    // a node could not be started or did not join in time
    HeadExited,     // the head node's process ended
    WorkerExited,   // a worker node's process ended unasked
    NodesStopped,   // every node has exited after a stop
    NodesRetired,   // the nodes a resize let go have exited
    DeadlinePassed, // the pending operation outlived its deadline
};

enum class Outcome
{
    Open,      // the pending operation (if any) goes on
    Succeeded, // done, with the cluster (or Empty for a delete) as its response
    Failed     // done, with `errorCode` and the detail as its error
};

enum class Action
{
    Nothing,
    StartNodes,    // start every node of the plan that does not run
    StopNodes,     // stop every node, workers first
    KillAndForget, // SIGKILL what is left and drop the cluster: a delete that outlived its deadline
    Forget,        // every node is gone: drop the cluster
    WatchLoad      // running: keep replacing dead nodes and autoscaling
};

struct Transition
{
    std::optional<State> state; // nullopt: stays
    QString reason;             // for the event record; empty: nothing to record
    Outcome outcome = Outcome::Open;
    QString errorCode; // google.rpc code name when Failed
    Action action = Action::Nothing;
};

// `detail`: the node label or the failure's reason, worked into the words.
Transition next(State state, Event event, const QString &detail, int nodeCount);

} // namespace lifecycle

} // namespace rov::localplane
