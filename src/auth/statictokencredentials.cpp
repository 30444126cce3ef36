#include "statictokencredentials.h"

namespace rov::auth {

StaticTokenCredentials::StaticTokenCredentials(std::function<QByteArray()> readToken)
    : m_readToken(std::move(readToken)), m_token(m_readToken())
{}

QByteArray StaticTokenCredentials::authorizationHeader() const
{
    return m_token.isEmpty() ? QByteArray() : "Bearer " + m_token;
}

void StaticTokenCredentials::refresh(std::function<void(bool refreshed)> done)
{
    const QByteArray fresh = m_readToken();
    const bool changed = !fresh.isEmpty() && fresh != m_token;
    m_token = fresh;
    done(changed);
}

} // namespace rov::auth
