#include "commandtokencredentials.h"

#include <QProcess>

namespace rov::auth {

CommandTokenCredentials::CommandTokenCredentials(QString command) : m_command(std::move(command)) {}

QByteArray CommandTokenCredentials::authorizationHeader() const
{
    return m_token.isEmpty() ? QByteArray() : "Bearer " + m_token;
}

void CommandTokenCredentials::refresh(std::function<void(bool refreshed)> done)
{
    m_waiting.push_back(std::move(done));
    if (m_waiting.size() > 1)
        return; // one run serves every caller
    auto *process = new QProcess;
    QObject::connect(process, &QProcess::finished, process, [this, process](int code) {
        const QByteArray token = process->readAllStandardOutput().trimmed();
        const bool ok = code == 0 && !token.isEmpty() && !token.contains('\n');
        m_lastError =
            ok ? QString()
               : QStringLiteral("\"%1\" failed: %2")
                     .arg(m_command,
                          QString::fromLocal8Bit(process->readAllStandardError()).trimmed());
        if (ok)
            m_token = token;
        process->deleteLater();
        for (auto &callback : std::exchange(m_waiting, {}))
            callback(ok);
    });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [this, process](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return; // `finished` follows
                         m_lastError = process->errorString();
                         process->deleteLater();
                         for (auto &callback : std::exchange(m_waiting, {}))
                             callback(false);
                     });
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_command});
}

} // namespace rov::auth
