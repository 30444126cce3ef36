#include "servingowner.h"

namespace rov::localplane::serving {

ServingOwner::ServingOwner(std::unique_ptr<Store> store)
    : m_store(std::move(store)), m_writer(*m_store)
{
    for (auto &[name, doc] : m_store->list(Store::Kind::Model))
        m_state.models[name] = doc;
    for (auto &[name, doc] : m_store->list(Store::Kind::Endpoint))
        m_state.endpoints[name] = doc;
    for (auto &[name, doc] : m_store->list(Store::Kind::Operation))
        m_state.operations[name] = doc;
    if (const auto record = m_store->get(Store::Kind::ServingInstance, QStringLiteral("instance")))
        m_state.instance = InstanceRecord::fromJson(*record);
    m_snapshot = std::make_shared<const ServingState>(m_state);
}

ServingOwner::~ServingOwner()
{
    stop();
}

std::shared_ptr<const ServingState> ServingOwner::snapshot() const
{
    std::lock_guard lock(m_snapshotMutex);
    return m_snapshot;
}

void ServingOwner::publish()
{
    auto next = std::make_shared<const ServingState>(m_state);
    std::lock_guard lock(m_snapshotMutex);
    m_snapshot = std::move(next);
}

std::optional<rest::ApiError> ServingOwner::Change::commit(std::vector<Store::Write> writes)
{
    if (auto refused = m_owner.m_writer.commit(writes))
        return refused;
    m_owner.m_state.apply(writes);
    m_changed = true;
    return std::nullopt;
}

void ServingOwner::Change::record(std::vector<Store::Write> writes)
{
    m_owner.m_state.apply(writes);
    m_owner.m_writer.write(std::move(writes));
    m_changed = true;
}

void ServingOwner::Change::setInstance(std::optional<InstanceRecord> instance)
{
    m_owner.m_state.instance = std::move(instance);
    m_owner.m_state.serving = false;
    const QString key = QStringLiteral("instance");
    record({m_owner.m_state.instance ? Store::Write::put(Store::Kind::ServingInstance, key,
                                                         m_owner.m_state.instance->toJson())
                                     : Store::Write::remove(Store::Kind::ServingInstance, key)});
}

void ServingOwner::Change::setServing(bool serving)
{
    if (m_owner.m_state.serving == serving)
        return;
    m_owner.m_state.serving = serving;
    m_changed = true;
}

bool ServingOwner::Change::reserve(const QString &model)
{
    if (m_owner.m_state.models.count(model) || !m_owner.m_state.uploading.insert(model).second)
        return false;
    m_changed = true;
    return true;
}

void ServingOwner::Change::release(const QString &model)
{
    if (m_owner.m_state.uploading.erase(model))
        m_changed = true;
}

} // namespace rov::localplane::serving
