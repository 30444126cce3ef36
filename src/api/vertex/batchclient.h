#pragma once

#include "api/result.h"
#include "resourceapi.h"
#include "rest/call.h"
#include "rest/restclient.h"

#include <QDateTime>
#include <QObject>
#include <QStringList>
#include <functional>
#include <nlohmann/json.hpp>
#include <vector>

// Vertex AI's batch prediction jobs (v1): the same calls for rovd and for Google Cloud.
namespace rov::api::vertex {

struct BatchPredictionJob
{
    QString name; // projects/P/locations/L/batchPredictionJobs/J
    QString displayName;
    QString model;
    QString state; // JOB_STATE_…
    QString instancesFormat;
    QStringList inputUris;
    QString outputPrefix;
    QString outputDirectory; // outputInfo.gcsOutputDirectory
    QString machineType;
    int startingReplicas = 1;
    int maxReplicas = 1;
    int batchSize = 64;
    qint64 successful = 0;
    qint64 failed = 0;
    qint64 incomplete = 0;
    QString error; // error.message
    QStringList partialFailures;
    QDateTime createTime;
    QDateTime startTime;
    QDateTime endTime;

    QString id() const { return name.section(QLatin1Char('/'), -1); }
    bool ended() const;
    qint64 total() const { return successful + failed + incomplete; }
    static BatchPredictionJob fromJson(const nlohmann::json &json);
};

// What batchPredictionJobs.create sends.
struct BatchJobSpec
{
    QString displayName;
    QString model;
    QString instancesFormat = QStringLiteral("jsonl");
    QStringList inputUris;
    QString outputPrefix;
    QString machineType = QStringLiteral("n1-standard-2");
    int startingReplicas = 1;
    int maxReplicas = 2;
    int batchSize = 64;

    nlohmann::json toJson() const;
};

class BatchClient : public QObject, public ResourceApi
{
    Q_OBJECT
public:
    BatchClient(rest::RestClient *client, Endpoint endpoint, QObject *parent = nullptr);

    using JobsDone = std::function<void(Result<std::vector<BatchPredictionJob>>)>;
    using JobDone = std::function<void(Result<BatchPredictionJob>)>;
    using Done = std::function<void(Result<bool>)>;

    rest::Call listJobs(QObject *context, JobsDone done);
    rest::Call getJob(const QString &name, QObject *context, JobDone done);
    rest::Call createJob(const BatchJobSpec &spec, QObject *context, JobDone done);
    rest::Call cancelJob(const QString &name, QObject *context, Done done);
    rest::Call deleteJob(const QString &name, QObject *context, OperationDone done);

private:
    static constexpr int kPageSize = 1000;
};

} // namespace rov::api::vertex
