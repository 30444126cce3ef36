#include "operationpoller.h"

#include "call.h"
#include "restclient.h"

#include <algorithm>

namespace rov::rest {

OperationPoller::OperationPoller(RestClient *client, QUrl operationUrl, PollSchedule schedule,
                                 QObject *parent)
    : QObject(parent), m_client(client), m_url(std::move(operationUrl)), m_schedule(schedule),
      m_interval(schedule.initial)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &OperationPoller::poll);
    m_deadline.setSingleShot(true);
    m_deadline.setTimerType(Qt::CoarseTimer);
    connect(&m_deadline, &QTimer::timeout, this, &OperationPoller::onDeadline);
}

QPointer<OperationPoller> OperationPoller::follow(RestClient *client, QUrl operationUrl,
                                                  QObject *context, Done done,
                                                  PollSchedule schedule, Progress progress)
{
    auto *poller = new OperationPoller(client, std::move(operationUrl), schedule, context);
    if (progress)
        connect(poller, &OperationPoller::progressed, context, std::move(progress));
    auto shared = std::make_shared<Done>(std::move(done));
    connect(poller, &OperationPoller::succeeded, context,
            [poller, shared](const nlohmann::json &response) {
                poller->deleteLater();
                (*shared)(std::nullopt, response);
            });
    connect(poller, &OperationPoller::failed, context, [poller, shared](const ApiError &error) {
        poller->deleteLater();
        (*shared)(error, nlohmann::json());
    });
    poller->start();
    return poller;
}

void OperationPoller::start()
{
    m_active = true;
    m_interval = m_schedule.initial;
    m_deadline.start(std::chrono::duration_cast<std::chrono::milliseconds>(m_schedule.deadline));
    poll();
}

void OperationPoller::onDeadline()
{
    if (!m_active)
        return;
    end();
    const qint64 seconds = std::max<qint64>(1, (m_schedule.deadline.count() + 999) / 1000);
    const QString limit = seconds >= 60 ? tr("%n minute(s)", nullptr, int(seconds / 60))
                                        : tr("%n second(s)", nullptr, int(seconds));
    ApiError error = ApiError::withStatus(
        QStringLiteral("DEADLINE_EXCEEDED"),
        tr("The operation did not end within %1. It may still be running in the backend; the "
           "cluster's state and events say where it stands.")
            .arg(limit));
    error.kind = ApiError::Kind::Timeout; // the console's limit, not an answer of the backend
    error.httpStatus = 0;
    Q_EMIT failed(error);
}

void OperationPoller::stop()
{
    end();
}

void OperationPoller::requestCancel()
{
    QUrl cancelUrl = m_url;
    cancelUrl.setPath(m_url.path() + QStringLiteral(":cancel"));
    auto request = HttpRequest::withJson(HttpMethod::Post, cancelUrl, nlohmann::json::object());
    request.markedIdempotent = true; // cancelling twice is the same as once
    rest::send(m_client, std::move(request), this, [this](const HttpResponse &response) {
        if (!response.ok() && m_active) {
            end();
            Q_EMIT failed(*response.error);
        } else if (m_active) {
            m_timer.stop();
            poll();
        }
    });
}

void OperationPoller::poll()
{
    if (!m_active || m_waiting)
        return;
    ++m_polls;
    m_waiting = true;
    m_inFlight =
        rest::send(m_client, HttpRequest::get(m_url), this, [this](const HttpResponse &response) {
            m_waiting = false;
            if (!m_active)
                return;
            if (!response.ok()) {
                end();
                Q_EMIT failed(*response.error);
                return;
            }
            const nlohmann::json operation = response.json();
            if (!operation.is_object()) {
                end();
                Q_EMIT failed(
                    ApiError::fromHttpResponse(500, "The operation is not a JSON object"));
                return;
            }
            onPolled(operation);
        });
}

void OperationPoller::onPolled(const nlohmann::json &operation)
{
    // A server's document may hold anything: fields of the wrong type count as absent.
    const auto found = operation.find("metadata");
    const nlohmann::json metadata =
        found != operation.end() && found->is_object() ? *found : nlohmann::json::object();
    const auto said = metadata.find("progressMessage");
    Q_EMIT progressed(said != metadata.end() && said->is_string()
                          ? QString::fromStdString(said->get<std::string>())
                          : QString(),
                      metadata);

    const auto done = operation.find("done");
    if (done == operation.end() || !done->is_boolean() || !done->get<bool>()) {
        m_timer.start(int(m_interval.count()));
        const auto grown =
            std::chrono::milliseconds(qint64(double(m_interval.count()) * m_schedule.multiplier));
        m_interval = std::min(grown, m_schedule.max);
        return;
    }
    end();
    if (auto error = operation.find("error"); error != operation.end() && error->is_object())
        Q_EMIT failed(ApiError::fromRpcStatus(*error));
    else
        Q_EMIT succeeded(operation.contains("response") ? operation["response"]
                                                        : nlohmann::json::object());
}

void OperationPoller::end()
{
    m_active = false;
    m_timer.stop();
    m_deadline.stop();
    m_inFlight.cancel();
}

} // namespace rov::rest
