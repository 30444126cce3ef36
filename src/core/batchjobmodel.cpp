#include "batchjobmodel.h"

#include "catalog/machinecatalog.h"
#include "servingmodels.h"

#include <QCoreApplication>
#include <QLocale>
#include <nlohmann/json.hpp>

namespace rov::core {

using api::vertex::BatchPredictionJob;

QString batchStateTitle(const QString &state)
{
    static const std::map<QString, const char *> titles{
        {QStringLiteral("JOB_STATE_QUEUED"), QT_TRANSLATE_NOOP("BatchJobListModel", "Queued")},
        {QStringLiteral("JOB_STATE_PENDING"), QT_TRANSLATE_NOOP("BatchJobListModel", "Starting")},
        {QStringLiteral("JOB_STATE_RUNNING"), QT_TRANSLATE_NOOP("BatchJobListModel", "Running")},
        {QStringLiteral("JOB_STATE_SUCCEEDED"),
         QT_TRANSLATE_NOOP("BatchJobListModel", "Succeeded")},
        {QStringLiteral("JOB_STATE_PARTIALLY_SUCCEEDED"),
         QT_TRANSLATE_NOOP("BatchJobListModel", "Partially succeeded")},
        {QStringLiteral("JOB_STATE_FAILED"), QT_TRANSLATE_NOOP("BatchJobListModel", "Failed")},
        {QStringLiteral("JOB_STATE_CANCELLING"),
         QT_TRANSLATE_NOOP("BatchJobListModel", "Cancelling")},
        {QStringLiteral("JOB_STATE_CANCELLED"),
         QT_TRANSLATE_NOOP("BatchJobListModel", "Cancelled")},
        {QStringLiteral("JOB_STATE_EXPIRED"), QT_TRANSLATE_NOOP("BatchJobListModel", "Expired")}};
    const auto it = titles.find(state);
    return it == titles.end() ? state
                              : QCoreApplication::translate("BatchJobListModel", it->second);
}

QString batchProgressText(const BatchPredictionJob &job)
{
    if (job.total() == 0)
        return QStringLiteral("—");
    const QLocale locale;
    QString text = QCoreApplication::translate("BatchJobListModel", "%1 of %2")
                       .arg(locale.toString(job.successful), locale.toString(job.total()));
    const int failed = int(qMin(job.failed, qint64(INT_MAX)));
    if (failed > 0)
        text += QLatin1Char(' ') +
                QCoreApplication::translate("BatchJobListModel", "(%n failed)", nullptr, failed);
    return text;
}

QString batchSpecProblem(const api::vertex::BatchJobSpec &spec)
{
    const auto say = [](const char *text) {
        return QCoreApplication::translate("BatchJobListModel", text);
    };
    const bool table = spec.instancesFormat == QLatin1String("bigquery");
    const QLatin1String scheme = table ? QLatin1String("bq://") : QLatin1String("gs://");
    if (spec.model.isEmpty())
        return say(QT_TRANSLATE_NOOP("BatchJobListModel", "Register a model first."));
    if (spec.displayName.trimmed().isEmpty())
        return say(QT_TRANSLATE_NOOP("BatchJobListModel", "Name the job."));
    if (spec.inputUris.isEmpty())
        return table ? say(QT_TRANSLATE_NOOP(
                           "BatchJobListModel",
                           "Give the table of instances (bq://project.dataset.table)."))
                     : say(QT_TRANSLATE_NOOP("BatchJobListModel",
                                             "Give the file of instances (gs://bucket/file)."));
    for (const QString &uri : spec.inputUris) {
        if (!uri.startsWith(scheme) || uri.size() <= scheme.size())
            return (table ? say(QT_TRANSLATE_NOOP("BatchJobListModel",
                                                  "%1 is not a bq://project.dataset.table"))
                          : say(QT_TRANSLATE_NOOP("BatchJobListModel",
                                                  "%1 is not a gs://bucket/file")))
                .arg(uri);
        if (table && spec.inputUris.size() > 1)
            return say(QT_TRANSLATE_NOOP("BatchJobListModel", "A job reads one table."));
    }
    if (!spec.outputPrefix.startsWith(scheme) || spec.outputPrefix.size() <= scheme.size())
        return table
                   ? say(QT_TRANSLATE_NOOP("BatchJobListModel",
                                           "The output is a bq://project or bq://project.dataset."))
                   : say(QT_TRANSLATE_NOOP("BatchJobListModel",
                                           "The output is a gs://bucket/folder."));
    if (spec.maxReplicas < spec.startingReplicas)
        return say(QT_TRANSLATE_NOOP("BatchJobListModel",
                                     "The maximum replica count is below the starting count."));
    return {};
}

QString defaultBatchOutput(const QString &inputUri)
{
    if (inputUri.startsWith(QLatin1String("gs://"))) {
        const QString bucket = inputUri.mid(5).section(QLatin1Char('/'), 0, 0);
        return bucket.isEmpty() ? QString()
                                : QStringLiteral("gs://%1/batch-predictions").arg(bucket);
    }
    if (inputUri.startsWith(QLatin1String("bq://"))) {
        const QString path = inputUri.mid(5);
        return path.count(QLatin1Char('.')) >= 2
                   ? QStringLiteral("bq://") + path.section(QLatin1Char('.'), 0, 1)
                   : QString();
    }
    return {};
}

namespace {

// From the job's start to its end, or to `now` while it runs.
qint64 secondsRun(const BatchPredictionJob &job, const QDateTime &now)
{
    return qMax(qint64(0), job.startTime.secsTo(job.endTime.isValid() ? job.endTime : now));
}

} // namespace

QString batchDurationText(const BatchPredictionJob &job, const QDateTime &now)
{
    if (!job.startTime.isValid())
        return {};
    const qint64 seconds = secondsRun(job, now);
    if (seconds < 60)
        return QCoreApplication::translate("BatchJobListModel", "%1 s").arg(seconds);
    if (seconds < 3600)
        return QCoreApplication::translate("BatchJobListModel", "%1 min %2 s")
            .arg(seconds / 60)
            .arg(seconds % 60);
    return QCoreApplication::translate("BatchJobListModel", "%1 h %2 min")
        .arg(seconds / 3600)
        .arg(seconds % 3600 / 60);
}

QString batchCostText(const catalog::MachineCatalog &machines, const BatchPredictionJob &job,
                      const QDateTime &now)
{
    if (!job.startTime.isValid())
        return {};
    const auto perHour = servingCost(machines, job.machineType, std::max(1, job.startingReplicas),
                                     std::max(job.startingReplicas, job.maxReplicas));
    if (!perHour)
        return QStringLiteral("—");
    const double hours = double(secondsRun(job, now)) / 3600.0;
    const auto money = [](double usd) {
        return usd < 0.005 ? QStringLiteral("< $0.01") : QStringLiteral("$%1").arg(usd, 0, 'f', 2);
    };
    const QString low = money(perHour->atMinimum * hours);
    const QString high = money(perHour->atMaximum * hours);
    return low == high ? low : QStringLiteral("%1–%2").arg(low, high);
}

namespace {

QString compact(const nlohmann::json &value)
{
    return QString::fromStdString(
        value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

// The lines of a file read from its start, up to `maxLines` objects; a last line cut by a range
// read does not parse and is left out.
template <class Take> void eachObject(const QByteArray &jsonLines, int maxLines, Take take)
{
    int taken = 0;
    for (const QByteArray &line : jsonLines.split('\n')) {
        if (taken >= maxLines)
            break;
        const auto value =
            nlohmann::json::parse(line.constBegin(), line.constEnd(), nullptr, false);
        if (value.is_object() && take(value))
            ++taken;
    }
}

} // namespace

std::vector<BatchResultRow> batchResultRows(const QByteArray &jsonLines, int maxRows)
{
    std::vector<BatchResultRow> rows;
    eachObject(jsonLines, maxRows, [&rows](const nlohmann::json &line) {
        const auto prediction = line.find("prediction");
        if (prediction == line.end())
            return false;
        const auto key = line.find("key");
        const auto instance = key != line.end() ? key : line.find("instance");
        rows.push_back(
            {instance == line.end() ? QString() : compact(*instance), compact(*prediction)});
        return true;
    });
    return rows;
}

QStringList batchErrorLines(const QByteArray &jsonLines, int maxLines)
{
    QStringList lines;
    eachObject(jsonLines, maxLines, [&lines](const nlohmann::json &line) {
        const auto error = line.find("error");
        if (error == line.end())
            return false;
        const QString message = error->is_object()
                                    ? QString::fromStdString(error->value("message", std::string()))
                                    : compact(*error);
        const auto instance = line.find("instance");
        lines << QStringLiteral("%1 — %2").arg(
            instance == line.end() ? QString() : compact(*instance), message);
        return true;
    });
    return lines;
}

void BatchJobListModel::setModelNames(std::map<QString, QString> names)
{
    if (names == m_modelNames)
        return;
    m_modelNames = std::move(names);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Model), index(rowCount() - 1, Model));
}

QString BatchJobListModel::modelTitle(const BatchPredictionJob &job) const
{
    const auto it = m_modelNames.find(job.model);
    return it != m_modelNames.end() ? it->second : job.model.section(QLatin1Char('/'), -1);
}

QVariant BatchJobListModel::data(const QModelIndex &index, int role) const
{
    const BatchPredictionJob *job = at(index.row());
    if (!job)
        return {};
    if (role == Qt::ToolTipRole) {
        if (index.column() == State && !job->error.isEmpty())
            return job->error;
        if (index.column() == Input)
            return job->inputUris.join(QLatin1Char('\n'));
        if (index.column() == Model)
            return job->model;
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return job->displayName;
    case Model:
        return modelTitle(*job);
    case Input:
        return job->inputUris.value(0) +
               (job->inputUris.size() > 1 ? QStringLiteral(" …") : QString());
    case State:
        return batchStateTitle(job->state);
    case Progress:
        return batchProgressText(*job);
    case Duration:
        return batchDurationText(*job, QDateTime::currentDateTimeUtc());
    case Cost:
        return batchCostText(catalog::MachineCatalog::builtIn(), *job,
                             QDateTime::currentDateTimeUtc());
    default:
        return {};
    }
}

QVariant BatchJobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Model:
        return tr("Model");
    case Input:
        return tr("Input");
    case State:
        return tr("State");
    case Progress:
        return tr("Progress");
    case Duration:
        return tr("Duration");
    case Cost:
        return tr("Cost");
    default:
        return {};
    }
}

} // namespace rov::core
