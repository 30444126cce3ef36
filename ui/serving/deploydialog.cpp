#include "deploydialog.h"

#include "api/vertex/servingwire.h"
#include "catalog/machinecatalog.h"
#include "core/servingmodels.h"
#include "help/guidewindow.h"
#include "replicafields.h"
#include "rest/operationpoller.h"
#include "snippettabs.h"
#include "texts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFontDatabase>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rov::ui {

using api::vertex::DeploySpec;
using api::vertex::ServingEndpoint;
namespace wire = api::vertex::serving;

namespace {

const QString kNew = QStringLiteral("0");

} // namespace

QString deploymentStageText(const QString &stage)
{
    switch (wire::stageFromName(stage)) {
    case wire::DeploymentStage::StartingDeployment:
        return DeployDialog::tr("Starting the deployment");
    case wire::DeploymentStage::PreparingModel:
        return DeployDialog::tr("Preparing the model");
    case wire::DeploymentStage::CreatingServingCluster:
        return DeployDialog::tr("Starting the serving cluster");
    case wire::DeploymentStage::StartingModelServer:
        return DeployDialog::tr("Starting the model server");
    case wire::DeploymentStage::FinishingUp:
        return DeployDialog::tr("Finishing up");
    case wire::DeploymentStage::SuccessfullyDeployed:
        return DeployDialog::tr("Deployed");
    case wire::DeploymentStage::FailedToDeploy:
        return DeployDialog::tr("Failed to deploy");
    case wire::DeploymentStage::Unspecified:
        break;
    }
    return DeployDialog::tr("Deploying");
}

DeployDialog::DeployDialog(api::vertex::ServingClient *client,
                           std::vector<api::vertex::Model> models,
                           std::vector<ServingEndpoint> endpoints, QWidget *parent)
    : QDialog(parent), m_client(client), m_models(std::move(models)),
      m_endpoints(std::move(endpoints)), m_model(new QComboBox(this)),
      m_endpoint(new QComboBox(this)), m_newEndpoint(new QLineEdit(this)),
      m_displayName(new QLineEdit(this)), m_machine(new QComboBox(this)), m_min(new QSpinBox(this)),
      m_max(new QSpinBox(this)), m_traffic(new QTableWidget(this)), m_cost(new QLabel(this)),
      m_snippets(new SnippetTabs(this)), m_status(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    offerGuide(this, m_buttons, QStringLiteral("models"));
    setObjectName(QStringLiteral("deployDialog"));
    m_model->setObjectName(QStringLiteral("deployModel"));
    m_endpoint->setObjectName(QStringLiteral("deployEndpoint"));
    m_newEndpoint->setObjectName(QStringLiteral("newEndpointName"));
    m_displayName->setObjectName(QStringLiteral("deployedName"));
    m_machine->setObjectName(QStringLiteral("machineType"));
    m_min->setObjectName(QStringLiteral("minReplicas"));
    m_max->setObjectName(QStringLiteral("maxReplicas"));
    m_traffic->setObjectName(QStringLiteral("trafficSplit"));
    m_cost->setObjectName(QStringLiteral("deployCost"));
    m_status->setObjectName(QStringLiteral("deployStatus"));
    m_status->setWordWrap(true);
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Deploy to endpoint"); });
    for (const auto &model : m_models)
        m_model->addItem(
            QStringLiteral("%1 (%2)").arg(model.displayName, core::frameworkTitle(model)),
            model.name);
    m_endpoint->addItem(QString(), QString()); // "New endpoint", named below
    for (const auto &endpoint : m_endpoints)
        m_endpoint->addItem(endpoint.displayName, endpoint.name);
    fillServingMachines(m_machine);
    m_traffic->setColumnCount(2);
    m_traffic->verticalHeader()->hide();
    m_traffic->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_traffic->setSelectionMode(QAbstractItemView::NoSelection);
    m_traffic->setMaximumHeight(140);

    auto *form = new QFormLayout;
    texts->row(form, m_model, [] { return tr("&Model"); });
    texts->row(form, m_endpoint, [] { return tr("&Endpoint"); });
    texts->row(form, m_newEndpoint, [] { return tr("New endpoint's &name"); });
    texts->row(form, m_displayName, [] { return tr("&Deployed model's name"); });
    texts->row(form, m_machine, [] { return tr("Mac&hine type"); });
    auto *replicas = replicaRange(
        texts, m_min, m_max, [] { return tr("m&inimum"); }, [] { return tr("ma&ximum"); },
        [this] { updateSummary(); });
    texts->row(form, replicas, [] { return tr("Replicas"); });
    texts->row(form, m_traffic, [] { return tr("&Traffic split"); });
    texts->row(form, m_cost, [] { return tr("Cost"); });
    layOutRequestDialog(this, texts, form, m_snippets, m_status, m_buttons,
                        [] { return tr("The same request:"); });
    texts->bind(m_buttons->button(QDialogButtonBox::Ok), &QAbstractButton::setText,
                [] { return tr("De&ploy"); });
    texts->bind([this](const QString &text) { m_endpoint->setItemText(0, text); },
                [] { return tr("New endpoint"); });
    texts->bind(m_newEndpoint, &QLineEdit::setPlaceholderText, [] { return tr("e.g. iris"); });
    texts->onChange([this] {
        showSplit();
        updateSummary();
    });

    connect(m_model, &QComboBox::currentIndexChanged, this, [this] {
        const int index = m_model->currentIndex();
        if (index >= 0 && index < int(m_models.size()))
            m_displayName->setText(m_models[size_t(index)].displayName);
        updateSummary();
    });
    connect(m_endpoint, &QComboBox::currentIndexChanged, this, [this] {
        m_newEndpoint->setEnabled(m_endpoint->currentIndex() == 0);
        fillSplit();
    });
    for (QLineEdit *edit : {m_newEndpoint, m_displayName})
        connect(edit, &QLineEdit::textChanged, this, &DeployDialog::updateSummary);
    connect(m_machine, &QComboBox::currentTextChanged, this, &DeployDialog::updateSummary);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DeployDialog::start);
    connect(m_buttons, &QDialogButtonBox::rejected, this, [this] {
        m_call.cancel();
        if (m_poller)
            m_poller->stop();
        reject();
    });
    if (!m_models.empty())
        m_displayName->setText(m_models.front().displayName);
    fillSplit();
    resize(640, sizeHint().height());
}

