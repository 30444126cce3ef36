#pragma once

#include <QtGlobal>
#include <optional>
#include <set>

namespace rov::localplane {

// Hands out TCP ports below the kernel's ephemeral range, never one that is handed
// out already or that something on the machine is listening on, and never one of Ray Client's
// specific servers (below).
class PortAllocator
{
public:
    // The ports a head's Ray Client proxy starts one server per connected client on (Ray 2.47,
    // ray/util/client/server/proxier.py: MIN_SPECIFIC_SERVER_PORT..MAX_SPECIFIC_SERVER_PORT,
    // fixed): the proxy connects to them at 127.0.0.1, so they are in every head's ROV_NODE_PORTS,
    // and rovd hands none of them out.
    static constexpr quint16 kRayClientServersFirst = 23000;
    static constexpr int kRayClientServers = 1000;

    explicit PortAllocator(quint16 first = 20000, quint16 last = 32000);
    // Searches from a random place in the range: two rovds on one machine (two users, or tests
    // side by side) would otherwise hand out the same ports in the same order, and a port one
    // has given to a node that is still starting looks free to the other.
    static PortAllocator startingAnywhere(quint16 first = 20000, quint16 last = 32000);

    std::optional<quint16> take();
    // `count` consecutive free ports; returns the first.
    std::optional<quint16> takeRange(int count);
    // Marks ports as taken (ports of nodes adopted after a restart).
    void reserve(quint16 first, int count = 1);
    void release(quint16 first, int count = 1);

    static bool isFree(quint16 port);
    // How many ports are handed out now.
    int takenCount() const { return int(m_taken.size()); }

private:
    quint16 m_first;
    quint16 m_last;
    quint16 m_next;
    std::set<quint16> m_taken;
};

} // namespace rov::localplane
