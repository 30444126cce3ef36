#include "supervisedchild.h"

#include <QHostAddress>
#include <QProcess>
#include <QTcpServer>
#include <algorithm>
#include <csignal>
#include <sys/prctl.h>

namespace rov::localplane {

quint16 freeLoopbackPort()
{
    QTcpServer probe;
    if (!probe.listen(QHostAddress::LocalHost, 0))
        return 0;
    return probe.serverPort();
}

SupervisedChild::SupervisedChild(ChildSpec spec, QObject *parent)
    : QObject(parent), m_spec(std::move(spec))
{
    m_restartTimer.setSingleShot(true);
    connect(&m_restartTimer, &QTimer::timeout, this, &SupervisedChild::launch);
}

SupervisedChild::~SupervisedChild()
{
    m_stopping = true;
    if (!m_process)
        return;
    m_process->disconnect(this);
    m_process->terminate(); // each child closes its storage cleanly on SIGTERM
    if (!m_process->waitForFinished(10000)) {
        m_process->kill();
        m_process->waitForFinished(2000);
    }
}

void SupervisedChild::start()
{
    launch();
}

void SupervisedChild::launch()
{
    const quint16 port = freeLoopbackPort();
    auto *process = new QProcess(this);
    process->setProgram(m_spec.program);
    process->setArguments(m_spec.arguments(port));
    process->setProcessEnvironment(m_spec.environment);
    process->setProcessChannelMode(QProcess::MergedChannels);
    process->setStandardOutputFile(m_spec.logFile, QIODevice::Append);
    // A rovd killed with SIGKILL takes its children along: the kernel sends them SIGTERM.
    process->setChildProcessModifier([] { ::prctl(PR_SET_PDEATHSIG, SIGTERM); });
    connect(process, &QProcess::finished, this, [this, process] { onFinished(process); });
    connect(process, &QProcess::errorOccurred, this, [this, process](QProcess::ProcessError error) {
        if (error == QProcess::FailedToStart)
            onFinished(process);
    });
    m_process = process;
    m_runningFor.start();
    process->start();
    m_pid.store(process->processId());
    m_port.store(port);
    setProblem({});
    Q_EMIT started(port);
}

void SupervisedChild::onFinished(QProcess *process)
{
    if (process != m_process)
        return;
    m_port.store(0);
    m_pid.store(0);
    process->deleteLater();
    m_process = nullptr;
    if (m_stopping)
        return;
    Q_EMIT stopped();
    // A run that lasted a while was healthy: its next failure starts the backoff afresh.
    if (m_runningFor.elapsed() > 60000)
        m_backoff = kFirstBackoff;
    setProblem(tr("%1 stopped (%2; its log: %3); it starts again in %4 s")
                   .arg(m_spec.name,
                        process->exitStatus() == QProcess::CrashExit
                            ? tr("killed")
                            : tr("exit code %1").arg(process->exitCode()),
                        m_spec.logFile)
                   .arg(double(m_backoff.count()) / 1000.0));
    ++m_restarts;
    m_restartTimer.start(m_backoff);
    m_backoff = std::min(m_backoff * 2, kLongestBackoff);
}

void SupervisedChild::signal(int number) const
{
    if (const qint64 pid = m_pid.load(); pid > 0)
        ::kill(pid_t(pid), number);
}

QString SupervisedChild::problem() const
{
    std::lock_guard lock(m_problemMutex);
    return m_problem;
}

void SupervisedChild::setProblem(const QString &problem)
{
    std::lock_guard lock(m_problemMutex);
    m_problem = problem;
}

} // namespace rov::localplane