const ServingEndpoint *DeployDialog::chosenEndpoint() const
{
    const QString name = m_endpoint->currentData().toString();
    for (const auto &endpoint : m_endpoints)
        if (endpoint.name == name)
            return &endpoint;
    return nullptr;
}

void DeployDialog::selectModel(const QString &modelName)
{
    const int index = m_model->findData(modelName);
    if (index >= 0)
        m_model->setCurrentIndex(index);
}

void DeployDialog::selectEndpoint(const QString &endpointName)
{
    const int index = m_endpoint->findData(endpointName);
    if (index >= 0)
        m_endpoint->setCurrentIndex(index);
}

void DeployDialog::fillSplit()
{
    // On Vertex AI a model deployed beside others takes the share it is given; a first model all.
    m_split.clear();
    m_split[kNew] = 100;
    if (const ServingEndpoint *endpoint = chosenEndpoint()) {
        for (const auto &deployed : endpoint->deployedModels) {
            const auto it = endpoint->trafficSplit.find(deployed.id);
            m_split[deployed.id] = it == endpoint->trafficSplit.end() ? 0 : it->second;
        }
        if (!endpoint->deployedModels.empty())
            m_split = core::rebalanceSplit(m_split, kNew, 0);
    }
    showSplit();
    updateSummary();
}

void DeployDialog::showSplit()
{
    m_updatingSplit = true;
    m_traffic->setHorizontalHeaderLabels({tr("Model"), tr("Traffic %")});
    m_traffic->setRowCount(int(m_split.size()));
    int row = 0;
    const ServingEndpoint *endpoint = chosenEndpoint();
    for (const auto &[id, percent] : m_split) {
        QString name = tr("This model (new)");
        if (id != kNew && endpoint) {
            for (const auto &deployed : endpoint->deployedModels)
                if (deployed.id == id)
                    name = deployed.displayName;
        }
        auto *item = new QTableWidgetItem(name);
        item->setFlags(Qt::ItemIsEnabled);
        m_traffic->setItem(row, 0, item);
        auto *spin = qobject_cast<QSpinBox *>(m_traffic->cellWidget(row, 1));
        if (!spin || spin->property("splitId").toString() != id) {
            spin = new QSpinBox(m_traffic);
            spin->setRange(0, 100);
            spin->setSuffix(QStringLiteral(" %"));
            spin->setProperty("splitId", id);
            spin->setObjectName(QStringLiteral("split_") + id);
            connect(spin, &QSpinBox::valueChanged, this, [this, id](int value) {
                if (!m_updatingSplit)
                    setSplitPercent(id, value);
            });
            m_traffic->setCellWidget(row, 1, spin);
        }
        spin->setValue(percent);
        ++row;
    }
    m_updatingSplit = false;
}

void DeployDialog::setSplitPercent(const QString &id, int percent)
{
    m_split = core::rebalanceSplit(m_split, id, percent);
    showSplit();
    updateSummary();
}

