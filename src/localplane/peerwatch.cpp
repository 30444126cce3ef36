#include "peerwatch.h"

#include <arpa/inet.h>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <netinet/in.h>
#include <vector>

namespace rov::localplane {

namespace {

constexpr const char *kCloseWait = "08";

// An address and port as the kernel's table writes them: the address's bytes as 32-bit words in
// the machine's order, "%08X" each, then ":%04X".
std::string tableForm(const std::string &address, int port, bool *v6)
{
    char text[64] = {};
    in_addr v4addr{};
    in6_addr v6addr{};
    if (::inet_pton(AF_INET, address.c_str(), &v4addr) == 1) {
        *v6 = false;
        std::snprintf(text, sizeof text, "%08X:%04X", v4addr.s_addr, unsigned(port));
        return text;
    }
    if (::inet_pton(AF_INET6, address.c_str(), &v6addr) == 1) {
        *v6 = true;
        uint32_t words[4];
        std::memcpy(words, &v6addr, sizeof words);
        std::snprintf(text, sizeof text, "%08X%08X%08X%08X:%04X", words[0], words[1], words[2],
                      words[3], unsigned(port));
        return text;
    }
    return {};
}

} // namespace

bool peerClosed(const ConnectionEnds &ends)
{
    if (ends.localPort <= 0 || ends.remotePort <= 0)
        return false;
    bool localV6 = false, remoteV6 = false;
    const std::string local = tableForm(ends.localAddress, ends.localPort, &localV6);
    const std::string remote = tableForm(ends.remoteAddress, ends.remotePort, &remoteV6);
    if (local.empty() || remote.empty() || localV6 != remoteV6)
        return false;
    std::ifstream table(localV6 ? "/proc/net/tcp6" : "/proc/net/tcp");
    if (!table)
        return false;
    std::string line;
    std::getline(table, line); // the header
    while (std::getline(table, line)) {
        // "  sl  local_address rem_address   st ..."
        char slot[16], localText[64], remoteText[64], state[8];
        if (std::sscanf(line.c_str(), "%15s %63s %63s %7s", slot, localText, remoteText, state) !=
            4)
            continue;
        if (local == localText && remote == remoteText)
            return std::strcmp(state, kCloseWait) == 0;
    }
    return true; // the connection is no more
}

PeerWatch::PeerWatch() : m_thread([this] { run(); }) {}

PeerWatch::~PeerWatch()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_changed.notify_all();
    m_thread.join();
}

PeerWatch::Guard PeerWatch::watch(std::function<bool()> clientGone, std::function<void()> gone)
{
    if (!clientGone)
        return Guard(nullptr, nullptr);
    auto entry = std::make_shared<Entry>();
    entry->clientGone = std::move(clientGone);
    entry->gone = std::move(gone);
    std::lock_guard lock(m_mutex);
    m_entries.push_back(entry);
    return Guard(this, std::move(entry));
}

PeerWatch::Guard::~Guard()
{
    if (!m_watch)
        return;
    std::lock_guard lock(m_watch->m_mutex);
    m_entry->watched = false;
    m_watch->m_entries.remove(m_entry);
}

bool PeerWatch::Guard::fired() const
{
    if (!m_watch)
        return false;
    std::lock_guard lock(m_watch->m_mutex);
    return m_entry->fired;
}

void PeerWatch::run()
{
    std::unique_lock lock(m_mutex);
    while (!m_stopping) {
        m_changed.wait_for(lock, kInterval, [this] { return m_stopping; });
        const std::vector<std::shared_ptr<Entry>> entries(m_entries.begin(), m_entries.end());
        lock.unlock();
        std::vector<std::shared_ptr<Entry>> gone;
        for (const auto &entry : entries) {
            if (entry->clientGone())
                gone.push_back(entry);
        }
        lock.lock();
        for (const auto &entry : gone) {
            // Still watched: its request has not ended, and will not until `gone` returns.
            if (entry->watched && !entry->fired) {
                entry->fired = true;
                entry->gone();
            }
        }
    }
}

} // namespace rov::localplane
