#pragma once

#include "api/ray/jobdetails.h"
#include "keyedtablemodel.h"

#include <QColor>
#include <QDateTime>

namespace rov::core {

// The jobs of one Ray cluster as a live table (newest last, as Ray lists them).
class JobListModel : public KeyedTableModel<api::ray::JobDetails>
{
    Q_OBJECT
public:
    enum Column
    {
        Id,
        Name,
        Status,
        Entrypoint,
        Started,
        Duration,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1,
        KeyRole, // what jobKey() returns
    };

    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    bool setJobs(std::vector<api::ray::JobDetails> jobs);
    void setNow(const QDateTime &now);
    const api::ray::JobDetails *job(const QString &key) const { return at(rowOfKey(key)); }

    // The submission id, or the job id for jobs a driver started without submitting.
    static QString jobKey(const api::ray::JobDetails &job);
    static QString statusText(const QString &status);
    // Headers of the columns up to Started, which the history's job table shares.
    static QString columnTitle(int column);
    static QColor statusColor(const QString &status);
    static qint64 durationSeconds(const api::ray::JobDetails &job, const QDateTime &now);

protected:
    QString keyOf(const api::ray::JobDetails &job) const override { return jobKey(job); }
    bool sameForUser(const api::ray::JobDetails &a, const api::ray::JobDetails &b) const override;

private:
    QDateTime m_now = QDateTime::currentDateTimeUtc();
};

} // namespace rov::core
