#include "raynodeprocess.h"

#include "detachedspawn.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QSocketNotifier>
#include <csignal>
#include <sys/syscall.h>
#include <unistd.h>

namespace rov::localplane {

QProcessEnvironment rayNodeEnvironment(const QString &rayProgram, const QString &nodeIp,
                                       const QString &loopbackLibrary, const QString &nodePorts)
{
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    // A node's jobs reach gs://, BigQuery and their credentials with their cluster's own
    // settings (nodestartup.h), never with whatever rovd was started with.
    for (const char *variable :
         {"STORAGE_EMULATOR_HOST", "BIGQUERY_EMULATOR_HOST", "GCE_METADATA_HOST", "GCE_METADATA_IP",
          "GCE_METADATA_ROOT", "GOOGLE_APPLICATION_CREDENTIALS", "CLOUDSDK_CONFIG"})
        environment.remove(QString::fromLatin1(variable));
    const QString binDir = QFileInfo(rayProgram).absolutePath();
    const QString venv = QFileInfo(binDir).absolutePath();
    environment.insert(QStringLiteral("PATH"),
                       binDir + QLatin1Char(':') + environment.value(QStringLiteral("PATH")));
    environment.insert(QStringLiteral("VIRTUAL_ENV"), venv);
    environment.insert(QStringLiteral("RAY_USAGE_STATS_ENABLED"), QStringLiteral("0"));
    environment.insert(QStringLiteral("RAY_GRAFANA_HOST"), QStringLiteral("DISABLED"));
    // Ray waits 30 s for a raylet to register and for the GCS to answer; on two busy cores a node
    // can take longer than that and fail for no reason of its own.
    environment.insert(QStringLiteral("RAY_raylet_start_wait_time_s"), QStringLiteral("120"));
    environment.insert(QStringLiteral("RAY_py_gcs_connect_timeout_s"), QStringLiteral("120"));
    environment.insert(QStringLiteral("RAY_gcs_rpc_server_connect_timeout_s"),
                       QStringLiteral("60"));
    // The dashboard gives each of its modules (metrics, jobs, serve…) 30 s to start and exits
    // when one is late, while `ray start --block` runs on without it: a head whose dashboard
    // never answers. Seen on two loaded cores (a serving instance beside a starting cluster);
    // the wait for the head (clusterruntime, serveinstance) is longer than this.
    environment.insert(QStringLiteral("RAY_DASHBOARD_SUBPROCESS_MODULE_WAIT_READY_TIMEOUT"),
                       QStringLiteral("150"));
    // grpcio (1.81 and later, grpc/grpc#43055) restarts its poller thread in the child of every
    // fork while another thread is in gRPC; Python's subprocess then closes the poller's file
    // descriptors before exec, and the thread crashes the child. The Ray Client proxy starts each
    // client's server that way: one ray.init() in twenty failed with "Starting Ray client server
    // failed" and an empty log (a segfault in cygrpc, in the kernel's log). Nothing here forks to
    // go on using gRPC in the child, which is all fork support is for.
    environment.insert(QStringLiteral("GRPC_ENABLE_FORK_SUPPORT"), QStringLiteral("false"));
    // Preloaded before Ray's own jemalloc, which Ray preloads only when nothing else is.
    QStringList preload;
    if (!loopbackLibrary.isEmpty())
        preload << loopbackLibrary;
    const QStringList jemalloc =
        QDir(venv + QStringLiteral("/lib"))
            .entryList({QStringLiteral("python3*")}, QDir::Dirs | QDir::NoDotAndDotDot);
    for (const QString &python : jemalloc) {
        const QString library =
            QStringLiteral("%1/lib/%2/site-packages/ray/core/libjemalloc.so").arg(venv, python);
        if (QFileInfo::exists(library))
            preload << library;
    }
    if (const QString inherited = environment.value(QStringLiteral("LD_PRELOAD"));
        !inherited.isEmpty())
        preload << inherited;
    environment.insert(QStringLiteral("LD_PRELOAD"), preload.join(QLatin1Char(' ')));
    environment.insert(QStringLiteral("ROV_BIND_ADDRESS"), nodeIp);
    environment.insert(QStringLiteral("ROV_NODE_PORTS"), nodePorts);
    return environment;
}

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
