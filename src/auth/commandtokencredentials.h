#pragma once

#include "rest/credentialsprovider.h"

#include <QString>
#include <vector>

namespace rov::auth {

// An access token printed by a command such as `gcloud auth print-access-token`, run without
// blocking (QProcess) before the first request and again after a 401.
class CommandTokenCredentials : public rest::CredentialsProvider
{
public:
    explicit CommandTokenCredentials(QString command);

    QByteArray authorizationHeader() const override;
    void refresh(std::function<void(bool refreshed)> done) override;
    QString lastError() const { return m_lastError; }

private:
    QString m_command;
    QByteArray m_token;
    QString m_lastError;
    std::vector<std::function<void(bool)>> m_waiting;
};

} // namespace rov::auth
