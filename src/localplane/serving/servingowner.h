#pragma once

#include "localplane/state/statewriter.h"
#include "localplane/state/store.h"
#include "localplane/strand.h"
#include "servingstate.h"

#include <memory>
#include <mutex>
#include <optional>
#include <type_traits>

namespace rov::localplane::serving {

// The owner of serving's state, the shape every rovd subsystem has (architecture.md): one thread
// (a Strand) makes every change, writes it to the serving store with its operation in one
// transaction, and publishes a new snapshot; the server's threads read snapshots and never wait
// for a write; the worker's Serve calls and the server's copies run off it and bring their
// results here as changes. No mutex is held across I/O: the snapshot's guards a pointer copy.
class ServingOwner
{
public:
    explicit ServingOwner(std::unique_ptr<Store> store);
    ~ServingOwner();
    ServingOwner(const ServingOwner &) = delete;
    ServingOwner &operator=(const ServingOwner &) = delete;

    // What the last change left. Never waits for a change.
    std::shared_ptr<const ServingState> snapshot() const;

    // What a change sees and does, on the owner's thread only.
    class Change
    {
    public:
        const ServingState &state() const { return m_owner.m_state; }
        // A change a client asked for: all of `writes` in one transaction before it is
        // acknowledged, or none and the reason (a full disk: 429; another fault: 503).
        [[nodiscard]] std::optional<rest::ApiError> commit(std::vector<Store::Write> writes);
        // A change rovd makes by itself: kept in order and written again later if the store
        // refuses it now (StateWriter), so it is never lost while rovd runs.
        void record(std::vector<Store::Write> writes);
        void setInstance(std::optional<InstanceRecord> instance);
        void setServing(bool serving);
        // A model's name held while its copy is made (false: taken already), and let go.
        bool reserve(const QString &model);
        void release(const QString &model);
        // Writes what the store refused before.
        void retryWrites() { m_owner.m_writer.retry(); }

    private:
        friend class ServingOwner;
        explicit Change(ServingOwner &owner) : m_owner(owner) {}
        ServingOwner &m_owner;
        bool m_changed = false;
    };

    // Runs `change` on the owner and returns what it returned; nullopt when it did not start
    // (the owner stopped, or did not reach it within `patience`: the caller answers 503).
    template <typename Fn>
    auto run(Fn &&change, std::chrono::milliseconds patience)
        -> std::optional<std::invoke_result_t<Fn, Change &>>
    {
        std::optional<std::invoke_result_t<Fn, Change &>> result;
        const bool ran = m_strand.run(
            [&] {
                Change step(*this);
                result.emplace(change(step));
                if (step.m_changed)
                    publish();
            },
            patience);
        return ran ? std::move(result) : std::nullopt;
    }
    // The worker's changes: waited for however long the owner takes; false only once it stops.
    template <typename Fn> bool apply(Fn &&change)
    {
        return run(
                   [&](Change &step) {
                       change(step);
                       return true;
                   },
                   kNoLimit)
            .has_value();
    }

    // Changes not started are given up from now on. Any thread but the owner's.
    void stop() { m_strand.stop(); }

    static constexpr std::chrono::milliseconds kNoLimit = std::chrono::hours(24);

private:
    void publish();

    std::unique_ptr<Store> m_store;
    StateWriter m_writer; // over m_store, on the owner's thread
    ServingState m_state; // the owner's
    mutable std::mutex m_snapshotMutex;
    std::shared_ptr<const ServingState> m_snapshot;
    Strand m_strand; // last: it stops before what its changes use goes
};

} // namespace rov::localplane::serving
