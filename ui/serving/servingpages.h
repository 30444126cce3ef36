#pragma once

#include "api/monitoring/monitoringclient.h"
#include "core/servingmodels.h"
#include "rest/call.h"

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace rov::ui {

class DataTable;
class MiniCharts;

// What both serving pages share: the client, the two live lists (refreshed every 10 s while a
// page shows, and at once after a change) and the words of the last refresh.
class ServingLists : public QObject
{
    Q_OBJECT
public:
    explicit ServingLists(QObject *parent = nullptr);
    void setClient(api::vertex::ServingClient *client);
    // Where the endpoints' charts come from (rovd's Prometheus); none: no charts.
    void setMonitoring(api::monitoring::MonitoringClient *monitoring);
    api::monitoring::MonitoringClient *monitoring() const { return m_monitoring; }
    api::vertex::ServingClient *client() const { return m_client; }
    core::ModelListModel *models() { return &m_models; }
    core::EndpointListModel *endpoints() { return &m_endpoints; }
    void refresh();
    void setLive(bool live); // the timer runs while a page shows
    QString status() const { return m_status; }

Q_SIGNALS:
    void refreshed();

private:
    void answered(const std::optional<rest::ApiError> &error);

    QPointer<api::vertex::ServingClient> m_client;
    QPointer<api::monitoring::MonitoringClient> m_monitoring;
    core::ModelListModel m_models;
    core::EndpointListModel m_endpoints;
    QTimer m_timer;
    rest::Call m_modelsCall;
    rest::Call m_endpointsCall;
    int m_pending = 0;
    QString m_status;
    QString m_roundError;
};

// The Model Registry: models with framework, artifact and creation time; Register model (from a
// folder or a gs:// path), Deploy, Delete.
class ModelsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ModelsPage(ServingLists *lists, QWidget *parent = nullptr);
    DataTable *table() const { return m_table; }
    QString selectedModel() const;
    // Opens Register model with the folder filled in (a job's output).
    void registerFrom(const QString &gsUri, const QString &displayName);

Q_SIGNALS:
    void deployRequested(const QString &modelName);

private:
    void registerModel(const QString &gsUri = {}, const QString &displayName = {});
    void deleteModel();
    void updateButtons();

    ServingLists *m_lists;
    DataTable *m_table;
    QPushButton *m_register;
    QPushButton *m_deploy;
    QPushButton *m_delete;
    QLabel *m_status;
};

// The Endpoints: each with its deployed models, traffic split and replicas; Create, Deploy,
// Undeploy, Delete; and a Test panel that sends a prediction and keeps the last requests.
class EndpointsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointsPage(ServingLists *lists, QWidget *parent = nullptr);
    DataTable *table() const { return m_table; }
    QString selectedEndpoint() const;
    // Opens the Deploy dialog (on the chosen model, and the chosen endpoint if any).
    void deploy(const QString &modelName = {});
    void send();
    QPlainTextEdit *request() const { return m_request; }
    QPlainTextEdit *response() const { return m_response; }
    QLabel *latency() const { return m_latency; }
    MiniCharts *charts() const { return m_charts; }

private:
    void showEndpoint();
    void undeploy();
    void deleteEndpoint();
    void updateButtons();
    void follow(const QString &operation, const QString &doing);
    // The last answer's line, in the language of the moment.
    void showLatency();
    // The request in the editor as curl or Python, to the clipboard.
    void copyRequest(bool python);
    // The Test panel belongs to one endpoint: another one chosen (or this one gone) clears its
    // answer, and the last requests shown are that endpoint's only.
    void testEndpoint(const QString &endpoint);
    void forgetAnswer();

    ServingLists *m_lists;
    DataTable *m_table;
    QTableWidget *m_deployed;
    QPushButton *m_deploy;
    QPushButton *m_undeploy;
    QPushButton *m_delete;
    QPushButton *m_send;
    QPushButton *m_copyCurl;
    QPushButton *m_copyPython;
    QPlainTextEdit *m_request;
    QPlainTextEdit *m_response;
    QLabel *m_latency;
    QListWidget *m_history;
    MiniCharts *m_charts;
    QStringList m_chartedIds;
    QLabel *m_status;
    rest::Call m_predictCall;
    QString m_testedEndpoint;
    struct LastAnswer
    {
        bool sent = false;
        bool ok = false;
        qint64 latencyMs = 0;
        QString detail; // the deployed model's id, or the error's status
    } m_last;
};

} // namespace rov::ui
