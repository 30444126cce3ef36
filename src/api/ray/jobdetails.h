#pragma once

#include <QDateTime>
#include <QString>
#include <map>
#include <nlohmann/json.hpp>

namespace rov::api::ray {

// A Ray job as the dashboard's Jobs API describes it (JobDetails).
struct JobDetails
{
    QString submissionId; // empty for jobs started by a driver, not submitted
    QString jobId;
    QString type;   // SUBMISSION or DRIVER
    QString status; // PENDING, RUNNING, STOPPED, SUCCEEDED, FAILED
    QString entrypoint;
    QString message;
    QString driverNodeId; // where the driver runs (and its log lives); empty until it starts
    QDateTime startTime;
    QDateTime endTime;
    std::map<QString, QString> metadata;
    int driverExitCode = -1;

    QString name() const; // metadata job_name, else the submission id
    bool isTerminal() const
    {
        return status == QLatin1String("STOPPED") || status == QLatin1String("SUCCEEDED") ||
               status == QLatin1String("FAILED");
    }
    static JobDetails fromJson(const nlohmann::json &json);
};

// What a submission asks for: `POST /api/jobs/`.
struct JobSubmission
{
    QString entrypoint;
    QString submissionId;               // empty: Ray picks one
    QString workingDirUri;              // gcs://_ray_pkg_<hash>.zip after an upload
    std::map<QString, QString> envVars; // runtime_env.env_vars
    std::map<QString, QString> metadata;
    double entrypointCpus = 0;
    double entrypointGpus = 0;
    qint64 entrypointMemoryBytes = 0;
    std::map<QString, double> entrypointResources;

    nlohmann::json toJson() const;
    // The same submission as a `ray job submit` command line.
    QString commandLine(const QString &address, const QString &workingDir = {}) const;
};

} // namespace rov::api::ray
