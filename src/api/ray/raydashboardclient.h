#pragma once

#include "api/vertex/vertexclient.h" // Result
#include "jobdetails.h"
#include "rayload.h"
#include "statesummary.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <vector>

namespace rov::rest {
class RestReply;
}

namespace rov::api::ray {

template <typename T> using Result = vertex::Result<T>;

// One node as the State API lists it (`/api/v0/nodes`).
struct NodeState
{
    QString nodeId;
    QString state; // ALIVE or DEAD
    // Why a DEAD node ended, as Ray composes it: "Expected termination: …" for a node stopped on
    // purpose (a delete, a scale-down), "Unexpected termination: …" for one that was lost.
    QString stateMessage;
    QString ip;
    bool head = false;
    QDateTime startTime;
    std::map<QString, double> resourcesTotal;
    std::map<QString, QString> labels;

    // DEAD because it was asked to stop (SIGTERM, an idle drain): nothing to act on.
    bool stoppedOnPurpose() const;
};

// Ray's dashboard over REST, for any cluster the console can reach: the Jobs API, the State API
// and log streaming. Calls are asynchronous and return their handle; `done` runs once in
// `context`'s thread (CANCELLED when the call is cancelled or the REST client is gone).
class RayDashboardClient : public QObject
{
    Q_OBJECT
public:
    RayDashboardClient(rest::RestClient *client, QUrl dashboard, QObject *parent = nullptr);

    QUrl dashboard() const { return m_dashboard; }

    rest::Call listJobs(QObject *context,
                        std::function<void(Result<std::vector<JobDetails>>)> done);
    rest::Call getJob(const QString &id, QObject *context,
                      std::function<void(Result<JobDetails>)> done);
    // The submission id of the new job.
    rest::Call submitJob(const JobSubmission &job, QObject *context,
                         std::function<void(Result<QString>)> done);
    rest::Call stopJob(const QString &id, QObject *context, std::function<void(Result<bool>)> done);
    rest::Call deleteJob(const QString &id, QObject *context,
                         std::function<void(Result<bool>)> done);
    rest::Call jobLogs(const QString &id, QObject *context,
                       std::function<void(Result<QString>)> done);
    rest::Call listNodes(QObject *context,
                         std::function<void(Result<std::vector<NodeState>>)> done);
    rest::Call nodeUsage(QObject *context,
                         std::function<void(Result<std::map<QString, NodeUsage>>)> done);
    rest::Call rayVersion(QObject *context, std::function<void(Result<QString>)> done);
    rest::Call clusterLoad(QObject *context, std::function<void(Result<RayLoad>)> done);
    rest::Call summarizeTasks(QObject *context, std::function<void(Result<StateSummary>)> done);
    rest::Call summarizeActors(QObject *context, std::function<void(Result<StateSummary>)> done);
    rest::Call listTasks(int limit, QObject *context, std::function<void(Result<TaskPage>)> done);

    // Working-directory packages, as `ray job submit --working-dir` uploads them. `uri` is
    // gcs://_ray_pkg_<hash>.zip. True when the cluster already holds the package.
    rest::Call packageExists(const QString &uri, QObject *context,
                             std::function<void(Result<bool>)> done);
    // PUTs the zip file; poll the reply's bytesUploaded() for progress, cancel() to stop.
    rest::RestReply *uploadPackage(const QString &uri, const QString &zipFile, QObject *context,
                                   std::function<void(std::optional<rest::ApiError>)> done);
    // Streams a job's driver log as plain text from the start and follows it. Ray keeps the
    // stream open after the job ends: cancel the reply once the job is terminal. Ray 2.47 needs
    // the node the driver runs on (JobDetails::driverNodeId) besides the submission id.
    // `chunk` gets bytes as they arrive; `done` when the stream ends.
    rest::RestReply *streamJobLogs(const QString &submissionId, const QString &driverNodeId,
                                   QObject *context, std::function<void(const QByteArray &)> chunk,
                                   std::function<void(std::optional<rest::ApiError>)> done);

private:
    QUrl url(const QString &path) const;
    rest::HttpRequest request(const QString &path) const;
    QString packagePath(const QString &uri) const;
    // GETs `path` and hands the JSON body to `parse`; errors go to `done` unparsed.
    template <typename T>
    rest::Call getParsed(rest::HttpRequest get, QObject *context,
                         std::function<T(const nlohmann::json &)> parse,
                         std::function<void(Result<T>)> done);

    QPointer<rest::RestClient> m_client;
    QUrl m_dashboard;
};

} // namespace rov::api::ray