DeploySpec DeployDialog::spec() const
{
    DeploySpec spec;
    spec.modelName = m_model->currentData().toString();
    spec.displayName = m_displayName->text().trimmed();
    spec.machineType = m_machine->currentText();
    spec.minReplicas = m_min->value();
    spec.maxReplicas = m_max->value();
    spec.trafficSplit = m_split;
    return spec;
}

void DeployDialog::updateSummary()
{
    const auto cost = core::servingCost(catalog::MachineCatalog::builtIn(),
                                        m_machine->currentText(), m_min->value(), m_max->value());
    if (!cost)
        m_cost->setText(tr("No price for %1").arg(m_machine->currentText()));
    else if (m_min->value() == m_max->value())
        m_cost->setText(tr("$%1 an hour while deployed").arg(cost->atMinimum, 0, 'f', 2));
    else
        m_cost->setText(tr("$%1 an hour at the minimum, up to $%2 at the maximum")
                            .arg(cost->atMinimum, 0, 'f', 2)
                            .arg(cost->atMaximum, 0, 'f', 2));
    const QUrl base = m_client ? m_client->endpoint().baseUrl : QUrl();
    m_snippets->show(
        m_endpoint->currentIndex() == 0
            ? core::deployToNewEndpointSnippets(
                  base, m_client ? m_client->endpoint().parent() : QString(),
                  m_newEndpoint->text().trimmed(), spec())
            : core::deploySnippets(base, m_endpoint->currentData().toString(), spec()));
    QString why;
    if (m_model->count() == 0)
        why = tr("Register a model first.");
    else if (m_endpoint->currentIndex() == 0 && m_newEndpoint->text().trimmed().isEmpty())
        why = tr("Name the new endpoint.");
    if (!m_call.isRunning() && !m_poller) {
        m_status->setText(why);
        m_buttons->button(QDialogButtonBox::Ok)->setEnabled(why.isEmpty());
    }
}

void DeployDialog::fail(const QString &message)
{
    m_status->setText(message);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(true);
    setFieldsEnabled(true);
}

// While a deployment runs, what it was asked with cannot change under it.
void DeployDialog::setFieldsEnabled(bool enabled)
{
    for (QWidget *field : std::initializer_list<QWidget *>{m_model, m_endpoint, m_displayName,
                                                           m_machine, m_min, m_max, m_traffic})
        field->setEnabled(enabled);
    m_newEndpoint->setEnabled(enabled && m_endpoint->currentIndex() == 0);
}

void DeployDialog::start()
{
    if (!m_client) {
        fail(tr("Not connected: the backend's session ended"));
        return;
    }
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    setFieldsEnabled(false);
    if (m_endpoint->currentIndex() > 0) {
        deployTo(m_endpoint->currentData().toString());
        return;
    }
    m_status->setText(tr("Creating the endpoint…"));
    m_call = m_client->createEndpoint(m_newEndpoint->text().trimmed(), this,
                                      [this](api::Result<QString> operation) {
                                          if (!operation.ok())
                                              fail(operation.error->message);
                                          else
                                              follow(operation.value, true);
                                      });
}

void DeployDialog::deployTo(const QString &endpointName)
{
    m_status->setText(deploymentStageText(QStringLiteral("STARTING_DEPLOYMENT")));
    m_call =
        m_client->deployModel(endpointName, spec(), this, [this](api::Result<QString> operation) {
            if (!operation.ok())
                fail(operation.error->message);
            else
                follow(operation.value, false);
        });
}

void DeployDialog::follow(const QString &operation, bool creatingEndpoint)
{
    rest::PollSchedule schedule;
    schedule.initial = std::chrono::milliseconds(500);
    schedule.multiplier = 1.2;
    schedule.max = std::chrono::milliseconds(2000);
    m_poller = rest::OperationPoller::follow(
        m_client->restClient(), m_client->operationUrl(operation), this,
        [this, creatingEndpoint](const std::optional<rest::ApiError> &error,
                                 const nlohmann::json &response) {
            if (error)
                fail(tr("%1: %2").arg(deploymentStageText(QStringLiteral("FAILED_TO_DEPLOY")),
                                      error->message));
            else if (creatingEndpoint)
                deployTo(QString::fromStdString(response.value("name", std::string())));
            else
                accept();
        },
        schedule,
        [this](const QString &, const nlohmann::json &metadata) {
            const auto stage = metadata.find("deploymentStage");
            if (stage != metadata.end() && stage->is_string())
                m_status->setText(
                    deploymentStageText(QString::fromStdString(stage->get<std::string>())) +
                    QStringLiteral("…"));
        });
}

} // namespace rov::ui
