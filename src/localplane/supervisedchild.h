#pragma once

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QProcessEnvironment>
#include <QTimer>
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>

class QProcess;

namespace rov::localplane {

// What a child server of rovd is: its program, its arguments for the port it is given, its
// environment and where its output goes.
struct ChildSpec
{
    QString name; // in messages: "Prometheus", "rovd's BigQuery service"
    QString program;
    std::function<QStringList(quint16 port)> arguments;
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    QString logFile; // appended to
};

// A port free now on 127.0.0.1 (0 when none is). Another program may take it before the child
// binds it; then the child exits and is started again.
quint16 freeLoopbackPort();

// One child server of rovd (Prometheus, the BigQuery service), supervised the way the house
// wants every child: on 127.0.0.1 at a port of its own that is free when it starts, restarted
// with backoff (1 s, doubling to 30 s; a run of over a minute starts it afresh) when it dies,
// stopped with rovd (SIGTERM, then SIGKILL after 10 s) and by the kernel when rovd is killed.
// Lives on the thread that starts it; port(), pid() and problem() may be read anywhere.
class SupervisedChild : public QObject
{
    Q_OBJECT
public:
    explicit SupervisedChild(ChildSpec spec, QObject *parent = nullptr);
    ~SupervisedChild() override;

    void start();
    // For the starts from now on.
    void setEnvironment(const QString &name, const QString &value)
    {
        m_spec.environment.insert(name, value);
    }
    // 0 while the child is not running.
    quint16 port() const { return m_port.load(); }
    qint64 pid() const { return m_pid.load(); }
    int restarts() const { return m_restarts; }
    bool running() const { return m_process != nullptr; }
    // Why it is not running, when it is not. May be read anywhere.
    QString problem() const;
    void setProblem(const QString &problem);
    // SIGHUP and the like; nothing when it is not running.
    void signal(int number) const;

    static constexpr std::chrono::milliseconds kFirstBackoff{1000};
    static constexpr std::chrono::milliseconds kLongestBackoff{30000};

Q_SIGNALS:
    void started(quint16 port);
    void stopped();

private:
    void launch();
    void onFinished(QProcess *process);

    ChildSpec m_spec;
    QPointer<QProcess> m_process;
    std::atomic<quint16> m_port{0};
    std::atomic<qint64> m_pid{0};
    QTimer m_restartTimer;
    QElapsedTimer m_runningFor;
    std::chrono::milliseconds m_backoff = kFirstBackoff;
    int m_restarts = 0;
    bool m_stopping = false;
    mutable std::mutex m_problemMutex;
    QString m_problem;
};

} // namespace rov::localplane
