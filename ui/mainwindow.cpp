#include "mainwindow.h"

#include "banner.h"
#include "catalog/machinecatalog.h"
#include "clusterdetailsdialog.h"
#include "clusterspage.h"
#include "contextbar.h"
#include "core/backendsession.h"
#include "core/batchcontroller.h"
#include "core/clusterlistmodel.h"
#include "core/clusterrefresher.h"
#include "core/connectionsnippets.h"
#include "core/costestimator.h"
#include "core/datacontroller.h"
#include "core/localrovd.h"
#include "core/logentrymodel.h"
#include "core/logquerytext.h"
#include "core/monitoringscopes.h"
#include "core/privatefiles.h"
#include "core/settingskeys.h"
#include "dashboard/dashboardwindow.h"
#include "data/datapage.h"
#include "deleteclusterdialog.h"
#include "icons.h"
#include "jobhistorypage.h"
#include "logs/logspage.h"
#include "monitoring/alertindicator.h"
#include "monitoring/monitoringpage.h"
#include "navigation.h"
#ifdef ROV_HAVE_WEBENGINE
#include "notebook/jupyterlabwindow.h"
#endif
#include "core/languagemanager.h"
#include "help/guidewindow.h"
#include "projectsetupdialog.h"
#include "pythonsetupwindow.h"
#include "rest/operationpoller.h"
#include "scaledialog.h"
#include "serving/batchpage.h"
#include "serving/servingpages.h"
#include "settingsdialog.h"
#include "texts.h"
#include "windowmemory.h"
#include "windowshortcuts.h"
#include "wizard/createclusterwizard.h"
#include "wizard/creationprogresspage.h"

#include <QApplication>
#include <QClipboard>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rov::ui {

using api::vertex::ClusterState;
using core::BackendSession;
using icons::Icon;

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_costs(std::make_unique<core::CostEstimator>(catalog::MachineCatalog::builtIn())),
      m_model(std::make_unique<core::ClusterListModel>(*m_costs)),
      m_refresher(new core::ClusterRefresher(m_model.get(), this)),
      m_pages(new QStackedWidget(this)), m_navigation(new Navigation(m_pages, this)),
      m_clusters(new ClustersPage(m_model.get(), this)), m_backendStatus(new QLabel(this)),
      m_alertIndicator(new AlertIndicator(this)), m_rovdNotice(new QLabel(this)),
      m_connectionBanner(new Banner(this))
{
    setObjectName(QStringLiteral("mainWindow"));
    icons::useThemeFallback();
    WindowMemory::install();
    setWindowIcon(icons::icon(Icon::Application));
    openHistoryStore();
    m_historyPage = new JobHistoryPage(&m_history, this);
    m_monitoringPage = new MonitoringPage(new core::MonitoringScopes(m_model.get(), this), this);
    m_logsPage = new LogsPage(this);
    m_serving = new core::ServingController(this);
    m_modelsPage = new ModelsPage(m_serving, this);
    m_endpointsPage = new EndpointsPage(m_serving, this);
    m_batch = new core::BatchController(this);
    m_batchPage = new BatchPage(m_batch, m_serving, this);
    m_data = new core::DataController(this);
    m_dataPage = new DataPage(m_data, this);
    createActions();
    m_contextBar = new ContextBar(&m_profiles, m_projectSetupAction, this);
    m_navigation->addPage(Page::Clusters, m_clusters, icons::icon(Icon::Clusters));
    m_navigation->addPage(Page::JobHistory, m_historyPage, icons::icon(Icon::JobHistory));
    m_navigation->addPage(Page::Monitoring, m_monitoringPage, icons::icon(Icon::Monitoring));
    m_navigation->addPage(Page::Logs, m_logsPage, icons::icon(Icon::Logs));
    m_navigation->addPage(Page::Models, m_modelsPage, icons::icon(Icon::Models));
    m_navigation->addPage(Page::Endpoints, m_endpointsPage, icons::icon(Icon::Endpoints));
    m_navigation->addPage(Page::Batch, m_batchPage, icons::icon(Icon::Batch));
    m_navigation->addPage(Page::Data, m_dataPage, icons::icon(Icon::Data));
    createMenus();
    layOut();
    connectSignals();
    // Uptime and cost move on between refreshes.
    m_clock.setInterval(10000);
    connect(&m_clock, &QTimer::timeout, this,
            [this] { m_model->setNow(QDateTime::currentDateTimeUtc()); });
    m_clock.start();
    resize(1280, 760);
    retranslate();
    updateActions();
}

void MainWindow::layOut()
{
    m_retryButton = m_connectionBanner->addButton(QStringLiteral("retryConnection"));
    m_startRovdButton = m_connectionBanner->addButton(QStringLiteral("startRovd"));
    m_navigation->setFixedWidth(200);
    auto *content = new QWidget(this);
    auto *column = new QVBoxLayout(content);
    column->setContentsMargins(8, 8, 8, 0);
    column->addWidget(m_contextBar);
    column->addWidget(m_connectionBanner);
    column->addWidget(m_pages, 1);
    auto *central = new QWidget(this);
    auto *row = new QHBoxLayout(central);
    row->setContentsMargins(0, 0, 0, 0);
    row->setSpacing(0);
    row->addWidget(m_navigation);
    auto *rule = new QFrame(central);
    rule->setFrameShape(QFrame::VLine);
    rule->setFrameShadow(QFrame::Sunken);
    row->addWidget(rule);
    row->addWidget(content, 1);
    setCentralWidget(central);
    m_backendStatus->setObjectName(QStringLiteral("backendStatus"));
    m_rovdNotice->setObjectName(QStringLiteral("rovdNotice"));
    m_rovdNotice->setStyleSheet(
        QStringLiteral("QLabel { padding-right: 8px; border-right: 1px solid palette(mid); }"));
    m_rovdNotice->hide();
    statusBar()->addPermanentWidget(m_alertIndicator);
    statusBar()->addPermanentWidget(m_rovdNotice);
    statusBar()->addPermanentWidget(m_backendStatus);
}

