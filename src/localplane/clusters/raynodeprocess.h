#pragma once

#include <QObject>
#include <QProcessEnvironment>
#include <QStringList>
#include <QTimer>
#include <chrono>

class QSocketNotifier;

namespace rov::localplane {

// How to start one Ray node: the whole `ray start --block` command line, its environment and
// where its output goes.
struct NodeCommand
{
    QString program; // {venv}/bin/ray
    QStringList arguments;
    QProcessEnvironment environment;
    QString logFile;
    QString marker; // a string in the command line that only this cluster's processes carry
};

// The environment of every Ray node rovd starts, a cluster's or the serving instance's: Ray's
// venv first on PATH (a job's `python` is the cluster's), no usage reports, Ray's start-up waits
// raised for a busy machine, and `loopbackLibrary` preloaded with the node's address, so that
// nothing the node runs listens beyond loopback (see loopback/loopbackbind.cpp); `nodePorts`
// ("first-last,port,…") are the ports that are the node's alone, which Ray's clients reach at
// 127.0.0.1 and the shim sends to the node's address.
QProcessEnvironment rayNodeEnvironment(const QString &rayProgram, const QString &nodeIp,
                                       const QString &loopbackLibrary, const QString &nodePorts);

// One Ray node: a `ray start --block` process, detached so that it outlives rovd (a restarted
// rovd adopts it by pid). It runs in a session of its own, so that stopping it can reach every
// process the node started. Exit is noticed through a pidfd, without polling.
class RayNodeProcess : public QObject
{
    Q_OBJECT
public:
    explicit RayNodeProcess(QObject *parent = nullptr);
    ~RayNodeProcess() override;

    // Starts a new node. False with `error` set when the process cannot be started.
    bool start(const NodeCommand &command, QString *error);
    // Watches a node started by an earlier rovd; false when no such process runs any more.
    bool adopt(qint64 pid, const QString &marker);

    // SIGTERM to the node's session, SIGKILL after `grace`; `exited` follows.
    void stop(std::chrono::milliseconds grace);
    // SIGKILL to the node's session now; `exited` follows.
    void kill();
    bool isRunning() const { return m_pid > 0; }
    qint64 pid() const { return m_pid; }
    qint64 processGroup() const { return m_group; }

    // Whether `pid` is alive and its command line contains `marker` (guards against pid reuse).
    static bool isAliveWithMarker(qint64 pid, const QString &marker);

Q_SIGNALS:
    void exited();

private:
    bool watch(qint64 pid);
    void onExited();

    qint64 m_pid = 0;
    qint64 m_group = 0;
    int m_pidfd = -1;
    QSocketNotifier *m_exitNotifier = nullptr;
    QTimer m_killTimer;
};

} // namespace rov::localplane
