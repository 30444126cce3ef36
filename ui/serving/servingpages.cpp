#include "servingpages.h"

#include "api/vertex/servingwire.h"
#include "catalog/machinecatalog.h"
#include "datatable.h"
#include "deploydialog.h"
#include "monitoring/minicharts.h"
#include "registermodeldialog.h"
#include "texts.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSplitter>
#include <QTableWidget>
#include <QTime>
#include <QVBoxLayout>

namespace rov::ui {

using api::vertex::ServingEndpoint;
using nlohmann::json;

namespace {

constexpr int kKeptRequests = 20;

QPushButton *button(const char *name, QWidget *parent)
{
    auto *created = new QPushButton(parent);
    created->setObjectName(QLatin1String(name));
    return created;
}

} // namespace

// ---- Model Registry -------------------------------------------------------------------------

ModelsPage::ModelsPage(core::ServingController *serving, QWidget *parent)
    : QWidget(parent), m_serving(serving),
      m_table(new DataTable(serving->models(), Qt::DisplayRole, this)),
      m_register(button("registerModel", this)), m_deploy(button("deployModel", this)),
      m_batch(button("batchPredictModel", this)), m_delete(button("deleteModel", this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("modelsPage"));
    m_table->setObjectName(QStringLiteral("modelsTable"));
    m_status->setObjectName(QStringLiteral("modelsStatus"));
    auto *texts = new Texts(this);
    auto *title = new QLabel(this);
    title->setStyleSheet(QStringLiteral("font-size: 16px; font-weight: 600;"));
    texts->bind(title, &QLabel::setText, [] { return tr("Model Registry"); });
    texts->bind(m_register, &QAbstractButton::setText, [] { return tr("&Register model…"); });
    texts->bind(m_deploy, &QAbstractButton::setText, [] { return tr("Deplo&y to endpoint…"); });
    texts->bind(m_batch, &QAbstractButton::setText, [] { return tr("&Batch predict…"); });
    texts->bind(m_delete, &QAbstractButton::setText, [] { return tr("&Delete…"); });
    texts->onChange([this] {
        Q_EMIT m_serving->models()->headerDataChanged(Qt::Horizontal, 0,
                                                      core::ModelListModel::ColumnCount - 1);
    });
    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_register);
    bar->addWidget(m_deploy);
    bar->addWidget(m_batch);
    bar->addWidget(m_delete);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(bar);
    column->addWidget(m_table, 1);
    column->addWidget(m_status);
    m_table->horizontalHeader()->setSectionResizeMode(core::ModelListModel::Artifact,
                                                      QHeaderView::Stretch);
    connect(m_register, &QPushButton::clicked, this, [this] { registerModel(); });
    connect(m_deploy, &QPushButton::clicked, this,
            [this] { Q_EMIT deployRequested(selectedModel()); });
    connect(m_batch, &QPushButton::clicked, this,
            [this] { Q_EMIT batchPredictRequested(selectedModel()); });
    connect(m_delete, &QPushButton::clicked, this, &ModelsPage::deleteModel);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ModelsPage::updateButtons);
    // The list can arrive before the round's other list (endpoints) and its `refreshed`: the
    // buttons follow the rows as they come, or a model shown could not be deployed yet.
    for (const auto signal : {&QAbstractItemModel::rowsInserted, &QAbstractItemModel::rowsRemoved})
        connect(m_serving->models(), signal, this, &ModelsPage::updateButtons);
    connect(m_serving->models(), &QAbstractItemModel::modelReset, this, &ModelsPage::updateButtons);
    connect(m_serving, &core::ServingController::refreshed, this, [this] {
        m_status->setText(m_serving->status());
        updateButtons();
    });
    connect(m_serving, &core::ServingController::changeStarted, m_status, &QLabel::setText);
    connect(
        m_serving, &core::ServingController::changed, this,
        [this](const core::ServingController::Change &change) { m_status->setText(change.text); });
    updateButtons();
}

QString ModelsPage::selectedModel() const
{
    const QModelIndex index = m_table->selectedSourceIndex();
    const auto *model = m_serving->models()->at(index.row());
    return index.isValid() && model ? model->name : QString();
}

void ModelsPage::updateButtons()
{
    const bool chosen = !selectedModel().isEmpty();
    m_register->setEnabled(m_serving->client() != nullptr);
    m_deploy->setEnabled(m_serving->client() && m_serving->models()->rowCount() > 0);
    m_batch->setEnabled(m_serving->client() && m_serving->models()->rowCount() > 0);
    m_delete->setEnabled(chosen);
}