void MainWindow::connectSignals()
{
    connect(m_retryButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->retryNow();
    });
    connect(m_startRovdButton, &QPushButton::clicked, this, [this] {
        if (m_session)
            m_session->startRovdAgain();
    });
    connect(m_alertIndicator, &QToolButton::clicked, this,
            [this] { m_navigation->show(Page::Monitoring); });
    connect(m_alertIndicator, &AlertIndicator::message, this,
            [this](const QString &text) { statusBar()->showMessage(text, 15000); });
    connect(m_contextBar, &ContextBar::profileChosen, this, [this](const core::Profile &profile) {
        m_profiles.setCurrentId(profile.id);
        useProfile(profile);
    });
    connect(m_navigation, &Navigation::pageChanged, this, [this](Page page) {
        m_toolBar->setVisible(page == Page::Clusters);
        if (page == Page::JobHistory)
            m_historyPage->reload();
        if (page == Page::Logs && m_logsPage->model()->rowCount() == 0)
            m_logsPage->run();
        // The Batch page's dialog lists the registered models.
        m_serving->setLive(page == Page::Models || page == Page::Endpoints || page == Page::Batch);
        m_batch->setLive(page == Page::Batch);
        updateActions();
    });
    // Dialogs opened on the backend close with its session (no dead OK after a profile switch).
    connect(m_modelsPage, &ModelsPage::windowOpened, this, &MainWindow::bindToBackend);
    connect(m_endpointsPage, &EndpointsPage::windowOpened, this, &MainWindow::bindToBackend);
    connect(m_batchPage, &BatchPage::windowOpened, this, &MainWindow::bindToBackend);
    connect(m_modelsPage, &ModelsPage::batchPredictRequested, this,
            [this](const QString &model) { showBatch()->newJob(model); });
    connect(m_batchPage, &BatchPage::openTableRequested, this, [this](const QString &uri) {
        // bq://project.dataset.table
        const QStringList parts = uri.mid(5).split(QLatin1Char('.'));
        if (parts.size() == 3)
            showData()->openTable({parts[0], parts[1], parts[2]});
    });
    connect(m_monitoringPage, &MonitoringPage::windowOpened, this, &MainWindow::bindToBackend);
    connect(m_modelsPage, &ModelsPage::deployRequested, this,
            [this](const QString &model) { showEndpoints()->deploy(model); });
    connect(m_clusters, &ClustersPage::selectionChanged, this, &MainWindow::updateActions);
    connect(m_clusters, &ClustersPage::activated, this, &MainWindow::showDetails);
    connect(m_clusters, &ClustersPage::contextMenuRequested, this, [this](const QPoint &at) {
        QMenu menu(this);
        menu.addActions({m_detailsAction, m_copySnippetAction, m_dashboardAction, m_jupyterAction});
        menu.addSeparator();
        menu.addActions({m_scaleAction, m_rebootAction, m_deleteAction});
        menu.exec(at);
    });
    connect(m_model.get(), &QAbstractItemModel::dataChanged, this, &MainWindow::updateActions);
    connect(m_model.get(), &QAbstractItemModel::rowsRemoved, this, &MainWindow::updateActions);
    connect(m_model.get(), &QAbstractItemModel::rowsInserted, this, [this] {
        QStringList ids;
        for (const auto &cluster : m_model->rows())
            ids << cluster.id();
        m_logsPage->setClusterIds(ids);
    });
    connect(m_refresher, &core::ClusterRefresher::failed, this,
            [this](const rest::ApiError &error) {
                m_clusters->setMessage([message = error.message] {
                    return tr("Could not list the clusters: %1").arg(message);
                });
            });
    connect(m_refresher, &core::ClusterRefresher::refreshed, this, [this] {
        m_clusters->setMessage([empty = m_model->rowCount() == 0] {
            return empty ? tr("No clusters yet. Create one with Ctrl+N.") : QString();
        });
        for (const QString &name : m_dashboards.keys())
            updateDashboard(name);
    });
}

MainWindow::~MainWindow()
{
    closeGuide(); // a window of its own (beside this one, not above it), gone with the console
}

QString MainWindow::productName()
{
    return tr("Ray on Vertex AI Console");
}

