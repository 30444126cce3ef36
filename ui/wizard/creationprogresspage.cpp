#include "creationprogresspage.h"

#include "core/clusterlistmodel.h"
#include "createclusterwizard.h"
#include "rest/operationpoller.h"
#include "texts.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace rov::ui {

CreationProgressPage::CreationProgressPage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_state(new QLabel(this)), m_message(new QLabel(this)),
      m_elapsed(new QLabel(this)), m_bar(new QProgressBar(this)), m_hint(new QLabel(this))
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
    layout->addWidget(m_elapsed);
    layout->addStretch();
    layout->addWidget(m_hint);
    m_ticker.setInterval(1000);
    connect(&m_ticker, &QTimer::timeout, this, &CreationProgressPage::tick);
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
    m_poller = new rest::OperationPoller(client->restClient(), client->url(operation), {}, this);
    connect(m_poller, &rest::OperationPoller::progressed, this, [this](const QString &message) {
        if (message.isEmpty())
            return;
        m_messageText = [message] { return message; };
        m_message->setText(message);
    });
    connect(m_poller, &rest::OperationPoller::succeeded, this,
            [this](const nlohmann::json &response) {
                m_created = api::vertex::PersistentResource::fromJson(response);
                finish(true, [] { return tr("The cluster is running."); });
            });
    connect(m_poller, &rest::OperationPoller::failed, this, [this](const rest::ApiError &error) {
        finish(false, [message = error.message] { return message; });
    });
    m_poller->start();
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
    m_bar->setRange(0, 1);
    m_bar->setValue(1);
    m_state->setStyleSheet(
        QStringLiteral("color: %1")
            .arg(core::ClusterListModel::stateColor(ok ? api::vertex::ClusterState::Running
                                                       : api::vertex::ClusterState::Error)
                     .name()));
    m_hint->hide();
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
    if (m_messageText)
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
