#pragma once

#include "api/ray/jobdetails.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>
#include <optional>
#include <vector>

struct sqlite3;

namespace rov::core {

// A job as the console saw it last, kept after its cluster is gone.
struct HistoricJob
{
    QString cluster;     // the cluster's resource name
    QString clusterName; // what the user called it (display name or id)
    QString key;         // submission id, or job id for driver jobs
    QString name;
    QString status;
    QString entrypoint;
    QString message;
    QDateTime startTime;
    QDateTime endTime;
    QDateTime recordedAt;
    bool hasLog = false;
};

struct HistoricCluster
{
    QString cluster;
    QString clusterName;
    int jobs = 0;
    QDateTime lastRecorded;
};

// The console's own record of every job it saw and of the final log of each that ended, in
// SQLite under the user's data directory. Ray's dashboard forgets them with the cluster.
class JobHistoryStore
{
public:
    JobHistoryStore() = default;
    ~JobHistoryStore();
    JobHistoryStore(const JobHistoryStore &) = delete;
    JobHistoryStore &operator=(const JobHistoryStore &) = delete;

    // Opens or creates the database; false with `error` set when it cannot.
    bool open(const QString &path, QString *error);
    bool isOpen() const { return m_db != nullptr; }

    // Writes between these two go to disk at once: one sync for a whole job list.
    bool beginBatch() { return exec("BEGIN"); }
    bool commitBatch() { return exec("COMMIT"); }

    // Inserts or updates the job's row; its log is kept as it was.
    bool recordJob(const QString &cluster, const QString &clusterName,
                   const api::ray::JobDetails &job);
    bool recordLog(const QString &cluster, const QString &key, const QByteArray &log);
    // True when the job's final log is stored.
    bool hasLog(const QString &cluster, const QString &key) const;

    std::vector<HistoricCluster> clusters() const;
    std::vector<HistoricJob> jobs(const QString &cluster) const;
    std::optional<QByteArray> log(const QString &cluster, const QString &key) const;
    // Drops jobs recorded before `cutoff`; returns how many.
    int removeOlderThan(const QDateTime &cutoff);
    QString lastError() const { return m_lastError; }

private:
    bool exec(const char *sql);

    sqlite3 *m_db = nullptr;
    mutable QString m_lastError;
};

} // namespace rov::core
