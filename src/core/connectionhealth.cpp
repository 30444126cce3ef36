#include "connectionhealth.h"

namespace rov::core {

bool ConnectionHealth::record(bool reached, Clock::time_point at)
{
    const State before = m_state;
    if (reached) {
        m_misses = 0;
        m_state = State::Connected;
    } else {
        if (m_misses++ == 0)
            m_firstMiss = at;
        m_state = m_misses >= kMissesForUnreachable || at - m_firstMiss >= kUnreachableAfter
                      ? State::Unreachable
                      : State::Reconnecting;
    }
    return m_state != before;
}

} // namespace rov::core
