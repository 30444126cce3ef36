#pragma once

#include "api/monitoring/alerts.h"

#include <QPointer>
#include <QToolButton>

class QSystemTrayIcon;

namespace rov::core {
class AlertWatcher;
}

namespace rov::ui {

// The status bar's word on alerts: "2 alerts firing", hidden while none fires; a click opens
// Monitoring. Each alert that begins to fire is raised once as a desktop notification, through
// the system tray where the desktop has one, else in the status bar.
class AlertIndicator : public QToolButton
{
    Q_OBJECT
public:
    explicit AlertIndicator(QWidget *parent = nullptr);

    void setWatcher(core::AlertWatcher *watcher);
    // The notifications raised so far ("title: text"), newest last.
    const QStringList &notified() const { return m_notified; }

    // "Alert ClusterCostHigh on m1" and its summary.
    static std::pair<QString, QString> notificationText(const api::monitoring::Alert &alert);

Q_SIGNALS:
    // Where a notification without a tray goes (the main window's status bar).
    void message(const QString &text);

private:
    void update();
    void notify(const api::monitoring::Alert &alert);

    QPointer<core::AlertWatcher> m_watcher;
    QSystemTrayIcon *m_tray = nullptr;
    QStringList m_notified;
};

} // namespace rov::ui
