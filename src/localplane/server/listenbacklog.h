#pragma once

#include <httplib.h>
#include <sys/socket.h>

namespace rov::localplane {

// cpp-httplib 0.11 listens with a backlog of 5. A burst of new connections (a proxy opening
// many at once, or 64 clients) overflows it, and each handshake that is dropped waits for TCP's
// retransmit: 1 s, then 3 s, then 7 s. Construct before binding, call widen() after it.
class ListenBacklog
{
public:
    explicit ListenBacklog(httplib::Server &server)
    {
        server.set_socket_options([this](socket_t socket) {
            const int yes = 1; // as httplib's own default options do, without SO_REUSEPORT
            ::setsockopt(socket, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
            m_socket = socket;
        });
    }
    ListenBacklog(const ListenBacklog &) = delete;
    ListenBacklog &operator=(const ListenBacklog &) = delete;

    // listen() on a socket that already listens only changes its backlog (capped by somaxconn).
    bool widen(int backlog = 1024) const
    {
        return m_socket >= 0 && ::listen(m_socket, backlog) == 0;
    }

private:
    socket_t m_socket = -1;
};

} // namespace rov::localplane
