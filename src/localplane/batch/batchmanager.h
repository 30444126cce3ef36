#pragma once

#include "batchowner.h"
#include "batchworker.h"
#include "localplane/apiresult.h"
#include "localplane/clusters/callview.h"

#include <QString>
#include <functional>
#include <memory>

namespace rov::catalog {
class MachineCatalog;
}

namespace rov::localplane::batch {

// Vertex AI's batchPredictionJobs (v1 and v1beta1) of rovd, on Ray Data. This class is the
// gateway, safe to call from the server's threads: it reads and checks a request (a client's
// mistake is a 4xx decided here: an unknown model, an input that is not there, a format rovd
// does not read), answers reads from the owner's snapshot, and hands each change to the owner
// with a patience limit (503 past it). The work runs on the worker (BatchWorker).
class BatchManager
{
public:
    BatchManager(BatchSettings settings, std::unique_ptr<Store> store, ModelLookup models);
    ~BatchManager();
    BatchManager(const BatchManager &) = delete;
    BatchManager &operator=(const BatchManager &) = delete;

    // Writes the driver, then takes up the jobs a stopped rovd left running.
    void start();
    void stop();

    ApiResult create(const QString &parent, const nlohmann::json &body, const ApiCall &call);
    ApiResult get(const QString &name, const ApiCall &call) const;
    ApiResult list(const QString &parent, const QString &filter, const QString &pageSize,
                   const QString &pageToken, const ApiCall &call) const;
    ApiResult cancel(const QString &name);
    ApiResult remove(const QString &name);
    ApiResult operation(const QString &name) const;

    // The batch instance's process group (0: none), so that rovd does not take it for strays.
    qint64 instanceProcessGroup() const;

    static constexpr std::chrono::milliseconds kPatience{30000};

private:
    // The input URIs as files on this computer; a 400 or 404 that says which is missing.
    std::variant<QStringList, rest::ApiError> inputFiles(const QStringList &uris) const;
    ApiResult change(const std::function<ApiResult(BatchOwner::Change &)> &change);

    const BatchSettings m_settings;
    const ModelLookup m_models;
    BatchOwner m_owner;
    BatchWorker m_worker; // after the owner: it stops first
};

} // namespace rov::localplane::batch
