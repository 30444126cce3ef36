#pragma once

#include "api/vertex/wire.h"

namespace rov::localplane::recovery {

// What a restarted rovd does with a cluster it found in its store, from the state it was in and
// what of it still runs: a pure policy, so each case is tested without Ray.
enum class Step
{
    Leave,   // nothing runs and nothing should (ERROR, with no node alive)
    Stop,    // what runs goes: the cluster was stopping, rebooting, or is in ERROR
    Restart, // RUNNING, but its head is gone: every node starts again (REBOOTING until then)
    Resume,  // the rest: what was planned goes on (a resize finished as planned), nodes start
};

Step stepFor(api::vertex::wire::ClusterState state, int nodesAlive, bool headAlive);

} // namespace rov::localplane::recovery
