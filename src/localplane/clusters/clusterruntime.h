#pragma once

#include "nodeplan.h"

#include <QDeadlineTimer>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <vector>

namespace rov::rest {
class RestClient;
struct HttpResponse;
} // namespace rov::rest

namespace rov::localplane {

class RayNodeProcess;

// The processes of one cluster: starts its nodes one at a time (head first) and waits until Ray
// reports each one ALIVE, notices nodes that exit, and stops them (workers, then the head).
class ClusterRuntime : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        QString rayProgram;      // {venv}/bin/ray
        QString tempDir;         // Ray's --temp-dir: short, Unix socket paths live below it
        QString logDir;          // one log file per node
        QString loopbackLibrary; // librovloopback.so, preloaded into every node
        // Set in every node's environment, for the jobs that run there (their credentials); asked
        // as each node starts (rovd's address is known only once it listens).
        std::function<std::map<QString, QString>()> environment = nullptr;
        qint64 objectStoreBytes = 100 * 1000 * 1000;
        std::chrono::milliseconds headTimeout{180000};
        std::chrono::milliseconds nodeTimeout{120000};
        std::chrono::milliseconds stopGrace{15000};
    };
    static constexpr int kStartAttempts = 3;

    ClusterRuntime(Settings settings, std::vector<NodePlan> nodes, rest::RestClient *client,
                   QObject *parent = nullptr);
    ~ClusterRuntime() override;

    // Starts every node that is not running, in order; `started` or `failed` follows. Called
    // while a start is under way, it makes that start go over the plan once more at its end.
    void start();
    // Stops every node, workers first; `stopped` follows once all have exited.
    void stop();
    // SIGKILL to every node's processes now (a stop that outlived its deadline).
    void kill();
    // Adds nodes to the plan; start() starts them.
    void addNodes(const std::vector<NodePlan> &nodes);
    // Stops these nodes (never the head) and drops them from the plan; `retired` follows.
    void retireNodes(const QStringList &labels);
    // Takes over nodes of an earlier rovd that still run; returns how many were found alive.
    int adopt();

    const std::vector<NodePlan> &nodes() const { return m_nodes; }
    // Process groups of the nodes that run: everything of theirs is in one of them.
    QList<qint64> processGroups() const;
    std::map<QString, qint64> liveNodesByPool() const;
    const NodePlan &headNode() const;
    QString logTail(int bytes = 3000) const;

Q_SIGNALS:
    void progressed(const QString &message);
    void started();
    void failed(const QString &reason);
    void stopped();
    void retired();
    void nodeExited(const QString &label, bool head);
    void nodesChanged(); // a pid changed: persist nodes()

private:
    std::unique_ptr<RayNodeProcess> newProcess();
    void removeRetiredNodes();
    void startNext();
    void launch(size_t index);
    void pollReadiness();
    QString newlyJoinedNode(const rest::HttpResponse &response) const;
    void pointDriversAtTheHead() const;
    void onNodeExited(size_t index);
    void stopHeadWhenWorkersAreGone();
    void fail(const QString &reason);
    // A node that did not start (Ray's own start-up waits run out on a busy machine) is started
    // again, up to kStartAttempts times, before the cluster is called failed.
    void retryOrFail(const QString &reason);
    QStringList arguments(const NodePlan &node) const;
    QString marker() const;

    Settings m_settings;
    std::vector<NodePlan> m_nodes;
    std::vector<std::unique_ptr<RayNodeProcess>> m_processes;
    QPointer<rest::RestClient> m_client;
    size_t m_starting = 0;
    bool m_startingUp = false;
    bool m_startAgain = false;
    bool m_stopping = false;
    QSet<QString> m_retiring;
    QDeadlineTimer m_readyDeadline;
    qint64 m_launchedAtMs = 0;
    QTimer m_pollTimer;
    int m_attempt = 1;             // of the node being started
    bool m_relaunchOnExit = false; // its failed attempt is being killed; start it again then
};

} // namespace rov::localplane
