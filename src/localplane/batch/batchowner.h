#pragma once

#include "localplane/serving/serveinstance.h"
#include "localplane/state/statewriter.h"
#include "localplane/state/store.h"
#include "localplane/strand.h"

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>

namespace rov::localplane::batch {

// Batch prediction's state as a value: the jobs (the API's document with rovd's own keys
// beside it), the finished delete operations, and the Ray instance the jobs run on.
struct BatchState
{
    std::map<QString, nlohmann::json> jobs;
    std::map<QString, nlohmann::json> operations;
    std::optional<serving::InstanceRecord> instance;

    void apply(const std::vector<Store::Write> &writes);
    bool anyUnfinished() const;
};

// The owner of batch prediction's state, in the shape of every rovd subsystem
// (architecture.md): one thread (a Strand) makes every change and writes it before it is
// published as a snapshot; the server's threads read snapshots and never wait for a write.
class BatchOwner
{
public:
    explicit BatchOwner(std::unique_ptr<Store> store);
    ~BatchOwner();
    BatchOwner(const BatchOwner &) = delete;
    BatchOwner &operator=(const BatchOwner &) = delete;

    std::shared_ptr<const BatchState> snapshot() const;

    class Change
    {
    public:
        const BatchState &state() const { return m_owner.m_state; }
        // A change a client asked for: written before it is acknowledged, or refused.
        [[nodiscard]] std::optional<rest::ApiError> commit(std::vector<Store::Write> writes);
        // A change rovd makes by itself: kept and written again if the store refuses it now.
        void record(std::vector<Store::Write> writes);

    private:
        friend class BatchOwner;
        explicit Change(BatchOwner &owner) : m_owner(owner) {}
        BatchOwner &m_owner;
        bool m_changed = false;
    };

    // `change` run on the owner; nullopt when it did not start within `patience`.
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
    // The worker's changes: false only once the owner stops.
    template <typename Fn> bool apply(Fn &&change)
    {
        return run(
                   [&](Change &step) {
                       change(step);
                       return true;
                   },
                   std::chrono::hours(24))
            .has_value();
    }
    void stop() { m_strand.stop(); }

private:
    void publish();

    std::unique_ptr<Store> m_store;
    StateWriter m_writer;
    BatchState m_state;
    mutable std::mutex m_snapshotMutex;
    std::shared_ptr<const BatchState> m_snapshot;
    Strand m_strand; // last: it stops first
};

} // namespace rov::localplane::batch
