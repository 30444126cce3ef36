#include "raynodeprocess.h"

#include "detachedspawn.h"

#include <QFile>
#include <QSocketNotifier>
#include <csignal>
#include <sys/syscall.h>
#include <unistd.h>

namespace rov::localplane {

RayNodeProcess::RayNodeProcess(QObject *parent) : QObject(parent)
{
    m_killTimer.setSingleShot(true);
    connect(&m_killTimer, &QTimer::timeout, this, [this] {
        if (m_group > 0)
            ::kill(pid_t(-m_group), SIGKILL);
    });
}

RayNodeProcess::~RayNodeProcess()
{
    if (m_pidfd >= 0)
        ::close(m_pidfd);
}

bool RayNodeProcess::start(const NodeCommand &command, QString *error)
{
    const auto spawned =
        spawnDetached({command.program, command.arguments, command.environment, command.logFile});
    if (const auto *why = std::get_if<QString>(&spawned)) {
        *error = *why;
        return false;
    }
    const qint64 pid = std::get<qint64>(spawned);
    if (!watch(pid)) {
        *error = QStringLiteral("the Ray node (pid %1) ended at once; see %2")
                     .arg(pid)
                     .arg(command.logFile);
        return false;
    }
    return true;
}

bool RayNodeProcess::adopt(qint64 pid, const QString &marker)
{
    return isAliveWithMarker(pid, marker) && watch(pid);
}

bool RayNodeProcess::watch(qint64 pid)
{
    const int pidfd = int(::syscall(SYS_pidfd_open, pid_t(pid), 0));
    if (pidfd < 0)
        return false;
    m_pid = pid;
    m_group = ::getpgid(pid_t(pid));
    m_pidfd = pidfd;
    m_exitNotifier = new QSocketNotifier(pidfd, QSocketNotifier::Read, this);
    connect(m_exitNotifier, &QSocketNotifier::activated, this, &RayNodeProcess::onExited);
    return true;
}

void RayNodeProcess::onExited()
{
    m_exitNotifier->setEnabled(false);
    m_exitNotifier->deleteLater();
    m_exitNotifier = nullptr;
    ::close(m_pidfd);
    m_pidfd = -1;
    m_pid = 0;
    // The node's own processes share its session; make sure none outlives it.
    if (m_group > 0)
        ::kill(pid_t(-m_group), SIGKILL);
    m_killTimer.stop();
    Q_EMIT exited();
}

void RayNodeProcess::stop(std::chrono::milliseconds grace)
{
    if (m_pid <= 0)
        return;
    ::kill(pid_t(m_pid), SIGTERM);
    m_killTimer.start(int(grace.count()));
}

void RayNodeProcess::kill()
{
    if (m_pid <= 0)
        return;
    ::kill(pid_t(m_pid), SIGKILL);
    if (m_group > 0)
        ::kill(pid_t(-m_group), SIGKILL);
}

bool RayNodeProcess::isAliveWithMarker(qint64 pid, const QString &marker)
{
    if (pid <= 0 || ::kill(pid_t(pid), 0) != 0)
        return false;
    QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
    if (!cmdline.open(QIODevice::ReadOnly))
        return false;
    return cmdline.readAll().replace('\0', ' ').contains(marker.toUtf8());
}

} // namespace rov::localplane
