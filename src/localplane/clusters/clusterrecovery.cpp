#include "clusterrecovery.h"

namespace rov::localplane::recovery {

using api::vertex::wire::ClusterState;

Step stepFor(ClusterState state, int nodesAlive, bool headAlive)
{
    switch (state) {
    case ClusterState::Stopping:
    case ClusterState::Rebooting:
        return Step::Stop; // and then forgotten, or started again
    case ClusterState::Error:
        return nodesAlive > 0 ? Step::Stop : Step::Leave; // ERROR holds no processes
    case ClusterState::Running:
        return headAlive ? Step::Resume : Step::Restart;
    default:
        return Step::Resume;
    }
}

} // namespace rov::localplane::recovery
