#include "jobform.h"

#include <QRegularExpression>

namespace rov::core {

using api::ray::JobSubmission;

namespace {

// "key=value" lines into a map; a line without "=" or with an empty key is a problem.
bool parsePairs(const QString &text, const QRegularExpression &separator,
                std::map<QString, QString> *pairs, QString *badLine)
{
    for (const QString &raw : text.split(separator, Qt::SkipEmptyParts)) {
        const QString line = raw.trimmed();
        if (line.isEmpty() || line.startsWith(QLatin1Char('#')))
            continue;
        const qsizetype equals = line.indexOf(QLatin1Char('='));
        if (equals <= 0) {
            *badLine = line;
            return false;
        }
        (*pairs)[line.left(equals).trimmed()] = line.mid(equals + 1).trimmed();
    }
    return true;
}

} // namespace

std::optional<JobSubmission> JobForm::toSubmission(QString *problem) const
{
    JobSubmission job;
    job.entrypoint = entrypoint.trimmed();
    if (job.entrypoint.isEmpty()) {
        *problem = tr("Enter the command that starts the job, for example: python main.py");
        return std::nullopt;
    }
    static const QRegularExpression submissionIdRule(QStringLiteral("^[A-Za-z0-9_.-]*$"));
    job.submissionId = submissionId.trimmed();
    if (!submissionIdRule.match(job.submissionId).hasMatch()) {
        *problem = tr("A submission id may hold letters, digits, '.', '_' and '-' only.");
        return std::nullopt;
    }
    static const QRegularExpression lines(QStringLiteral("\n"));
    static const QRegularExpression listItems(QStringLiteral("[,\n]"));
    QString bad;
    if (!parsePairs(envText, lines, &job.envVars, &bad)) {
        *problem = tr("Environment variable \"%1\" is not NAME=value.").arg(bad);
        return std::nullopt;
    }
    static const QRegularExpression envName(QStringLiteral("^[A-Za-z_][A-Za-z0-9_]*$"));
    for (const auto &[key, value] : job.envVars) {
        if (!envName.match(key).hasMatch()) {
            *problem = tr("\"%1\" is not a valid environment variable name.").arg(key);
            return std::nullopt;
        }
    }
    if (!parsePairs(metadataText, lines, &job.metadata, &bad)) {
        *problem = tr("Metadata \"%1\" is not key=value.").arg(bad);
        return std::nullopt;
    }
    if (!name.trimmed().isEmpty())
        job.metadata[QStringLiteral("job_name")] = name.trimmed();
    std::map<QString, QString> resources;
    if (!parsePairs(resourcesText, listItems, &resources, &bad)) {
        *problem = tr("Custom resource \"%1\" is not name=amount.").arg(bad);
        return std::nullopt;
    }
    for (const auto &[resource, amount] : resources) {
        bool ok = false;
        const double value = amount.toDouble(&ok);
        if (!ok || value <= 0) {
            *problem = tr("The amount of %1 must be a number above 0.").arg(resource);
            return std::nullopt;
        }
        job.entrypointResources[resource] = value;
    }
    job.entrypointCpus = cpus;
    job.entrypointGpus = gpus;
    job.entrypointMemoryBytes = memoryMiB * 1024 * 1024;
    return job;
}

} // namespace rov::core
