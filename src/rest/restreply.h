#pragma once

#include "httpresponse.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <memory>

namespace rov::rest {

class CurlTransfer;
class RestClient;

// The handle of one request sent by RestClient. Signals arrive on the client's thread, never from
// inside libcurl. By default the reply deletes itself after `finished`: read response() there.
class RestReply : public QObject
{
    Q_OBJECT
public:
    ~RestReply() override;

    const HttpRequest &request() const { return m_request; }
    const HttpResponse &response() const { return m_response; }
    bool isFinished() const { return m_state == State::Finished; }
    int attempts() const { return m_attempts; }
    void setAutoDelete(bool autoDelete) { m_autoDelete = autoDelete; }
    // For a body streamed from a file: how much of it the current attempt has sent. Poll it for
    // progress; libcurl's own progress callback would run inside libcurl.
    qint64 bytesUploaded() const;

    // Stops the request wherever it is (sending, waiting to retry); `finished` follows with a
    // CANCELLED error. Does nothing once finished.
    void cancel();

Q_SIGNALS:
    void chunkReceived(const QByteArray &chunk); // streaming requests only
    void retrying(int nextAttempt, qint64 delayMs);
    void finished();

private:
    friend class RestClient;
    enum class State
    {
        Queued,
        Sending,
        WaitingToRetry,
        RefreshingCredentials,
        Finished
    };

    RestReply(RestClient *client, HttpRequest request);

    QPointer<RestClient> m_client;
    HttpRequest m_request;
    HttpResponse m_response;
    State m_state = State::Sending;
    std::unique_ptr<CurlTransfer> m_transfer;
    QTimer m_retryTimer;
    QElapsedTimer m_sinceFirstAttempt;
    int m_attempts = 0;
    bool m_refreshedCredentials = false;
    bool m_cancelled = false;
    bool m_autoDelete = true;
    bool m_announced = false; // `finished` was emitted
};

} // namespace rov::rest
