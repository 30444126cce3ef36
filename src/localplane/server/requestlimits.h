#pragma once

#include "routetable.h"

#include <QString>
#include <array>
#include <atomic>
#include <optional>

namespace rov::localplane {

// The route table says (RouteSpec::subsystem).
Subsystem subsystemOf(RouteId route);
const char *subsystemName(Subsystem subsystem);

// How many requests each subsystem may have in flight; past it a request is answered 503 with
// Retry-After at once. The sum may pass the thread count; each part alone may not take them all.
class RequestLimits
{
public:
    using Limits = std::array<int, size_t(Subsystem::Count)>;
    // For a server of `threads` threads.
    static Limits defaults(int threads);

    // "storage=4,prediction=8": the named subsystems' limits over `base`; nullopt with `error`
    // for a name rovd has not, or a number below 1.
    static std::optional<Limits> parse(const QString &text, Limits base, QString *error);
    // The limits as parse() reads them, every subsystem named.
    static QString describe(const Limits &limits);

    explicit RequestLimits(Limits limits);

    // A request counted while it lives.
    class Ticket
    {
    public:
        Ticket(Ticket &&other) noexcept : m_count(std::exchange(other.m_count, nullptr)) {}
        Ticket &operator=(Ticket &&) = delete;
        ~Ticket()
        {
            if (m_count)
                m_count->fetch_sub(1, std::memory_order_relaxed);
        }

    private:
        friend class RequestLimits;
        explicit Ticket(std::atomic<int> *count) : m_count(count) {}
        std::atomic<int> *m_count;
    };

    // A ticket, or nullopt when `subsystem` is at its limit.
    std::optional<Ticket> enter(Subsystem subsystem);
    int inFlight(Subsystem subsystem) const;
    int limit(Subsystem subsystem) const { return m_limits[size_t(subsystem)]; }

private:
    Limits m_limits;
    std::array<std::atomic<int>, size_t(Subsystem::Count)> m_inFlight{};
};

} // namespace rov::localplane
