#pragma once

#include "nodeplan.h"
#include "portallocator.h"
#include "rest/apierror.h"

#include <QString>
#include <optional>
#include <set>
#include <vector>

namespace rov::localplane {

// The serving instance's address: never a cluster node's. Not 127.0.0.1, which `ray start`
// replaces with the machine's network address (and then Ray listens on every interface).
inline constexpr const char *kServingNodeIp = "127.0.0.2";
// The batch instance's: outside the range NodeAddressBook gives clusters' nodes (127.0.x.y).
inline constexpr const char *kBatchNodeIp = "127.1.0.2";

// Where rovd's Ray nodes live on this machine: a loopback address of its own for every node
// (in 127.0.0.3 to 127.0.255.254, from a random place) and the ports each one listens on.
// Everything handed out is given back when the node goes, and a restarted rovd reserves again what
// its adopted nodes hold.
class NodeAddressBook
{
public:
    NodeAddressBook();

    // Gives each node an address and its ports; all or none. RESOURCE_EXHAUSTED when the
    // machine has run out.
    std::optional<rest::ApiError> assign(std::vector<NodePlan> &nodes);
    void release(const NodePlan &node);
    void reserve(const NodePlan &node);

    int portsInUse() const { return m_ports.takenCount(); }
    int addressesInUse() const { return int(m_ips.size()); }

private:
    QString takeIp();

    // Hosts 127.0.0.3 (host 2) to 127.0.255.254, numbered 254 to a /24.
    static constexpr int kFirstHost = 2;
    static constexpr int kHosts = 256 * 254;
    int m_firstHost;
    PortAllocator m_ports = PortAllocator::startingAnywhere();
    std::set<QString> m_ips;
};

} // namespace rov::localplane
