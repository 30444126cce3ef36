#include "servingcontroller.h"

#include "rest/operationpoller.h"

namespace rov::core {

using nlohmann::json;

ServingController::ServingController(QObject *parent) : QObject(parent)
{
    m_timer.setInterval(kRefresh);
    connect(&m_timer, &QTimer::timeout, this, &ServingController::refresh);
}

ServingController::~ServingController()
{
    // Its callbacks come to this object: quietly, nobody listens to a controller that goes.
    blockSignals(true);
    m_predictCall.cancel();
    m_modelsCall.cancel();
    m_endpointsCall.cancel();
}

void ServingController::setClient(api::vertex::ServingClient *client)
{
    m_modelsCall.cancel();
    m_endpointsCall.cancel();
    m_predictCall.cancel(); // its answer says CANCELLED
    m_pending = 0;
    m_client = client;
    m_updated = {};
    m_lastError.clear();
    m_roundError.clear();
    m_models.setModels({});
    m_endpoints.setEndpoints({});
    Q_EMIT refreshed();
    refresh();
}

void ServingController::setMonitoring(api::monitoring::MonitoringClient *monitoring)
{
    m_monitoring = monitoring;
    Q_EMIT refreshed();
}

void ServingController::setLive(bool live)
{
    if (live && !m_timer.isActive()) {
        m_timer.start();
        refresh();
    } else if (!live) {
        m_timer.stop();
    }
}

void ServingController::refresh()
{
    if (!m_client || m_pending > 0)
        return; // nothing to ask; or the round under way answers soon
    m_pending = 2;
    m_modelsCall = m_client->listModels(this, [this](auto result) {
        if (result.ok())
            m_models.setModels(std::move(result.value));
        answered(result.error);
    });
    m_endpointsCall = m_client->listEndpoints(this, [this](auto result) {
        if (result.ok())
            m_endpoints.setEndpoints(std::move(result.value));
        answered(result.error);
    });
}

void ServingController::answered(const std::optional<rest::ApiError> &error)
{
    if (error && error->kind == rest::ApiError::Kind::Cancelled)
        return; // setClient() ended the round
    if (error && m_roundError.isEmpty())
        m_roundError = error->message;
    if (--m_pending > 0)
        return;
    m_lastError = std::exchange(m_roundError, {});
    if (m_lastError.isEmpty())
        m_updated = QTime::currentTime();
    Q_EMIT refreshed();
}

QString ServingController::status() const
{
    if (!m_client)
        return tr("Not connected");
    if (!m_lastError.isEmpty())
        return tr("Could not refresh: %1").arg(m_lastError);
    if (m_updated.isValid())
        return tr("Updated %1").arg(m_updated.toString(QStringLiteral("HH:mm:ss")));
    return tr("Loading…");
}

void ServingController::finish(Change change)
{
    --m_changes;
    Q_EMIT changed(change);
    refresh();
}

void ServingController::follow(api::Result<QString> operation, const QString &doing,
                               const QString &done)
{
    if (!operation.ok()) {
        finish({false, tr("Failed: %1").arg(operation.error->message)});
        return;
    }
    if (!m_client) {
        finish({false, tr("Failed: %1").arg(rest::ApiError::cancelled().message)});
        return;
    }
    Q_EMIT changeStarted(doing);
    rest::OperationPoller::follow(
        m_client->restClient(), m_client->operationUrl(operation.value), this,
        [this, done](const std::optional<rest::ApiError> &error, const json &) {
            finish(error ? Change{false, tr("Failed: %1").arg(error->message)}
                         : Change{true, done});
        });
    refresh(); // the list shows the change under way
}

void ServingController::deleteModel(const QString &name)
{
    ++m_changes;
    if (!m_client) {
        finish({false, tr("Could not delete: %1").arg(tr("Not connected"))});
        return;
    }
    const auto *model = m_models.at(m_models.rowOfKey(name));
    const QString title = model ? model->displayName : name.section(QLatin1Char('/'), -1);
    m_client->deleteModel(name, this, [this, title](api::Result<QString> operation) {
        if (!operation.ok()) {
            finish({false, tr("Could not delete: %1").arg(operation.error->message)});
            return;
        }
        follow(std::move(operation), tr("Deleting %1…").arg(title), tr("Model deleted"));
    });
}

void ServingController::undeploy(const QString &endpoint, const QString &deployedModelId,
                                 const QString &displayName)
{
    ++m_changes;
    if (!m_client) {
        finish({false, tr("Could not undeploy: %1").arg(tr("Not connected"))});
        return;
    }
    // Its traffic goes to the others, in proportion; the last model leaves no split.
    const auto *current = m_endpoints.at(m_endpoints.rowOfKey(endpoint));
    api::vertex::TrafficSplit split;
    if (current && current->deployedModels.size() > 1) {
        split = rebalanceSplit(current->trafficSplit, deployedModelId, 0);
        split.erase(deployedModelId);
    }
    m_client->undeployModel(
        endpoint, deployedModelId, split, this,
        [this, displayName](api::Result<QString> operation) {
            if (!operation.ok()) {
                finish({false, tr("Could not undeploy: %1").arg(operation.error->message)});
                return;
            }
            follow(std::move(operation), tr("Undeploying %1…").arg(displayName), tr("Done"));
        });
}

void ServingController::deleteEndpoint(const QString &endpoint, const QString &displayName)
{
    ++m_changes;
    if (!m_client) {
        finish({false, tr("Could not delete: %1").arg(tr("Not connected"))});
        return;
    }
    m_client->deleteEndpoint(endpoint, this, [this, displayName](api::Result<QString> operation) {
        if (!operation.ok()) {
            finish({false, tr("Could not delete: %1").arg(operation.error->message)});
            return;
        }
        follow(std::move(operation), tr("Deleting %1…").arg(displayName), tr("Done"));
    });
}

bool ServingController::predict(const QString &endpoint, const QString &request)
{
    const json body = json::parse(request.toStdString(), nullptr, false);
    if (!m_client || endpoint.isEmpty() || !body.is_object())
        return false;
    m_predictCall.cancel();
    m_predictCall = m_client->predict(
        endpoint, body, this,
        [this, request, endpoint](api::Result<api::vertex::Prediction> result) {
            Answer answer;
            answer.endpoint = endpoint;
            answer.request = request;
            answer.at = QTime::currentTime();
            answer.ok = result.ok();
            if (result.ok()) {
                answer.response = QString::fromStdString(result.value.response.dump(2));
                answer.latencyMs = result.value.latencyMs;
                answer.detail = QString::fromStdString(
                    result.value.response.value("deployedModelId", std::string()));
            } else {
                answer.cancelled = result.error->kind == rest::ApiError::Kind::Cancelled;
                answer.response = result.error->message;
                answer.detail = result.error->status;
            }
            Q_EMIT predicted(answer);
        });
    return true;
}

} // namespace rov::core
