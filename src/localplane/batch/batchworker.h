#pragma once

#include "batchowner.h"
#include "localplane/serving/serveinstance.h"

#include <QString>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <thread>

namespace rov::localplane::batch {

struct BatchSettings
{
    QString dataDir;     // rovd's: batch/ holds the driver and each job's work folder
    QString storageRoot; // gs://BUCKET/PATH is storageRoot/BUCKET/PATH
    QString python;      // the venv's python, which runs the driver on the instance
    serving::InstanceSettings instance;
    // How long the instance stays up with no job to run.
    std::chrono::seconds idleStop{120};
    bool stopInstanceOnExit = false;
};

// What a job needs of a model in the Model Registry.
struct ModelArtifact
{
    QString displayName;
    QString artifactDir; // rovd's copy of the artifact folder
    QString framework;
    QString file;
};
using ModelLookup = std::function<std::optional<ModelArtifact>(const QString &modelName)>;

// Batch prediction's long work, off the owner and the server's threads: the batch instance
// started when a job waits and stopped when none has for a while; each job's driver submitted as
// a Ray job, followed (its state and counts, about once a second) and ended: SUCCEEDED,
// PARTIALLY_SUCCEEDED (some instances in the errors file), FAILED with the reason, or
// CANCELLED. Every job ends; one that a stopped rovd left running is followed again at start,
// or ended with the reason when its Ray job is gone.
class BatchWorker
{
public:
    BatchWorker(BatchOwner &owner, const BatchSettings &settings);
    ~BatchWorker();
    BatchWorker(const BatchWorker &) = delete;
    BatchWorker &operator=(const BatchWorker &) = delete;

    void start();
    void stop();
    // Looks at the jobs now (one was created or cancelled).
    void wake();

    static constexpr std::chrono::milliseconds kPollInterval{1000};

private:
    void run();
    void step();
    // The instance running, started when it is not: its record, or why not.
    std::variant<serving::InstanceRecord, QString> ensureInstance();
    void submit(const QString &name, const nlohmann::json &job,
                const serving::InstanceRecord &instance);
    void follow(const QString &name, const nlohmann::json &job,
                const std::optional<serving::InstanceRecord> &instance, bool instanceAlive);
    // The job's new document, written with its updateTime.
    void update(const QString &name, const std::function<void(nlohmann::json &)> &edit);
    void finish(const QString &name, const QString &state, const QString &error = {});
    bool stopping();

    BatchOwner &m_owner;
    const BatchSettings &m_settings;
    std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_stopping = false;
    bool m_woken = false;
    std::chrono::steady_clock::time_point m_idleSince;
    std::thread m_thread;
};

} // namespace rov::localplane::batch
