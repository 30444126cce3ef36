#pragma once

#include "api/monitoring/monitoringclient.h"
#include "api/vertex/servingclient.h"
#include "core/servingmodels.h"
#include "rest/call.h"

#include <QObject>
#include <QPointer>
#include <QTime>
#include <QTimer>
#include <chrono>
#include <optional>

namespace rov::core {

// What the Model Registry and Endpoints pages do with the backend, without a window: the two
// live lists (refreshed every 10 s while a page shows, and at once after a change), the changes
// a page starts (delete a model, undeploy, delete an endpoint, each followed to the end of its
// operation), and the Test panel's prediction. Every change ends with changed() — done, or
// failed with the backend's words — and every prediction with predicted(), CANCELLED included
// (another endpoint chosen, or the client gone).
class ServingController : public QObject
{
    Q_OBJECT
public:
    static constexpr std::chrono::seconds kRefresh{10};

    explicit ServingController(QObject *parent = nullptr);
    ~ServingController() override;

    void setClient(api::vertex::ServingClient *client);
    // Where the endpoints' charts come from (rovd's Prometheus); none: no charts.
    void setMonitoring(api::monitoring::MonitoringClient *monitoring);
    api::vertex::ServingClient *client() const { return m_client; }
    api::monitoring::MonitoringClient *monitoring() const { return m_monitoring; }
    ModelListModel *models() { return &m_models; }
    EndpointListModel *endpoints() { return &m_endpoints; }

    void refresh();
    void setLive(bool live); // the timer runs while a page shows
    bool isLive() const { return m_timer.isActive(); }
    bool isRefreshing() const { return m_pending > 0; }
    // The last refresh, in the language of the moment: when it was, or why it failed.
    QString status() const;

    // A change's end: `ok`, and what to tell the user ("Model deleted", "Could not delete: …").
    struct Change
    {
        bool ok = false;
        QString text;
    };
    void deleteModel(const QString &name);
    // The deployed model's traffic goes to the others in proportion.
    void undeploy(const QString &endpoint, const QString &deployedModelId,
                  const QString &displayName);
    void deleteEndpoint(const QString &endpoint, const QString &displayName);
    int changesUnderWay() const { return m_changes; }

    // The Test panel: one prediction at a time, for one endpoint.
    struct Answer
    {
        QString endpoint;
        QString request;  // as typed
        QString response; // the answer as indented JSON, or the error's words
        bool ok = false;
        bool cancelled = false;
        qint64 latencyMs = 0;
        QString detail; // the deployed model's id, or the error's status
        QTime at;
    };
    // False, with nothing sent, when `request` is not a JSON object or no client is set; true
    // when sent (predicted() follows).
    bool predict(const QString &endpoint, const QString &request);
    bool isPredicting() const { return m_predictCall.isRunning(); }
    void cancelPrediction() { m_predictCall.cancel(); }

Q_SIGNALS:
    void refreshed();
    void changeStarted(const QString &doing);
    void changed(const rov::core::ServingController::Change &change);
    void predicted(const rov::core::ServingController::Answer &answer);

private:
    void answered(const std::optional<rest::ApiError> &error);
    // Follows `operation` (the result of a call that starts one) to its end.
    void follow(api::Result<QString> operation, const QString &doing, const QString &done);
    void finish(Change change);

    QPointer<api::vertex::ServingClient> m_client;
    QPointer<api::monitoring::MonitoringClient> m_monitoring;
    ModelListModel m_models;
    EndpointListModel m_endpoints;
    QTimer m_timer;
    rest::Call m_modelsCall;
    rest::Call m_endpointsCall;
    int m_pending = 0;
    QTime m_updated;          // of the last refresh that worked
    QString m_lastError;      // of the last refresh, when it failed
    QString m_roundError;     // while a refresh is under way
    int m_changes = 0;        // started, not ended
    rest::Call m_predictCall; // the Test panel's
};

} // namespace rov::core
