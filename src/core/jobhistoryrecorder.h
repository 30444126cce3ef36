#pragma once

#include "api/ray/raydashboardclient.h" // Result

#include <QObject>
#include <QPointer>
#include <deque>
#include <map>
#include <set>

namespace rov::core {

class JobHistoryStore;

// Writes what a cluster's job list shows into the history: every job's row when it changes, and
// the whole log of each job that ended, fetched once.
class JobHistoryRecorder : public QObject
{
    Q_OBJECT
public:
    JobHistoryRecorder(JobHistoryStore *store, api::ray::RayDashboardClient *client,
                       QString cluster, QString clusterName, QObject *parent = nullptr);

    void observe(const std::vector<api::ray::JobDetails> &jobs);

Q_SIGNALS:
    void logRecorded(const QString &key);
    void failed(const QString &message);

private:
    static constexpr size_t kLogsInFlight = 4; // a cluster with hundreds of old jobs is not flooded

    void fetchNextLogs();
    void keepLog(const QString &key, const api::ray::Result<QString> &logs);

    JobHistoryStore *m_store;
    QPointer<api::ray::RayDashboardClient> m_client;
    QString m_cluster;
    QString m_clusterName;
    std::map<QString, QString> m_recordedStatus; // key → status last written
    std::set<QString> m_logKept;
    std::set<QString> m_fetching;
    std::deque<QString> m_waiting; // ended jobs whose log is still to fetch
    size_t m_inFlight = 0;
    std::set<QString> m_gaveUp;
};

} // namespace rov::core
