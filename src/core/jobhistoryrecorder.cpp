#include "jobhistoryrecorder.h"

#include "ansifilter.h"
#include "api/ray/raydashboardclient.h"
#include "jobhistorystore.h"
#include "joblistmodel.h"

namespace rov::core {

using api::ray::JobDetails;

JobHistoryRecorder::JobHistoryRecorder(JobHistoryStore *store, api::ray::RayDashboardClient *client,
                                       QString cluster, QString clusterName, QObject *parent)
    : QObject(parent), m_store(store), m_client(client), m_cluster(std::move(cluster)),
      m_clusterName(std::move(clusterName))
{}

void JobHistoryRecorder::observe(const std::vector<JobDetails> &jobs)
{
    if (!m_store || !m_store->isOpen())
        return;
    m_store->beginBatch();
    for (const JobDetails &job : jobs) {
        const QString key = JobListModel::jobKey(job);
        const QString seen = job.status + job.message;
        if (m_recordedStatus[key] != seen) {
            if (!m_store->recordJob(m_cluster, m_clusterName, job)) {
                Q_EMIT failed(m_store->lastError());
                continue;
            }
            m_recordedStatus[key] = seen;
        }
        // Jobs a driver started have no log in the Jobs API. A log that failed once is not asked
        // for again on every refresh.
        if (!job.isTerminal() || job.submissionId.isEmpty() || m_logKept.count(key) ||
            m_fetching.count(key) || m_gaveUp.count(key))
            continue;
        // The store is asked once per job; after that the set answers on every refresh.
        if (m_store->hasLog(m_cluster, key)) {
            m_logKept.insert(key);
        } else {
            m_fetching.insert(key);
            m_waiting.push_back(key);
        }
    }
    m_store->commitBatch();
    fetchNextLogs();
}

void JobHistoryRecorder::fetchNextLogs()
{
    while (m_client && !m_waiting.empty() && m_inFlight < kLogsInFlight) {
        const QString key = m_waiting.front();
        m_waiting.pop_front();
        ++m_inFlight;
        m_client->jobLogs(key, this, [this, key](api::ray::Result<QString> logs) {
            --m_inFlight;
            keepLog(key, logs);
            m_fetching.erase(key);
            fetchNextLogs();
        });
    }
}

void JobHistoryRecorder::keepLog(const QString &key, const api::ray::Result<QString> &logs)
{
    if (!logs.ok()) {
        m_gaveUp.insert(key);
        Q_EMIT failed(tr("Could not keep the log of %1: %2").arg(key, logs.error->message));
        return;
    }
    // Kept as the log view shows it: without terminal colour codes.
    if (m_store->recordLog(m_cluster, key, AnsiFilter().filter(logs.value.toUtf8()))) {
        m_logKept.insert(key);
        Q_EMIT logRecorded(key);
    } else
        Q_EMIT failed(m_store->lastError());
}

} // namespace rov::core
