#pragma once

#include <QString>
#include <chrono>
#include <nlohmann/json.hpp>
#include <optional>
#include <variant>

// The Ray instance that rovd runs for endpoints: one head node (`ray start --head --block`,
// detached so that it outlives a killed rovd and is adopted again), with Serve on it. On Vertex AI
// an endpoint outlives every cluster, so it never borrows a user's cluster.
namespace rov::localplane::serving {

struct InstanceSettings
{
    QString rayProgram;      // {venv}/bin/ray
    QString tempDir;         // Ray's temp dir: also the marker that tells this instance's processes
    QString logFile;         // the node's output
    QString pythonPath;      // where rov_predictor.py is
    QString loopbackLibrary; // librovloopback.so, preloaded into the instance's processes
    int logicalCpus = 64;
    qint64 objectStoreBytes = 128LL * 1024 * 1024;
    std::chrono::seconds startTimeout{180};
    // Its own loopback address, and what messages call it (the batch instance is one too).
    QString nodeIp = QStringLiteral("127.0.0.2");
    QString label = QStringLiteral("serving instance");
};

// What a running instance is: kept in rovd's serving store, so a restarted rovd finds it.
struct InstanceRecord
{
    qint64 pid = 0;
    quint16 dashboardPort = 0;
    quint16 httpPort = 0;    // Serve's proxy
    quint16 metricsPort = 0; // the node's metrics (Serve's among them), for Prometheus

    nlohmann::json toJson() const;
    static std::optional<InstanceRecord> fromJson(const nlohmann::json &json);
};

// Starts a new instance and waits until its dashboard answers; why not, otherwise.
std::variant<InstanceRecord, QString> startInstance(const InstanceSettings &settings);
// Whether the instance still runs: its process with the marker, and its dashboard answering.
bool instanceAlive(const InstanceRecord &record, const InstanceSettings &settings);
// SIGTERM to the instance's processes, SIGKILL to what is left after a grace period.
void stopInstance(const InstanceRecord &record);

// The dashboard's Serve API (PUT and GET /api/serve/applications/). Errors in words.
std::optional<QString> putServeConfig(const InstanceRecord &record, const nlohmann::json &config);
std::variant<nlohmann::json, QString> serveStatus(const InstanceRecord &record);

} // namespace rov::localplane::serving
