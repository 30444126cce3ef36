#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <list>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <utility>

namespace rov::localplane {

// One TCP connection of this process, by its two ends as cpp-httplib tells a handler (0.11 tells
// it nothing else of its connection).
struct ConnectionEnds
{
    std::string localAddress;
    int localPort = -1;
    std::string remoteAddress;
    int remotePort = -1;
};

// Whether the client has gone: its side of the connection is closed (our socket waits in
// CLOSE_WAIT) or the connection is no more, as the kernel's table says (/proc/net/tcp, tcp6).
// A request a client gave up on stops waiting for it. false when the ends are not known.
bool peerClosed(const ConnectionEnds &ends);

// Watches the clients of requests that wait on someone else (a prediction on Serve): one thread
// asks, every kInterval, whether each watched client has gone, and if so calls its `gone` once
// (which ends the wait: closes the connection the request waits on). Any thread may watch.
class PeerWatch
{
public:
    static constexpr std::chrono::milliseconds kInterval{250};

    PeerWatch();
    ~PeerWatch();
    PeerWatch(const PeerWatch &) = delete;
    PeerWatch &operator=(const PeerWatch &) = delete;

    struct Entry
    {
        std::function<bool()> clientGone;
        std::function<void()> gone;
        bool watched = true; // under the mutex
        bool fired = false;  // under the mutex
    };
    // Watches while it lives; once it is gone, `gone` is not called any more (nor running).
    class Guard
    {
    public:
        Guard(PeerWatch *watch, std::shared_ptr<Entry> entry)
            : m_watch(watch), m_entry(std::move(entry))
        {}
        Guard(Guard &&other) noexcept
            : m_watch(std::exchange(other.m_watch, nullptr)), m_entry(std::move(other.m_entry))
        {}
        Guard &operator=(Guard &&) = delete;
        ~Guard();
        // Whether `gone` was called.
        bool fired() const;

    private:
        PeerWatch *m_watch;
        std::shared_ptr<Entry> m_entry;
    };
    // Nothing is watched for an empty `clientGone`.
    [[nodiscard]] Guard watch(std::function<bool()> clientGone, std::function<void()> gone);

private:
    void run();

    // Held while `gone` runs (a guard that ends waits for it), never while the kernel's table
    // is read.
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::list<std::shared_ptr<Entry>> m_entries;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace rov::localplane