void MainWindow::createActions()
{
    const auto action = [this](const char *name, QKeySequence shortcut, auto slot) {
        auto *created = new QAction(this);
        created->setObjectName(QString::fromLatin1(name));
        if (!shortcut.isEmpty())
            created->setShortcut(shortcut);
        connect(created, &QAction::triggered, this, slot);
        return created;
    };
    m_projectSetupAction = action("projectSetup", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
                                  [this] { showProjectSetup(); });
    m_settingsAction =
        action("settings", QKeySequence(Qt::CTRL | Qt::Key_Comma), [this] { showSettings(); });
    m_quitAction = action("quit", QKeySequence::Quit, [] { QApplication::quit(); });
    m_createAction = action("createCluster", QKeySequence::New, [this] { openCreateWizard(); });
    m_detailsAction = action("details", QKeySequence(Qt::CTRL | Qt::Key_I),
                             [this] { showDetails(selectedName()); });
    m_copySnippetAction = action("copySnippet", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
                                 [this] { copyConnectionSnippet(); });
    m_dashboardAction = action("openDashboard", QKeySequence(Qt::CTRL | Qt::Key_D),
                               [this] { openDashboard(selectedName()); });
    m_jupyterAction = action("openJupyterLab", QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_J),
                             [this] { openInJupyterLab(selectedName()); });
    m_stopJupyterAction = action("stopJupyterLab", QKeySequence(), [this] { stopJupyterLab(); });
    m_colabAction = action("openColabEnterprise", QKeySequence(), [this] {
        if (m_session && !m_session->isLocal())
            QDesktopServices::openUrl(core::colabEnterprisePage(m_session->profile().project));
    });
    m_scaleAction =
        action("scale", QKeySequence(Qt::CTRL | Qt::Key_E), [this] { askToScale(selectedName()); });
    m_rebootAction = action("reboot", QKeySequence(Qt::CTRL | Qt::Key_R),
                            [this] { askToReboot(selectedName()); });
    m_deleteAction =
        action("deleteCluster", QKeySequence::Delete, [this] { askToDelete(selectedName()); });
    m_refreshAction = action("refresh", QKeySequence::Refresh, [this] { refresh(); });
    m_shortcutsAction =
        action("keyboardShortcuts", QKeySequence::HelpContents, [this] { showShortcuts(); });
    // F1 stays the key list (the tests and the guide say so); the guide is the next key over.
    m_guideAction = action("userGuide", QKeySequence(Qt::SHIFT | Qt::Key_F1),
                           [this] { rov::ui::showGuide(guideSection(m_navigation->current())); });
    m_aboutAction = action("about", QKeySequence(), [this] { showAbout(); });
    const std::pair<QAction *, Icon> icons[] = {{m_projectSetupAction, Icon::ProjectSetup},
                                                {m_settingsAction, Icon::Settings},
                                                {m_quitAction, Icon::Quit},
                                                {m_createAction, Icon::Create},
                                                {m_detailsAction, Icon::Details},
                                                {m_copySnippetAction, Icon::CopySnippet},
                                                {m_dashboardAction, Icon::Dashboard},
                                                {m_jupyterAction, Icon::Notebook},
                                                {m_stopJupyterAction, Icon::Stop},
                                                {m_scaleAction, Icon::Scale},
                                                {m_rebootAction, Icon::Reboot},
                                                {m_deleteAction, Icon::Delete},
                                                {m_refreshAction, Icon::Refresh},
                                                {m_shortcutsAction, Icon::Shortcuts},
                                                {m_guideAction, Icon::Guide},
                                                {m_aboutAction, Icon::About}};
    for (const auto &[which, icon] : icons)
        which->setIcon(icons::icon(icon));
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addActions({m_projectSetupAction, m_settingsAction});
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);
    m_goMenu = menuBar()->addMenu(QString());
    for (QAction *page : m_navigation->actions())
        m_goMenu->addAction(page);
    m_clusterMenu = menuBar()->addMenu(QString());
    m_clusterMenu->addActions(
        {m_createAction, m_detailsAction, m_copySnippetAction, m_dashboardAction});
    m_clusterMenu->addActions({m_jupyterAction, m_stopJupyterAction, m_colabAction});
    m_clusterMenu->addSeparator();
    m_clusterMenu->addActions({m_scaleAction, m_rebootAction, m_deleteAction});
    m_clusterMenu->addSeparator();
    m_clusterMenu->addAction(m_refreshAction);
    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addActions({m_guideAction, m_shortcutsAction, m_aboutAction});

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    m_toolBar->setIconSize(QSize(20, 20));
    m_toolBar->setMovable(false);
    m_toolBar->addActions(
        {m_createAction, m_detailsAction, m_scaleAction, m_rebootAction, m_deleteAction});
    m_toolBar->addSeparator();
    m_toolBar->addActions(
        {m_copySnippetAction, m_dashboardAction, m_jupyterAction, m_refreshAction});
}

void MainWindow::useProfile(core::Profile profile)
{
    // One scope per backend: ending it closes its windows and cancels its calls.
    QStringList closed;
    QString previous;
    if (m_session) {
        closed = m_session->openWindowTitles();
        previous = m_session->profileName();
    }
    m_refresher->setClient(nullptr);
    m_monitoringPage->setClient(nullptr);
    m_logsPage->setClients(nullptr, nullptr, true);
    m_serving->setClient(nullptr);
    m_batch->setClient(nullptr);
    m_batch->setStorage(nullptr);
    m_serving->setMonitoring(nullptr);
    m_data->setClient(nullptr);
    delete m_session.data();
    m_session = new BackendSession(
        std::move(profile), QCoreApplication::applicationDirPath() + QStringLiteral("/rovd"), this);
    m_contextBar->showSession(m_session);
    m_alertIndicator->setWatcher(m_session->alerts());
    m_monitoringPage->setAlerts(m_session->alerts());
    m_monitoringPage->setProfileId(m_session->profile().id);
    m_logsPage->setProfileId(m_session->profile().id);
    m_dataPage->setProfileId(m_session->profile().id);
    connect(m_session, &BackendSession::statusChanged, this, [this] {
        if (m_session->status() == BackendSession::Status::PreparingPython && !m_pythonSetup) {
            m_pythonSetup = new PythonSetupWindow(
                m_session->pythonEnvironment(),
                [session = QPointer<BackendSession>(m_session)] {
                    if (session)
                        session->cancelPythonSetup();
                },
                this);
            m_session->bind(m_pythonSetup); // closed with the session
            m_pythonSetup->show();
        }
        showBackendStatus();
        showRovdNotice();
        showConnectionProblem();
        updateActions();
    });
    connect(m_session, &BackendSession::ready, this, [this] {
        m_refresher->setClient(m_session->vertex());
        m_monitoringPage->setEventSource(m_session->vertex());
        m_monitoringPage->setClient(m_session->monitoring());
        m_logsPage->setClients(m_session->logging(), m_session->monitoring(), m_session->isLocal());
        m_serving->setClient(m_session->serving());
        m_batch->setClient(m_session->batch());
        m_batch->setStorage(m_session->storage());
        m_data->setClient(m_session->bigQuery());
        // Serve's metrics are rovd's; Google Cloud's endpoints chart in Cloud Monitoring.
        m_serving->setMonitoring(m_session->isLocal() ? m_session->monitoring() : nullptr);
        if (m_navigation->current() == Page::Logs)
            m_logsPage->run();
    });
    connect(m_session, &BackendSession::reconnected, this, [this] { m_refresher->refreshNow(); });
    // A JupyterLab started by an earlier run is found again (and Stop JupyterLab offered).
    connect(m_session->notebooks(), &core::JupyterLab::stateChanged, this,
            &MainWindow::updateActions);
    m_session->start();
    if (!closed.isEmpty())
        statusBar()->showMessage(tr("Closed %n window(s) of %1: %2", nullptr, int(closed.size()))
                                     .arg(previous, closed.join(QStringLiteral(", "))),
                                 20000);
}

