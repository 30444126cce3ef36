#include "minicharts.h"

#include "api/monitoring/monitoringclient.h"
#include "chartfeed.h"
#include "chartpanel.h"
#include "core/monitoringpanels.h"

#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>

namespace rov::ui {

MiniCharts::MiniCharts(QWidget *parent) : MiniCharts(core::overviewPanels(), parent) {}

MiniCharts::MiniCharts(std::vector<core::PanelSpec> specs, QWidget *parent)
    : QWidget(parent), m_feed(new ChartFeed(this))
{
    setObjectName(QStringLiteral("miniCharts"));
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    setPanels(std::move(specs));
    m_timer.setInterval(kRefresh);
    connect(&m_timer, &QTimer::timeout, this, &MiniCharts::refresh);
    setVisible(false);
}

void MiniCharts::setPanels(std::vector<core::PanelSpec> specs)
{
    m_feed->cancel();
    for (ChartPanel *panel : std::exchange(m_panels, {}))
        delete panel;
    for (const core::PanelSpec &spec : specs) {
        auto *panel = new ChartPanel(spec, this);
        panel->view()->setMinimumHeight(150);
        panel->setCompact(true); // a legend only for two series or more: the title names one
        layout()->addWidget(panel);
        m_panels.push_back(panel);
    }
    refresh();
}

void MiniCharts::setSource(api::monitoring::MonitoringClient *client, const QString &clusterId)
{
    m_feed->setClient(client);
    m_clusterId = clusterId;
    setVisible(client != nullptr);
    refresh();
}

void MiniCharts::refresh()
{
    // Hidden (no client, or not on screen): asked again when shown.
    if (!m_feed->client() || !isVisible() || m_panels.empty())
        return;
    const qint64 end = QDateTime::currentSecsSinceEpoch();
    const qint64 start = end - kRange.count();
    const auto range = api::monitoring::rangeStep(start, end, m_panels.front()->view()->width(),
                                                  api::monitoring::kScrapeInterval);
    for (ChartPanel *panel : m_panels)
        panel->setTimeRange(start * 1000, end * 1000);
    m_feed->load(m_panels, m_clusterId, range);
}

// Asked only while on screen: a hidden tab costs the backend nothing.
void MiniCharts::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    m_timer.start();
    refresh();
}

void MiniCharts::hideEvent(QHideEvent *event)
{
    QWidget::hideEvent(event);
    m_timer.stop();
    m_feed->cancel();
}

} // namespace rov::ui
