// librovloopback.so: preloaded (LD_PRELOAD) into every process of the Ray nodes rovd starts, so
// that nothing they run listens beyond this machine's loopback.
//
// Ray binds its gRPC servers (GCS, raylet, every worker), the dashboard agent, the runtime-env
// agent and the Ray client server to 127.0.0.1 only when the node's address is exactly 127.0.0.1,
// and to every interface (0.0.0.0, or [::] with IPv4 too) otherwise. rovd gives each node an
// address of its own in 127.0.0.0/8 (Ray tells nodes apart by address), so Ray would listen on
// every interface: unauthenticated code execution for anyone who can reach the machine. Ray 2.47
// has no setting for it; this library turns each bind(2) to an address outside loopback into a
// bind to the node's own address (ROV_BIND_ADDRESS), and leaves loopback and non-IP sockets alone.
// User code run by a job inherits it too: a server it starts on 0.0.0.0 listens on the node's
// loopback address instead.
//
// Ray's own clients reach some of those servers at 127.0.0.1 whatever the node's address (a core
// worker sends its task and Serve metrics to the dashboard agent at 127.0.0.1:<metrics agent
// port>); that worked only because the server listened on every interface. So connect(2) to
// 127.0.0.1 at one of the node's own ports (ROV_NODE_PORTS, "first-last,port,…", which rovd
// allocated to this node alone) goes to the node's address instead; every other connection is left
// as it is (rovd's API and Prometheus stay at 127.0.0.1).
//
// It is plain C ABI with no dependency beyond libc, and never built with sanitizers: it is loaded
// into Python and Ray's own binaries.
#include <arpa/inet.h>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <dlfcn.h>
#include <netinet/in.h>
#include <sys/socket.h>

namespace {

using BindFunction = int (*)(int, const sockaddr *, socklen_t);

BindFunction realBind()
{
    static const BindFunction function = reinterpret_cast<BindFunction>(::dlsym(RTLD_NEXT, "bind"));
    return function;
}

bool isLoopback(in_addr address)
{
    return (ntohl(address.s_addr) >> 24) == 127;
}

// The node's address from ROV_BIND_ADDRESS; 127.0.0.1 when it is missing or not loopback.
in_addr nodeAddress()
{
    static const in_addr address = [] {
        in_addr parsed{};
        const char *text = std::getenv("ROV_BIND_ADDRESS");
        if (!text || ::inet_pton(AF_INET, text, &parsed) != 1 || !isLoopback(parsed))
            parsed.s_addr = htonl(INADDR_LOOPBACK);
        return parsed;
    }();
    return address;
}

int bindIPv4(int fd, const sockaddr *address, socklen_t length, BindFunction bind)
{
    sockaddr_in copy{};
    std::memcpy(&copy, address, sizeof(copy));
    if (isLoopback(copy.sin_addr))
        return bind(fd, address, length);
    copy.sin_addr = nodeAddress();
    return bind(fd, reinterpret_cast<const sockaddr *>(&copy), sizeof(copy));
}

int bindIPv6(int fd, const sockaddr *address, socklen_t length, BindFunction bind)
{
    sockaddr_in6 copy{};
    std::memcpy(&copy, address, sizeof(copy));
    if (IN6_IS_ADDR_LOOPBACK(&copy.sin6_addr))
        return bind(fd, address, length);
    if (IN6_IS_ADDR_V4MAPPED(&copy.sin6_addr)) {
        in_addr mapped{};
        std::memcpy(&mapped, &copy.sin6_addr.s6_addr[12], sizeof(mapped));
        if (isLoopback(mapped))
            return bind(fd, address, length);
    }
    // [::] (IPv6 and IPv4 together) or an address of the machine: the node's address, as
    // ::ffff:127.0.0.x, or ::1 on a socket that takes IPv6 only.
    int v6only = 0;
    socklen_t size = sizeof(v6only);
    if (::getsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &v6only, &size) != 0)
        v6only = 0;
    if (v6only) {
        copy.sin6_addr = in6addr_loopback;
    } else {
        std::memset(&copy.sin6_addr, 0, sizeof(copy.sin6_addr));
        copy.sin6_addr.s6_addr[10] = 0xff;
        copy.sin6_addr.s6_addr[11] = 0xff;
        const in_addr node = nodeAddress();
        std::memcpy(&copy.sin6_addr.s6_addr[12], &node, sizeof(node));
    }
    return bind(fd, reinterpret_cast<const sockaddr *>(&copy), sizeof(copy));
}

