#include "dashboardwindow.h"

#include "actorstaskstab.h"
#include "banner.h"
#include "core/dashboardsession.h"
#include "core/logquerytext.h"
#include "core/servingmodels.h"
#include "datatable.h"
#include "help/guidewindow.h"
#include "icons.h"
#include "jobstab.h"
#include "monitoring/minicharts.h"
#include "nodestab.h"
#include "overviewtab.h"
#include "submitjobdialog.h"
#include "texts.h"
#include "webdashboard.h"

#include <QDesktopServices>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QStatusBar>
#include <QTabWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace rov::ui {

using core::JobListModel;

DashboardWindow::DashboardWindow(rest::RestClient *rest, const QUrl &dashboard,
                                 const QString &cluster, const QString &clusterName,
                                 core::JobHistoryStore *history, QWidget *parent)
    : QMainWindow(parent),
      m_session(new core::DashboardSession(rest, dashboard, cluster, clusterName, history, this)),
      m_tabs(new QTabWidget(this)), m_overview(new OverviewTab(m_session, this)),
      m_nodes(new NodesTab(m_session, this)), m_jobs(new JobsTab(m_session, this)),
      m_actorsTasks(new ActorsTasksTab(m_session, this)), m_banner(new Banner(this)),
      m_texts(new Texts(this))
{
    setAttribute(Qt::WA_DeleteOnClose);
    setObjectName(QStringLiteral("dashboardWindow")); // its size is remembered
    m_texts->bind(this, &QWidget::setWindowTitle,
                  [clusterName] { return tr("Ray dashboard: %1").arg(clusterName); });
    resize(1100, 760);
    m_tabs->setObjectName(QStringLiteral("dashboardTabs"));
    std::vector<std::pair<QWidget *, Texts::Text>> tabs{
        {m_overview, [] { return tr("&Overview"); }},
        {m_nodes, [] { return tr("&Nodes"); }},
        {m_jobs, [] { return tr("Jo&bs"); }},
        {m_actorsTasks, [] { return tr("&Actors and tasks"); }}};
    if (QWidget *web = webdashboard::createTab(dashboard, this))
        tabs.push_back({web, [] { return tr("Ray &web dashboard"); }});
    for (const auto &[tab, title] : tabs) {
        const int index = m_tabs->addTab(tab, QString());
        m_texts->bind([this, index](const QString &text) { m_tabs->setTabText(index, text); },
                      title);
    }
    m_bannerHistory = m_banner->addButton(QStringLiteral("bannerHistory"));
    m_bannerClose = m_banner->addButton(QStringLiteral("bannerClose"));
    connect(m_bannerHistory, &QPushButton::clicked, this, [this] { Q_EMIT historyRequested(); });
    connect(m_bannerClose, &QPushButton::clicked, this, &QWidget::close);
    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 4, 0, 0);
    layout->addWidget(m_banner);
    layout->addWidget(m_tabs, 1);
    setCentralWidget(central);
    createActions();
    m_texts->bind(m_bannerHistory, &QAbstractButton::setText,
                  [] { return tr("Open job &history"); });
    m_texts->bind(m_bannerClose, &QAbstractButton::setText, [] { return tr("C&lose window"); });
    m_texts->onChange([this] { showBanner(); });
    showBanner();
    connect(m_jobs, &JobsTab::selectionChanged, this, &DashboardWindow::updateActions);
    connect(m_session, &core::DashboardSession::jobsChanged, this, [this] {
        if (!m_selectWhenListed.isEmpty() && m_session->jobs()->rowOfKey(m_selectWhenListed) >= 0) {
            m_jobs->selectJob(m_selectWhenListed);
            m_selectWhenListed.clear();
        }
    });
    connect(m_session, &core::DashboardSession::problemChanged, this, [this](const QString &text) {
        showBanner();
        updateActions();
        if (!text.isEmpty())
            Q_EMIT dashboardProblem();
    });
    updateActions();
}

DashboardWindow::~DashboardWindow() = default;

QAction *DashboardWindow::addAction(Texts::Text text, const QKeySequence &shortcut,
                                    const char *name, std::function<void()> slot)
{
    auto *action = new QAction(this);
    m_texts->bind(action, &QAction::setText, std::move(text));
    action->setObjectName(QString::fromLatin1(name));
    action->setShortcut(shortcut);
    connect(action, &QAction::triggered, this, std::move(slot));
    return action;
}