void ModelsPage::registerFrom(const QString &gsUri, const QString &displayName)
{
    registerModel(gsUri, displayName);
}

void ModelsPage::registerModel(const QString &gsUri, const QString &displayName)
{
    if (!m_serving->client()) {
        m_status->setText(m_serving->status()); // "Not connected"
        return;
    }
    auto *dialog = new RegisterModelDialog(m_serving->client(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!gsUri.isEmpty())
        dialog->setCloudFolder(gsUri, displayName);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        m_status->setText(tr("Registered %1").arg(dialog->modelName()));
        m_serving->refresh();
    });
    Q_EMIT windowOpened(dialog);
    dialog->open();
}

void ModelsPage::deleteModel()
{
    const QString name = selectedModel();
    const auto *model = m_serving->models()->at(m_serving->models()->rowOfKey(name));
    if (!model)
        return; // the button is off without a model chosen
    if (QMessageBox::question(this, tr("Delete model"),
                              tr("Delete the model \"%1\"? Its registration goes; the files in %2 "
                                 "stay.")
                                  .arg(model->displayName, model->artifactUri)) != QMessageBox::Yes)
        return;
    m_serving->deleteModel(name);
}

// ---- Endpoints ------------------------------------------------------------------------------

EndpointsPage::EndpointsPage(core::ServingController *serving, QWidget *parent)
    : QWidget(parent), m_serving(serving),
      m_table(new DataTable(serving->endpoints(), Qt::DisplayRole, this)),
      m_deployed(new QTableWidget(this)), m_deploy(button("deployToEndpoint", this)),
      m_undeploy(button("undeployModel", this)), m_delete(button("deleteEndpoint", this)),
      m_send(button("sendPrediction", this)), m_copyCurl(button("copyPredictCurl", this)),
      m_copyPython(button("copyPredictPython", this)), m_request(new QPlainTextEdit(this)),
      m_response(new QPlainTextEdit(this)), m_latency(new QLabel(this)),
      m_history(new QListWidget(this)),
      m_charts(new MiniCharts(std::vector<core::PanelSpec>{}, this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("endpointsPage"));
    m_charts->setObjectName(QStringLiteral("endpointCharts"));
    m_table->setObjectName(QStringLiteral("endpointsTable"));
    m_deployed->setObjectName(QStringLiteral("deployedModels"));
    m_request->setObjectName(QStringLiteral("predictRequest"));
    m_response->setObjectName(QStringLiteral("predictResponse"));
    m_latency->setObjectName(QStringLiteral("predictLatency"));
    // A long error never widens the panel: the line is cut, and its tooltip has it whole.
    m_latency->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
    m_history->setObjectName(QStringLiteral("predictHistory"));
    m_status->setObjectName(QStringLiteral("endpointsStatus"));
    const QFont fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    m_request->setFont(fixed);
    m_response->setFont(fixed);
    m_response->setReadOnly(true);
    m_request->setPlainText(core::exampleRequest());
    m_deployed->setColumnCount(5);
    m_deployed->verticalHeader()->hide();
    m_deployed->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_deployed->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_deployed->setSelectionMode(QAbstractItemView::SingleSelection);
    m_deployed->horizontalHeader()->setStretchLastSection(true);

    auto *texts = new Texts(this);
    auto *title = new QLabel(this);
    title->setStyleSheet(QStringLiteral("font-size: 16px; font-weight: 600;"));
    texts->bind(title, &QLabel::setText, [] { return tr("Endpoints"); });
    texts->bind(m_deploy, &QAbstractButton::setText, [] { return tr("Deplo&y model…"); });
    texts->bind(m_undeploy, &QAbstractButton::setText, [] { return tr("&Undeploy…"); });
    texts->bind(m_delete, &QAbstractButton::setText, [] { return tr("&Delete…"); });
    texts->bind(m_send, &QAbstractButton::setText, [] { return tr("Se&nd (Ctrl+Enter)"); });
    texts->bind(m_copyCurl, &QAbstractButton::setText, [] { return tr("Copy as curl"); });
    texts->bind(m_copyPython, &QAbstractButton::setText, [] { return tr("Copy as Python"); });
    texts->bind(m_request, &QWidget::setAccessibleName, [] { return tr("Request"); });
    texts->bind(m_response, &QWidget::setAccessibleName, [] { return tr("Response"); });
    auto *deployedTitle = new QLabel(this);
    auto *testTitle = new QLabel(this);
    auto *historyTitle = new QLabel(this);
    for (QLabel *label : {deployedTitle, testTitle, historyTitle})
        label->setStyleSheet(QStringLiteral("font-weight: 600;"));
    texts->bind(deployedTitle, &QLabel::setText, [] { return tr("Deployed models"); });
    texts->bind(testTitle, &QLabel::setText, [] { return tr("Test: send a prediction"); });
    texts->bind(historyTitle, &QLabel::setText, [] { return tr("Last requests"); });
    texts->onChange([this] {
        Q_EMIT m_serving->endpoints()->headerDataChanged(Qt::Horizontal, 0,
                                                         core::EndpointListModel::ColumnCount - 1);
        showEndpoint();
        showLatency();
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_deploy);
    bar->addWidget(m_undeploy);
    bar->addWidget(m_delete);
    auto *test = new QWidget(this);
    auto *testColumn = new QVBoxLayout(test);
    testColumn->setContentsMargins(0, 0, 0, 0);
    testColumn->addWidget(testTitle);
    auto *panes = new QHBoxLayout;
    panes->addWidget(m_request, 1);
    panes->addWidget(m_response, 1);
    testColumn->addLayout(panes, 1);
    auto *sendRow = new QHBoxLayout;
    sendRow->addWidget(m_send);
    sendRow->addWidget(m_latency, 1);
    sendRow->addWidget(m_copyCurl);
    sendRow->addWidget(m_copyPython);
    testColumn->addLayout(sendRow);
    auto *side = new QWidget(this);
    auto *sideColumn = new QVBoxLayout(side);
    sideColumn->setContentsMargins(0, 0, 0, 0);
    sideColumn->addWidget(deployedTitle);
    sideColumn->addWidget(m_deployed, 1);
    sideColumn->addWidget(historyTitle);
    sideColumn->addWidget(m_history, 1);
    auto *lower = new QSplitter(Qt::Horizontal, this);
    lower->addWidget(side);
    lower->addWidget(test);
    lower->setStretchFactor(1, 1);
    lower->setSizes({520, 760});
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_charts);
    split->addWidget(lower);
    split->setStretchFactor(2, 2);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(bar);
    column->addWidget(split, 1);
    column->addWidget(m_status);
    m_table->horizontalHeader()->setSectionResizeMode(core::EndpointListModel::Traffic,
                                                      QHeaderView::Stretch);

    connect(m_deploy, &QPushButton::clicked, this, [this] { deploy(); });
    connect(m_undeploy, &QPushButton::clicked, this, &EndpointsPage::undeploy);
    connect(m_delete, &QPushButton::clicked, this, &EndpointsPage::deleteEndpoint);
    connect(m_send, &QPushButton::clicked, this, &EndpointsPage::send);
    connect(m_copyCurl, &QPushButton::clicked, this, [this] { copyRequest(false); });
    connect(m_copyPython, &QPushButton::clicked, this, [this] { copyRequest(true); });
    auto *sendShortcut = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_Return), m_request);
    sendShortcut->setContext(Qt::WidgetShortcut);
    connect(sendShortcut, &QShortcut::activated, this, &EndpointsPage::send);
    texts->bind(sendShortcut, &QShortcut::setWhatsThis,
                [] { return tr("Send the request (in the request's box)"); });
    connect(m_history, &QListWidget::itemActivated, this, [this](QListWidgetItem *item) {
        m_request->setPlainText(item->data(Qt::UserRole).toString());
        m_response->setPlainText(item->data(Qt::UserRole + 1).toString());
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &EndpointsPage::showEndpoint);
    connect(m_deployed, &QTableWidget::itemSelectionChanged, this, &EndpointsPage::updateButtons);
    connect(m_serving, &core::ServingController::refreshed, this, [this] {
        m_status->setText(m_serving->status());
        showEndpoint();
    });
    connect(m_serving, &core::ServingController::changeStarted, m_status, &QLabel::setText);
    connect(m_serving, &core::ServingController::changed, this, &EndpointsPage::showChange);
    connect(m_serving, &core::ServingController::predicted, this, &EndpointsPage::showAnswer);
    showEndpoint();
}

