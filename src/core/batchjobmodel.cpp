#include "batchjobmodel.h"

#include <QCoreApplication>
#include <QLocale>

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
    if (job.failed > 0)
        text += QLatin1Char(' ') +
                QCoreApplication::translate("BatchJobListModel", "(%n failed)", nullptr,
                                            int(std::min<qint64>(job.failed, INT_MAX)));
    return text;
}

QString batchDurationText(const BatchPredictionJob &job, const QDateTime &now)
{
    if (!job.startTime.isValid())
        return {};
    const QDateTime end = job.endTime.isValid() ? job.endTime : now;
    const qint64 seconds = std::max<qint64>(0, job.startTime.secsTo(end));
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
        return {};
    }
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return job->displayName;
    case Model:
        return job->model.section(QLatin1Char('/'), -1);
    case Input:
        return job->inputUris.value(0) +
               (job->inputUris.size() > 1 ? QStringLiteral(" …") : QString());
    case State:
        return batchStateTitle(job->state);
    case Progress:
        return batchProgressText(*job);
    case Duration:
        return batchDurationText(*job, QDateTime::currentDateTimeUtc());
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
    default:
        return {};
    }
}

} // namespace rov::core
