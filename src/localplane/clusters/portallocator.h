#pragma once

#include <QtGlobal>
#include <optional>
#include <set>

namespace rov::localplane {

// Hands out TCP ports below the kernel's ephemeral range, never one that is handed
// out already or that something on the machine is listening on.
class PortAllocator
{
public:
    explicit PortAllocator(quint16 first = 20000, quint16 last = 32000);

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