void DashboardWindow::createActions()
{
    m_submit = addAction([] { return tr("&Submit job…"); }, QKeySequence(Qt::CTRL | Qt::Key_J),
                         "submitJob", [this] { openSubmitDialog(); });
    m_stop = addAction([] { return tr("S&top job"); }, QKeySequence(Qt::CTRL | Qt::Key_T),
                       "stopJob", [this] { stopSelectedJob(); });
    m_delete = addAction([] { return tr("&Delete job"); }, QKeySequence::Delete, "deleteJob",
                         [this] { deleteSelectedJob(); });
    auto *refresh = addAction([] { return tr("&Refresh"); }, QKeySequence::Refresh, "refresh",
                              [this] { m_session->refreshNow(); });
    auto *browser = addAction(
        [] { return tr("Open in &browser"); }, QKeySequence(Qt::CTRL | Qt::Key_B), "openInBrowser",
        [this] { QDesktopServices::openUrl(m_session->client()->dashboard()); });
    m_texts->bind(browser, &QAction::setToolTip,
                  [] { return tr("Ray's own web dashboard, in the system browser"); });
    m_jupyterLab = addAction([] { return tr("Open in &JupyterLab"); },
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J), "openJupyterLab",
                             [this] { Q_EMIT jupyterLabRequested(); });
    auto *history = addAction([] { return tr("Job &history"); }, QKeySequence(Qt::CTRL | Qt::Key_H),
                              "jobHistory", [this] { Q_EMIT historyRequested(); });
    auto *close = addAction([] { return tr("&Close"); }, QKeySequence::Close, "close",
                            [this] { this->close(); });
    m_jobLogs = addAction([] { return tr("View job &logs"); }, QKeySequence(Qt::CTRL | Qt::Key_L),
                          "jobLogs", [this] { viewLogs(false, true); });
    m_nodeLogs = addAction([] { return tr("View &node logs"); },
                           QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_L), "nodeLogs",
                           [this] { viewLogs(true, false); });
    m_registerModel = addAction([] { return tr("&Register model from this job…"); }, QKeySequence(),
                                "registerModelFromJob", [this] { registerModelFromJob(); });
    m_texts->bind(m_registerModel, &QAction::setToolTip, [] {
        return tr("Opens Register model on the gs:// folder the job's log names (a line \"model "
                  "artifact: gs://…\")");
    });
    auto *clusterLogs = addAction([] { return tr("View cluster l&ogs"); }, QKeySequence(),
                                  "clusterLogs", [this] { viewLogs(false, false); });

    auto *jobs = menuBar()->addMenu(QString());
    m_texts->bind(jobs, &QMenu::setTitle, [] { return tr("&Jobs"); });
    jobs->addActions({m_submit, m_stop, m_delete});
    jobs->addSeparator();
    jobs->addAction(m_jobLogs);
    jobs->addAction(m_registerModel);
    jobs->addAction(history);
    auto *view = menuBar()->addMenu(QString());
    m_texts->bind(view, &QMenu::setTitle, [] { return tr("&View"); });
    view->addActions({refresh, browser, m_jupyterLab, m_nodeLogs, clusterLogs});
    view->addSeparator();
    view->addAction(close);
    auto *guide = addAction([] { return tr("&User guide"); }, QKeySequence(Qt::SHIFT | Qt::Key_F1),
                            "userGuide", [] { showGuide(QStringLiteral("dashboard")); });
    guide->setIcon(icons::icon(icons::Icon::Guide));
    auto *help = menuBar()->addMenu(QString());
    m_texts->bind(help, &QMenu::setTitle, [] { return tr("&Help"); });
    help->addAction(guide);
    auto *toolBar = addToolBar(QString());
    m_texts->bind(toolBar, &QWidget::setWindowTitle, [] { return tr("Dashboard"); });
    toolBar->setObjectName(QStringLiteral("dashboardToolBar"));
    toolBar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    toolBar->addActions({m_submit, m_stop, m_delete, refresh, browser, m_jupyterLab, history});
}

bool DashboardWindow::canSubmit() const
{
    return m_status == ClusterStatus::Available && m_session->problem().isEmpty();
}

void DashboardWindow::setClusterStatus(ClusterStatus status)
{
    if (status == m_status)
        return;
    m_status = status;
    if (status != ClusterStatus::Available)
        m_session->stop(); // nothing left to ask; what was shown stays for reading
    showBanner();
    updateActions();
}

void DashboardWindow::showBanner()
{
    const QString name = m_session->clusterName();
    switch (m_status) {
    case ClusterStatus::Gone:
        m_banner->say(tr("The cluster %1 was deleted. What is shown here is what it was last; "
                         "its finished jobs stay in the job history.")
                          .arg(name),
                      Banner::Tone::Error);
        break;
    case ClusterStatus::Deleting:
        m_banner->say(tr("The cluster %1 is being deleted; no new jobs can be submitted. Its "
                         "finished jobs stay in the job history.")
                          .arg(name),
                      Banner::Tone::Error);
        break;
    case ClusterStatus::Available:
        if (m_session->problem().isEmpty()) {
            m_banner->clear();
            return;
        }
        m_banner->say(tr("The cluster's dashboard does not answer: %1. Submitting waits until it "
                         "answers again.")
                          .arg(m_session->problem()),
                      Banner::Tone::Warning);
        break;
    }
    m_bannerHistory->setVisible(m_status != ClusterStatus::Available);
    m_bannerClose->setVisible(m_status != ClusterStatus::Available);
}

