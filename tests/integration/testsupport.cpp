#include "testsupport.h"

#include <QSignalSpy>

namespace rov::test {

rest::HttpResponse sendAndWait(rest::RestClient &client, rest::HttpRequest request, int timeoutMs)
{
    rest::RestReply *reply = client.send(std::move(request));
    reply->setAutoDelete(false);
    QSignalSpy finished(reply, &rest::RestReply::finished);
    if (!finished.wait(timeoutMs)) {
        reply->cancel();
        delete reply;
        rest::HttpResponse late;
        late.error =
            rest::ApiError::transport(0, QStringLiteral("no answer within the test's time"));
        return late;
    }
    rest::HttpResponse response = reply->response();
    delete reply;
    return response;
}

QString describe(const rest::HttpResponse &response)
{
    return response.error ? response.error->toString() : QStringLiteral("ok");
}

StallMeter::StallMeter(int intervalMs) : m_intervalMs(intervalMs)
{
    m_timer.setTimerType(Qt::PreciseTimer);
    connect(&m_timer, &QTimer::timeout, this, &StallMeter::tick);
    m_clock.start();
    m_timer.start(intervalMs);
}

void StallMeter::tick()
{
    const qint64 now = m_clock.elapsed();
    if (m_ticks > 0)
        m_maxLateMs = std::max(m_maxLateMs, now - m_last - m_intervalMs);
    m_last = now;
    ++m_ticks;
}

} // namespace rov::test
