#include "statictokencredentials.h"

namespace rov::auth {

StaticTokenCredentials::StaticTokenCredentials(std::function<QByteArray()> readToken)
    : m_reader([readToken = std::move(readToken)](Give give) { give(readToken()); })
{
    refresh([](bool) {}); // answers at once: the first request carries the token
}

StaticTokenCredentials::StaticTokenCredentials(Reader reader, QString whenMissing)
    : m_reader(std::move(reader)), m_whenMissing(std::move(whenMissing))
{}

StaticTokenCredentials::~StaticTokenCredentials()
{
    for (auto &callback : std::exchange(m_state->waiting, {}))
        callback(false);
}

QByteArray StaticTokenCredentials::authorizationHeader() const
{
    return m_state->token.isEmpty() ? QByteArray() : "Bearer " + m_state->token;
}

bool StaticTokenCredentials::needsRefresh() const
{
    // Read once before the first request; after that, again only on a 401.
    return !m_state->readOnce;
}

QString StaticTokenCredentials::refreshError() const
{
    return m_state->error;
}

void StaticTokenCredentials::refresh(std::function<void(bool refreshed)> done)
{
    m_state->waiting.push_back(std::move(done));
    if (m_state->waiting.size() > 1)
        return; // the read under way serves every caller
    std::weak_ptr<State> weak = m_state;
    m_reader([weak, whenMissing = m_whenMissing](QByteArray fresh) {
        const auto state = weak.lock();
        if (!state)
            return;
        const bool changed = !fresh.isEmpty() && fresh != state->token;
        state->readOnce = true;
        state->error = fresh.isEmpty() ? whenMissing : QString();
        state->token = std::move(fresh);
        for (auto &callback : std::exchange(state->waiting, {}))
            callback(changed);
    });
}

} // namespace rov::auth
