#pragma once

#include <chrono>

namespace rov::core {

// Whether a connected backend still answers, from the outcome of each heartbeat. One missed
// heartbeat is "reconnecting" (a restart or a blip); misses for kUnreachableAfter, or
// kMissesForUnreachable in a row, are "unreachable". Any answer, even an HTTP error, is reached:
// a server that answers is there.
class ConnectionHealth
{
public:
    using Clock = std::chrono::steady_clock;
    enum class State
    {
        Connected,
        Reconnecting,
        Unreachable
    };
    static constexpr std::chrono::milliseconds kHeartbeat{1500};
    static constexpr std::chrono::milliseconds kHeartbeatTimeout{1500};
    static constexpr std::chrono::milliseconds kUnreachableAfter{3000};
    static constexpr int kMissesForUnreachable = 2;

    // Returns true when the state changed.
    bool record(bool reached, Clock::time_point at);
    State state() const { return m_state; }
    int misses() const { return m_misses; }

private:
    State m_state = State::Connected;
    int m_misses = 0;
    Clock::time_point m_firstMiss{};
};

} // namespace rov::core
