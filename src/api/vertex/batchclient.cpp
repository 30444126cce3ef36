#include "batchclient.h"

#include "rest/jsonfields.h"
#include "wire.h"

namespace rov::api::vertex {

using nlohmann::json;
using rest::HttpMethod;
using rest::HttpRequest;
using rest::HttpResponse;
using rest::member;
using rest::stringMember;

namespace {

QDateTime timeOf(const json &object, const char *key)
{
    return QDateTime::fromString(stringMember(object, key), Qt::ISODateWithMs);
}

qint64 countOf(const json &object, const char *key)
{
    const json *value = member(object, key);
    return value ? wire::readInt64(*value).value_or(0) : 0;
}

// The job answered as JSON, or the error.
rest::Call sendForJob(rest::RestClient *client, HttpRequest request, QObject *context,
                      BatchClient::JobDone done)
{
    return rest::send(client, std::move(request), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (!response.ok())
                              done({{}, response.error});
                          else
                              done({BatchPredictionJob::fromJson(response.json()), std::nullopt});
                      });
}

} // namespace

bool BatchPredictionJob::ended() const
{
    return state == QLatin1String("JOB_STATE_SUCCEEDED") ||
           state == QLatin1String("JOB_STATE_FAILED") ||
           state == QLatin1String("JOB_STATE_CANCELLED") ||
           state == QLatin1String("JOB_STATE_PARTIALLY_SUCCEEDED") ||
           state == QLatin1String("JOB_STATE_EXPIRED");
}

BatchPredictionJob BatchPredictionJob::fromJson(const json &value)
{
    BatchPredictionJob job;
    job.name = stringMember(value, "name");
    job.displayName = stringMember(value, "displayName");
    job.model = stringMember(value, "model");
    job.state = stringMember(value, "state");
    if (const json *input = member(value, "inputConfig")) {
        job.instancesFormat = stringMember(*input, "instancesFormat");
        if (const json *gcs = member(*input, "gcsSource")) {
            for (const json &uri : gcs->value("uris", json::array()))
                if (uri.is_string())
                    job.inputUris << QString::fromStdString(uri.get<std::string>());
        }
        if (const json *bq = member(*input, "bigquerySource"))
            job.inputUris << stringMember(*bq, "inputUri");
    }
    if (const json *output = member(value, "outputConfig")) {
        if (const json *gcs = member(*output, "gcsDestination"))
            job.outputPrefix = stringMember(*gcs, "outputUriPrefix");
        if (const json *bq = member(*output, "bigqueryDestination"))
            job.outputPrefix = stringMember(*bq, "outputUri");
    }
    if (const json *info = member(value, "outputInfo")) {
        job.outputDirectory = stringMember(*info, "gcsOutputDirectory");
        // A table: bigqueryOutputDataset is bq://project.dataset, bigqueryOutputTable its name.
        const QString dataset = stringMember(*info, "bigqueryOutputDataset");
        const QString table = stringMember(*info, "bigqueryOutputTable");
        if (job.outputDirectory.isEmpty() && !dataset.isEmpty())
            job.outputDirectory = table.isEmpty() ? dataset : dataset + QLatin1Char('.') + table;
    }
    if (const json *resources = member(value, "dedicatedResources")) {
        if (const json *spec = member(*resources, "machineSpec"))
            job.machineType = stringMember(*spec, "machineType");
        job.startingReplicas = int(countOf(*resources, "startingReplicaCount"));
        job.maxReplicas = int(countOf(*resources, "maxReplicaCount"));
    }
    if (const json *tuning = member(value, "manualBatchTuningParameters"))
        job.batchSize = int(countOf(*tuning, "batchSize"));
    if (const json *stats = member(value, "completionStats")) {
        job.successful = countOf(*stats, "successfulCount");
        job.failed = countOf(*stats, "failedCount");
        job.incomplete = countOf(*stats, "incompleteCount");
    }
    if (const json *error = member(value, "error"))
        job.error = stringMember(*error, "message");
    for (const json &failure : value.value("partialFailures", json::array()))
        job.partialFailures << stringMember(failure, "message");
    job.createTime = timeOf(value, "createTime");
    job.startTime = timeOf(value, "startTime");
    job.endTime = timeOf(value, "endTime");
    return job;
}

json BatchJobSpec::toJson() const
{
    json uris = json::array();
    for (const QString &uri : inputUris)
        uris.push_back(uri.toStdString());
    // A BigQuery table in, a BigQuery dataset (or project) out; files otherwise.
    const bool table = instancesFormat == QLatin1String("bigquery");
    json input = {{"instancesFormat", instancesFormat.toStdString()}};
    json output;
    if (table) {
        input["bigquerySource"] = {{"inputUri", inputUris.value(0).toStdString()}};
        output = {{"predictionsFormat", "bigquery"},
                  {"bigqueryDestination", {{"outputUri", outputPrefix.toStdString()}}}};
    } else {
        input["gcsSource"] = {{"uris", uris}};
        output = {{"predictionsFormat", "jsonl"},
                  {"gcsDestination", {{"outputUriPrefix", outputPrefix.toStdString()}}}};
    }
    return {{"displayName", displayName.toStdString()},
            {"model", model.toStdString()},
            {"inputConfig", input},
            {"outputConfig", output},
            {"dedicatedResources",
             {{"machineSpec", {{"machineType", machineType.toStdString()}}},
              {"startingReplicaCount", startingReplicas},
              {"maxReplicaCount", maxReplicas}}},
            {"manualBatchTuningParameters", {{"batchSize", batchSize}}}};
}

BatchClient::BatchClient(rest::RestClient *client, Endpoint endpoint, QObject *parent)
    : QObject(parent), ResourceApi(client, std::move(endpoint))
{
    m_endpoint.version = QStringLiteral("v1");
}

rest::Call BatchClient::listJobs(QObject *context, JobsDone done)
{
    return list<BatchPredictionJob>(QStringLiteral("batchPredictionJobs"), kPageSize, context,
                                    std::move(done));
}

rest::Call BatchClient::getJob(const QString &name, QObject *context, JobDone done)
{
    HttpRequest request;
    request.method = HttpMethod::Get;
    request.url = url(name);
    return sendForJob(m_client, std::move(request), context, std::move(done));
}

rest::Call BatchClient::createJob(const BatchJobSpec &spec, QObject *context, JobDone done)
{
    auto request = HttpRequest::withJson(
        HttpMethod::Post, url(m_endpoint.parent() + QStringLiteral("/batchPredictionJobs")),
        spec.toJson());
    request.retry = rest::RetryPolicy::none(); // a second job is not what a retry should make
    return sendForJob(m_client, std::move(request), context, std::move(done));
}

rest::Call BatchClient::cancelJob(const QString &name, QObject *context, Done done)
{
    return rest::send(m_client,
                      HttpRequest::withJson(HttpMethod::Post, url(name + QStringLiteral(":cancel")),
                                            json::object()),
                      context, [done = std::move(done)](const HttpResponse &response) {
                          done({response.ok(), response.ok() ? std::nullopt : response.error});
                      });
}

rest::Call BatchClient::deleteJob(const QString &name, QObject *context, OperationDone done)
{
    HttpRequest request;
    request.method = HttpMethod::Delete;
    request.url = url(name);
    return sendForOperation(std::move(request), context, std::move(done));
}

} // namespace rov::api::vertex
