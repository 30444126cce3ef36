#pragma once

#include <QObject>
#include <QTimer>
#include <curl/curl.h>
#include <functional>
#include <unordered_map>

class QSocketNotifier;

namespace rov::rest {

// Drives a libcurl multi handle from the Qt event loop of the thread that owns it: one
// QSocketNotifier per socket and direction, one single-shot QTimer for libcurl's timeouts.
// Nothing here blocks, and libcurl is only ever entered from this object's slots.
class CurlMultiDriver : public QObject
{
    Q_OBJECT
public:
    using DoneHandler = std::function<void(CURL *easy, CURLcode result)>;

    explicit CurlMultiDriver(DoneHandler onDone, QObject *parent = nullptr);
    ~CurlMultiDriver() override;

    void setConnectionLimits(int perHost, int total);
    void add(CURL *easy);
    void remove(CURL *easy);

private:
    struct SocketWatch
    {
        QSocketNotifier *read = nullptr;
        QSocketNotifier *write = nullptr;
    };

    static int onSocket(CURL *easy, curl_socket_t socket, int what, void *self, void *socketData);
    static int onTimer(CURLM *multi, long timeoutMs, void *self);
    void watch(curl_socket_t socket, int what);
    void unwatch(curl_socket_t socket);
    void act(curl_socket_t socket, int events);
    void collectFinished();

    CURLM *m_multi;
    QTimer m_timer;
    DoneHandler m_onDone;
    std::unordered_map<curl_socket_t, SocketWatch> m_sockets;
};

} // namespace rov::rest
