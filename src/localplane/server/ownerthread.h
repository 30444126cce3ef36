#pragma once

#include "localplane/apiresult.h"

#include <QObject>
#include <QPointer>
#include <atomic>
#include <chrono>
#include <functional>
#include <optional>

namespace rov::localplane {

// Hands a change to the thread that owns cluster state and waits for its answer, without ever
// blocking that thread. A change either runs and is answered, or is given up before it starts:
// when the server stops, or when the owner has not reached it within `patience`. A change that
// has started is always waited for, so a client is never told "failed" about a change that was
// made.
class OwnerThread
{
public:
    explicit OwnerThread(QObject *owner) : m_owner(owner) {}

    // nullopt: not run (stopping, or the owner did not get to it in time).
    std::optional<ApiResult> run(std::function<ApiResult()> change,
                                 std::chrono::milliseconds patience);
    // Every waiting and later call returns nullopt at once. Any thread.
    void stop() { m_stopping = true; }
    bool isStopping() const { return m_stopping; }

private:
    QPointer<QObject> m_owner;
    std::atomic<bool> m_stopping{false};
};

} // namespace rov::localplane
