#pragma once

#include "api/monitoring/monitoringclient.h"
#include "api/vertex/vertexclient.h"
#include "core/monitoringpanels.h"
#include "rest/call.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

class QComboBox;
class QGridLayout;
class QLabel;
class QPushButton;

namespace rov::core {
class AlertWatcher;
class MonitoringScopes;
} // namespace rov::core

namespace rov::ui {

class AlertsPanel;
class ChartFeed;
class ChartPanel;
class Texts;

// Monitoring: Ray's default charts for one cluster (live, or deleted and still retained) or all,
// over a time range, refreshed on demand or every few seconds. Queries go out asynchronously
// through the backend's PromQL API; a refresh cancels the one before it, so the page never waits
// and never shows an old answer over a newer one.
class MonitoringPage : public QWidget
{
    Q_OBJECT
public:
    // `scopes`: what the Cluster picker offers (kept current by its controller).
    explicit MonitoringPage(core::MonitoringScopes *scopes, QWidget *parent = nullptr);

    // The backend's client, or nullptr while there is none (the page says so).
    void setClient(api::monitoring::MonitoringClient *client);
    // Where the cluster's events come from (rovd's events extension), drawn on every chart.
    void setEventSource(api::vertex::VertexClient *vertex) { m_vertex = vertex; }
    // The backend's alerts (nullptr: none), listed above the charts.
    void setAlerts(core::AlertWatcher *alerts);
    AlertsPanel *alertsPanel() const { return m_alerts; }
    // The profile whose charts of its own are shown (kept in its settings).
    void setProfileId(const QString &profileId);
    const std::vector<core::CustomChart> &customCharts() const { return m_custom; }
    // Adds a chart of the user's, after the dialog checked its PromQL.
    void addCustomChart(const core::CustomChart &chart);
    void removeCustomChart(int index);
    // Opens "Add a chart".
    void askForCustomChart();
    // Shows `clusterId` ("" for every cluster).
    void showCluster(const QString &clusterId);
    void refresh();
    QString cluster() const;
    const std::vector<ChartPanel *> &panels() const { return m_panels; }
    ChartPanel *panel(const QString &id) const;

Q_SIGNALS:
    // A dialog opened on the backend (Add chart): the session closes it when it ends.
    void windowOpened(QWidget *window);

private:
    QWidget *makeControls(Texts *texts);
    QWidget *makeGrid();
    void rebuildCustomPanels();
    void placePanel(ChartPanel *panel, int index);
    void showScopes();
    void loadEvents(const QString &clusterId);
    void zoomTo(qint64 fromMs, qint64 toMs);
    void resetZoom();
    std::pair<qint64, qint64> timeRange() const; // seconds
    void cancelCalls();
    void showStatus();

    core::MonitoringScopes *m_scopes;
    QPointer<api::monitoring::MonitoringClient> m_client;
    QPointer<api::vertex::VertexClient> m_vertex;
    QComboBox *m_scope;
    QComboBox *m_range;
    QComboBox *m_autoRefresh;
    QPushButton *m_refresh;
    QPushButton *m_addChart;
    QGridLayout *m_grid = nullptr;
    QString m_profileId;
    std::vector<core::CustomChart> m_custom;
    QLabel *m_status;
    AlertsPanel *m_alerts;
    std::vector<ChartPanel *> m_panels;
    ChartFeed *m_feed;
    std::vector<rest::Call> m_calls; // the cluster's events
    QTimer m_timer;
    QTime m_updated;                                 // of the last refresh
    std::optional<std::pair<qint64, qint64>> m_zoom; // ms, when zoomed in
};

} // namespace rov::ui
