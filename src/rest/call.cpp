#include "call.h"

namespace rov::rest {

void Call::cancel() const
{
    if (!m_state)
        return;
    m_state->cancelled = true;
    if (m_state->reply)
        m_state->reply->cancel();
}

void Call::track(RestReply *reply) const
{
    if (!m_state || !reply)
        return;
    m_state->reply = reply;
    if (m_state->cancelled)
        reply->cancel();
}

} // namespace rov::rest
