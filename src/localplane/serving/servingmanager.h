#pragma once

#include "localplane/apiresult.h"
#include "localplane/clusters/callview.h"
#include "localplane/metrics/prometheusconfig.h"
#include "localplane/peerwatch.h"
#include "localplane/state/store.h"
#include "servebackend.h"
#include "servingowner.h"
#include "servingworker.h"

#include <QByteArray>
#include <QString>
#include <memory>

namespace rov::localplane::serving {

struct ServingSettings
{
    QString dataDir;     // rovd's: serving/ holds the model copies and the predictor
    QString storageRoot; // gs://BUCKET/PATH is storageRoot/BUCKET/PATH
    InstanceSettings instance;
    std::chrono::seconds deployTimeout{600};
    bool stopInstanceOnExit = false;
};

// The Model Registry and endpoints of rovd (Vertex AI v1), served on Ray Serve, in the shape of
// every rovd subsystem. This class is the gateway, safe to call from the server's threads: it
// reads and checks a request (a client's mistake is a 4xx decided here), answers reads from the
// owner's snapshot, and hands each change to the owner (ServingOwner) with a patience limit
// (503 past it). Model copies are made on the request's own thread, never the owner's; work
// that waits on Ray Serve goes to the worker (ServingWorker), whose results come back to the
// owner as changes.
class ServingManager
{
public:
    // `serve`: the Serve the worker drives (nullptr: the real one, on Ray).
    ServingManager(ServingSettings settings, std::unique_ptr<Store> store,
                   std::unique_ptr<ServeBackend> serve = nullptr);
    ~ServingManager();
    ServingManager(const ServingManager &) = delete;
    ServingManager &operator=(const ServingManager &) = delete;

    // Ends what a killed rovd left half-done, serves the deployed models again, and takes up
    // their unfinished operations.
    void start();
    // Ends the worker (an operation in flight stays open and resumes at the next start).
    void stop();

    ApiResult uploadModel(const QString &parent, const nlohmann::json &body, const ApiCall &call);
    ApiResult getModel(const QString &name) const;
    // A model as kept (rovd's keys too: rovArtifactDir, rovFramework, rovFile), for batch jobs.
    std::optional<nlohmann::json> storedModel(const QString &name) const;
    ApiResult listModels(const QString &parent, const QString &pageSize,
                         const QString &pageToken) const;
    ApiResult deleteModel(const QString &name, const ApiCall &call);

    ApiResult createEndpoint(const QString &parent, const QString &id, const nlohmann::json &body,
                             const ApiCall &call);
    ApiResult getEndpoint(const QString &name) const;
    ApiResult listEndpoints(const QString &parent, const QString &pageSize,
                            const QString &pageToken) const;
    ApiResult deleteEndpoint(const QString &name, const ApiCall &call);
    ApiResult deployModel(const QString &endpoint, const nlohmann::json &body, const ApiCall &call);
    ApiResult undeployModel(const QString &endpoint, const nlohmann::json &body,
                            const ApiCall &call);
    ApiResult mutateDeployedModel(const QString &endpoint, const nlohmann::json &body,
                                  const QString &updateMask, const ApiCall &call);

    // `raw` is the body as it came: forwarded as it is, not written out again. A client that goes
    // away (`clientGone`, asked every PeerWatch::kInterval) cancels the model's call: the
    // connection to Serve is closed, and Serve cancels the request.
    ApiResult predict(const QString &endpoint, const nlohmann::json &body, const QByteArray &raw,
                      const std::function<bool()> &clientGone = {});
    ApiResult rawPredict(const QString &endpoint, const QByteArray &body,
                         const QByteArray &contentType,
                         const std::function<bool()> &clientGone = {});

    ApiResult operation(const QString &name, const ApiCall &call) const;

    // The serving instance's process group as the store has it (0: none), so that a restarted
    // rovd does not take its processes for strays.
    qint64 instanceProcessGroup() const;

    // The serving instance for Prometheus (its Serve metrics: requests, latency, errors,
    // replicas), labelled ray_io_cluster="_serving" (no cluster id starts with "_"); none while
    // nothing is deployed. `changed` runs, on the worker's thread, whenever that changes.
    std::optional<metrics::ScrapeCluster> scrapeTarget() const;
    void setScrapeListener(std::function<void()> changed);
    // rovd's metrics of the serving instance, as its clusters': rovd_cluster_state RUNNING
    // while models are deployed and the instance serves them (so that the end of serving is no
    // "node down"), and, through `lost` (called on the worker's thread), an instance that died
    // or fell silent and is started again.
    std::string renderState() const;
    void setInstanceLostListener(std::function<void()> lost);

    // The folder on this computer that gs://bucket/path names.
    QString storagePath(const QString &gsUri) const;

    // How long a change may wait for the owner before it is refused with 503.
    static constexpr std::chrono::milliseconds kPatience{30000};

private:
    struct Route;

    // Runs `change` on the owner; 503 with a reason when the owner did not take it in time.
    ApiResult change(const std::function<ApiResult(ServingOwner::Change &)> &change);
    // A change that starts an operation for the worker: `writes` and the operation committed in
    // one transaction (or neither, and the reason), its name left in `queued`.
    ApiResult startOperation(ServingOwner::Change &change, const QString &resource,
                             const char *metadataType, const nlohmann::json &work,
                             const ApiCall &call, std::vector<Store::Write> writes,
                             QString *queued) const;
    // A change done at once: `writes` and its finished operation in one transaction.
    ApiResult endedOperation(ServingOwner::Change &change, const QString &resource,
                             const char *metadataType, const nlohmann::json &response,
                             const ApiCall &call, std::vector<Store::Write> writes) const;
    // A change to the deployments of an endpoint that is there and not being deleted (404
    // otherwise): `work` gets a copy of it to change.
    ApiResult changeLiveEndpoint(
        const QString &endpointName,
        const std::function<ApiResult(ServingOwner::Change &, nlohmann::json, QString *)> &work);
    // change(), then the operation it started (if any) handed to the worker.
    ApiResult runThenQueue(const std::function<ApiResult(ServingOwner::Change &, QString *)> &work);
    nlohmann::json newOperation(const QString &resource, const char *metadataType,
                                const nlohmann::json &work, const ApiCall &call) const;
    std::optional<Route> routeFor(const QString &endpoint, rest::ApiError *error) const;
    // A rovd killed mid-way leaves model copies no model has, and, written by an older rovd,
    // deployments no operation will end: both go before the server serves.
    void endHalfDone();

    const ServingSettings m_settings;
    std::unique_ptr<ServeBackend> m_serve;
    ServingOwner m_owner;
    ServingWorker m_worker; // after the owner: it stops first
    PeerWatch m_peerWatch;  // the clients of predictions in flight
};

} // namespace rov::localplane::serving
