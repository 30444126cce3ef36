#pragma once

#include "rest/credentialsprovider.h"

#include <QPointer>
#include <QString>
#include <vector>

class QProcess;

namespace rov::auth {

// An access token printed by a command such as `gcloud auth print-access-token`, run without
// blocking (QProcess) before the first request and again after a 401.
class CommandTokenCredentials : public rest::CredentialsProvider
{
public:
    explicit CommandTokenCredentials(QString command);
    // Kills a run still going; its waiting callers hear `false`.
    ~CommandTokenCredentials() override;

    QByteArray authorizationHeader() const override;
    void refresh(std::function<void(bool refreshed)> done) override;
    QString refreshError() const override { return m_lastError; }
    // The command runs before the first request rather than after its 401.
    bool needsRefresh() const override { return m_token.isEmpty(); }

private:
    QString m_command;
    QByteArray m_token;
    QString m_lastError;
    void finishRun(bool ok);

    std::vector<std::function<void(bool)>> m_waiting;
    // The run under way, owned here: its handlers touch this object, so it never outlives it.
    QPointer<QProcess> m_process;
};

} // namespace rov::auth
