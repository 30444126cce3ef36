#pragma once

#include "core/servingcontroller.h"

#include <QWidget>

class QLabel;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QTableWidget;

namespace rov::ui {

class DataTable;
class MiniCharts;

// The Model Registry: models with framework, artifact and creation time; Register model (from a
// folder or a gs:// path), Deploy, Batch predict, Delete.
class ModelsPage : public QWidget
{
    Q_OBJECT
public:
    explicit ModelsPage(core::ServingController *serving, QWidget *parent = nullptr);
    DataTable *table() const { return m_table; }
    QString selectedModel() const;
    // Opens Register model with the folder filled in (a job's output).
    void registerFrom(const QString &gsUri, const QString &displayName);

Q_SIGNALS:
    void deployRequested(const QString &modelName);
    void batchPredictRequested(const QString &modelName);
    // A dialog opened on the backend: the session closes it when it ends.
    void windowOpened(QWidget *window);

private:
    void registerModel(const QString &gsUri = {}, const QString &displayName = {});
    void deleteModel();
    void updateButtons();

    core::ServingController *m_serving;
    DataTable *m_table;
    QPushButton *m_register;
    QPushButton *m_deploy;
    QPushButton *m_batch;
    QPushButton *m_delete;
    QLabel *m_status;
};

// The Endpoints: each with its deployed models, traffic split and replicas; Create, Deploy,
// Undeploy, Delete; and a Test panel that sends a prediction and keeps the last requests.
class EndpointsPage : public QWidget
{
    Q_OBJECT
public:
    explicit EndpointsPage(core::ServingController *serving, QWidget *parent = nullptr);
    DataTable *table() const { return m_table; }
    QString selectedEndpoint() const;
    // Opens the Deploy dialog (on the chosen model, and the chosen endpoint if any).
    void deploy(const QString &modelName = {});
    void send();
    QPlainTextEdit *request() const { return m_request; }
    QPlainTextEdit *response() const { return m_response; }
    QLabel *latency() const { return m_latency; }
    MiniCharts *charts() const { return m_charts; }

Q_SIGNALS:
    void windowOpened(QWidget *window); // as ModelsPage's

private:
    void showEndpoint();
    void undeploy();
    void deleteEndpoint();
    void updateButtons();
    void showChange(const core::ServingController::Change &change);
    void showAnswer(const core::ServingController::Answer &answer);
    // The last answer's line, in the language of the moment.
    void showLatency();
    // The request in the editor as curl or Python, to the clipboard.
    void copyRequest(bool python);
    // The Test panel belongs to one endpoint: another one chosen (or this one gone) clears its
    // answer, and the last requests shown are that endpoint's only.
    void testEndpoint(const QString &endpoint);
    void forgetAnswer();

    core::ServingController *m_serving;
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
