#include "alertindicator.h"

#include "core/alertlistmodel.h"
#include "core/alertwatcher.h"
#include "core/monitoringscopes.h"
#include "icons.h"
#include "texts.h"

#include <QApplication>
#include <QSystemTrayIcon>

namespace rov::ui {

using api::monitoring::Alert;

AlertIndicator::AlertIndicator(QWidget *parent) : QToolButton(parent)
{
    setObjectName(QStringLiteral("alertIndicator"));
    setAutoRaise(true);
    setToolButtonStyle(Qt::ToolButtonTextOnly);
    auto *texts = new Texts(this);
    texts->onChange([this] { update(); });
    hide();
}

void AlertIndicator::setWatcher(core::AlertWatcher *watcher)
{
    if (m_watcher)
        m_watcher->disconnect(this);
    m_watcher = watcher;
    if (m_watcher) {
        connect(m_watcher, &core::AlertWatcher::changed, this, &AlertIndicator::update);
        connect(m_watcher, &core::AlertWatcher::raised, this, &AlertIndicator::notify);
    }
    update();
}

void AlertIndicator::update()
{
    const std::vector<Alert> firing = m_watcher ? m_watcher->firing() : std::vector<Alert>{};
    setVisible(!firing.empty());
    if (firing.empty())
        return;
    setText(tr("⚠ %n alert(s) firing", nullptr, int(firing.size())));
    QStringList lines;
    for (const Alert &alert : firing)
        lines << notificationText(alert).second;
    setToolTip(lines.join(QLatin1Char('\n')) + QStringLiteral("\n\n") +
               tr("Click to open Monitoring"));
    const QColor color = core::AlertListModel::stateColor(firing.front());
    setStyleSheet(
        QStringLiteral("QToolButton { color: %1; font-weight: bold; }").arg(color.name()));
}

std::pair<QString, QString> AlertIndicator::notificationText(const Alert &alert)
{
    const QString title =
        alert.cluster().isEmpty()
            ? tr("Alert %1").arg(alert.name)
            : tr("Alert %1 on %2").arg(alert.name, core::scopeName(alert.cluster()));
    const QString summary = core::AlertListModel::summaryText(alert);
    return {title, summary.isEmpty() ? title : summary};
}

void AlertIndicator::notify(const Alert &alert)
{
    const auto [title, text] = notificationText(alert);
    m_notified << title + QStringLiteral(": ") + text;
    if (QSystemTrayIcon::isSystemTrayAvailable()) {
        if (!m_tray) {
            m_tray = new QSystemTrayIcon(icons::icon(icons::Icon::Application), this);
            connect(m_tray, &QSystemTrayIcon::messageClicked, this, &QToolButton::click);
            m_tray->show();
        }
        m_tray->showMessage(title, text,
                            alert.label(QStringLiteral("severity")) == QLatin1String("critical")
                                ? QSystemTrayIcon::Critical
                                : QSystemTrayIcon::Warning);
    } else {
        Q_EMIT message(title + QStringLiteral(": ") + text);
    }
    // The taskbar entry asks for attention too, where the desktop does that.
    QApplication::alert(window());
}

} // namespace rov::ui
