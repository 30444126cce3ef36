#pragma once

#include "apierror.h"
#include "call.h"

#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <chrono>
#include <functional>
#include <nlohmann/json.hpp>
#include <optional>

namespace rov::rest {

class RestClient;
class RestReply;

struct PollSchedule
{
    std::chrono::milliseconds initial{1000};
    double multiplier = 1.5;
    std::chrono::milliseconds max{20000};
    // How long the console follows one operation before it says it did not end. Vertex AI takes
    // up to about half an hour to create a cluster; an operation open for longer is stuck.
    std::chrono::milliseconds deadline{std::chrono::minutes(60)};
};

// Follows a google.longrunning.Operation: GET right away, then at growing intervals, until `done`
// or until the schedule's deadline, when it fails with DEADLINE_EXCEEDED (the operation itself
// may go on in the backend). Every start() ends in exactly one succeeded() or failed(), unless
// stop() is called.
class OperationPoller : public QObject
{
    Q_OBJECT
public:
    OperationPoller(RestClient *client, QUrl operationUrl, PollSchedule schedule = {},
                    QObject *parent = nullptr);

    // The one way the console follows an operation: a poller that is `context`'s child, started
    // now, that calls `done` exactly once when the operation ends (its `response`, or the error:
    // the operation's, the transport's, DEADLINE_EXCEEDED, or CANCELLED when the client goes)
    // and then deletes itself. `progress` hears each poll's progressMessage and metadata. The
    // pointer it returns is null once it has ended; stop() on it ends it without `done`.
    using Done =
        std::function<void(const std::optional<ApiError> &error, const nlohmann::json &response)>;
    using Progress =
        std::function<void(const QString &progressMessage, const nlohmann::json &metadata)>;
    static QPointer<OperationPoller> follow(RestClient *client, QUrl operationUrl, QObject *context,
                                            Done done, PollSchedule schedule = {},
                                            Progress progress = {});

    void start();
    // Stops watching; the operation itself goes on in the backend.
    void stop();
    // Asks the backend to cancel (POST {operation}:cancel) and keeps polling until it is done.
    void requestCancel();

    int polls() const { return m_polls; }
    bool isActive() const { return m_active; }
    std::chrono::milliseconds nextInterval() const { return m_interval; }

Q_SIGNALS:
    void progressed(const QString &progressMessage, const nlohmann::json &metadata);
    void succeeded(const nlohmann::json &response);
    void failed(const rov::rest::ApiError &error);

private:
    void poll();
    void onPolled(const nlohmann::json &operation);
    void onDeadline();
    void end();

    QPointer<RestClient> m_client; // a client that goes away ends the poll with CANCELLED
    QUrl m_url;
    PollSchedule m_schedule;
    QTimer m_timer;
    QTimer m_deadline;
    Call m_inFlight;
    bool m_waiting = false;
    std::chrono::milliseconds m_interval;
    int m_polls = 0;
    bool m_active = false;
};

} // namespace rov::rest

Q_DECLARE_METATYPE(nlohmann::json)
Q_DECLARE_METATYPE(rov::rest::ApiError)
