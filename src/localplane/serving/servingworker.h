#pragma once

#include "api/vertex/servingwire.h"
#include "rest/apierror.h"
#include "servebackend.h"
#include "servinghealth.h"
#include "servingowner.h"

#include <QString>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>

namespace rov::localplane::serving {

// Serving's long work, off the owner and off the server's threads: the operations that wait on
// Ray Serve (deploy, undeploy, mutate, delete an endpoint), one at a time and in order, and the
// serving instance watched and started again when it dies. What it learns goes to the owner as a
// change; it holds no state of serving's but its own (the queue, the restart backoff). Every
// operation ends: done, with an error that says why, or failed by its deadline; one that rovd's
// stop interrupts stays open and is taken up at the next start.
class ServingWorker
{
public:
    ServingWorker(ServingOwner &owner, ServeBackend &serve, std::chrono::seconds deployTimeout);
    ~ServingWorker();
    ServingWorker(const ServingWorker &) = delete;
    ServingWorker &operator=(const ServingWorker &) = delete;

    // Serves what is deployed, then runs `operations` (what a killed rovd left), then what comes.
    void start(const QStringList &operations);
    void stop();
    void enqueue(const QString &operation);
    // Looks at the serving instance now (a prediction found it silent).
    void checkSoon();

    // `changed`: the instance's scrape target changed. `lost`: an instance that served died or
    // fell silent and is started again. Both run on the worker's thread.
    void setScrapeListener(std::function<void()> changed);
    void setInstanceLostListener(std::function<void()> lost);

    static constexpr std::chrono::milliseconds kHealthInterval{2000};
    static constexpr int kSilentChecks = 5;

private:
    void run();
    void runOperation(const QString &operation);
    std::optional<rest::ApiError> deploy(const QString &operation, const nlohmann::json &work);
    std::optional<rest::ApiError> undeploy(const nlohmann::json &work);
    // The instance running (started when it is not; with `restart`, started anew even if its
    // dashboard still answers).
    std::optional<rest::ApiError> ensureInstance(bool restart = false);
    // Serve given the applications the state wants; with none, the instance goes.
    std::optional<rest::ApiError> applyConfig();
    std::optional<rest::ApiError> waitForApp(const QString &app, int minReplicas, bool gone);
    void restore();
    void checkHealth();
    void updateReplicaStatus(const std::map<QString, ServeAppState> &apps,
                             const QString &downReason);
    void setStage(const QString &operation, api::vertex::serving::DeploymentStage stage);
    // The operation ends, written with `alongWith` in one transaction.
    void finish(const QString &operation, const nlohmann::json &response,
                const std::optional<rest::ApiError> &error,
                std::vector<Store::Write> alongWith = {});
    bool stopping();
    void notifyScrapeChanged();

    ServingOwner &m_owner;
    ServeBackend &m_serve;
    const std::chrono::seconds m_deployTimeout;

    std::mutex m_queueMutex;
    std::condition_variable m_queueChanged;
    std::deque<QString> m_queue; // "": serve what is deployed
    bool m_stopping = false;
    bool m_checkNow = false;
    std::function<void()> m_scrapeChanged; // under m_queueMutex
    std::function<void()> m_instanceLost;  // under m_queueMutex
    // The worker thread's own.
    RestartBackoff m_backoff;
    int m_silentChecks = 0;
    std::thread m_thread;
};

} // namespace rov::localplane::serving
