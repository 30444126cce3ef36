#pragma once

#include "restclient.h"

#include <QPointer>
#include <memory>

namespace rov::rest {

// The caller's handle on one API call, which may take several requests (the pages of a list).
// The call's callback runs exactly once: with the result, with an error, or with CANCELLED when
// cancel() is called or the client it went through is destroyed. A default Call is idle.
class Call
{
public:
    Call() = default;
    static Call begin() { return Call(std::make_shared<State>()); }

    bool isRunning() const { return m_state && m_state->reply && !m_state->reply->isFinished(); }
    void cancel() const;
    // For clients: the request the call waits on now. A call cancelled between two requests
    // cancels the next one at once.
    void track(RestReply *reply) const;

private:
    struct State
    {
        QPointer<RestReply> reply;
        bool cancelled = false;
    };
    explicit Call(std::shared_ptr<State> state) : m_state(std::move(state)) {}

    std::shared_ptr<State> m_state;
};

// Sends `request` through `client` as part of `call` and runs `onFinished(const HttpResponse &)`
// in `context` (not at all once `context` is gone). A client that is gone answers CANCELLED, a
// turn of the event loop later, like any other answer: callers never wait forever.
template <typename Callback>
Call send(const QPointer<RestClient> &client, HttpRequest request, QObject *context,
          Callback onFinished, Call call = Call::begin())
{
    if (!client) {
        QMetaObject::invokeMethod(
            context,
            [onFinished = std::move(onFinished)]() mutable {
                HttpResponse response;
                response.error = ApiError::cancelled();
                onFinished(response);
            },
            Qt::QueuedConnection);
        return call;
    }
    call.track(client->send(std::move(request), context, std::move(onFinished)));
    return call;
}

} // namespace rov::rest
