#pragma once

#include "ansifilter.h"
#include "api/ray/jobdetails.h"

#include <QObject>
#include <QPointer>

namespace rov::rest {
class RestReply;
}
namespace rov::api::ray {
class RayDashboardClient;
}

namespace rov::core {

class LogModel;

// Fills a log model with one job's driver log: streamed while the job runs, completed from the
// Jobs API when it ends (Ray keeps a stream open after the end, so it is closed then).
class JobLogFollower : public QObject
{
    Q_OBJECT
public:
    JobLogFollower(api::ray::RayDashboardClient *client, LogModel *model,
                   QObject *parent = nullptr);
    ~JobLogFollower() override;

    // Starts over with this job.
    void follow(const api::ray::JobDetails &job);
    // A fresher view of the job being followed (from the job list); other jobs are ignored.
    void update(const api::ray::JobDetails &job);
    // Shows a log kept earlier (history); stops following.
    void show(const QByteArray &log);
    void stop();
    QString jobKey() const { return m_key; }
    bool isStreaming() const { return m_stream != nullptr; }
    bool isComplete() const { return m_complete; }

Q_SIGNALS:
    void failed(const QString &message);
    void completed();

private:
    void startStream(const api::ray::JobDetails &job);
    void fetchRest();
    void append(QByteArrayView bytes);

    QPointer<api::ray::RayDashboardClient> m_client;
    LogModel *m_model;
    QString m_key;
    QPointer<rest::RestReply> m_stream;
    qint64 m_received = 0; // bytes of the log so far, before filtering
    AnsiFilter m_filter;
    bool m_complete = false;
    bool m_fetching = false;
    quint64 m_generation = 0; // answers for an earlier job are dropped
};

} // namespace rov::core
