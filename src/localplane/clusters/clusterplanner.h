#pragma once

#include "clusterrecord.h"
#include "nodeaddressbook.h"
#include "rest/apierror.h"

#include <QDateTime>
#include <QStringList>
#include <chrono>
#include <map>
#include <variant>
#include <vector>

namespace rov::localplane {

// ClusterManager's planning, apart from its commands and its reconciliation: which nodes a
// cluster gets (from the machine catalogue), which node goes when a pool shrinks, the addresses
// and ports they take (the NodeAddressBook it keeps), and by when an operation on them must end.
// Decides and reserves; starts and stops nothing. Lives on the thread that owns cluster state.
class ClusterPlanner
{
public:
    // The nodes that bring each pool in `targets` to its count: new ones (with their addresses)
    // and the labels of those that go, `preferred` first, then the newest.
    struct ResizePlan
    {
        std::map<QString, qint64> targets;
        std::vector<NodePlan> added;
        QStringList retired;
    };

    // 0: each deadline from the work it has (Ray's own timeouts for the nodes to start or stop).
    explicit ClusterPlanner(std::chrono::seconds operationDeadline)
        : m_operationDeadline(operationDeadline)
    {}

    // A new cluster's first nodes with their addresses; RESOURCE_EXHAUSTED when the machine has
    // none left (nothing is reserved then).
    std::variant<std::vector<NodePlan>, rest::ApiError> planCluster(const ClusterSpec &spec);
    // RESOURCE_EXHAUSTED when the machine cannot host the new nodes.
    std::variant<ResizePlan, rest::ApiError> planResize(const ClusterRecord &record,
                                                        const std::map<QString, qint64> &targets,
                                                        const QStringList &preferred);
    // The record as the plan leaves it: manual pools at their new counts, the new nodes in.
    static ClusterRecord withPlan(ClusterRecord record, const ResizePlan &plan);
    // The pools whose node count is not what the spec asks (a manual count, or an autoscaling
    // pool outside its bounds), with the count they should have.
    static std::map<QString, qint64> reconcileTargets(const ClusterRecord &record);
    // When an operation that starts and stops so many nodes must have ended.
    QDateTime deadlineFor(int nodesToStart, int nodesToStop) const;

    // Addresses and ports of nodes that went, handed out again later.
    void release(const std::vector<NodePlan> &nodes);
    void release(const NodePlan &node) { m_addresses.release(node); }
    // What an adopted node holds (a restarted rovd).
    void reserve(const NodePlan &node) { m_addresses.reserve(node); }
    int portsInUse() const { return m_addresses.portsInUse(); }
    int addressesInUse() const { return m_addresses.addressesInUse(); }

private:
    static NodePlan makeNode(const PoolSpec &pool, int ordinal, bool head);

    const std::chrono::seconds m_operationDeadline;
    NodeAddressBook m_addresses;
};

} // namespace rov::localplane
