#pragma once

#include "api/vertex/servingclient.h"
#include "rest/call.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;
class QTableWidget;

namespace rov::rest {
class OperationPoller;
}

namespace rov::ui {

class SnippetTabs;

// Deploy a model to an endpoint, new or existing: display name, machine type, minimum and
// maximum replicas, a traffic split whose values always sum to 100, and what that costs an hour.
// The same request is shown as REST, Python and curl. Deploying follows the operation's stages
// in the dialog, which closes when the model serves and says why when it does not.
class DeployDialog : public QDialog
{
    Q_OBJECT
public:
    DeployDialog(api::vertex::ServingClient *client, std::vector<api::vertex::Model> models,
                 std::vector<api::vertex::ServingEndpoint> endpoints, QWidget *parent = nullptr);

    void selectModel(const QString &modelName);
    void selectEndpoint(const QString &endpointName);
    // The split as the editor has it now ("0": the model being deployed).
    api::vertex::TrafficSplit split() const { return m_split; }
    void setSplitPercent(const QString &id, int percent);
    api::vertex::DeploySpec spec() const;

private:
    void fillSplit();
    void showSplit();
    void updateSummary();
    void start();
    void deployTo(const QString &endpointName);
    void follow(const QString &operation, bool creatingEndpoint);
    void fail(const QString &message);
    void setFieldsEnabled(bool enabled);
    const api::vertex::ServingEndpoint *chosenEndpoint() const;

    QPointer<api::vertex::ServingClient> m_client;
    std::vector<api::vertex::Model> m_models;
    std::vector<api::vertex::ServingEndpoint> m_endpoints;
    QComboBox *m_model;
    QComboBox *m_endpoint;
    QLineEdit *m_newEndpoint;
    QLineEdit *m_displayName;
    QComboBox *m_machine;
    QSpinBox *m_min;
    QSpinBox *m_max;
    QTableWidget *m_traffic;
    QLabel *m_cost;
    SnippetTabs *m_snippets;
    QLabel *m_status;
    QDialogButtonBox *m_buttons;
    api::vertex::TrafficSplit m_split;
    bool m_updatingSplit = false;
    rest::Call m_call;
    QPointer<rest::OperationPoller> m_poller;
};

// The words for a DeploymentStage name ("STARTING_MODEL_SERVER").
QString deploymentStageText(const QString &stage);

} // namespace rov::ui
