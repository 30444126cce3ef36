#include "commandtokencredentials.h"

#include <QProcess>

namespace rov::auth {

CommandTokenCredentials::CommandTokenCredentials(QString command) : m_command(std::move(command)) {}

QByteArray CommandTokenCredentials::authorizationHeader() const
{
    return m_token.isEmpty() ? QByteArray() : "Bearer " + m_token;
}

CommandTokenCredentials::~CommandTokenCredentials()
{
    if (m_process) {
        m_process->disconnect(); // no handler runs on a half-destroyed object
        m_process->kill();
        m_process->waitForFinished(1000); // SIGKILL: only the reaping is left
        delete m_process;
    }
    for (auto &callback : std::exchange(m_waiting, {}))
        callback(false);
}

void CommandTokenCredentials::finishRun(bool ok)
{
    if (m_process)
        m_process->deleteLater();
    m_process = nullptr;
    for (auto &callback : std::exchange(m_waiting, {}))
        callback(ok);
}

void CommandTokenCredentials::refresh(std::function<void(bool refreshed)> done)
{
    m_waiting.push_back(std::move(done));
    if (m_waiting.size() > 1)
        return; // one run serves every caller
    m_process = new QProcess;
    QProcess *process = m_process;
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
        finishRun(ok);
    });
    QObject::connect(process, &QProcess::errorOccurred, process,
                     [this, process](QProcess::ProcessError error) {
                         if (error != QProcess::FailedToStart)
                             return; // `finished` follows
                         m_lastError = process->errorString();
                         finishRun(false);
                     });
    process->start(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_command});
}

} // namespace rov::auth
