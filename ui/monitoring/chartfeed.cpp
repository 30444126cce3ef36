#include "chartfeed.h"

#include "chartpanel.h"

namespace rov::ui {

ChartFeed::ChartFeed(QObject *parent) : QObject(parent)
{
    connect(&m_loader, &core::ChartLoader::loaded, this,
            [this](int index, std::shared_ptr<const core::PanelSeries> series, qint64 step) {
                if (ChartPanel *target = panel(index))
                    target->showSeries(std::move(series), step);
            });
    connect(&m_loader, &core::ChartLoader::failed, this,
            [this](int index, const rest::ApiError &error) {
                ChartPanel *target = panel(index);
                if (target && error.kind != rest::ApiError::Kind::Cancelled)
                    target->showError(error.message);
            });
}

void ChartFeed::load(const std::vector<ChartPanel *> &panels, const QString &clusterId,
                     const api::monitoring::RangeStep &range)
{
    m_loader.cancel(); // before the panels change: the old round's ends go to the old ones
    std::vector<core::PanelSpec> specs;
    m_panels.clear();
    for (ChartPanel *one : panels) {
        specs.push_back(one->spec());
        m_panels.emplace_back(one);
        one->showWaiting();
    }
    m_loader.load(specs, clusterId, range);
    for (size_t index = 0; index < panels.size(); ++index)
        panels[index]->setQueries(m_loader.queries(int(index)));
}

ChartPanel *ChartFeed::panel(int index) const
{
    return index >= 0 && size_t(index) < m_panels.size() ? m_panels[size_t(index)].data() : nullptr;
}

} // namespace rov::ui
