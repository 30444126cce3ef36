#include "queryhistorymodel.h"

#include "palette.h"

#include <QColor>
#include <QLocale>

namespace rov::core {

using api::bigquery::QueryJob;

namespace {

qint64 durationMs(const QueryJob &job)
{
    if (!job.started.isValid() || !job.ended.isValid())
        return -1;
    return std::max<qint64>(0, job.started.msecsTo(job.ended));
}

// The query on one line, for the table: its first non-empty line, with … when there is more.
QString firstLine(const QString &sql)
{
    const QStringList lines = sql.trimmed().split(QLatin1Char('\n'));
    QString line = lines.value(0).trimmed();
    if (lines.size() > 1)
        line += QStringLiteral(" …");
    return line;
}

} // namespace

int QueryHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString QueryHistoryModel::stateText(const QueryJob &job)
{
    if (job.done() && job.error && job.error->reason == QLatin1String("stopped"))
        return tr("Cancelled");
    if (job.done())
        return job.error ? tr("Failed") : tr("Succeeded");
    return job.state == QLatin1String("PENDING") ? tr("Pending") : tr("Running");
}

QString QueryHistoryModel::typeText(const QString &jobType)
{
    if (jobType == QLatin1String("QUERY"))
        return tr("Query");
    if (jobType == QLatin1String("LOAD"))
        return tr("Load");
    if (jobType == QLatin1String("COPY"))
        return tr("Copy");
    if (jobType == QLatin1String("EXTRACT"))
        return tr("Extract");
    return jobType;
}

QVariant QueryHistoryModel::data(const QModelIndex &index, int role) const
{
    const QueryJob *job = at(index.row());
    if (!job)
        return {};
    const QLocale locale;
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Created: {
            // With seconds: a few queries a minute apart are told apart.
            const QDateTime local = job->created.toLocalTime();
            return locale.toString(local.date(), QLocale::ShortFormat) + QLatin1Char(' ') +
                   local.time().toString(QStringLiteral("HH:mm:ss"));
        }
        case State:
            return stateText(*job);
        case Type:
            return typeText(job->jobType);
        case Query:
            return job->query.isEmpty() ? job->ref.id : firstLine(job->query);
        case Processed:
            return job->jobType == QLatin1String("QUERY")
                       ? locale.formattedDataSize(job->bytesProcessed, 1,
                                                  QLocale::DataSizeTraditionalFormat)
                       : QString();
        case Duration: {
            const qint64 ms = durationMs(*job);
            return ms < 0 ? QString()
                          : tr("%1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 2));
        }
        }
        return {};
    case Qt::ToolTipRole:
        if (job->error)
            return tr("%1\n\nFailed: %2")
                .arg(job->query.isEmpty() ? job->ref.id : job->query, job->error->message);
        return job->query.isEmpty() ? job->ref.id : job->query;
    case Qt::ForegroundRole:
        return index.column() == State && job->error ? QVariant(palette::color(palette::Tone::Bad))
                                                     : QVariant();
    case Qt::TextAlignmentRole:
        return index.column() == Processed || index.column() == Duration
                   ? QVariant(Qt::AlignRight | Qt::AlignVCenter)
                   : QVariant();
    case SortRole:
        switch (index.column()) {
        case Created:
            return job->created.toMSecsSinceEpoch();
        case Processed:
            return job->bytesProcessed;
        case Duration:
            return durationMs(*job);
        default:
            return data(index, Qt::DisplayRole);
        }
    case QueryRole:
        return job->query;
    }
    return {};
}

QVariant QueryHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Created:
        return tr("Created");
    case State:
        return tr("State");
    case Type:
        return tr("Type");
    case Query:
        return tr("Query or job");
    case Processed:
        return tr("Processed");
    case Duration:
        return tr("Duration");
    }
    return {};
}

bool QueryHistoryModel::setJobs(std::vector<QueryJob> jobs)
{
    return replaceRows(std::move(jobs));
}

void QueryHistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

bool QueryHistoryModel::sameForUser(const QueryJob &a, const QueryJob &b) const
{
    return a.state == b.state && a.ended == b.ended && a.bytesProcessed == b.bytesProcessed &&
           a.error.has_value() == b.error.has_value();
}

} // namespace rov::core
