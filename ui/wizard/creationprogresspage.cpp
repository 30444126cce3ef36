#include "creationprogresspage.h"

#include "core/clusterlistmodel.h"
#include "createclusterwizard.h"
#include "rest/operationpoller.h"

#include <QLabel>
#include <QProgressBar>
#include <QVBoxLayout>

namespace rov::ui {

CreationProgressPage::CreationProgressPage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_state(new QLabel(this)), m_message(new QLabel(this)),
      m_elapsed(new QLabel(this)), m_bar(new QProgressBar(this)), m_hint(new QLabel(this))
{
    setTitle(tr("Creating the cluster"));
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
    m_hint->setText(tr("You can close this window: the cluster keeps starting, and the "
                       "clusters table shows its state."));
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
    setButtonText(QWizard::FinishButton, tr("Run in &background"));
    m_state->setText(core::ClusterListModel::stateText(api::vertex::ClusterState::Provisioning));
    m_message->setText(tr("Waiting for the backend…"));
    m_clock.start();
    m_ticker.start();
    tick();
    auto *client = m_wizard->context().client.data();
    const QString operation = m_wizard->property("operation").toString();
    if (!client || operation.isEmpty()) {
        finish(false, tr("The console cannot follow the creation: the connection to the backend "
                         "was closed. The clusters page shows where the cluster stands."));
        return;
    }
    m_poller = new rest::OperationPoller(client->restClient(), client->url(operation), {}, this);
    connect(m_poller, &rest::OperationPoller::progressed, this, [this](const QString &message) {
        if (!message.isEmpty())
            m_message->setText(message);
    });
    connect(m_poller, &rest::OperationPoller::succeeded, this,
            [this](const nlohmann::json &response) {
                m_created = api::vertex::PersistentResource::fromJson(response);
                finish(true, tr("The cluster is running."));
            });
    connect(m_poller, &rest::OperationPoller::failed, this,
            [this](const rest::ApiError &error) { finish(false, error.message); });
    m_poller->start();
}

void CreationProgressPage::tick()
{
    m_elapsed->setText(
        tr("Elapsed: %1").arg(core::ClusterListModel::durationText(m_clock.elapsed() / 1000)));
}

void CreationProgressPage::finish(bool ok, const QString &text)
{
    m_done = true;
    m_succeeded = ok;
    m_ticker.stop();
    tick();
    m_bar->setRange(0, 1);
    m_bar->setValue(1);
    m_state->setText(core::ClusterListModel::stateText(ok ? api::vertex::ClusterState::Running
                                                          : api::vertex::ClusterState::Error));
    m_state->setStyleSheet(
        QStringLiteral("color: %1")
            .arg(core::ClusterListModel::stateColor(ok ? api::vertex::ClusterState::Running
                                                       : api::vertex::ClusterState::Error)
                     .name()));
    m_message->setText(text);
    // Done: the words say so, and the ways on are Close, the details and (when it runs) its Ray
    // dashboard.
    setTitle(ok ? tr("The cluster is running") : tr("The cluster did not start"));
    m_hint->hide();
    setButtonText(QWizard::FinishButton, ok ? tr("Open &details") : tr("&Close"));
    if (ok) {
        wizard()->setOption(QWizard::NoCancelButtonOnLastPage, false);
        setButtonText(QWizard::CancelButton, tr("&Close"));
        wizard()->setOption(QWizard::HaveCustomButton1, true);
        setButtonText(QWizard::CustomButton1, tr("Open &Ray dashboard"));
    }
}

} // namespace rov::ui
