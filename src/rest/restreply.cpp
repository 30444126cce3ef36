#include "restreply.h"

#include "curltransfer.h"
#include "restclient.h"

#include <QFileInfo>

namespace rov::rest {

RestReply::RestReply(RestClient *client, HttpRequest request)
    : QObject(client), m_client(client), m_request(std::move(request))
{
    m_retryTimer.setSingleShot(true);
    m_retryTimer.setTimerType(Qt::PreciseTimer); // never earlier than Retry-After asked
    m_sinceFirstAttempt.start();
}

RestReply::~RestReply()
{
    if (m_client && (m_transfer || m_state == State::Queued))
        m_client->detach(this);
}

qint64 RestReply::bytesUploaded() const
{
    if (m_state == State::Finished)
        return m_response.ok() ? QFileInfo(m_request.bodyFile).size() : 0;
    return m_transfer ? m_transfer->uploadedBytes() : 0;
}

void RestReply::cancel()
{
    if (m_state == State::Finished || !m_client)
        return;
    m_client->cancel(this);
}

} // namespace rov::rest