QString EndpointsPage::selectedEndpoint() const
{
    const QModelIndex index = m_table->selectedSourceIndex();
    const auto *endpoint = m_serving->endpoints()->at(index.row());
    return index.isValid() && endpoint ? endpoint->name : QString();
}

void EndpointsPage::showEndpoint()
{
    testEndpoint(selectedEndpoint());
    const auto *endpoint =
        m_serving->endpoints()->at(m_serving->endpoints()->rowOfKey(selectedEndpoint()));
    const QString chosen =
        m_deployed->currentRow() >= 0 && m_deployed->item(m_deployed->currentRow(), 0)
            ? m_deployed->item(m_deployed->currentRow(), 0)->data(Qt::UserRole).toString()
            : QString();
    m_deployed->setHorizontalHeaderLabels(
        {tr("Name"), tr("Machine"), tr("Replicas"), tr("Traffic"), tr("ID")});
    m_deployed->setRowCount(endpoint ? int(endpoint->deployedModels.size()) : 0);
    for (int row = 0; endpoint && row < int(endpoint->deployedModels.size()); ++row) {
        const auto &deployed = endpoint->deployedModels[size_t(row)];
        const auto split = endpoint->trafficSplit.find(deployed.id);
        const QStringList cells = {
            deployed.displayName, deployed.machineType,
            tr("%1 of %2–%3")
                .arg(deployed.availableReplicas)
                .arg(deployed.minReplicas)
                .arg(deployed.maxReplicas),
            QStringLiteral("%1%").arg(split == endpoint->trafficSplit.end() ? 0 : split->second),
            deployed.id};
        for (int column = 0; column < int(cells.size()); ++column) {
            auto *item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, deployed.id);
            m_deployed->setItem(row, column, item);
        }
        if (deployed.id == chosen || (chosen.isEmpty() && row == 0))
            m_deployed->selectRow(row);
    }
    m_deployed->resizeColumnsToContents();
    // The endpoint's charts: its models' Serve applications in rovd's Prometheus.
    QStringList ids;
    for (int row = 0; endpoint && row < int(endpoint->deployedModels.size()); ++row)
        ids << endpoint->deployedModels[size_t(row)].id;
    const bool charted = !ids.isEmpty() && m_serving->monitoring();
    if (ids != m_chartedIds || m_charts->isVisibleTo(this) != charted) {
        m_chartedIds = ids;
        m_charts->setSource(ids.isEmpty() ? nullptr : m_serving->monitoring(),
                            QLatin1String(api::vertex::serving::kServingScrapeId));
        m_charts->setPanels(core::endpointPanels(ids));
    }
    if (endpoint) {
        const double cost =
            core::endpointCostPerHour(catalog::MachineCatalog::builtIn(), *endpoint);
        m_status->setText(QStringLiteral("%1 · %2").arg(
            m_serving->status(), tr("%1: $%2 an hour at the minimum replicas")
                                     .arg(endpoint->displayName)
                                     .arg(cost, 0, 'f', 2)));
    }
    updateButtons();
}

