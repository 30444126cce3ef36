#pragma once

#include "apiresult.h"
#include "clusterspecparser.h"
#include "nodeplan.h"
#include "portallocator.h"
#include "wireenums.h"

#include <QObject>
#include <QPointer>
#include <chrono>
#include <map>
#include <memory>
#include <set>

namespace rov::rest {
class RestClient;
}

namespace rov::localplane {

class ClusterAutoscaler;
class ClusterRuntime;
class Store;
struct ScalingDecision;

// Where rovd finds Ray and keeps its files.
struct ManagerSettings
{
    QString rayProgram; // {venv}/bin/ray
    QString dataDir;    // node logs below it
    QString tempRoot;   // Ray temp dirs below it; short (Unix socket paths)
    int maxNodesTotal = 8;
    RuntimeSupport support;
    std::chrono::milliseconds autoscaleInterval{2000};
    std::chrono::milliseconds autoscaleIdleTimeout{60000}; // an idle node above the minimum goes
};

// The persistentResources and their operations: every state change is stored before it is
// answered, and every cluster is real Ray run by a ClusterRuntime. Lives on the main thread.
class ClusterManager : public QObject
{
    Q_OBJECT
public:
    struct Call
    {
        bool v1beta1 = true;
        bool enumsAsIntegers = false;
        bool asCreated = false; // operations: in the API version of the call that made them
    };

    ClusterManager(ManagerSettings settings, Store &store, QObject *parent = nullptr);
    ~ClusterManager() override;

    // Takes over the clusters of an earlier rovd: adopts nodes that still run, restarts the
    // rest, finishes what was in flight. Returns how many clusters were found.
    int restore();

    ApiResult create(const QString &parent, const QString &id, const nlohmann::json &body,
                     const Call &call);
    ApiResult get(const QString &name, const Call &call) const;
    ApiResult list(const QString &parent, int pageSize, const QString &pageToken,
                   const Call &call) const;
    ApiResult remove(const QString &name, const Call &call);
    // Manual scaling: only the replica counts of existing pools (updateMask
    // resourcePools.replicaCount).
    ApiResult update(const QString &name, const nlohmann::json &body, const QString &updateMask,
                     const Call &call);
    ApiResult reboot(const QString &name, const Call &call);
    ApiResult getOperation(const QString &name, const Call &call) const;
    ApiResult listOperations(const QString &cluster, const Call &call) const;
    ApiResult cancelOperation(const QString &name);
    ApiResult deleteOperation(const QString &name);
    ApiResult rayRuntimes() const;
    // Every state change of a cluster with its time and reason (an extension of rovd's).
    ApiResult events(const QString &name) const;
    bool isOperationDone(const QString &name) const;

    // Stops every cluster's nodes (rovd --stop-clusters-on-exit); `allStopped` follows.
    void stopAll();

Q_SIGNALS:
    void allStopped();

private:
    struct Cluster
    {
        QString name;
        ClusterSpec spec;
        wire::ClusterState state = wire::ClusterState::Provisioning;
        nlohmann::json error; // google.rpc.Status or null
        QString createTime, startTime, updateTime;
        QString tempDir;
        QString pendingOperation;
        std::vector<NodePlan> nodes;
        QPointer<ClusterRuntime> runtime;
        QPointer<ClusterAutoscaler> autoscaler;
        bool resizing = false; // nodes being added or retired
    };

    std::vector<NodePlan> planNodes(const ClusterSpec &spec, QString *error);
    bool allocate(std::vector<NodePlan> &nodes, QString *error);
    NodePlan makeNode(const PoolSpec &pool, int ordinal, bool head) const;
    void startRuntime(Cluster &cluster, bool adoptRunningNodes);
    void finishStart(Cluster &cluster); // every node is alive: RUNNING, the operation is done
    void watchLoad(Cluster &cluster);
    void applyScaling(const QString &name, const ScalingDecision &decision);
    // Adds or retires nodes until each pool in `targets` has that many; retires `preferred` nodes
    // first, then the newest. False with `error` when the machine cannot host the new nodes.
    bool resize(Cluster &cluster, const std::map<QString, qint64> &targets,
                const QStringList &preferred, QString *error);
    qint64 nodesInPool(const Cluster &cluster, const QString &poolId) const;
    void setState(Cluster &cluster, wire::ClusterState state, const QString &reason);
    void finishOperation(Cluster &cluster, const nlohmann::json &response,
                         const nlohmann::json &error);
    QString newOperation(Cluster &cluster, const char *metadataType, const QString &message,
                         const Call &call);
    void updateProgress(Cluster &cluster, const QString &message);
    void save(const Cluster &cluster);
    void forget(Cluster &cluster);
    nlohmann::json render(const Cluster &cluster, const Call &call) const;
    int liveNodeCount() const;
    QString takeNodeIp();
    Cluster *find(const QString &name);
    const Cluster *find(const QString &name) const;
    static nlohmann::json forVersion(nlohmann::json operation, const Call &call);

    ManagerSettings m_settings;
    Store &m_store;
    ClusterSpecParser m_parser;
    PortAllocator m_ports;
    std::set<QString> m_nodeIps;
    std::unique_ptr<rest::RestClient> m_client;
    std::map<QString, std::unique_ptr<Cluster>> m_clusters;
};

} // namespace rov::localplane
