#pragma once

#include "api/vertex/servingwire.h"
#include "localplane/apiresult.h"
#include "localplane/clusters/callview.h"
#include "localplane/metrics/prometheusconfig.h"
#include "localplane/state/statewriter.h"
#include "localplane/state/store.h"
#include "serveconfig.h"
#include "serveinstance.h"
#include "servinghealth.h"

#include <QByteArray>
#include <QString>
#include <condition_variable>
#include <deque>
#include <map>
#include <memory>
#include <mutex>
#include <set>
#include <thread>

namespace rov::localplane::serving {

struct ServingSettings
{
    QString dataDir;     // rovd's: serving/ holds the model copies and the predictor
    QString storageRoot; // gs://BUCKET/PATH is storageRoot/BUCKET/PATH
    InstanceSettings instance;
    std::chrono::seconds deployTimeout{600};
    bool stopInstanceOnExit = false;
};

// The Model Registry and endpoints of rovd (Vertex AI v1), served on Ray Serve. Every member is
// safe to call from the server's threads: the state is behind one mutex and written to the
// serving store before an answer leaves. Work that waits on Ray (starting the serving instance,
// deploying, undeploying) runs in order on the manager's own thread, one operation at a time,
// and every operation ends: done, with an error that says why, or failed by its deadline.
class ServingManager
{
public:
    ServingManager(ServingSettings settings, std::unique_ptr<Store> store);
    ~ServingManager();
    ServingManager(const ServingManager &) = delete;
    ServingManager &operator=(const ServingManager &) = delete;

    // Takes up operations a killed rovd left, and serves the deployed models again.
    void start();
    // Ends the worker (an operation in flight fails as interrupted and resumes at the next start).
    void stop();

    ApiResult uploadModel(const QString &parent, const nlohmann::json &body, const ApiCall &call);
    ApiResult getModel(const QString &name) const;
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

    // `raw` is the body as it came: forwarded as it is, not written out again.
    ApiResult predict(const QString &endpoint, const nlohmann::json &body, const QByteArray &raw);
    ApiResult rawPredict(const QString &endpoint, const QByteArray &body,
                         const QByteArray &contentType);

    ApiResult operation(const QString &name, const ApiCall &call) const;

    // Asks the worker to look at the serving instance now (a prediction found it silent).
    void checkSoon();

    // How often the worker looks at the serving instance, and how many silent looks in a row
    // (its process alive, its dashboard not answering) make it start the instance again.
    static constexpr std::chrono::milliseconds kHealthInterval{2000};
    static constexpr int kSilentChecks = 5;

    // The serving instance's process group as the store has it (0: none), so that a restarted
    // rovd does not take its processes for strays.
    qint64 instanceProcessGroup() const;

    // The serving instance for Prometheus (its Serve metrics: requests, latency, errors,
    // replicas), labelled ray_io_cluster="_serving" (no cluster id starts with "_"); none while
    // nothing is deployed. `changed` runs, on the manager's thread, whenever that changes.
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

private:
    struct Route;
    struct Work;

    // State changes; the caller holds m_mutex. commit(): a change a client asked for, all of
    // `writes` in one transaction before it is acknowledged, or none and the reason. record(): a
    // change rovd makes by itself, kept and written again later if the store refuses it now.
    std::optional<rest::ApiError> commit(std::vector<Store::Write> writes);
    void record(std::vector<Store::Write> writes);
    void applyToMemory(const std::vector<Store::Write> &writes);
    nlohmann::json newOperation(const QString &resource, const char *metadataType,
                                const nlohmann::json &work, const ApiCall &call);
    void setStage(const QString &operation, api::vertex::serving::DeploymentStage stage);
    // The operation ends, stored with `alongWith` in one transaction.
    void finish(const QString &operation, const nlohmann::json &response,
                const std::optional<rest::ApiError> &error,
                std::vector<Store::Write> alongWith = {});
    void enqueue(const QString &operation);
    std::vector<ServeApp> desiredApps() const;
    std::optional<Route> routeFor(const QString &endpoint, rest::ApiError *error);
    // A Model as answered, with the endpoints it is deployed to; the caller holds m_mutex.
    nlohmann::json modelView(const nlohmann::json &doc) const;

    // The worker's side.
    void run();
    void runOperation(const QString &operation);
    std::optional<rest::ApiError> deploy(const QString &operation, const nlohmann::json &work);
    // The deployment's end, under the mutex: the model joins the endpoint and its split, or
    // leaves the pending list; the operation is finished either way.
    std::optional<rest::ApiError> settleDeploy(const QString &operation, const nlohmann::json &work,
                                               int minReplicas,
                                               std::optional<rest::ApiError> error);
    std::optional<rest::ApiError> undeploy(const nlohmann::json &work);
    // The instance running (started when it is not; with `restart`, started anew even if its
    // dashboard still answers).
    std::optional<rest::ApiError> ensureInstance(bool restart = false);
    void checkHealth();
    // Every deployed model's status from Serve's applications, or down for `downReason`.
    void updateReplicaStatus(const std::map<QString, ServeAppState> &apps,
                             const QString &downReason);
    QString instanceMarker() const;
    std::optional<rest::ApiError> applyConfig();
    std::optional<rest::ApiError> waitForApp(const QString &app, int minReplicas, bool gone);
    void restore();
    // Model copies that no model has; the caller holds m_mutex, before the server serves.
    void removeStrayCopies();

    const ServingSettings m_settings;
    std::unique_ptr<Store> m_store;
    mutable std::mutex m_mutex;
    StateWriter m_writer; // over m_store, under m_mutex
    std::map<QString, nlohmann::json> m_models;
    std::map<QString, nlohmann::json> m_endpoints;
    std::map<QString, nlohmann::json> m_operations;
    std::set<QString> m_uploading; // models whose copy is being made
    std::optional<InstanceRecord> m_instance;
    bool m_serving = false; // the config of the deployed models is applied
    std::function<void()> m_scrapeChanged;
    std::function<void()> m_instanceLost;

    std::mutex m_queueMutex;
    std::condition_variable m_queueChanged;
    std::deque<QString> m_queue;
    bool m_stopping = false;
    bool m_checkNow = false;
    // The worker's own.
    RestartBackoff m_backoff;
    int m_silentChecks = 0;
    std::thread m_worker;
};

} // namespace rov::localplane::serving