void EndpointsPage::updateButtons()
{
    const QString endpoint = selectedEndpoint();
    m_deploy->setEnabled(m_serving->client() && m_serving->models()->rowCount() > 0);
    m_undeploy->setEnabled(!endpoint.isEmpty() && m_deployed->currentRow() >= 0);
    m_delete->setEnabled(!endpoint.isEmpty());
    m_send->setEnabled(!endpoint.isEmpty() && m_deployed->rowCount() > 0 &&
                       !m_serving->isPredicting());
    m_copyCurl->setEnabled(!endpoint.isEmpty());
    m_copyPython->setEnabled(!endpoint.isEmpty());
}

void EndpointsPage::deploy(const QString &modelName)
{
    if (!m_serving->client()) {
        m_status->setText(m_serving->status()); // "Not connected"
        return;
    }
    auto *dialog = new DeployDialog(m_serving->client(), m_serving->models()->rows(),
                                    m_serving->endpoints()->rows(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    if (!modelName.isEmpty())
        dialog->selectModel(modelName);
    if (!selectedEndpoint().isEmpty())
        dialog->selectEndpoint(selectedEndpoint());
    connect(dialog, &QDialog::accepted, this, [this] { m_status->setText(tr("Deployed")); });
    connect(dialog, &QDialog::finished, m_serving, &core::ServingController::refresh);
    Q_EMIT windowOpened(dialog);
    dialog->open();
}

void EndpointsPage::send()
{
    const QString endpoint = selectedEndpoint();
    if (endpoint.isEmpty() || m_serving->isPredicting())
        return; // the button is off then
    if (!m_serving->predict(endpoint, m_request->toPlainText())) {
        forgetAnswer(); // the answer shown was to another request
        m_latency->setText(m_serving->client() ? tr("The request is not a JSON object")
                                               : m_serving->status());
        return;
    }
    m_response->clear();
    m_latency->setText(tr("Sending…"));
    m_send->setEnabled(false);
}

void EndpointsPage::showAnswer(const core::ServingController::Answer &answer)
{
    if (answer.cancelled || answer.endpoint != m_testedEndpoint) {
        updateButtons(); // another endpoint was chosen, or the session went
        return;
    }
    m_last = {true, answer.ok, answer.latencyMs, answer.detail};
    showLatency();
    m_response->setPlainText(answer.response);
    // Times, milliseconds and ids read the same in every language.
    auto *item = new QListWidgetItem(QStringLiteral("%1 · %2").arg(
        answer.at.toString(QStringLiteral("HH:mm:ss")),
        answer.ok ? QStringLiteral("%1 ms · %2").arg(answer.latencyMs).arg(answer.detail)
                  : answer.detail));
    item->setData(Qt::UserRole, answer.request);
    item->setData(Qt::UserRole + 1, answer.response);
    item->setData(Qt::UserRole + 2, answer.endpoint);
    m_history->insertItem(0, item);
    while (m_history->count() > kKeptRequests)
        delete m_history->takeItem(m_history->count() - 1);
    updateButtons();
}

void EndpointsPage::copyRequest(bool python)
{
    const json body = json::parse(m_request->toPlainText().toStdString(), nullptr, false);
    if (!m_serving->client() || selectedEndpoint().isEmpty() || !body.is_object()) {
        m_latency->setText(tr("The request is not a JSON object"));
        return;
    }
    const auto snippets =
        core::predictSnippets(m_serving->client()->endpoint().baseUrl, selectedEndpoint(), body);
    QApplication::clipboard()->setText(python ? snippets.python : snippets.curl);
    m_status->setText(python ? tr("The request is on the clipboard as Python")
                             : tr("The request is on the clipboard as curl"));
}

void EndpointsPage::showLatency()
{
    if (!m_last.sent)
        return;
    m_latency->setText(
        m_last.ok ? tr("%1 ms · deployed model %2").arg(m_last.latencyMs).arg(m_last.detail)
                  : tr("Failed: %1").arg(m_last.detail));
    m_latency->setToolTip(m_latency->text());
}

void EndpointsPage::forgetAnswer()
{
    m_last = {};
    m_response->clear();
    m_latency->clear();
    m_latency->setToolTip({});
}

void EndpointsPage::testEndpoint(const QString &endpoint)
{
    // Requests of endpoints that are gone are dropped; the others wait for their endpoint.
    for (int row = m_history->count() - 1; row >= 0; --row) {
        const QString of = m_history->item(row)->data(Qt::UserRole + 2).toString();
        if (m_serving->endpoints()->rowOfKey(of) < 0)
            delete m_history->takeItem(row);
        else
            m_history->item(row)->setHidden(of != endpoint);
    }
    if (endpoint == m_testedEndpoint)
        return;
    m_testedEndpoint = endpoint;
    m_serving->cancelPrediction();
    forgetAnswer();
}

void EndpointsPage::showChange(const core::ServingController::Change &change)
{
    m_status->setText(change.text);
}

void EndpointsPage::undeploy()
{
    const QString endpoint = selectedEndpoint();
    const int row = m_deployed->currentRow();
    if (endpoint.isEmpty() || row < 0)
        return; // the button is off then
    const QString id = m_deployed->item(row, 0)->data(Qt::UserRole).toString();
    const QString name = m_deployed->item(row, 0)->text();
    if (QMessageBox::question(
            this, tr("Undeploy model"),
            tr("Undeploy \"%1\"? It stops serving and its replicas stop.").arg(name)) !=
        QMessageBox::Yes)
        return;
    m_serving->undeploy(endpoint, id, name);
}

void EndpointsPage::deleteEndpoint()
{
    const QString endpoint = selectedEndpoint();
    const auto *current = m_serving->endpoints()->at(m_serving->endpoints()->rowOfKey(endpoint));
    if (!current)
        return; // the button is off then
    QStringList models;
    for (const auto &deployed : current->deployedModels)
        models << deployed.displayName;
    const QString stops =
        models.isEmpty() ? tr("No model is deployed to it.")
                         : tr("%n deployed model(s) stop serving: %1.", nullptr, int(models.size()))
                               .arg(models.join(QStringLiteral(", ")));
    if (QMessageBox::question(
            this, tr("Delete endpoint"),
            tr("Delete the endpoint \"%1\"? %2").arg(current->displayName, stops)) !=
        QMessageBox::Yes)
        return;
    m_serving->deleteEndpoint(endpoint, current->displayName);
}

} // namespace rov::ui
