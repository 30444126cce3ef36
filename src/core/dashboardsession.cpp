#include "dashboardsession.h"

#include "jobhistoryrecorder.h"
#include "joblogfollower.h"

namespace rov::core {

using namespace api::ray;

DashboardSession::DashboardSession(rest::RestClient *rest, const QUrl &dashboard,
                                   const QString &cluster, const QString &clusterName,
                                   JobHistoryStore *history, QObject *parent)
    : QObject(parent), m_client(rest, dashboard), m_cluster(cluster), m_clusterName(clusterName),
      m_follower(std::make_unique<JobLogFollower>(&m_client, &m_log)),
      m_recorder(std::make_unique<JobHistoryRecorder>(history, &m_client, cluster, clusterName))
{
    connect(m_recorder.get(), &JobHistoryRecorder::failed, this, &DashboardSession::setProblem);
    connect(m_follower.get(), &JobLogFollower::failed, this, &DashboardSession::setProblem);
    m_timer.setInterval(2000);
    connect(&m_timer, &QTimer::timeout, this, [this] {
        refreshJobs();
        if (++m_tick % 2 == 0)
            refreshCluster();
    });
    m_timer.start();
    refreshNow();
}

DashboardSession::~DashboardSession() = default;

void DashboardSession::refreshNow()
{
    refreshJobs();
    refreshCluster();
}

QDateTime DashboardSession::headStarted() const
{
    for (const NodeRow &row : m_nodes.rows()) {
        if (row.node.head)
            return row.node.startTime;
    }
    return {};
}

void DashboardSession::setProblem(const QString &problem)
{
    if (problem == m_problem)
        return;
    m_problem = problem;
    Q_EMIT problemChanged(problem);
}

template <typename T> bool DashboardSession::accept(const Result<T> &result)
{
    if (result.ok())
        return true;
    setProblem(tr("The Ray dashboard at %1 does not answer as expected: %2")
                   .arg(m_client.dashboard().toString(), result.error->message));
    return false;
}

void DashboardSession::refreshJobs()
{
    if (m_jobsInFlight)
        return;
    m_jobsInFlight = true;
    m_client.listJobs(this, [this](Result<std::vector<JobDetails>> jobs) {
        m_jobsInFlight = false;
        if (!accept(jobs))
            return;
        setProblem({});
        m_recorder->observe(jobs.value);
        for (const JobDetails &job : jobs.value)
            m_follower->update(job);
        m_jobs.setNow(QDateTime::currentDateTimeUtc());
        m_jobs.setJobs(std::move(jobs.value));
        Q_EMIT jobsChanged();
    });
}

void DashboardSession::refreshCluster()
{
    if (m_clusterCallsInFlight > 0)
        return;
    m_clusterCallsInFlight = 6;
    const auto landed = [this] {
        if (--m_clusterCallsInFlight > 0)
            return;
        m_nodes.setNodes(m_nodeStates, m_usage); // both halves of the node table are in
        Q_EMIT overviewChanged();
    };
    m_client.nodeUsage(this, [this, landed](Result<std::map<QString, NodeUsage>> usage) {
        if (accept(usage))
            m_usage = std::move(usage.value);
        landed();
    });
    m_client.listNodes(this, [this, landed](Result<std::vector<NodeState>> nodes) {
        if (accept(nodes))
            m_nodeStates = std::move(nodes.value);
        landed();
    });
    m_client.clusterLoad(this, [this, landed](Result<RayLoad> load) {
        if (accept(load))
            m_load = std::move(load.value);
        landed();
    });
    m_client.summarizeActors(this, [this, landed](Result<StateSummary> summary) {
        if (accept(summary))
            m_actors.setSummary(std::move(summary.value));
        landed();
    });
    m_client.summarizeTasks(this, [this, landed](Result<StateSummary> summary) {
        if (accept(summary))
            m_taskSummary.setSummary(std::move(summary.value));
        landed();
    });
    m_client.listTasks(kTaskPageSize, this, [this, landed](Result<TaskPage> page) {
        if (accept(page))
            m_tasks.setPage(std::move(page.value));
        landed();
    });
    if (m_rayVersion.isEmpty()) {
        m_client.rayVersion(this, [this](Result<QString> version) {
            if (version.ok()) {
                m_rayVersion = version.value;
                Q_EMIT overviewChanged();
            }
        });
    }
}

void DashboardSession::followJob(const QString &key)
{
    if (const JobDetails *job = m_jobs.job(key))
        m_follower->follow(*job);
}

} // namespace rov::core
