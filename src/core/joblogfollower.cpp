#include "joblogfollower.h"

#include "api/ray/raydashboardclient.h"
#include "joblistmodel.h"
#include "logmodel.h"
#include "rest/restreply.h"

namespace rov::core {

using api::ray::JobDetails;

JobLogFollower::JobLogFollower(api::ray::RayDashboardClient *client, LogModel *model,
                               QObject *parent)
    : QObject(parent), m_client(client), m_model(model)
{}

JobLogFollower::~JobLogFollower()
{
    stop();
}

void JobLogFollower::stop()
{
    ++m_generation;
    if (m_stream)
        m_stream->cancel();
    m_stream = nullptr;
    m_fetching = false;
}

void JobLogFollower::follow(const JobDetails &job)
{
    stop();
    m_model->clear();
    m_filter = AnsiFilter();
    m_key = JobListModel::jobKey(job);
    m_received = 0;
    m_complete = false;
    update(job);
}

void JobLogFollower::show(const QByteArray &log)
{
    stop();
    m_model->clear();
    m_filter = AnsiFilter();
    m_key.clear();
    append(log);
    m_model->finish();
    m_complete = true;
}

void JobLogFollower::update(const JobDetails &job)
{
    if (JobListModel::jobKey(job) != m_key || m_complete || job.submissionId.isEmpty())
        return;
    if (job.isTerminal()) {
        if (m_stream) {
            m_stream->cancel();
            m_stream = nullptr;
        }
        if (!m_fetching)
            fetchRest();
    } else if (!m_stream && !job.driverNodeId.isEmpty()) {
        startStream(job);
    }
}

void JobLogFollower::append(QByteArrayView bytes)
{
    m_model->append(m_filter.filter(bytes));
}

void JobLogFollower::startStream(const JobDetails &job)
{
    if (!m_client)
        return;
    if (m_received > 0) {
        // A stream that broke off while the job ran: the new one starts from the first line.
        m_model->clear();
        m_filter = AnsiFilter();
        m_received = 0;
    }
    const quint64 generation = m_generation;
    m_stream = m_client->streamJobLogs(
        job.submissionId, job.driverNodeId, this,
        [this, generation](const QByteArray &chunk) {
            if (generation != m_generation)
                return;
            m_received += chunk.size();
            append(chunk);
        },
        [this, generation](std::optional<rest::ApiError> error) {
            if (generation != m_generation)
                return;
            m_stream = nullptr; // the next update starts it again while the job runs
            if (error && error->kind != rest::ApiError::Kind::Cancelled)
                Q_EMIT failed(error->message);
        });
}

void JobLogFollower::fetchRest()
{
    if (!m_client)
        return;
    m_fetching = true;
    const quint64 generation = m_generation;
    m_client->jobLogs(m_key, this, [this, generation](api::ray::Result<QString> logs) {
        if (generation != m_generation)
            return;
        m_fetching = false;
        if (!logs.ok()) {
            Q_EMIT failed(logs.error->message);
            return;
        }
        const QByteArray whole = logs.value.toUtf8();
        if (whole.size() > m_received)
            append(QByteArrayView(whole).sliced(m_received));
        m_received = whole.size();
        m_model->finish();
        m_complete = true;
        Q_EMIT completed();
    });
}

} // namespace rov::core
