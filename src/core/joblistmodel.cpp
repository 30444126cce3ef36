#include "joblistmodel.h"

#include "clusterlistmodel.h" // durationText
#include "palette.h"

#include <QLocale>

namespace rov::core {

using api::ray::JobDetails;

QString JobListModel::jobKey(const JobDetails &job)
{
    return job.submissionId.isEmpty() ? job.jobId : job.submissionId;
}

QString JobListModel::statusText(const QString &status)
{
    if (status == QLatin1String("PENDING"))
        return tr("Pending");
    if (status == QLatin1String("RUNNING"))
        return tr("Running");
    if (status == QLatin1String("STOPPED"))
        return tr("Stopped");
    if (status == QLatin1String("SUCCEEDED"))
        return tr("Succeeded");
    if (status == QLatin1String("FAILED"))
        return tr("Failed");
    return status;
}

QColor JobListModel::statusColor(const QString &status)
{
    if (status == QLatin1String("SUCCEEDED"))
        return palette::color(palette::Tone::Good);
    if (status == QLatin1String("FAILED"))
        return palette::color(palette::Tone::Bad);
    if (status == QLatin1String("STOPPED"))
        return palette::color(palette::Tone::Idle);
    return palette::color(palette::Tone::Busy); // pending or running
}

qint64 JobListModel::durationSeconds(const JobDetails &job, const QDateTime &now)
{
    if (!job.startTime.isValid())
        return -1;
    const QDateTime end = job.endTime.isValid() ? job.endTime : now;
    return std::max<qint64>(0, job.startTime.secsTo(end));
}

int JobListModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

bool JobListModel::sameForUser(const JobDetails &a, const JobDetails &b) const
{
    return a.status == b.status && a.message == b.message && a.startTime == b.startTime &&
           a.endTime == b.endTime && a.driverNodeId == b.driverNodeId && a.metadata == b.metadata &&
           a.entrypoint == b.entrypoint;
}

QVariant JobListModel::data(const QModelIndex &index, int role) const
{
    const JobDetails *job = at(index.row());
    if (!job || index.column() >= ColumnCount)
        return {};
    const qint64 duration = durationSeconds(*job, m_now);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id:
            return jobKey(*job);
        case Name:
            return job->name();
        case Status:
            return statusText(job->status);
        case Entrypoint:
            return job->entrypoint;
        case Started:
            return job->startTime.isValid()
                       ? QLocale().toString(job->startTime.toLocalTime(), QLocale::ShortFormat)
                       : QString();
        case Duration:
            return duration < 0 ? QString() : ClusterListModel::durationText(duration);
        }
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Status)
            return job->message;
        if (index.column() == Entrypoint)
            return job->entrypoint;
        return {};
    case Qt::DecorationRole:
        return index.column() == Status ? QVariant(statusColor(job->status)) : QVariant();
    case SortRole:
        if (index.column() == Started)
            return job->startTime;
        if (index.column() == Duration)
            return duration;
        return data(index, Qt::DisplayRole);
    case KeyRole:
        return jobKey(*job);
    }
    return {};
}

QString JobListModel::columnTitle(int column)
{
    switch (column) {
    case Id:
        return tr("Submission id");
    case Name:
        return tr("Name");
    case Status:
        return tr("Status");
    case Entrypoint:
        return tr("Entrypoint");
    case Started:
        return tr("Started");
    case Duration:
        return tr("Duration");
    }
    return {};
}

QVariant JobListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    return columnTitle(section);
}

bool JobListModel::setJobs(std::vector<JobDetails> jobs)
{
    return replaceRows(std::move(jobs));
}

void JobListModel::setNow(const QDateTime &now)
{
    m_now = now;
    if (rowCount() > 0)
        Q_EMIT dataChanged(index(0, Duration), index(rowCount() - 1, Duration));
}

} // namespace rov::core
