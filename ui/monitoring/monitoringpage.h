#pragma once

#include "api/monitoring/monitoringclient.h"
#include "rest/call.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>
#include <optional>
#include <vector>

class QComboBox;
class QLabel;
class QPushButton;

namespace rov::ui {

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
    explicit MonitoringPage(QWidget *parent = nullptr);

    // The backend's client, or nullptr while there is none (the page says so).
    void setClient(api::monitoring::MonitoringClient *client);
    // Shows `clusterId` ("" for every cluster).
    void showCluster(const QString &clusterId);
    void refresh();
    QString cluster() const;
    const std::vector<ChartPanel *> &panels() const { return m_panels; }
    ChartPanel *panel(const QString &id) const;

    static constexpr std::chrono::seconds kScrapeInterval{5};

private:
    QWidget *makeControls(Texts *texts);
    QWidget *makeGrid();
    void loadClusters();
    void zoomTo(qint64 fromMs, qint64 toMs);
    void resetZoom();
    std::pair<qint64, qint64> timeRange() const; // seconds
    void cancelCalls();
    void showStatus();

    QPointer<api::monitoring::MonitoringClient> m_client;
    QComboBox *m_scope;
    QComboBox *m_range;
    QComboBox *m_autoRefresh;
    QPushButton *m_refresh;
    QLabel *m_status;
    std::vector<ChartPanel *> m_panels;
    std::vector<rest::Call> m_calls;
    QTimer m_timer;
    QTime m_updated; // of the last refresh
    std::optional<std::pair<qint64, qint64>> m_zoom; // ms, when zoomed in
};

} // namespace rov::ui