void MainWindow::showConnectionProblem()
{
    using Status = BackendSession::Status;
    const Status status = m_session ? m_session->status() : Status::Connecting;
    if (status == Status::Unreachable || status == Status::Failed) {
        m_connectionBanner->say(m_session->statusText(), status == Status::Failed
                                                             ? Banner::Tone::Error
                                                             : Banner::Tone::Warning);
        m_retryButton->show();
        m_startRovdButton->setVisible(m_session->canStartRovd());
        m_clusters->setMessage(nullptr); // "no clusters yet" would be a guess now
    } else {
        m_connectionBanner->clear();
    }
}

bool MainWindow::isConnected() const
{
    return m_session && m_session->isConnected();
}

void MainWindow::bindToBackend(QWidget *window)
{
    if (m_session)
        m_session->bind(window);
}

QString MainWindow::selectedName() const
{
    return m_clusters->selectedName();
}

void MainWindow::updateActions()
{
    const bool connected = isConnected();
    // The selection belongs to the clusters page: acting on it from another page would surprise.
    const auto *cluster =
        m_navigation->current() == Page::Clusters ? m_model->cluster(selectedName()) : nullptr;
    const auto state = cluster ? cluster->state : ClusterState::Unspecified;
    m_createAction->setEnabled(connected);
    m_refreshAction->setEnabled(connected);
    m_detailsAction->setEnabled(connected && cluster);
    m_copySnippetAction->setEnabled(cluster != nullptr);
    m_dashboardAction->setEnabled(cluster &&
                                  cluster->accessUris.count(QStringLiteral("RAY_DASHBOARD_URI")));
    const auto *lab = m_session ? m_session->notebooks() : nullptr;
    m_jupyterAction->setEnabled(connected && state == ClusterState::Running &&
                                (!lab || lab->state() != core::JupyterLab::State::Stopping));
    m_stopJupyterAction->setEnabled(lab && (lab->state() == core::JupyterLab::State::Running ||
                                            lab->state() == core::JupyterLab::State::Starting));
    // Colab Enterprise is Google's: offered for a Google Cloud profile only.
    m_colabAction->setVisible(m_session && !m_session->isLocal());
    m_colabAction->setEnabled(connected);
    m_scaleAction->setEnabled(connected && state == ClusterState::Running);
    m_rebootAction->setEnabled(connected &&
                               (state == ClusterState::Running || state == ClusterState::Error));
    m_deleteAction->setEnabled(connected && cluster && state != ClusterState::Stopping);
}

void MainWindow::refresh()
{
    m_refresher->refreshNow();
    statusBar()->showMessage(tr("Refreshing…"), 2000);
}

CreateClusterWizard *MainWindow::openCreateWizard()
{
    if (!isConnected())
        return nullptr;
    CreateClusterWizard::Context context;
    context.client = m_session->vertex();
    context.capabilities = m_session->capabilities();
    context.costs = m_costs.get();
    context.machineTypes = context.capabilities.machineTypes.isEmpty()
                               ? catalog::MachineCatalog::builtIn().machineNames()
                               : context.capabilities.machineTypes;
    auto *wizard = new CreateClusterWizard(context, this);
    wizard->setAttribute(Qt::WA_DeleteOnClose);
    bindToBackend(wizard);
    connect(wizard, &CreateClusterWizard::clusterCreated, this, [this](const QString &name) {
        m_refresher->refreshNow();
        statusBar()->showMessage(tr("Creating %1…").arg(name.section(QLatin1Char('/'), -1)), 5000);
    });
    connect(wizard, &CreateClusterWizard::dashboardRequested, this,
            [this](const api::vertex::PersistentResource &cluster) { openDashboard(cluster); });
    connect(wizard, &CreateClusterWizard::rebootRequested, this, &MainWindow::askToReboot);
    connect(wizard, &CreateClusterWizard::deleteRequested, this, [this](const QString &name) {
        // The clusters table may not hold the failed cluster yet: it is fetched first.
        if (m_model->cluster(name))
            askToDelete(name);
        else
            statusBar()->showMessage(tr("Refreshing the clusters; try again in a moment"), 5000);
        m_refresher->refreshNow();
    });
    connect(wizard, &CreateClusterWizard::logsRequested, this, [this](const QString &name) {
        showLogs(core::logquery::clusterQuery(name.section(QLatin1Char('/'), -1)));
    });
    connect(wizard, &QWizard::accepted, this, [this, wizard] {
        const auto *progress =
            static_cast<CreationProgressPage *>(wizard->page(CreateClusterWizard::ProgressStep));
        m_refresher->refreshNow();
        if (!wizard->createdName().isEmpty() && progress->succeeded())
            showDetails(wizard->createdName());
    });
    wizard->show();
    return wizard;
}

