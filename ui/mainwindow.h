#pragma once

#include "core/backendsession.h"
#include "core/jobhistorystore.h"
#include "core/profile.h"

#include <QMainWindow>
#include <QMap>
#include <QPointer>
#include <QTimer>
#include <memory>

class QAction;
class QLabel;
class QMenu;
class QPushButton;
class QStackedWidget;
class QToolBar;

namespace rov::core {
class ClusterListModel;
class ClusterRefresher;
class CostEstimator;
class ServingController;
class BatchController;
class DataController;
class LanguageManager;
} // namespace rov::core

namespace rov::ui {

class Banner;
class ClustersPage;
class ContextBar;
class DashboardWindow;
class JupyterLabWindow;
class JobHistoryPage;
class LogsPage;
class ModelsPage;
class BatchPage;
class EndpointsPage;
class DataPage;
class MonitoringPage;
class AlertIndicator;
class Navigation;
class CreateClusterWizard;

// The console's window, a shell in the manner of Google Cloud's console: the pages on the left
// (Ray clusters, Job history), the project, region and backend above them, and every action on
// the clusters. Each cluster's Ray dashboard is a window of its own.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    static QString productName();
    void setLanguageManager(core::LanguageManager *languages) { m_languages = languages; }
    // Connects to the profile's backend (starting rovd for "This computer").
    // By value: the profile may belong to the session that this ends.
    void useProfile(core::Profile profile);

    core::BackendSession *session() const { return m_session; }
    core::ClusterListModel *clusterModel() const { return m_model.get(); }
    ClustersPage *clustersPage() const { return m_clusters; }
    Navigation *navigation() const { return m_navigation; }
    ContextBar *contextBar() const { return m_contextBar; }

    // The actions, also reachable from tests.
    CreateClusterWizard *openCreateWizard();
    void showDetails(const QString &name);
    void scale(const QString &name, const std::map<QString, qint64> &replicas);
    void reboot(const QString &name);
    void remove(const QString &name);
    void refresh();
    // The cluster's dashboard window (one per cluster), or null when it is not reachable.
    DashboardWindow *openDashboard(const QString &name);
    // Opens the cluster's kernel in the profile's JupyterLab (started when none runs) in the
    // system browser, after a version warning when the cluster's Ray or Python differs.
    void openInJupyterLab(const QString &name);
    void stopJupyterLab();
    // The JupyterLab window (null when JupyterLab opens in the system browser, or none is open).
    JupyterLabWindow *jupyterLabWindow() const;
    // From a cluster value (a just-created one the table has not refreshed yet).
    DashboardWindow *openDashboard(const api::vertex::PersistentResource &cluster);
    // Shows the Job history page, at the cluster's jobs when it has any.
    JobHistoryPage *showJobHistory(const QString &cluster = {});
    // The Logs page with `query` run ("View logs" of a cluster, a node, a job).
    LogsPage *showLogs(const QString &query);
    // The Model Registry, with Register model open on a job's gs:// output when one is given.
    ModelsPage *showModels(const QString &registerFrom = {}, const QString &displayName = {});
    EndpointsPage *showEndpoints();
    DataPage *showData();
    BatchPage *showBatch();
    core::JobHistoryStore *jobHistory() { return &m_history; }
    Banner *connectionBanner() const { return m_connectionBanner; }
    QLabel *rovdNotice() const { return m_rovdNotice; }

protected:
    void changeEvent(QEvent *event) override;

private:
    void showJupyterLab(const core::JupyterLab::Server &server, const QString &cluster);
    void createActions();
    void createMenus();
    void layOut();
    void connectSignals();
    void showShortcuts();
    void retranslate();
    void updateActions();
    void showBackendStatus();
    void showRovdNotice();
    void showConnectionProblem();
    bool isConnected() const;
    // Ties a window to the current backend: it closes when the backend is switched.
    void bindToBackend(QWidget *window);
    // Tells the cluster's dashboard window, if open, whether the cluster is still there.
    void updateDashboard(const QString &name);
    void askToScale(const QString &name);
    void askToDelete(const QString &name);
    void askToReboot(const QString &name);
    // How an action's request went: CANCELLED to the status bar, a refusal to a message box
    // (`refusal` takes the id and the reason). True when the backend took it.
    bool went(const std::optional<rest::ApiError> &error, const QString &id, const QString &title,
              const QString &refusal);
    void followOperation(const QString &operation, const QString &doing, const QString &done);
    void copyConnectionSnippet();
    void openHistoryStore();
    void showProjectSetup();
    void showSettings();
    void showAbout();
    QString selectedName() const;

    std::unique_ptr<core::CostEstimator> m_costs;
    std::unique_ptr<core::ClusterListModel> m_model;
    core::ClusterRefresher *m_refresher;
    QPointer<core::BackendSession> m_session;
    core::LanguageManager *m_languages = nullptr;
    core::ProfileStore m_profiles;
    core::JobHistoryStore m_history;
    QMap<QString, QPointer<DashboardWindow>> m_dashboards;
    QStackedWidget *m_pages;
    Navigation *m_navigation;
    ClustersPage *m_clusters;
    JobHistoryPage *m_historyPage;
    MonitoringPage *m_monitoringPage;
    LogsPage *m_logsPage;
    core::ServingController *m_serving;
    ModelsPage *m_modelsPage;
    EndpointsPage *m_endpointsPage;
    core::BatchController *m_batch;
    BatchPage *m_batchPage;
    core::DataController *m_data;
    DataPage *m_dataPage;
    ContextBar *m_contextBar;
    QLabel *m_backendStatus;
    AlertIndicator *m_alertIndicator;
    QLabel *m_rovdNotice;            // a rovd that outlives the console is never a surprise
    QPointer<QDialog> m_pythonSetup; // first start of an installed console: pip's progress
    Banner *m_connectionBanner;
    QPushButton *m_retryButton;
    QPushButton *m_startRovdButton;
    QTimer m_clock;
    QToolBar *m_toolBar;
    QMenu *m_fileMenu;
    QMenu *m_goMenu;
    QMenu *m_clusterMenu;
    QMenu *m_helpMenu;
    QAction *m_projectSetupAction;
    QAction *m_settingsAction;
    QAction *m_quitAction;
    QAction *m_createAction;
    QAction *m_detailsAction;
    QAction *m_copySnippetAction;
    QAction *m_dashboardAction;
    QAction *m_jupyterAction;
    QPointer<JupyterLabWindow> m_jupyterWindow;
    QAction *m_stopJupyterAction;
    QAction *m_colabAction;
    QAction *m_scaleAction;
    QAction *m_rebootAction;
    QAction *m_deleteAction;
    QAction *m_refreshAction;
    QAction *m_shortcutsAction;
    QAction *m_guideAction;
    QAction *m_aboutAction;
};

} // namespace rov::ui
