#include "statewriter.h"

#include "localplane/diagnostics.h"

#include <algorithm>

namespace rov::localplane {

rest::ApiError StateWriter::unavailable() const
{
    // The file and SQLite's words go to rovd's log; the client is told what it can act on.
    diagnostics::warn(diagnostics::lcState(),
                      QStringLiteral("cannot write %1: %2").arg(m_store.path(), m_problem));
    return m_store.lastFault().toApiError(
        QStringLiteral("the change, so it changes nothing now (it keeps trying every few "
                       "seconds)"));
}

std::optional<rest::ApiError> StateWriter::commit(std::vector<Store::Write> writes)
{
    if (!retry())
        return unavailable();
    if (const auto failed = m_store.apply(writes)) {
        m_problem = *failed;
        return unavailable();
    }
    return std::nullopt;
}

void StateWriter::write(std::vector<Store::Write> writes)
{
    if (retry()) {
        if (const auto failed = m_store.apply(writes))
            m_problem = *failed;
        else
            return;
    }
    keep(std::move(writes));
}

void StateWriter::keep(std::vector<Store::Write> writes)
{
    for (auto &write : writes) {
        // Only the latest document of a name matters; events are all kept, in order.
        if (write.type != Store::Write::Type::AddEvent) {
            std::erase_if(m_backlog, [&](const Store::Write &kept) {
                return kept.type != Store::Write::Type::AddEvent && kept.kind == write.kind &&
                       kept.name == write.name;
            });
        }
        m_backlog.push_back(std::move(write));
    }
}

bool StateWriter::retry()
{
    if (m_backlog.empty())
        return true;
    const std::vector<Store::Write> kept(m_backlog.begin(), m_backlog.end());
    if (const auto failed = m_store.apply(kept)) {
        m_problem = *failed;
        return false;
    }
    m_backlog.clear();
    m_problem.clear();
    return true;
}

} // namespace rov::localplane
