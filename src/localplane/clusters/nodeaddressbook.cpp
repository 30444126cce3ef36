#include "nodeaddressbook.h"

#include <QRandomGenerator>

namespace rov::localplane {

NodeAddressBook::NodeAddressBook()
    : m_firstHost(kFirstHost + QRandomGenerator::global()->bounded(kHosts - kFirstHost))
{}

QString NodeAddressBook::takeIp()
{
    // 127.0.0.1 is left alone: Ray replaces it with the machine's network address; 127.0.0.2 is
    // the serving instance's (kServingNodeIp). The search starts at a random host: two rovds on
    // one machine would otherwise give their first nodes the same addresses, and Ray expects one
    // node to an address (a worker put on the address of another cluster's head, in a test, once
    // did not join its own cluster in 180 s).
    for (int tried = 0; tried < kHosts - kFirstHost; ++tried) {
        const int host = kFirstHost + (m_firstHost - kFirstHost + tried) % (kHosts - kFirstHost);
        const QString ip = QStringLiteral("127.0.%1.%2").arg(host / 254).arg(host % 254 + 1);
        if (m_ips.insert(ip).second)
            return ip;
    }
    return {};
}

std::optional<rest::ApiError> NodeAddressBook::assign(std::vector<NodePlan> &nodes)
{
    for (size_t index = 0; index < nodes.size(); ++index) {
        NodePlan &node = nodes[index];
        node.ip = takeIp();
        if (node.ip.isEmpty() || !node.ports.allocate(m_ports, node.head)) {
            for (size_t given = 0; given <= index; ++given)
                release(nodes[given]);
            return rest::ApiError::withStatus(
                QStringLiteral("RESOURCE_EXHAUSTED"),
                QStringLiteral("This machine has no free TCP ports left for another Ray node"));
        }
    }
    return std::nullopt;
}

void NodeAddressBook::release(const NodePlan &node)
{
    node.ports.release(m_ports);
    m_ips.erase(node.ip);
}

void NodeAddressBook::reserve(const NodePlan &node)
{
    node.ports.reserve(m_ports);
    m_ips.insert(node.ip);
}

} // namespace rov::localplane