struct PortRange
{
    unsigned first;
    unsigned last;
};

constexpr int kMaxRanges = 64;

struct NodePorts
{
    PortRange ranges[kMaxRanges];
    int count;
};

// ROV_NODE_PORTS, read once: "20000-20099,30001,30002". What does not parse is left out.
const NodePorts &nodePorts()
{
    static const NodePorts ports = [] {
        NodePorts parsed{};
        const char *text = std::getenv("ROV_NODE_PORTS");
        while (text && *text && parsed.count < kMaxRanges) {
            char *end = nullptr;
            const unsigned long first = std::strtoul(text, &end, 10);
            unsigned long last = first;
            if (end != text && *end == '-') {
                const char *from = end + 1;
                last = std::strtoul(from, &end, 10);
                if (end == from)
                    break;
            }
            if (end == text || first == 0 || last < first || last > 65535)
                break;
            parsed.ranges[parsed.count++] = {unsigned(first), unsigned(last)};
            text = *end == ',' ? end + 1 : end;
        }
        return parsed;
    }();
    return ports;
}

bool isNodePort(in_port_t networkPort)
{
    const unsigned port = ntohs(networkPort);
    const NodePorts &ports = nodePorts();
    for (int i = 0; i < ports.count; ++i)
        if (port >= ports.ranges[i].first && port <= ports.ranges[i].last)
            return true;
    return false;
}

using ConnectFunction = int (*)(int, const sockaddr *, socklen_t);

ConnectFunction realConnect()
{
    static const ConnectFunction function =
        reinterpret_cast<ConnectFunction>(::dlsym(RTLD_NEXT, "connect"));
    return function;
}

} // namespace

extern "C" __attribute__((visibility("default"))) int connect(int fd, const sockaddr *address,
                                                              socklen_t length)
{
    const ConnectFunction next = realConnect();
    if (!next) {
        errno = ENOSYS;
        return -1;
    }
    if (address && address->sa_family == AF_INET && length >= socklen_t(sizeof(sockaddr_in))) {
        sockaddr_in copy{};
        std::memcpy(&copy, address, sizeof(copy));
        if (ntohl(copy.sin_addr.s_addr) == INADDR_LOOPBACK && isNodePort(copy.sin_port)) {
            copy.sin_addr = nodeAddress();
            return next(fd, reinterpret_cast<const sockaddr *>(&copy), sizeof(copy));
        }
    } else if (address && address->sa_family == AF_INET6 &&
               length >= socklen_t(sizeof(sockaddr_in6))) {
        sockaddr_in6 copy{};
        std::memcpy(&copy, address, sizeof(copy));
        in_addr mapped{};
        std::memcpy(&mapped, &copy.sin6_addr.s6_addr[12], sizeof(mapped));
        if (IN6_IS_ADDR_V4MAPPED(&copy.sin6_addr) && ntohl(mapped.s_addr) == INADDR_LOOPBACK &&
            isNodePort(copy.sin6_port)) {
            const in_addr node = nodeAddress();
            std::memcpy(&copy.sin6_addr.s6_addr[12], &node, sizeof(node));
            return next(fd, reinterpret_cast<const sockaddr *>(&copy), sizeof(copy));
        }
    }
    return next(fd, address, length);
}

extern "C" __attribute__((visibility("default"))) int bind(int fd, const sockaddr *address,
                                                           socklen_t length)
{
    const BindFunction next = realBind();
    if (!next) {
        errno = ENOSYS;
        return -1;
    }
    if (address && address->sa_family == AF_INET && length >= socklen_t(sizeof(sockaddr_in)))
        return bindIPv4(fd, address, length, next);
    if (address && address->sa_family == AF_INET6 && length >= socklen_t(sizeof(sockaddr_in6)))
        return bindIPv6(fd, address, length, next);
    return next(fd, address, length);
}
