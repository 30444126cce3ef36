#pragma once

#include "clusterplanner.h"
#include "clusterrecord.h"
#include "clusterspecparser.h"
#include "lifecycle.h"
#include "localplane/apiresult.h"
#include "localplane/state/clustertopology.h"
#include "localplane/state/store.h"
#include "nodeaddressbook.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <variant>

namespace rov::rest {
class RestClient;
}

namespace rov::localplane {

class ClusterAutoscaler;
class ClusterRuntime;
class StateView;
class StateWriter;
struct ScalingDecision;

// Where rovd finds Ray and keeps its files.
struct ManagerSettings
{
    QString rayProgram;      // {venv}/bin/ray
    QString dataDir;         // node logs below it
    QString tempRoot;        // Ray temp dirs below it; short (Unix socket paths)
    QString loopbackLibrary; // librovloopback.so: preloaded into every node (loopback only)
    int maxNodesTotal = 8;
    RuntimeSupport support;
    std::chrono::milliseconds autoscaleInterval{2000};
    std::chrono::milliseconds autoscaleIdleTimeout{60000}; // an idle node above the minimum goes
    // Every operation ends by then at the latest; 0: from the work it has (nodes to start or
    // stop and Ray's own timeouts for them).
    std::chrono::seconds operationDeadline{0};
    // Ray processes below the temp root that are not a cluster's and stay at restore(): the
    // serving instance's (its process group and temp dir).
    QSet<qint64> otherProcessGroups;
    QSet<QString> otherTempDirs;
    // What a cluster's nodes find in their environment beside Ray's own (its jobs' credentials),
    // from the cluster's name and creation time; called on the manager's thread as each node
    // starts.
    std::function<std::map<QString, QString>(const QString &cluster, const QString &createTime)>
        nodeEnvironment;
};

// The persistentResources and their operations. Every change a client asks for is stored before
// it is acknowledged; every cluster is real Ray run by a ClusterRuntime; every state is published
// to the StateView that requests read from. Lives on, and is only called from, the thread that
// owns cluster state.
class ClusterManager : public QObject
{
    Q_OBJECT
public:
    ClusterManager(ManagerSettings settings, Store &store, StateWriter &writer, StateView &view,
                   QObject *parent = nullptr);
    ~ClusterManager() override;

    // Takes over the clusters of an earlier rovd: adopts nodes that still run, kills Ray
    // processes of no cluster, restarts the rest, and lets what was in flight finish or fail.
    // Returns how many clusters were found.
    int restore();

    // The changes a client can ask for. The answers are canonical (v1beta1, enums as names).
    ApiResult create(const QString &parent, const QString &id, const nlohmann::json &body,
                     bool v1beta1);
    ApiResult remove(const QString &name, bool v1beta1);
    // Manual scaling: only the replica counts of existing pools (updateMask
    // resourcePools.replicaCount). A request that changes nothing is done at once.
    ApiResult update(const QString &name, const nlohmann::json &body, const QString &updateMask,
                     bool v1beta1);
    ApiResult reboot(const QString &name, bool v1beta1);
    ApiResult cancelOperation(const QString &name);
    ApiResult deleteOperation(const QString &name);

    // Stops every cluster's nodes (rovd --stop-clusters-on-exit); `allStopped` follows.
    void stopAll();

    // Every cluster's nodes, addresses, ports and log folders, for the parts that watch them
    // (metrics scrapes them, logs reads their files); clustersChanged() says when it changes.
    std::vector<ClusterTopology> topology() const;

Q_SIGNALS:
    void allStopped();
    // A cluster came, went or changed its nodes (topology() may differ).
    void clustersChanged();
    // The autoscaler grew (`up`) or shrank a pool.
    void autoscaled(const QString &clusterId, const QString &pool, bool up);
    // A node of a running or starting cluster exited unasked (a replacement starts, or the
    // cluster fails with its head): never for nodes a delete, a reboot or a resize stops.
    void nodeLost(const QString &clusterId, const QString &pool);
    // The cluster's temp dir and node output files are removed when this returns: read them
    // to their ends (a blocking connection).
    void removingFiles(const QString &clusterId);

private:
    struct Cluster
    {
        ClusterRecord record;
        QPointer<ClusterRuntime> runtime;
        QPointer<ClusterAutoscaler> autoscaler;
        bool resizing = false; // nodes being added or retired
        // The live node counts the event record last got (none yet after a start of rovd).
        std::optional<std::map<QString, qint64>> recordedLive;
    };
    Cluster *find(const QString &name);
    int liveNodeCount() const;

    // A change a client asked for: stored as one transaction with its operation and event, then
    // shown. An error (503) when the store refuses it; nothing has changed then.
    std::optional<rest::ApiError> commitChange(Cluster &cluster, const ClusterRecord &next,
                                               const nlohmann::json &operation,
                                               const QString &reason);
    nlohmann::json startOperation(const ClusterRecord &cluster, const char *metadataType,
                                  const QString &message, bool v1beta1,
                                  const QDateTime &deadline) const;

    ClusterRuntime *attachRuntime(Cluster &cluster);
    void onRuntimeEvent(const QString &name, const ClusterRuntime *from, lifecycle::Event event,
                        const QString &detail);
    void apply(Cluster &cluster, const lifecycle::Transition &transition);
    void act(Cluster &cluster, lifecycle::Action action);
    // The record takes the runtime's nodes; a node the runtime let go gives back its address and
    // ports. True when one was let go.
    bool syncNodes(Cluster &cluster);
    void onProgress(const QString &name, const QString &message);
    void checkDeadlines();

    // The runtime adds and retires what `plan` says; NodesRetired, then NodesStarted follow.
    void carryOut(Cluster &cluster, const ClusterPlanner::ResizePlan &plan);
    void watchLoad(Cluster &cluster);
    void applyScaling(const QString &name, const ScalingDecision &decision);

    // Stores (or keeps, when the store is failing) and shows the cluster as it is now, with
    // `also` in the same transaction.
    void save(Cluster &cluster, std::vector<Store::Write> also = {});
    void addEvent(const QString &cluster, const QString &state, const QString &reason);
    void publish(Cluster &cluster);
    // Adds an event when the live node counts changed since the record last got them.
    void recordLiveNodes(Cluster &cluster, const std::map<QString, qint64> &live);
    void publishCapacity();
    void forget(Cluster &cluster);
    // restore()'s parts: Ray processes and folders of no stored cluster go; each cluster found
    // (with `alive` of its nodes adopted) is taken up as recovery::stepFor says.
    void removeLeftovers();
    void recover(Cluster &cluster, int alive);
    QString logDir(const QString &clusterName) const;

    ManagerSettings m_settings;
    Store &m_store;
    StateWriter &m_writer;
    StateView &m_view;
    ClusterSpecParser m_parser;
    ClusterPlanner m_planner;
    std::unique_ptr<rest::RestClient> m_client;
    std::map<QString, std::unique_ptr<Cluster>> m_clusters;
    QTimer m_deadlineTimer;
    QTimer m_retryTimer; // writes the store refused, again
};

} // namespace rov::localplane
