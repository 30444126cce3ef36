#include "minicharts.h"

#include "api/monitoring/monitoringclient.h"
#include "chartpanel.h"
#include "core/monitoringpanels.h"

#include <QChartView>
#include <QDateTime>
#include <QHBoxLayout>

namespace rov::ui {

MiniCharts::MiniCharts(QWidget *parent) : MiniCharts(core::overviewPanels(), parent) {}

MiniCharts::MiniCharts(std::vector<core::PanelSpec> specs, QWidget *parent) : QWidget(parent)
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
    cancelCalls();
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
    cancelCalls();
    m_client = client;
    m_clusterId = clusterId;
    setVisible(m_client != nullptr);
    refresh();
}

void MiniCharts::refresh()
{
    if (!m_client || !isVisible() || m_panels.empty())
        return;
    cancelCalls();
    const qint64 end = QDateTime::currentSecsSinceEpoch();
    const qint64 start = end - kRange.count();
    const auto range = api::monitoring::rangeStep(start, end, m_panels.front()->view()->width(),
                                                  api::monitoring::kScrapeInterval);
    for (ChartPanel *panel : m_panels) {
        panel->setTimeRange(start * 1000, end * 1000);
        panel->load(m_client, m_clusterId, range, m_calls);
    }
}

void MiniCharts::cancelCalls()
{
    for (const rest::Call &call : std::exchange(m_calls, {}))
        call.cancel();
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
    cancelCalls();
}

} // namespace rov::ui
