#pragma once

#include "rest/credentialsprovider.h"

#include <functional>

namespace rov::auth {

// A bearer token that a function reads (rovd's token file, a pasted token). A refresh reads it
// again, so a token rotated on disk is picked up after one 401.
class StaticTokenCredentials : public rest::CredentialsProvider
{
public:
    explicit StaticTokenCredentials(std::function<QByteArray()> readToken);

    QByteArray authorizationHeader() const override;
    void refresh(std::function<void(bool refreshed)> done) override;

private:
    std::function<QByteArray()> m_readToken;
    QByteArray m_token;
};

} // namespace rov::auth
