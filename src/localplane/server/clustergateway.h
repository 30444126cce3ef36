#pragma once

#include "localplane/apiresult.h"
#include "localplane/clusters/callview.h"
#include "ownerthread.h"

#include <QString>
#include <chrono>
#include <functional>
#include <semaphore>

namespace rov::localplane {

class ClusterManager;
class StateView;
class Store;

// The persistentResources API as the server's threads see it. Reads and waits are answered
// here, from the StateView and a read-only store connection, without the thread that owns
// cluster state; changes are handed to that thread and applied there in order. Every member is
// safe to call from any thread.
class ClusterGateway
{
public:
    ClusterGateway(ClusterManager &manager, StateView &view, const Store &reader);

    ApiResult get(const QString &name, const ApiCall &call) const;
    ApiResult list(const QString &parent, const QString &pageSize, const QString &pageToken,
                   const ApiCall &call) const;
    ApiResult operation(const QString &name, const ApiCall &call) const;
    ApiResult operations(const QString &cluster, const ApiCall &call) const;
    ApiResult events(const QString &cluster) const;
    ApiResult rayRuntimes() const;
    // Blocks until the operation is done or `timeout` passes (at most a minute), then answers it
    // as it is. Only so many wait at once; the rest are answered at once, as the API allows. A
    // client that goes away (`clientGone`, asked twice a second) stops the wait and frees its
    // place.
    ApiResult wait(const QString &name, std::chrono::milliseconds timeout, const ApiCall &call,
                   const std::function<bool()> &clientGone = {});

    ApiResult create(const QString &parent, const QString &id, const nlohmann::json &body,
                     const ApiCall &call);
    ApiResult update(const QString &name, const nlohmann::json &body, const QString &updateMask,
                     const ApiCall &call);
    ApiResult remove(const QString &name, const ApiCall &call);
    ApiResult reboot(const QString &name, const ApiCall &call);
    ApiResult cancel(const QString &name);
    ApiResult deleteOperation(const QString &name);

    // Changes not yet started are refused from now on; waits return at once.
    void stop();

    static constexpr int kMaxWaiting = 16;
    static constexpr std::chrono::milliseconds kMaxWait{60000};
    static constexpr std::chrono::milliseconds kClientCheck{500};
    // How long a change may wait for the owner thread before it is refused with 503.
    static constexpr std::chrono::milliseconds kPatience{30000};

private:
    ApiResult change(std::function<ApiResult()> work, const ApiCall &call);

    ClusterManager &m_manager;
    StateView &m_view;
    const Store &m_reader;
    OwnerThread m_owner;
    std::counting_semaphore<kMaxWaiting> m_waitSlots{kMaxWaiting};
    std::atomic<bool> m_stopping{false};
};

} // namespace rov::localplane
