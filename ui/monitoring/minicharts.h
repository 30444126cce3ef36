#pragma once

#include "core/monitoringpanels.h"
#include "rest/call.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <chrono>
#include <vector>

namespace rov::api::monitoring {
class MonitoringClient;
}

namespace rov::ui {

class ChartFeed;
class ChartPanel;

// Small live charts of one cluster (CPU, memory, running tasks over the last 15 minutes) from
// the backend's PromQL API, refreshed while they are on screen. Hidden when there is no client.
class MiniCharts : public QWidget
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kRange{15 * 60};
    static constexpr std::chrono::seconds kRefresh{15};

    explicit MiniCharts(QWidget *parent = nullptr);
    // Other panels than the cluster overview's (an endpoint's).
    MiniCharts(std::vector<core::PanelSpec> specs, QWidget *parent);
    // Replaces the panels (an endpoint with other models), and asks for them at once.
    void setPanels(std::vector<core::PanelSpec> specs);

    void setSource(api::monitoring::MonitoringClient *client, const QString &clusterId);
    const std::vector<ChartPanel *> &panels() const { return m_panels; }
    void refresh();

protected:
    void showEvent(QShowEvent *event) override;
    void hideEvent(QHideEvent *event) override;

private:
    ChartFeed *m_feed;
    QString m_clusterId;
    std::vector<ChartPanel *> m_panels;
    QTimer m_timer;
};

} // namespace rov::ui
