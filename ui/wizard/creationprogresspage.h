#pragma once

#include "api/vertex/persistentresource.h"

#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QWizardPage>
#include <functional>

class QLabel;
class QProgressBar;
class QPushButton;

namespace rov::rest {
class OperationPoller;
}

namespace rov::ui {

class CreateClusterWizard;
class FailureReport;

// Follows the create operation: state, the backend's progress message, elapsed time. The
// cluster keeps starting when the wizard is closed ("Run in background").
class CreationProgressPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit CreationProgressPage(CreateClusterWizard *wizard);
    void initializePage() override;
    bool isDone() const { return m_done; }
    bool succeeded() const { return m_succeeded; }
    // The cluster as the finished operation returned it (RUNNING, with its addresses).
    const api::vertex::PersistentResource &created() const { return m_created; }

private:
    void tick();
    // `text` in the language of the moment (a backend's message is kept as it came).
    void finish(bool ok, std::function<QString()> text);
    // The words that depend on where the creation stands, in the current language.
    void showState();
    QWidget *makeActions();

    CreateClusterWizard *m_wizard;
    QLabel *m_state;
    QLabel *m_message;
    QLabel *m_elapsed;
    QProgressBar *m_bar;
    QLabel *m_hint;
    // A cluster that did not start: why, Ray's log folded, and the ways on.
    FailureReport *m_failure;
    QWidget *m_actions;
    api::vertex::PersistentResource m_created;
    QPointer<rest::OperationPoller> m_poller;
    QElapsedTimer m_clock;
    QTimer m_ticker;
    bool m_done = false;
    bool m_succeeded = false;
    bool m_started = false;
    std::function<QString()> m_messageText;
};

} // namespace rov::ui
