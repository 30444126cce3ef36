#include "curlmultidriver.h"

#include <QSocketNotifier>

namespace rov::rest {

namespace {
void retire(QSocketNotifier *notifier)
{
    if (!notifier)
        return;
    // It may be the sender of the signal being handled right now: delete it later.
    notifier->setEnabled(false);
    notifier->deleteLater();
}
} // namespace

CurlMultiDriver::CurlMultiDriver(DoneHandler onDone, QObject *parent)
    : QObject(parent), m_multi(curl_multi_init()), m_onDone(std::move(onDone))
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this] { act(CURL_SOCKET_TIMEOUT, 0); });
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETFUNCTION, &CurlMultiDriver::onSocket);
    curl_multi_setopt(m_multi, CURLMOPT_SOCKETDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERFUNCTION, &CurlMultiDriver::onTimer);
    curl_multi_setopt(m_multi, CURLMOPT_TIMERDATA, this);
    curl_multi_setopt(m_multi, CURLMOPT_PIPELINING, long(CURLPIPE_MULTIPLEX));
}

CurlMultiDriver::~CurlMultiDriver()
{
    for (auto &[socket, watch] : m_sockets) {
        delete watch.read;
        delete watch.write;
    }
    curl_multi_cleanup(m_multi);
}

void CurlMultiDriver::setConnectionLimits(int perHost, int total)
{
    curl_multi_setopt(m_multi, CURLMOPT_MAX_HOST_CONNECTIONS, long(perHost));
    curl_multi_setopt(m_multi, CURLMOPT_MAX_TOTAL_CONNECTIONS, long(total));
    curl_multi_setopt(m_multi, CURLMOPT_MAXCONNECTS, long(total));
}

void CurlMultiDriver::add(CURL *easy)
{
    // libcurl answers through onTimer with a zero timeout; the transfer starts from the event loop.
    curl_multi_add_handle(m_multi, easy);
}

void CurlMultiDriver::remove(CURL *easy)
{
    curl_multi_remove_handle(m_multi, easy);
}

int CurlMultiDriver::onSocket(CURL *, curl_socket_t socket, int what, void *self, void *)
{
    auto *driver = static_cast<CurlMultiDriver *>(self);
    if (what == CURL_POLL_REMOVE)
        driver->unwatch(socket);
    else
        driver->watch(socket, what);
    return 0;
}

int CurlMultiDriver::onTimer(CURLM *, long timeoutMs, void *self)
{
    auto *driver = static_cast<CurlMultiDriver *>(self);
    if (timeoutMs < 0)
        driver->m_timer.stop();
    else
        driver->m_timer.start(int(timeoutMs));
    return 0;
}

void CurlMultiDriver::watch(curl_socket_t socket, int what)
{
    SocketWatch &watch = m_sockets[socket];
    if (!watch.read) {
        watch.read = new QSocketNotifier(socket, QSocketNotifier::Read, this);
        connect(watch.read, &QSocketNotifier::activated, this,
                [this, socket] { act(socket, CURL_CSELECT_IN); });
        watch.write = new QSocketNotifier(socket, QSocketNotifier::Write, this);
        connect(watch.write, &QSocketNotifier::activated, this,
                [this, socket] { act(socket, CURL_CSELECT_OUT); });
    }
    watch.read->setEnabled(what == CURL_POLL_IN || what == CURL_POLL_INOUT);
    watch.write->setEnabled(what == CURL_POLL_OUT || what == CURL_POLL_INOUT);
}

void CurlMultiDriver::unwatch(curl_socket_t socket)
{
    auto it = m_sockets.find(socket);
    if (it == m_sockets.end())
        return;
    retire(it->second.read);
    retire(it->second.write);
    m_sockets.erase(it);
}

void CurlMultiDriver::act(curl_socket_t socket, int events)
{
    int running = 0;
    curl_multi_socket_action(m_multi, socket, events, &running);
    collectFinished();
}

void CurlMultiDriver::collectFinished()
{
    int queued = 0;
    while (CURLMsg *message = curl_multi_info_read(m_multi, &queued)) {
        if (message->msg != CURLMSG_DONE)
            continue;
        CURL *easy = message->easy_handle;
        const CURLcode result = message->data.result;
        curl_multi_remove_handle(m_multi, easy);
        m_onDone(easy, result);
    }
}

} // namespace rov::rest
