#include "jobdetails.h"

#include "rest/jsonfields.h"

#include <QRegularExpression>
#include <QStringList>

namespace rov::api::ray {

using nlohmann::json;

using rest::stringMember;

namespace {

QDateTime epochMs(const json &object, const char *key)
{
    const auto it = object.find(key);
    if (it == object.end() || !it->is_number() || it->get<qint64>() <= 0)
        return {};
    return QDateTime::fromMSecsSinceEpoch(it->get<qint64>(), Qt::UTC);
}

QString shellQuoted(const QString &value)
{
    if (!value.isEmpty() &&
        value.indexOf(QRegularExpression(QStringLiteral("[^A-Za-z0-9_./:=@%+-]"))) < 0)
        return value;
    QString quoted = value;
    quoted.replace(QLatin1Char('\''), QStringLiteral("'\\''"));
    return QLatin1Char('\'') + quoted + QLatin1Char('\'');
}

} // namespace

QString JobDetails::name() const
{
    const auto it = metadata.find(QStringLiteral("job_name"));
    return it != metadata.end() && !it->second.isEmpty()
               ? it->second
               : (submissionId.isEmpty() ? jobId : submissionId);
}

JobDetails JobDetails::fromJson(const json &object)
{
    JobDetails job;
    if (!object.is_object())
        return job;
    job.submissionId = stringMember(object, "submission_id");
    job.jobId = stringMember(object, "job_id");
    job.type = stringMember(object, "type");
    job.status = stringMember(object, "status");
    job.entrypoint = stringMember(object, "entrypoint");
    job.message = stringMember(object, "message");
    job.driverNodeId = stringMember(object, "driver_node_id");
    job.startTime = epochMs(object, "start_time");
    job.endTime = epochMs(object, "end_time");
    if (const auto it = object.find("metadata"); it != object.end() && it->is_object()) {
        for (const auto &[key, value] : it->items()) {
            if (value.is_string())
                job.metadata[QString::fromStdString(key)] =
                    QString::fromStdString(value.get<std::string>());
        }
    }
    if (const auto it = object.find("driver_exit_code"); it != object.end() && it->is_number())
        job.driverExitCode = it->get<int>();
    return job;
}

json JobSubmission::toJson() const
{
    json body = {{"entrypoint", entrypoint.toStdString()}};
    if (!submissionId.isEmpty())
        body["submission_id"] = submissionId.toStdString();
    json runtimeEnv = json::object();
    if (!workingDirUri.isEmpty())
        runtimeEnv["working_dir"] = workingDirUri.toStdString();
    if (!envVars.empty()) {
        json vars = json::object();
        for (const auto &[key, value] : envVars)
            vars[key.toStdString()] = value.toStdString();
        runtimeEnv["env_vars"] = vars;
    }
    if (!runtimeEnv.empty())
        body["runtime_env"] = runtimeEnv;
    if (!metadata.empty()) {
        json values = json::object();
        for (const auto &[key, value] : metadata)
            values[key.toStdString()] = value.toStdString();
        body["metadata"] = values;
    }
    if (entrypointCpus > 0)
        body["entrypoint_num_cpus"] = entrypointCpus;
    if (entrypointGpus > 0)
        body["entrypoint_num_gpus"] = entrypointGpus;
    if (entrypointMemoryBytes > 0)
        body["entrypoint_memory"] = entrypointMemoryBytes;
    if (!entrypointResources.empty()) {
        json resources = json::object();
        for (const auto &[key, value] : entrypointResources)
            resources[key.toStdString()] = value;
        body["entrypoint_resources"] = resources;
    }
    return body;
}

QString JobSubmission::commandLine(const QString &address, const QString &workingDir) const
{
    QStringList words{QStringLiteral("ray"), QStringLiteral("job"), QStringLiteral("submit"),
                      QStringLiteral("--address"), shellQuoted(address)};
    if (!submissionId.isEmpty())
        words << QStringLiteral("--submission-id") << shellQuoted(submissionId);
    if (!workingDir.isEmpty())
        words << QStringLiteral("--working-dir") << shellQuoted(workingDir);
    if (!envVars.empty()) {
        json vars = json::object();
        for (const auto &[key, value] : envVars)
            vars[key.toStdString()] = value.toStdString();
        words << QStringLiteral("--runtime-env-json")
              << shellQuoted(QString::fromStdString(json{{"env_vars", vars}}.dump()));
    }
    if (!metadata.empty()) {
        json values = json::object();
        for (const auto &[key, value] : metadata)
            values[key.toStdString()] = value.toStdString();
        words << QStringLiteral("--metadata-json")
              << shellQuoted(QString::fromStdString(values.dump()));
    }
    if (entrypointCpus > 0)
        words << QStringLiteral("--entrypoint-num-cpus") << QString::number(entrypointCpus);
    if (entrypointGpus > 0)
        words << QStringLiteral("--entrypoint-num-gpus") << QString::number(entrypointGpus);
    if (entrypointMemoryBytes > 0)
        words << QStringLiteral("--entrypoint-memory") << QString::number(entrypointMemoryBytes);
    if (!entrypointResources.empty()) {
        json resources = json::object();
        for (const auto &[key, value] : entrypointResources)
            resources[key.toStdString()] = value;
        words << QStringLiteral("--entrypoint-resources")
              << shellQuoted(QString::fromStdString(resources.dump()));
    }
    words << QStringLiteral("--") << entrypoint;
    return words.join(QLatin1Char(' '));
}

} // namespace rov::api::ray