void DashboardWindow::updateActions()
{
    const bool reachable = m_status == ClusterStatus::Available;
    const auto *job = m_session->jobs()->job(m_jobs->selectedKey());
    const bool submitted = job && !job->submissionId.isEmpty();
    m_submit->setEnabled(canSubmit());
    m_stop->setEnabled(reachable && submitted && !job->isTerminal());
    m_delete->setEnabled(reachable && submitted && job->isTerminal());
    // Logs outlive the cluster: these need no answer from it.
    m_jobLogs->setEnabled(job && !m_clusterId.isEmpty());
    m_registerModel->setEnabled(reachable && submitted &&
                                job->status == QLatin1String("SUCCEEDED"));
    m_nodeLogs->setEnabled(!m_clusterId.isEmpty());
    m_jupyterLab->setEnabled(reachable);
}

void DashboardWindow::setMonitoring(api::monitoring::MonitoringClient *client,
                                    const QString &clusterId)
{
    m_overview->charts()->setSource(client, clusterId);
    m_clusterId = clusterId;
    updateActions();
}

void DashboardWindow::viewLogs(bool node, bool job)
{
    if (m_clusterId.isEmpty())
        return;
    if (job) {
        const auto *details = m_session->jobs()->job(m_jobs->selectedKey());
        if (!details)
            return;
        Q_EMIT logsRequested(
            core::logquery::jobQuery(m_clusterId, details->submissionId, details->jobId));
    } else if (node) {
        const QModelIndex index = m_nodes->table()->selectedSourceIndex();
        if (!index.isValid())
            return;
        Q_EMIT logsRequested(core::logquery::nodeQuery(
            m_clusterId, m_session->nodes()->rows()[size_t(index.row())].node.nodeId));
    } else {
        Q_EMIT logsRequested(core::logquery::clusterQuery(m_clusterId));
    }
}

void DashboardWindow::registerModelFromJob()
{
    const auto *job = m_session->jobs()->job(m_jobs->selectedKey());
    if (!job || job->submissionId.isEmpty())
        return;
    const QString id = job->submissionId;
    m_session->client()->jobLogs(
        id, this, [this, id, entrypoint = job->entrypoint](api::Result<QString> log) {
            if (!log.ok()) {
                statusBar()->showMessage(
                    tr("Could not read the log of %1: %2").arg(id, log.error->message), 10000);
                return;
            }
            const QString artifact = core::modelArtifactIn(log.value);
            if (artifact.isEmpty()) {
                statusBar()->showMessage(
                    tr("The log of %1 names no model: a training job prints \"model artifact: "
                       "gs://…\" when it has written one")
                        .arg(id),
                    15000);
                return;
            }
            Q_EMIT registerModelRequested(artifact, core::modelNameFor(entrypoint, artifact));
        });
}

SubmitJobDialog *DashboardWindow::openSubmitDialog()
{
    if (!canSubmit())
        return nullptr;
    auto *dialog = new SubmitJobDialog(m_session->client(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &SubmitJobDialog::submitted, this, [this](const QString &id) {
        statusBar()->showMessage(tr("Submitted %1").arg(id), 5000);
        m_tabs->setCurrentWidget(m_jobs);
        m_selectWhenListed = id; // selected as soon as the job list shows it
        m_session->refreshNow();
    });
    dialog->open();
    return dialog;
}

void DashboardWindow::stopSelectedJob()
{
    const QString key = m_jobs->selectedKey();
    if (key.isEmpty())
        return;
    m_session->client()->stopJob(key, this, [this, key](api::ray::Result<bool> stopped) {
        if (!stopped.ok())
            statusBar()->showMessage(tr("Could not stop %1: %2").arg(key, stopped.error->message));
        else
            statusBar()->showMessage(tr("Stopping %1…").arg(key), 5000);
        m_session->refreshNow();
    });
}

void DashboardWindow::deleteSelectedJob()
{
    const auto *job = m_session->jobs()->job(m_jobs->selectedKey());
    if (!job || !job->isTerminal())
        return;
    const QString key = JobListModel::jobKey(*job);
    auto *confirm = new QMessageBox(
        QMessageBox::Question, tr("Delete job"),
        tr("Delete %1 from the cluster? Ray forgets the job and its log; the console's job "
           "history keeps its copy.")
            .arg(job->name()),
        QMessageBox::Cancel, this);
    auto *remove = confirm->addButton(tr("&Delete"), QMessageBox::DestructiveRole);
    confirm->setAttribute(Qt::WA_DeleteOnClose);
    connect(confirm, &QMessageBox::buttonClicked, this, [this, key, remove](QAbstractButton *b) {
        if (b != static_cast<QAbstractButton *>(remove))
            return;
        m_session->client()->deleteJob(key, this, [this, key](api::ray::Result<bool> deleted) {
            if (!deleted.ok())
                statusBar()->showMessage(
                    tr("Could not delete %1: %2").arg(key, deleted.error->message));
            m_session->refreshNow();
        });
    });
    confirm->open();
}

} // namespace rov::ui
