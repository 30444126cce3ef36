#include "batchowner.h"

#include "batchrequest.h"
#include "rest/jsonfields.h"

namespace rov::localplane::batch {

namespace {
const QString kInstanceKey = QStringLiteral("instance");
}

void BatchState::apply(const std::vector<Store::Write> &writes)
{
    for (const Store::Write &write : writes) {
        const bool put = write.type == Store::Write::Type::Put;
        switch (write.kind) {
        case Store::Kind::BatchJob:
            if (put)
                jobs[write.name] = write.document;
            else
                jobs.erase(write.name);
            break;
        case Store::Kind::Operation:
            if (put)
                operations[write.name] = write.document;
            else
                operations.erase(write.name);
            break;
        case Store::Kind::BatchInstance:
            instance = put ? serving::InstanceRecord::fromJson(write.document) : std::nullopt;
            break;
        default:
            break;
        }
    }
}

bool BatchState::anyUnfinished() const
{
    return std::any_of(jobs.begin(), jobs.end(), [](const auto &job) {
        return !isFinalState(rest::stringMember(job.second, "state"));
    });
}

BatchOwner::BatchOwner(std::unique_ptr<Store> store) : m_store(std::move(store)), m_writer(*m_store)
{
    for (auto &[name, doc] : m_store->list(Store::Kind::BatchJob))
        m_state.jobs[name] = doc;
    for (auto &[name, doc] : m_store->list(Store::Kind::Operation))
        m_state.operations[name] = doc;
    if (const auto record = m_store->get(Store::Kind::BatchInstance, kInstanceKey))
        m_state.instance = serving::InstanceRecord::fromJson(*record);
    m_snapshot = std::make_shared<const BatchState>(m_state);
}

BatchOwner::~BatchOwner()
{
    stop();
}

std::shared_ptr<const BatchState> BatchOwner::snapshot() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_snapshot;
}

void BatchOwner::publish()
{
    auto next = std::make_shared<const BatchState>(m_state);
    std::lock_guard lock(m_snapshotMutex);
    m_snapshot = std::move(next);
}

std::optional<rest::ApiError> BatchOwner::Change::commit(std::vector<Store::Write> writes)
{
    if (auto refused = m_owner.m_writer.commit(writes))
        return refused;
    m_owner.m_state.apply(writes);
    m_changed = true;
    return std::nullopt;
}

void BatchOwner::Change::record(std::vector<Store::Write> writes)
{
    m_owner.m_state.apply(writes);
    m_owner.m_writer.write(std::move(writes));
    m_changed = true;
}

} // namespace rov::localplane::batch