void MainWindow::showDetails(const QString &name)
{
    if (name.isEmpty() || !m_session)
        return;
    auto *dialog = new ClusterDetailsDialog(
        name, m_session->vertex(), *m_model,
        m_session->profile().backend == core::Profile::Backend::ThisComputer, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    bindToBackend(dialog);
    connect(dialog, &ClusterDetailsDialog::scaleRequested, this, &MainWindow::askToScale);
    connect(dialog, &ClusterDetailsDialog::rebootRequested, this, &MainWindow::askToReboot);
    connect(dialog, &ClusterDetailsDialog::deleteRequested, this, &MainWindow::askToDelete);
    connect(dialog, &ClusterDetailsDialog::dashboardRequested, this,
            [this](const QString &name) { openDashboard(name); });
    connect(dialog, &ClusterDetailsDialog::jupyterLabRequested, this,
            &MainWindow::openInJupyterLab);
    connect(dialog, &ClusterDetailsDialog::logsRequested, this, [this](const QString &name) {
        showLogs(core::logquery::clusterQuery(name.section(QLatin1Char('/'), -1)));
    });
    dialog->show();
}

void MainWindow::askToScale(const QString &name)
{
    const auto *cluster = m_model->cluster(name);
    if (!cluster || !m_session)
        return;
    const auto &capabilities = m_session->capabilities();
    const int maxNodes = capabilities.known ? capabilities.maxNodesPerCluster : 1000;
    auto *dialog = new ScaleDialog(*cluster, maxNodes, *m_costs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    bindToBackend(dialog);
    connect(dialog, &QDialog::accepted, this, [this, dialog, name] {
        const auto replicas = dialog->replicas();
        if (!replicas.empty())
            scale(name, replicas);
    });
    dialog->open();
}

void MainWindow::scale(const QString &name, const std::map<QString, qint64> &replicas)
{
    const QString id = name.section(QLatin1Char('/'), -1);
    m_session->vertex()->scaleCluster(name, replicas, this, [this, id](auto result) {
        if (!went(result.error, id, tr("Scaling failed"), tr("%1 was not scaled: %2")))
            return;
        followOperation(result.value, tr("Scaling %1…").arg(id), tr("%1 was scaled").arg(id));
    });
}

bool MainWindow::went(const std::optional<rest::ApiError> &error, const QString &id,
                      const QString &title, const QString &refusal)
{
    if (!error)
        return true;
    if (error->kind == rest::ApiError::Kind::Cancelled)
        statusBar()->showMessage(tr("%1: cancelled; the backend was switched").arg(id), 10000);
    else
        QMessageBox::warning(this, title, refusal.arg(id, error->message));
    return false;
}

void MainWindow::askToReboot(const QString &name)
{
    const QString id = name.section(QLatin1Char('/'), -1);
    auto *box = new QMessageBox(QMessageBox::Question, tr("Reboot %1?").arg(id),
                                tr("Every node of %1 restarts; running jobs end.").arg(id),
                                QMessageBox::Cancel, this);
    box->addButton(tr("Reboot"), QMessageBox::AcceptRole);
    box->setAttribute(Qt::WA_DeleteOnClose);
    bindToBackend(box);
    connect(box, &QMessageBox::accepted, this, [this, name] { reboot(name); });
    box->open();
}

void MainWindow::reboot(const QString &name)
{
    const QString id = name.section(QLatin1Char('/'), -1);
    m_session->vertex()->rebootCluster(name, this, [this, id](auto result) {
        if (!went(result.error, id, tr("Reboot failed"), tr("%1 was not rebooted: %2")))
            return;
        followOperation(result.value, tr("Rebooting %1…").arg(id),
                        tr("%1 is running again").arg(id));
    });
}

void MainWindow::askToDelete(const QString &name)
{
    const auto *cluster = m_model->cluster(name);
    if (!cluster)
        return;
    auto *dialog = new DeleteClusterDialog(*cluster, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    bindToBackend(dialog);
    connect(dialog, &QDialog::accepted, this, [this, name] { remove(name); });
    dialog->open();
}

void MainWindow::remove(const QString &name)
{
    const QString id = name.section(QLatin1Char('/'), -1);
    m_session->vertex()->deleteCluster(name, this, [this, id](auto result) {
        if (!went(result.error, id, tr("Deletion failed"), tr("%1 was not deleted: %2")))
            return;
        followOperation(result.value, tr("Deleting %1…").arg(id), tr("%1 was deleted").arg(id));
    });
}

void MainWindow::followOperation(const QString &operation, const QString &doing,
                                 const QString &done)
{
    m_refresher->refreshNow();
    statusBar()->showMessage(doing);
    rest::OperationPoller::follow(
        m_session->vertex()->restClient(), m_session->vertex()->url(operation), this,
        [this, doing, done](const std::optional<rest::ApiError> &error, const nlohmann::json &) {
            if (!error)
                statusBar()->showMessage(done, 10000);
            else
                statusBar()->showMessage(
                    error->kind == rest::ApiError::Kind::Cancelled
                        ? tr("No longer following \"%1\": the backend was switched").arg(doing)
                        : tr("Failed: %1").arg(error->message),
                    20000);
            m_refresher->refreshNow();
        });
}

void MainWindow::copyConnectionSnippet()
{
    const auto *cluster = m_model->cluster(selectedName());
    if (!cluster || !m_session)
        return;
    const auto snippets = core::ConnectionSnippets::of(
        *cluster, m_session->profile().backend == core::Profile::Backend::ThisComputer,
        m_session->vertex()->endpoint().baseUrl);
    QGuiApplication::clipboard()->setText(snippets.rayInit);
    statusBar()->showMessage(tr("Copied: %1").arg(snippets.rayInit.section(QLatin1Char('\n'), -1)),
                             5000);
}

DashboardWindow *MainWindow::openDashboard(const QString &name)
{
    const auto *cluster = m_model->cluster(name);
    return cluster ? openDashboard(*cluster) : nullptr;
}

void MainWindow::openInJupyterLab(const QString &name)
{
    const auto *cluster = m_model->cluster(name);
    if (!m_session || !cluster || cluster->state != ClusterState::Running)
        return;
    core::JupyterLab *lab = m_session->notebooks();
    const QString warning =
        core::versionWarning(cluster->rayVersion(), cluster->pythonVersion(), lab->versions());
    if (!warning.isEmpty() && QMessageBox::warning(this, tr("Open in JupyterLab"), warning,
                                                   QMessageBox::Open | QMessageBox::Cancel,
                                                   QMessageBox::Cancel) != QMessageBox::Open)
        return;
    statusBar()->showMessage(lab->state() == core::JupyterLab::State::Running
                                 ? tr("Opening %1 in JupyterLab…").arg(cluster->id())
                                 : tr("Starting JupyterLab for %1…").arg(cluster->id()));
    // The sample notebooks are copied on first use in the language of the interface.
    const QString language = QLocale().name();
    QPointer<BackendSession> session(m_session);
    lab->open(m_session->kernelTarget(*cluster), language,
              [this, session, lab, clusterName = cluster->name](
                  const std::variant<core::JupyterLab::Server, QString> &outcome) {
                  // A session that ends takes its JupyterLab's answer with it.
                  if (!session || session != m_session || lab->closing())
                      return;
                  if (const auto *why = std::get_if<QString>(&outcome)) {
                      statusBar()->clearMessage();
                      QMessageBox::warning(this, tr("Open in JupyterLab"), *why);
                      return;
                  }
                  showJupyterLab(std::get<core::JupyterLab::Server>(outcome), clusterName);
              });
}

void MainWindow::showJupyterLab(const core::JupyterLab::Server &server, const QString &cluster)
{
    core::JupyterLab *lab = m_session->notebooks();
    const QString notebook = core::JupyterLab::firstSample(cluster);
    statusBar()->showMessage(tr("JupyterLab runs at %1 (notebooks in %2); Clusters > Stop "
                                "JupyterLab stops it.")
                                 .arg(server.url().toString(), lab->places().notebooks()),
                             30000);
#ifdef ROV_HAVE_WEBENGINE
    if (!QSettings().value(core::settingskeys::jupyterLabInBrowser(), false).toBool()) {
        if (m_jupyterWindow && m_jupyterWindow->server() != server.url())
            delete m_jupyterWindow.data(); // a server started again since
        if (!m_jupyterWindow) {
            m_jupyterWindow =
                new JupyterLabWindow(server.url(), server.token, m_session->profileName(), this);
            bindToBackend(m_jupyterWindow);
        }
        m_jupyterWindow->open(notebook);
        m_jupyterWindow->show();
        m_jupyterWindow->raise();
        m_jupyterWindow->activateWindow();
        return;
    }
#endif
    const auto page = lab->browserPage(notebook);
    if (const auto *why = std::get_if<QString>(&page)) {
        QMessageBox::warning(this, tr("Open in JupyterLab"), *why);
        return;
    }
    QDesktopServices::openUrl(std::get<QUrl>(page));
}

JupyterLabWindow *MainWindow::jupyterLabWindow() const
{
#ifdef ROV_HAVE_WEBENGINE
    return m_jupyterWindow;
#else
    return nullptr;
#endif
}

void MainWindow::stopJupyterLab()
{
    if (!m_session)
        return;
#ifdef ROV_HAVE_WEBENGINE
    if (m_jupyterWindow)
        m_jupyterWindow->close();
#endif
    m_session->notebooks()->stop();
    statusBar()->showMessage(tr("JupyterLab is stopping; its kernels end with it."), 10000);
}

DashboardWindow *MainWindow::openDashboard(const api::vertex::PersistentResource &cluster)
{
    if (!m_session)
        return nullptr;
    const QUrl address = core::ConnectionSnippets::of(cluster, true, QUrl()).dashboard;
    if (address.isEmpty())
        return nullptr;
    const QString name = cluster.name;
    QPointer<DashboardWindow> &window = m_dashboards[name];
    if (!window) {
        window = new DashboardWindow(
            m_session->rest(), address, name,
            cluster.displayName.isEmpty() ? cluster.id() : cluster.displayName, &m_history, this);
        window->setWindowFlag(Qt::Window);
        bindToBackend(window);
        window->setMonitoring(m_session->monitoring(), cluster.id());
        connect(window, &DashboardWindow::historyRequested, this,
                [this, name] { showJobHistory(name); });
        connect(window, &DashboardWindow::jupyterLabRequested, this,
                [this, name] { openInJupyterLab(name); });
        connect(window, &DashboardWindow::logsRequested, this, &MainWindow::showLogs);
        connect(
            window, &DashboardWindow::registerModelRequested, this,
            [this](const QString &artifact, const QString &name) { showModels(artifact, name); });
        connect(window, &DashboardWindow::dashboardProblem, m_refresher,
                &core::ClusterRefresher::refreshNow);
        updateDashboard(name);
    }
    window->show();
    window->raise();
    window->activateWindow();
    return window;
}

void MainWindow::updateDashboard(const QString &name)
{
    DashboardWindow *window = m_dashboards.value(name);
    if (!window || !m_refresher->hasListed())
        return;
    const auto *cluster = m_model->cluster(name);
    window->setClusterStatus(!cluster ? DashboardWindow::ClusterStatus::Gone
                             : cluster->state == ClusterState::Stopping
                                 ? DashboardWindow::ClusterStatus::Deleting
                                 : DashboardWindow::ClusterStatus::Available);
}

ModelsPage *MainWindow::showModels(const QString &registerFrom, const QString &displayName)
{
    raise();
    activateWindow();
    m_navigation->show(Page::Models);
    if (!registerFrom.isEmpty())
        m_modelsPage->registerFrom(registerFrom, displayName);
    return m_modelsPage;
}

BatchPage *MainWindow::showBatch()
{
    raise();
    activateWindow();
    m_navigation->show(Page::Batch);
    return m_batchPage;
}

DataPage *MainWindow::showData()
{
    m_navigation->show(Page::Data);
    return m_dataPage;
}

EndpointsPage *MainWindow::showEndpoints()
{
    raise();
    activateWindow();
    m_navigation->show(Page::Endpoints);
    return m_endpointsPage;
}

LogsPage *MainWindow::showLogs(const QString &query)
{
    m_navigation->show(Page::Logs);
    m_logsPage->showQuery(query);
    show();
    raise();
    activateWindow();
    return m_logsPage;
}

JobHistoryPage *MainWindow::showJobHistory(const QString &cluster)
{
    m_navigation->show(Page::JobHistory);
    m_historyPage->reload();
    if (!cluster.isEmpty())
        m_historyPage->selectCluster(cluster);
    show();
    raise();
    activateWindow();
    return m_historyPage;
}

void MainWindow::openHistoryStore()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    core::privateFolder(folder); // the store says so when it cannot open there
    QString error;
    if (!m_history.open(QDir(folder).filePath(QStringLiteral("job-history.sqlite")), &error))
        statusBar()->showMessage(tr("The job history is not available: %1").arg(error));
    // The Job history page applies the retention period when it is made.
}

void MainWindow::showProjectSetup()
{
    auto *dialog = new ProjectSetupDialog(
        m_profiles, QCoreApplication::applicationDirPath() + QStringLiteral("/rovd"), m_session,
        this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog] { useProfile(dialog->chosen()); });
    dialog->open();
}

void MainWindow::showSettings()
{
    auto *dialog = new SettingsDialog(m_languages, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate(); // every other window follows on its own, where it stands
    QMainWindow::changeEvent(event);
}

void MainWindow::retranslate()
{
    setWindowTitle(productName());
    m_fileMenu->setTitle(tr("&File"));
    m_goMenu->setTitle(tr("&Go"));
    m_clusterMenu->setTitle(tr("&Clusters"));
    m_helpMenu->setTitle(tr("&Help"));
    m_toolBar->setWindowTitle(tr("Cluster actions"));
    m_projectSetupAction->setText(tr("&Project setup…"));
    m_settingsAction->setText(tr("&Settings…"));
    m_quitAction->setText(tr("&Quit"));
    m_createAction->setText(tr("&Create cluster…"));
    m_detailsAction->setText(tr("&Details"));
    m_copySnippetAction->setText(tr("Cop&y connection snippet"));
    m_dashboardAction->setText(tr("Open Ray dash&board"));
    m_jupyterAction->setText(tr("Open in &JupyterLab"));
    m_stopJupyterAction->setText(tr("S&top JupyterLab"));
    m_colabAction->setText(tr("Open in Colab &Enterprise"));
    m_colabAction->setToolTip(tr("Google Cloud's Ray on Vertex AI page, where each cluster's row "
                                 "opens a Colab Enterprise notebook connected to it"));
    m_scaleAction->setText(tr("&Scale…"));
    m_rebootAction->setText(tr("&Reboot…"));
    m_deleteAction->setText(tr("De&lete…"));
    m_refreshAction->setText(tr("Re&fresh"));
    m_shortcutsAction->setText(tr("&Keyboard shortcuts"));
    m_guideAction->setText(tr("&User guide"));
    m_guideAction->setToolTip(
        tr("The user guide at this page's section, in the console's language"));
    m_aboutAction->setText(tr("&About"));
    m_navigation->setTitle(Page::Clusters, tr("Ray clusters"),
                           tr("The Ray clusters of the project: create, scale, reboot, delete"));
    m_navigation->setTitle(Page::JobHistory, tr("Job history"),
                           tr("Every job the console saw, with its final log, after its cluster "
                              "is gone"));
    m_navigation->setTitle(Page::Monitoring, tr("Monitoring"),
                           tr("Charts of the clusters' metrics: CPU, memory, tasks, actors, "
                              "nodes, network and disk, live or after a cluster is gone"));
    m_navigation->setTitle(Page::Logs, tr("Logs"),
                           tr("Every Ray log of every node, searched with Cloud Logging's query "
                              "language, followed live, and kept after a cluster is gone"));
    m_navigation->setTitle(Page::Models, tr("Model Registry"),
                           tr("Models to serve: register one from a folder or a job's gs:// "
                              "output, then deploy it to an endpoint"));
    m_navigation->setTitle(Page::Endpoints, tr("Endpoints"),
                           tr("Deployed models that answer predictions: traffic split, replicas, "
                              "and a panel to test them"));
    m_navigation->setTitle(Page::Batch, tr("Batch predictions"),
                           tr("A registered model applied to a file or a table of instances on "
                              "Ray Data: progress, cost, the predictions and the errors"));
    m_navigation->setTitle(Page::Data, tr("Data"),
                           tr("BigQuery: datasets and tables, their rows, and GoogleSQL queries "
                              "with their cost before they run"));
    m_retryButton->setText(tr("&Retry now"));
    m_retryButton->setToolTip(
        tr("Ask the backend again at once instead of waiting for the next try"));
    m_startRovdButton->setText(tr("&Start rovd"));
    m_startRovdButton->setToolTip(
        tr("Start the local control plane again; its clusters are adopted as they are"));
    for (QAction *action :
         {m_createAction, m_detailsAction, m_copySnippetAction, m_dashboardAction, m_jupyterAction,
          m_stopJupyterAction, m_scaleAction, m_rebootAction, m_deleteAction, m_refreshAction}) {
        const QString shortcut = action->shortcut().toString(QKeySequence::NativeText);
        const QString text = withoutMnemonic(action->text());
        action->setToolTip(shortcut.isEmpty() ? text
                                              : QStringLiteral("%1 (%2)").arg(text, shortcut));
    }
    Q_EMIT m_model->headerDataChanged(Qt::Horizontal, 0, core::ClusterListModel::ColumnCount - 1);
    m_model->setNow(QDateTime::currentDateTimeUtc());
    showBackendStatus();
    showRovdNotice();
    showConnectionProblem();
}

void MainWindow::showBackendStatus()
{
    m_backendStatus->setText(
        m_session ? QStringLiteral("%1 — %2").arg(m_session->profileName(), m_session->statusText())
                  : tr("Not connected"));
}

void MainWindow::showShortcuts()
{
    // Read from the menus themselves, so the list cannot drift from what the keys do.
    auto *dialog = new QDialog(this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("shortcutsDialog"));
    auto *tree = new QTreeWidget(dialog);
    tree->setObjectName(QStringLiteral("shortcutList"));
    const QPointer<MainWindow> self(this);
    const auto fill = [self, dialog, tree] {
        if (!self)
            return;
        dialog->setWindowTitle(withoutMnemonic(self->m_shortcutsAction->text()));
        tree->clear();
        tree->setHeaderLabels({tr("Action"), tr("Keys")});
        for (QMenu *menu :
             {self->m_fileMenu, self->m_goMenu, self->m_clusterMenu, self->m_helpMenu}) {
            auto *group = new QTreeWidgetItem(tree, {withoutMnemonic(menu->title())});
            for (const QAction *action : menu->actions()) {
                if (!action->isSeparator() && !action->shortcut().isEmpty())
                    new QTreeWidgetItem(group,
                                        {withoutMnemonic(action->text()),
                                         action->shortcut().toString(QKeySequence::NativeText)});
            }
        }
        // Keys of a page's own (QShortcuts with words in their What's This), by page.
        const auto &pages = self->m_navigation->actions();
        for (size_t i = 0; i < pages.size(); ++i) {
            QWidget *page = self->m_navigation->widget(Page(i));
            QTreeWidgetItem *group = nullptr;
            for (const QShortcut *key :
                 page ? page->findChildren<QShortcut *>() : QList<QShortcut *>{}) {
                if (key->whatsThis().isEmpty())
                    continue;
                if (!group)
                    group = new QTreeWidgetItem(tree, {withoutMnemonic(pages[i]->text())});
                new QTreeWidgetItem(
                    group, {key->whatsThis(), key->key().toString(QKeySequence::NativeText)});
            }
        }
        new QTreeWidgetItem(tree, {tr("Every Ray dashboard window has its own: see its menus")});
        tree->expandAll();
    };
    fill();
    (new Texts(dialog))->onChange(fill); // after the menus have their new words
    tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    tree->header()->setStretchLastSection(false);
    tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, dialog);
    offerGuide(dialog, buttons, QStringLiteral("shortcuts"));
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(dialog);
    layout->addWidget(tree);
    layout->addWidget(buttons);
    dialog->resize(560, 520);
    dialog->show();
}

void MainWindow::showRovdNotice()
{
    const auto pid = m_session ? m_session->localRovdPid() : std::nullopt;
    m_rovdNotice->setVisible(pid.has_value());
    if (!pid)
        return;
    m_rovdNotice->setText(
        core::localrovd::runsAsUserService(*pid)
            ? tr("rovd (pid %1) is your systemd user service; it keeps running after you quit "
                 "(systemctl --user status rovd)")
                  .arg(*pid)
        : m_session->launchedRovd()
            ? tr("The console started rovd (pid %1); it keeps running after you quit").arg(*pid)
            : tr("rovd (pid %1) keeps running after you quit").arg(*pid));
    m_rovdNotice->setToolTip(
        tr("rovd and its Ray clusters keep running when the console closes, so that jobs go on. "
           "Stop rovd in File → Project setup; its clusters are adopted when it starts again."));
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About %1").arg(productName()),
                       tr("%1 %2\nA desktop console for Ray clusters on Vertex AI.")
                           .arg(productName(), QStringLiteral(ROV_VERSION)));
}

} // namespace rov::ui
