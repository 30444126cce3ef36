#pragma once

#include "core/profile.h"

#include <QPointer>
#include <QWidget>

class QLabel;
class QMenu;
class QToolButton;

namespace rov::core {
class BackendSession;
}

namespace rov::ui {

// Above every page: the project, region and backend the console works on, always visible, with
// a switcher that lists the saved project setups.
class ContextBar : public QWidget
{
    Q_OBJECT
public:
    // `setupAction` (Project setup…) ends the switcher's menu.
    ContextBar(const core::ProfileStore *profiles, QAction *setupAction, QWidget *parent = nullptr);

    void showSession(const core::BackendSession *session);
    QString text() const; // what the bar says, for tests and screen readers
    QToolButton *switcher() const { return m_switcher; }

Q_SIGNALS:
    void profileChosen(const rov::core::Profile &profile);

protected:
    void changeEvent(QEvent *event) override;

private:
    void retranslate();
    void fillMenu();

    const core::ProfileStore *m_profiles;
    QAction *m_setupAction;
    QPointer<const core::BackendSession> m_session; // the main window owns it
    QLabel *m_project;
    QLabel *m_region;
    QLabel *m_backend;
    QToolButton *m_switcher;
    QMenu *m_menu;
};

} // namespace rov::ui
