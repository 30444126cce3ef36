#include "historicjobmodel.h"

#include "joblistmodel.h"

#include <QLocale>

namespace rov::core {

namespace {

QString timeText(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

} // namespace

int HistoricJobModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoricJobModel::data(const QModelIndex &index, int role) const
{
    const HistoricJob *job = at(index.row());
    if (!job || index.column() >= ColumnCount)
        return {};
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case Id:
            return job->key;
        case Name:
            return job->name;
        case Status:
            return JobListModel::statusText(job->status);
        case Entrypoint:
            return job->entrypoint;
        case Started:
            return timeText(job->startTime);
        case Ended:
            return timeText(job->endTime);
        case Log:
            return job->hasLog ? tr("kept") : tr("not kept");
        }
        return {};
    case Qt::DecorationRole:
        return index.column() == Status ? QVariant(JobListModel::statusColor(job->status))
                                        : QVariant();
    case Qt::ToolTipRole:
        return index.column() == Status ? job->message : QString();
    case SortRole:
        if (index.column() == Started)
            return job->startTime;
        if (index.column() == Ended)
            return job->endTime;
        return data(index, Qt::DisplayRole);
    case KeyRole:
        return job->key;
    }
    return {};
}

QVariant HistoricJobModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    if (section == Ended)
        return tr("Ended");
    if (section == Log)
        return tr("Log");
    return JobListModel::columnTitle(section);
}

} // namespace rov::core
