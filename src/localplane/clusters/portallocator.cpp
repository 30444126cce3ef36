#include "portallocator.h"

#include <QRandomGenerator>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

namespace rov::localplane {

PortAllocator::PortAllocator(quint16 first, quint16 last)
    : m_first(first), m_last(last), m_next(first)
{}

PortAllocator PortAllocator::startingAnywhere(quint16 first, quint16 last)
{
    PortAllocator allocator(first, last);
    allocator.m_next = quint16(first + QRandomGenerator::global()->bounded(int(last - first) + 1));
    return allocator;
}

bool PortAllocator::isFree(quint16 port)
{
    const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
    if (fd < 0)
        return false;
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_port = htons(port);
    // Any address: a port some program holds on any of the loopback addresses is not free.
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    const bool bound = ::bind(fd, reinterpret_cast<sockaddr *>(&address), sizeof address) == 0;
    ::close(fd);
    return bound;
}

std::optional<quint16> PortAllocator::take()
{
    return takeRange(1);
}

std::optional<quint16> PortAllocator::takeRange(int count)
{
    const int span = m_last - m_first + 1;
    // Start where the last search ended, so that a port given back is not handed out again at once.
    for (int tried = 0; tried < span; ++tried) {
        const quint16 start = quint16(m_first + (m_next - m_first + tried) % span);
        if (start + count - 1 > m_last)
            continue;
        const bool clientServers = start + count > kRayClientServersFirst &&
                                   start < kRayClientServersFirst + kRayClientServers;
        bool usable = !clientServers;
        for (int offset = 0; offset < count && usable; ++offset) {
            const quint16 port = quint16(start + offset);
            usable = !m_taken.count(port) && isFree(port);
        }
        if (usable) {
            reserve(start, count);
            m_next = quint16(start + count > m_last ? m_first : start + count);
            return start;
        }
    }
    return std::nullopt;
}

void PortAllocator::reserve(quint16 first, int count)
{
    for (int offset = 0; offset < count; ++offset)
        m_taken.insert(quint16(first + offset));
}

void PortAllocator::release(quint16 first, int count)
{
    for (int offset = 0; offset < count; ++offset)
        m_taken.erase(quint16(first + offset));
}

} // namespace rov::localplane
