#pragma once

#include "api/ray/raydashboardclient.h"
#include "joblistmodel.h"
#include "logmodel.h"
#include "nodelistmodel.h"
#include "statesummarymodel.h"
#include "tasklistmodel.h"

#include <QTimer>
#include <memory>

namespace rov::core {

class JobHistoryRecorder;
class JobHistoryStore;
class JobLogFollower;

// Everything the dashboard window shows of one Ray cluster, kept fresh: jobs every 2 s; nodes,
// load, actors and tasks every 4 s. Finished jobs go to the history as they are seen.
class DashboardSession : public QObject
{
    Q_OBJECT
public:
    static constexpr int kTaskPageSize = 1000;

    DashboardSession(rest::RestClient *rest, const QUrl &dashboard, const QString &cluster,
                     const QString &clusterName, JobHistoryStore *history,
                     QObject *parent = nullptr);
    ~DashboardSession() override;

    api::ray::RayDashboardClient *client() { return &m_client; }
    QString cluster() const { return m_cluster; }
    QString clusterName() const { return m_clusterName; }
    JobListModel *jobs() { return &m_jobs; }
    NodeListModel *nodes() { return &m_nodes; }
    StateSummaryModel *actorSummary() { return &m_actors; }
    StateSummaryModel *taskSummary() { return &m_taskSummary; }
    TaskListModel *tasks() { return &m_tasks; }
    LogModel *log() { return &m_log; }
    JobLogFollower *logFollower() { return m_follower.get(); }

    const std::optional<api::ray::RayLoad> &load() const { return m_load; }
    QString rayVersion() const { return m_rayVersion; }
    QDateTime headStarted() const;
    // The last refresh problem, empty once a refresh works again.
    QString problem() const { return m_problem; }

    void refreshNow();
    // The cluster is gone: no more refreshes (what was shown stays).
    void stop() { m_timer.stop(); }
    bool isRefreshing() const { return m_timer.isActive(); }
    // Shows this job's log in log(), streamed while it runs.
    void followJob(const QString &key);

Q_SIGNALS:
    void overviewChanged();
    void jobsChanged();
    void problemChanged(const QString &problem);

private:
    void refreshJobs();
    void refreshCluster();
    void setProblem(const QString &problem);
    template <typename T> bool accept(const api::ray::Result<T> &result);

    api::ray::RayDashboardClient m_client;
    QString m_cluster;
    QString m_clusterName;
    JobListModel m_jobs;
    NodeListModel m_nodes;
    StateSummaryModel m_actors;
    StateSummaryModel m_taskSummary;
    TaskListModel m_tasks;
    LogModel m_log;
    std::unique_ptr<JobLogFollower> m_follower;
    std::unique_ptr<JobHistoryRecorder> m_recorder;
    std::optional<api::ray::RayLoad> m_load;
    std::vector<api::ray::NodeState> m_nodeStates;
    std::map<QString, api::ray::NodeUsage> m_usage;
    QString m_rayVersion;
    QString m_problem;
    QTimer m_timer;
    int m_tick = 0;
    bool m_jobsInFlight = false;
    int m_clusterCallsInFlight = 0;
};

} // namespace rov::core
