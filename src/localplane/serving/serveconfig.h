#pragma once

#include "servingrequests.h"

#include <QString>
#include <map>
#include <nlohmann/json.hpp>
#include <vector>

// Ray Serve's side of rovd's endpoints, as data: the config that rovd PUTs to the serving
// instance's dashboard (one application per deployed model) and what its status says of each.
namespace rov::localplane::serving {

struct ServeApp
{
    QString name;        // also its route: /<name>
    QString artifactDir; // rovd's copy of the model's artifact folder
    QString framework;   // "sklearn", "xgboost"
    QString fileName;    // the file the prebuilt image would load
    Replicas replicas;
};

// The Serve application of deployed model `deployedModelId` on endpoint `endpointName`: unique in
// rovd (ids given by callers repeat across endpoints), and fit for Ray's actor names.
QString serveAppName(const QString &endpointName, const QString &deployedModelId);

// The whole config: Serve replaces its applications with these. HTTP on 127.0.0.1 only (Serve's
// REST schema binds 0.0.0.0 unless told), one proxy on the head.
nlohmann::json serveConfig(quint16 httpPort, const std::vector<ServeApp> &apps);

struct ServeAppState
{
    enum class Phase
    {
        Deploying,
        Running,
        Failed,
        Missing
    };
    Phase phase = Phase::Missing;
    QString message;
    int runningReplicas = 0;
    int targetReplicas = 0;
};

// GET /api/serve/applications/ read per application. A failed deployment's own message says
// more than the application's ("Failed to update the deployments"), so that one is taken.
std::map<QString, ServeAppState> readServeStatus(const nlohmann::json &status);

} // namespace rov::localplane::serving
