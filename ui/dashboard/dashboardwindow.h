#pragma once

#include "texts.h"

#include <QMainWindow>
#include <functional>

class QAction;
class QPushButton;
class QTabWidget;

namespace rov::rest {
class RestClient;
}
namespace rov::api::monitoring {
class MonitoringClient;
}
namespace rov::core {
class DashboardSession;
class JobHistoryStore;
} // namespace rov::core

namespace rov::ui {

class ActorsTasksTab;
class Banner;
class JobsTab;
class NodesTab;
class OverviewTab;
class SubmitJobDialog;

// One Ray cluster's dashboard, through its REST API: overview, nodes, jobs with live logs,
// actors and tasks. Works for any dashboard the console can reach.
class DashboardWindow : public QMainWindow
{
    Q_OBJECT
public:
    DashboardWindow(rest::RestClient *rest, const QUrl &dashboard, const QString &cluster,
                    const QString &clusterName, core::JobHistoryStore *history,
                    QWidget *parent = nullptr);
    ~DashboardWindow() override;

    core::DashboardSession *session() const { return m_session; }
    QTabWidget *tabs() const { return m_tabs; }
    OverviewTab *overview() const { return m_overview; }
    NodesTab *nodesTab() const { return m_nodes; }
    JobsTab *jobsTab() const { return m_jobs; }
    ActorsTasksTab *actorsTasksTab() const { return m_actorsTasks; }

    // What the console knows of the cluster, from the backend's list.
    enum class ClusterStatus
    {
        Available,
        Deleting,
        Gone
    };
    void setClusterStatus(ClusterStatus status);
    ClusterStatus clusterStatus() const { return m_status; }
    Banner *banner() const { return m_banner; }
    bool canSubmit() const;

    // The backend's PromQL API, for the overview's live charts of cluster `clusterId`.
    void setMonitoring(api::monitoring::MonitoringClient *client, const QString &clusterId);

    SubmitJobDialog *openSubmitDialog();
    void stopSelectedJob();
    // The Logs page for the cluster, the node selected in Nodes, the job selected in Jobs.
    void viewLogs(bool node, bool job);
    void registerModelFromJob();
    void deleteSelectedJob();

Q_SIGNALS:
    void historyRequested();
    // "View logs": the Logs page with this query (the cluster's, the selected node's or job's).
    void logsRequested(const QString &query);
    // Register model from this job: the gs:// folder its log names, and a name for the model.
    void registerModelRequested(const QString &artifactUri, const QString &displayName);
    // The dashboard stopped answering: the owner asks the backend whether the cluster is still
    // there.
    void dashboardProblem();
    // "Open in JupyterLab": the cluster's kernel in the profile's JupyterLab.
    void jupyterLabRequested();

private:
    void createActions();
    void updateActions();
    void showBanner();
    QAction *addAction(Texts::Text text, const QKeySequence &shortcut, const char *name,
                       std::function<void()> slot);

    core::DashboardSession *m_session;
    QTabWidget *m_tabs;
    OverviewTab *m_overview;
    NodesTab *m_nodes;
    JobsTab *m_jobs;
    ActorsTasksTab *m_actorsTasks;
    QAction *m_submit = nullptr;
    QAction *m_stop = nullptr;
    QAction *m_delete = nullptr;
    QAction *m_jobLogs = nullptr;
    QAction *m_registerModel = nullptr;
    QAction *m_nodeLogs = nullptr;
    QAction *m_jupyterLab = nullptr;
    QString m_clusterId;
    QString m_selectWhenListed; // a job just submitted
    Banner *m_banner;
    Texts *m_texts; // its words, in the language of the moment
    QPushButton *m_bannerHistory;
    QPushButton *m_bannerClose;
    ClusterStatus m_status = ClusterStatus::Available;
};

} // namespace rov::ui
