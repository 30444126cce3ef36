#include "clustergateway.h"

#include "localplane/clusters/clustermanager.h"
#include "localplane/clusters/operationdoc.h"
#include "localplane/state/stateview.h"
#include "localplane/state/store.h"

namespace rov::localplane {

using nlohmann::json;

namespace {

ApiResult operationNotFound(const QString &name)
{
    return ApiResult::error(QStringLiteral("NOT_FOUND"),
                            QStringLiteral("Operation %1 not found").arg(name));
}

ApiResult clusterNotFound(const QString &name)
{
    return ApiResult::error(QStringLiteral("NOT_FOUND"),
                            QStringLiteral("PersistentResource %1 not found").arg(name));
}

// Answers that carry an operation, in the form the call asked for.
ApiResult asAsked(ApiResult result, const ApiCall &call)
{
    if (result.status != 200 || !result.body.is_object())
        return result;
    if (result.body.contains("done"))
        result.body = callview::operation(std::move(result.body), call);
    return result;
}

} // namespace

ClusterGateway::ClusterGateway(ClusterManager &manager, StateView &view, const Store &reader)
    : m_manager(manager), m_view(view), m_reader(reader), m_owner(&manager)
{}

ApiResult ClusterGateway::get(const QString &name, const ApiCall &call) const
{
    const auto resource = m_view.cluster(name);
    if (!resource)
        return clusterNotFound(name);
    return ApiResult::ok(callview::cluster(*resource, call));
}

ApiResult ClusterGateway::list(const QString &parent, const QString &pageSize,
                               const QString &pageToken, const ApiCall &call) const
{
    bool sizeOk = true;
    const int size = pageSize.isEmpty() ? 0 : pageSize.toInt(&sizeOk);
    if (!sizeOk || size < 0)
        return ApiResult::error(
            QStringLiteral("INVALID_ARGUMENT"),
            QStringLiteral("pageSize must be a number of at least 0, not \"%1\"")
                .arg(pageSize.left(40)));
    const int limit = size == 0 ? 100 : std::min(size, 1000);
    const QString after = pageToken.isEmpty()
                              ? QString()
                              : QString::fromUtf8(QByteArray::fromBase64(pageToken.toLatin1()));
    const QString prefix = parent + QStringLiteral("/persistentResources/");
    if (!pageToken.isEmpty() && !after.startsWith(prefix))
        return ApiResult::error(QStringLiteral("INVALID_ARGUMENT"),
                                QStringLiteral("pageToken \"%1\" is not one this list gave out")
                                    .arg(pageToken.left(80)));
    bool more = false;
    json resources = json::array();
    QString last;
    for (json &resource : m_view.clusters(prefix, after, limit, &more)) {
        last = QString::fromStdString(resource.value("name", std::string()));
        resources.push_back(callview::cluster(std::move(resource), call));
    }
    json page = {{"persistentResources", resources}};
    if (more)
        page["nextPageToken"] = last.toUtf8().toBase64().toStdString();
    return ApiResult::ok(page);
}

ApiResult ClusterGateway::operation(const QString &name, const ApiCall &call) const
{
    const auto stored = m_view.operation(name);
    if (!stored)
        return operationNotFound(name);
    return ApiResult::ok(callview::operation(*stored, call));
}

ApiResult ClusterGateway::operations(const QString &cluster, const ApiCall &call) const
{
    json operations = json::array();
    for (json &stored : m_view.operations(cluster + QStringLiteral("/operations/")))
        operations.push_back(callview::operation(std::move(stored), call));
    if (operations.empty() && !m_view.hasCluster(cluster))
        return clusterNotFound(cluster);
    return ApiResult::ok({{"operations", operations}});
}

ApiResult ClusterGateway::events(const QString &cluster) const
{
    if (!m_view.hasCluster(cluster))
        return clusterNotFound(cluster);
    json events = json::array();
    for (const auto &event : m_reader.events(cluster)) {
        json item = {{"time", event.time.toStdString()},
                     {"state", event.state.toStdString()},
                     {"reason", event.reason.toStdString()}};
        if (!event.liveNodes.isEmpty())
            item["liveNodes"] = json::parse(event.liveNodes.toStdString(), nullptr, false);
        events.push_back(std::move(item));
    }
    return ApiResult::ok({{"events", events}});
}

ApiResult ClusterGateway::rayRuntimes() const
{
    return ApiResult::ok(m_view.capacity());
}

ApiResult ClusterGateway::wait(const QString &name, std::chrono::milliseconds timeout,
                               const ApiCall &call, const std::function<bool()> &clientGone)
{
    timeout = std::min(timeout, kMaxWait);
    // A full house answers at once: clients of :wait loop until done anyway.
    const bool slot = !m_stopping && timeout.count() > 0 && m_waitSlots.try_acquire();
    std::optional<json> waited = m_view.operation(name);
    if (slot) {
        const auto deadline = std::chrono::steady_clock::now() + timeout;
        // In slices, so that a client that went away is noticed and its place given back.
        for (auto now = std::chrono::steady_clock::now(); now < deadline;
             now = std::chrono::steady_clock::now()) {
            waited = m_view.waitForOperation(name, std::min(deadline, now + kClientCheck));
            if (!waited || waited->value("done", false) || m_stopping ||
                (clientGone && clientGone()))
                break;
        }
        m_waitSlots.release();
    }
    if (!waited)
        return operationNotFound(name);
    return ApiResult::ok(callview::operation(*waited, call));
}

ApiResult ClusterGateway::change(std::function<ApiResult()> work, const ApiCall &call)
{
    auto answer = m_owner.run(std::move(work), kPatience);
    if (!answer) {
        ApiResult busy = ApiResult::error(
            QStringLiteral("UNAVAILABLE"),
            m_owner.isStopping()
                ? QStringLiteral("rovd is stopping; nothing was changed. Try again once it runs")
                : QStringLiteral("rovd is busy and did not get to this change within %1 s; "
                                 "nothing was changed. Try again")
                      .arg(kPatience.count() / 1000));
        busy.headers.push_back({"Retry-After", "5"});
        return busy;
    }
    return asAsked(std::move(*answer), call);
}

ApiResult ClusterGateway::create(const QString &parent, const QString &id, const json &body,
                                 const ApiCall &call)
{
    const bool v1beta1 = call.isV1beta1();
    return change(
        [this, parent, id, body, v1beta1] { return m_manager.create(parent, id, body, v1beta1); },
        call);
}

ApiResult ClusterGateway::update(const QString &name, const json &body, const QString &updateMask,
                                 const ApiCall &call)
{
    const bool v1beta1 = call.isV1beta1();
    return change([this, name, body, updateMask,
                   v1beta1] { return m_manager.update(name, body, updateMask, v1beta1); },
                  call);
}

ApiResult ClusterGateway::remove(const QString &name, const ApiCall &call)
{
    const bool v1beta1 = call.isV1beta1();
    return change([this, name, v1beta1] { return m_manager.remove(name, v1beta1); }, call);
}

ApiResult ClusterGateway::reboot(const QString &name, const ApiCall &call)
{
    const bool v1beta1 = call.isV1beta1();
    return change([this, name, v1beta1] { return m_manager.reboot(name, v1beta1); }, call);
}

ApiResult ClusterGateway::cancel(const QString &name)
{
    return change([this, name] { return m_manager.cancelOperation(name); }, ApiCall{});
}

ApiResult ClusterGateway::deleteOperation(const QString &name)
{
    return change([this, name] { return m_manager.deleteOperation(name); }, ApiCall{});
}

void ClusterGateway::stop()
{
    m_stopping = true;
    m_owner.stop();
    m_view.stop();
}

} // namespace rov::localplane
