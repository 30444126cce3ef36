#include "chartloader.h"

namespace rov::core {

using api::monitoring::QueryResult;

// The answers of one round as they arrive; a panel is drawn when its last query is in.
struct ChartLoader::Round
{
    struct Panel
    {
        PanelSeries perQuery;
        size_t left = 0;
        std::optional<rest::ApiError> error;
        bool ended = false;
    };
    std::vector<Panel> panels;
    qint64 step = 0;
};

ChartLoader::ChartLoader(QObject *parent) : QObject(parent) {}

ChartLoader::~ChartLoader()
{
    // Quietly: nobody listens to a loader that is going.
    m_round.reset();
    for (const rest::Call &call : std::exchange(m_calls, {}))
        call.cancel();
}

void ChartLoader::setClient(api::monitoring::MonitoringClient *client)
{
    cancel();
    m_client = client;
}

void ChartLoader::load(const std::vector<PanelSpec> &panels, const QString &clusterId,
                       const api::monitoring::RangeStep &range)
{
    cancel();
    auto round = std::make_shared<Round>();
    round->panels.resize(panels.size());
    round->step = range.step;
    m_round = round;
    m_left = int(panels.size());
    m_queries.assign(panels.size(), {});
    if (panels.empty()) {
        m_round.reset();
        Q_EMIT finished();
        return;
    }
    for (size_t p = 0; p < panels.size(); ++p) {
        const auto &queries = panels[p].queries;
        round->panels[p].perQuery.resize(queries.size());
        round->panels[p].left = queries.size();
        for (const PanelQuery &query : queries)
            m_queries[p] << panelQuery(panels[p], query, clusterId);
    }
    for (size_t p = 0; p < panels.size(); ++p) {
        if (!m_client) {
            round->panels[p].error = rest::ApiError::withStatus(
                QStringLiteral("FAILED_PRECONDITION"),
                tr("Not connected: choose a project to see its metrics"));
            end(round, p);
            continue;
        }
        if (m_queries[p].isEmpty()) {
            end(round, p);
            continue;
        }
        for (size_t q = 0; q < size_t(m_queries[p].size()); ++q)
            m_calls.push_back(
                m_client->queryRange(m_queries[p][qsizetype(q)], range, this,
                                     [this, round, p, q](api::Result<QueryResult> result) {
                                         answer(round, p, q, std::move(result));
                                     }));
    }
}

void ChartLoader::answer(const std::shared_ptr<Round> &round, size_t panel, size_t query,
                         api::Result<QueryResult> result)
{
    if (round != m_round)
        return; // a round that was replaced: its panels have ended already
    auto &state = round->panels[panel];
    if (result.ok())
        state.perQuery[query] = std::move(result.value.series);
    else if (!state.error)
        state.error = result.error;
    if (--state.left == 0)
        end(round, panel);
}

void ChartLoader::end(const std::shared_ptr<Round> &round, size_t panel)
{
    auto &state = round->panels[panel];
    if (state.ended)
        return;
    state.ended = true;
    const bool last = --m_left == 0;
    if (state.error)
        Q_EMIT failed(int(panel), *state.error);
    else
        Q_EMIT loaded(int(panel), std::make_shared<const PanelSeries>(std::move(state.perQuery)),
                      round->step);
    // A receiver may have started the next round already.
    if (last && round == m_round) {
        m_calls.clear();
        Q_EMIT finished();
    }
}

void ChartLoader::cancel()
{
    auto round = std::exchange(m_round, nullptr);
    for (const rest::Call &call : std::exchange(m_calls, {}))
        call.cancel(); // their answers come to a round that is no longer ours
    if (!round)
        return;
    // Every panel still waiting ends, CANCELLED.
    for (size_t p = 0; p < round->panels.size(); ++p) {
        auto &state = round->panels[p];
        if (state.ended)
            continue;
        state.ended = true;
        --m_left;
        Q_EMIT failed(int(p), rest::ApiError::cancelled());
    }
    m_left = 0;
}

QStringList ChartLoader::queries(int panel) const
{
    return panel >= 0 && size_t(panel) < m_queries.size() ? m_queries[size_t(panel)]
                                                          : QStringList();
}

} // namespace rov::core
