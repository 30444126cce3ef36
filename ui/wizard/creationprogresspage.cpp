#include "creationprogresspage.h"

#include "core/clusterlistmodel.h"
#include "createclusterwizard.h"
#include "failurereport.h"
#include "rest/operationpoller.h"
#include "texts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QVBoxLayout>

namespace rov::ui {

CreationProgressPage::CreationProgressPage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_state(new QLabel(this)), m_message(new QLabel(this)),
      m_elapsed(new QLabel(this)), m_bar(new QProgressBar(this)), m_hint(new QLabel(this)),
      m_failure(new FailureReport(this))
{
    auto *texts = new Texts(this);
    setFinalPage(true);
    m_state->setObjectName(QStringLiteral("creationState"));
    QFont bold = m_state->font();
    bold.setBold(true);
    bold.setPointSizeF(bold.pointSizeF() * 1.2);
    m_state->setFont(bold);
    m_message->setObjectName(QStringLiteral("creationMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_elapsed->setObjectName(QStringLiteral("creationElapsed"));
    m_bar->setRange(0, 0);
    texts->bind(m_hint, &QLabel::setText, [] {
        return tr("You can close this window: the cluster keeps starting, and the clusters table "
                  "shows its state.");
    });
    texts->onChange([this] { showState(); });
    showState();
    m_hint->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_state);
    layout->addWidget(m_bar);
    layout->addWidget(m_message);
    layout->addWidget(m_failure);
    m_actions = makeActions();
    layout->addWidget(m_actions);
    layout->addWidget(m_elapsed);
    layout->addStretch();
    layout->addWidget(m_hint);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &CreationProgressPage::tick);
}

QWidget *CreationProgressPage::makeActions()
{
    auto *actions = new QWidget(this);
    auto *row = new QHBoxLayout(actions);
    row->setContentsMargins(0, 0, 0, 0);
    auto *texts = new Texts(actions);
    const auto add = [&](const char *name, Texts::Text text, auto signal) {
        auto *button = new QPushButton(actions);
        button->setObjectName(QLatin1String(name));
        texts->bind(button, &QAbstractButton::setText, std::move(text));
        connect(button, &QPushButton::clicked, this, [this, signal] {
            if (!m_wizard->createdName().isEmpty())
                Q_EMIT(m_wizard->*signal)(m_wizard->createdName());
        });
        row->addWidget(button);
    };
    add(
        "rebootFailed", [] { return tr("&Reboot"); }, &CreateClusterWizard::rebootRequested);
    add(
        "deleteFailed", [] { return tr("&Delete"); }, &CreateClusterWizard::deleteRequested);
    add(
        "failedNodeLogs", [] { return tr("Node &logs"); }, &CreateClusterWizard::logsRequested);
    row->addStretch();
    actions->hide();
    return actions;
}

void CreationProgressPage::initializePage()
{
    m_started = true;
    m_messageText = [] { return tr("Waiting for the backend…"); };
    m_clock.start();
    m_ticker.start();
    showState();
    auto *client = m_wizard->context().client.data();
    const QString operation = m_wizard->property("operation").toString();
    if (!client || operation.isEmpty()) {
        finish(false, [] {
            return tr("The console cannot follow the creation: the connection to the backend was "
                      "closed. The clusters page shows where the cluster stands.");
        });
        return;
    }
    // The person watches this page: it looks often (a cluster that runs is said so within a few
    // seconds, not after the next of ever longer waits).
    rest::PollSchedule schedule;
    schedule.max = std::chrono::milliseconds(3000);
    m_poller = rest::OperationPoller::follow(
        client->restClient(), client->url(operation), this,
        [this](const std::optional<rest::ApiError> &error, const nlohmann::json &response) {
            if (error) {
                finish(false, [message = error->message] { return message; });
                return;
            }
            m_created = api::vertex::PersistentResource::fromJson(response);
            finish(true, [] { return tr("The cluster is running."); });
        },
        schedule,
        [this](const QString &message, const nlohmann::json &) {
            if (message.isEmpty())
                return;
            m_messageText = [message] { return message; };
            m_message->setText(message);
        });
}

void CreationProgressPage::tick()
{
    if (m_started)
        m_elapsed->setText(
            tr("Elapsed: %1").arg(core::ClusterListModel::durationText(m_clock.elapsed() / 1000)));
}

void CreationProgressPage::finish(bool ok, std::function<QString()> text)
{
    m_done = true;
    m_succeeded = ok;
    m_messageText = std::move(text);
    m_ticker.stop();
    // Honest: full when the cluster runs; a start that failed is no 100 %.
    m_bar->setRange(0, 1);
    m_bar->setValue(1);
    m_bar->setVisible(ok);
    m_state->setStyleSheet(
        QStringLiteral("color: %1")
            .arg(core::ClusterListModel::stateColor(ok ? api::vertex::ClusterState::Running
                                                       : api::vertex::ClusterState::Error)
                     .name()));
    m_hint->hide();
    if (!ok) {
        // The reason and Ray's log apart (showState()); the ways on when there is a cluster.
        m_message->hide();
        m_actions->setVisible(!m_wizard->createdName().isEmpty());
    }
    if (ok) {
        wizard()->setOption(QWizard::NoCancelButtonOnLastPage, false);
        wizard()->setOption(QWizard::HaveCustomButton1, true);
    }
    showState();
}

void CreationProgressPage::showState()
{
    using api::vertex::ClusterState;
    tick();
    if (m_messageText && m_done && !m_succeeded)
        m_failure->setMessage(m_messageText());
    else if (m_messageText)
        m_message->setText(m_messageText());
    if (!m_done) {
        setTitle(tr("Creating the cluster"));
        setButtonText(QWizard::FinishButton, tr("Run in &background"));
        m_state->setText(core::ClusterListModel::stateText(ClusterState::Provisioning));
        return;
    }
    // Done: the words say so, and the ways on are Close, the details and (when it runs) its Ray
    // dashboard.
    m_state->setText(core::ClusterListModel::stateText(m_succeeded ? ClusterState::Running
                                                                   : ClusterState::Error));
    setTitle(m_succeeded ? tr("The cluster is running") : tr("The cluster did not start"));
    setButtonText(QWizard::FinishButton, m_succeeded ? tr("Open &details") : tr("&Close"));
    if (m_succeeded) {
        setButtonText(QWizard::CancelButton, tr("&Close"));
        setButtonText(QWizard::CustomButton1, tr("Open &Ray dashboard"));
    }
}

} // namespace rov::ui
