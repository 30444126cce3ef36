#pragma once

#include "rest/apierror.h"
#include "store.h"

#include <deque>
#include <optional>
#include <vector>

namespace rov::localplane {

// Every write of rovd's state goes through here, so that a store that stops taking writes (a
// full disk, a data directory made read-only) loses nothing and is noticed:
// - changes a client asked for are committed before they are acknowledged, or refused (a full
//   disk: RESOURCE_EXHAUSTED, 429; a read-only one or another fault: UNAVAILABLE, 503) and not
//   made at all;
// - changes the clusters make by themselves (a node joined, a node died) are kept in order and
//   written as soon as the store takes writes again.
// Owned by the thread that owns cluster state.
class StateWriter
{
public:
    explicit StateWriter(Store &store) : m_store(store) {}

    // One transaction, or nothing and UNAVAILABLE. What is kept from earlier goes first.
    [[nodiscard]] std::optional<rest::ApiError> commit(std::vector<Store::Write> writes);
    // Written now, or kept until the store takes writes again.
    void write(std::vector<Store::Write> writes);
    // Writes what was kept; true when nothing is left (what is left stays kept: isHealthy()).
    bool retry();

    bool isHealthy() const { return m_backlog.empty(); }
    QString problem() const { return m_problem; }
    size_t backlog() const { return m_backlog.size(); }
    rest::ApiError unavailable() const;

private:
    void keep(std::vector<Store::Write> writes);

    Store &m_store;
    std::deque<Store::Write> m_backlog;
    QString m_problem;
};

} // namespace rov::localplane
