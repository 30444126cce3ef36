#pragma once

#include <QPointer>
#include <QWidget>

class QLabel;
class QToolButton;

namespace rov::core {
class AlertListModel;
class AlertWatcher;
} // namespace rov::core

namespace rov::ui {

class DataTable;

// The Monitoring page's alerts: a line that says what fires ("2 alerts fire", "No alert fires;
// 6 rules watch the clusters", why the rules could not be read), and the list of firing and
// pending alerts under it, which the line folds away. Hidden for a backend without alerting
// rules (Cloud Monitoring). Double-clicking an alert shows its cluster's charts.
class AlertsPanel : public QWidget
{
    Q_OBJECT
public:
    explicit AlertsPanel(QWidget *parent = nullptr);

    // The session's watcher, or nullptr while there is none.
    void setWatcher(core::AlertWatcher *watcher);
    QString headline() const;
    core::AlertListModel *model() const { return m_model; }
    DataTable *table() const { return m_table; }

Q_SIGNALS:
    void clusterChosen(const QString &clusterId);

private:
    void update();

    QPointer<core::AlertWatcher> m_watcher;
    core::AlertListModel *m_model;
    QToolButton *m_fold;
    QLabel *m_headline;
    DataTable *m_table;
};

} // namespace rov::ui
