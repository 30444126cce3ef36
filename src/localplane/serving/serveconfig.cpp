#include "serveconfig.h"

#include "api/vertex/servingwire.h"

#include <QCryptographicHash>

namespace rov::localplane::serving {

using nlohmann::json;

namespace {

constexpr const char *kDeployment = "Predictor";
constexpr const char *kImportPath = "rov_predictor:build";

json deploymentConfig(const ServeApp &app)
{
    json deployment = {{"name", kDeployment},
                       {"ray_actor_options", {{"num_cpus", app.replicas.cpusPerReplica}}}};
    if (app.replicas.minReplicas == app.replicas.maxReplicas) {
        deployment["num_replicas"] = app.replicas.minReplicas;
    } else {
        // Vertex AI scales between the counts by load; Serve's autoscaler does it by requests in
        // flight per replica.
        deployment["autoscaling_config"] = {{"min_replicas", app.replicas.minReplicas},
                                            {"initial_replicas", app.replicas.minReplicas},
                                            {"max_replicas", app.replicas.maxReplicas},
                                            {"target_ongoing_requests", 2},
                                            {"upscale_delay_s", 10},
                                            {"downscale_delay_s", 120}};
    }
    return deployment;
}

ServeAppState readApp(const json &app)
{
    ServeAppState state;
    const std::string status = app.value("status", std::string());
    state.message = QString::fromStdString(app.value("message", std::string()));
    if (status == "RUNNING")
        state.phase = ServeAppState::Phase::Running;
    else if (status == "DEPLOY_FAILED" || status == "UNHEALTHY")
        state.phase = ServeAppState::Phase::Failed;
    else
        state.phase = ServeAppState::Phase::Deploying;
    const json deployments = app.value("deployments", json::object());
    if (!deployments.is_object())
        return state;
    for (const auto &[name, deployment] : deployments.items()) {
        if (!deployment.is_object())
            continue;
        state.targetReplicas += deployment.value("target_num_replicas", 0);
        for (const json &replica : deployment.value("replicas", json::array())) {
            if (replica.is_object() && replica.value("state", std::string()) == "RUNNING")
                ++state.runningReplicas;
        }
        const std::string message = deployment.value("message", std::string());
        if (state.phase == ServeAppState::Phase::Failed && !message.empty())
            state.message = QString::fromStdString(message);
    }
    return state;
}

} // namespace

QString serveAppName(const QString &endpointName, const QString &deployedModelId)
{
    const QByteArray digest =
        QCryptographicHash::hash(endpointName.toUtf8(), QCryptographicHash::Sha1).toHex().left(10);
    return QLatin1String(api::vertex::serving::kServeAppPrefix) + deployedModelId +
           QLatin1Char('-') + QString::fromLatin1(digest);
}

json serveConfig(quint16 httpPort, const std::vector<ServeApp> &apps)
{
    json applications = json::array();
    for (const ServeApp &app : apps) {
        applications.push_back({{"name", app.name.toStdString()},
                                {"route_prefix", (QLatin1Char('/') + app.name).toStdString()},
                                {"import_path", kImportPath},
                                {"args",
                                 {{"artifact_dir", app.artifactDir.toStdString()},
                                  {"framework", app.framework.toStdString()},
                                  {"file_name", app.fileName.toStdString()}}},
                                {"deployments", json::array({deploymentConfig(app)})}});
    }
    return {{"proxy_location", "HeadOnly"},
            {"http_options", {{"host", "127.0.0.1"}, {"port", httpPort}}},
            {"applications", applications}};
}

std::map<QString, ServeAppState> readServeStatus(const json &status)
{
    std::map<QString, ServeAppState> states;
    const json applications =
        status.is_object() ? status.value("applications", json::object()) : json::object();
    if (!applications.is_object())
        return states;
    for (const auto &[name, app] : applications.items()) {
        if (app.is_object())
            states[QString::fromStdString(name)] = readApp(app);
    }
    return states;
}

} // namespace rov::localplane::serving
