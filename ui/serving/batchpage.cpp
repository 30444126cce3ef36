#include "batchpage.h"

#include "batchdialog.h"
#include "core/servingcontroller.h"
#include "datatable.h"
#include "texts.h"

#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rov::ui {

using api::vertex::BatchPredictionJob;
using core::BatchJobListModel;

namespace {

QPushButton *button(const char *name, QWidget *parent)
{
    auto *created = new QPushButton(parent);
    created->setObjectName(QLatin1String(name));
    return created;
}

QString when(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QStringLiteral("—");
}

} // namespace

BatchPage::BatchPage(core::BatchController *batch, core::ServingController *serving,
                     QWidget *parent)
    : QWidget(parent), m_batch(batch), m_serving(serving),
      m_table(new DataTable(batch->jobs(), Qt::DisplayRole, this)),
      m_new(button("newBatchJob", this)), m_cancel(button("cancelBatchJob", this)),
      m_delete(button("deleteBatchJob", this)), m_open(button("openBatchResults", this)),
      m_tabs(new QTabWidget(this)), m_details(new QLabel(this)), m_files(new QLabel(this)),
      m_results(new QTableWidget(this)), m_errors(new QPlainTextEdit(this)),
      m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("batchPage"));
    m_table->setObjectName(QStringLiteral("batchJobsTable"));
    m_tabs->setObjectName(QStringLiteral("batchTabs"));
    m_details->setObjectName(QStringLiteral("batchDetails"));
    m_results->setObjectName(QStringLiteral("batchResults"));
    m_errors->setObjectName(QStringLiteral("batchErrors"));
    m_files->setObjectName(QStringLiteral("batchFiles"));
    m_status->setObjectName(QStringLiteral("batchPageStatus"));
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_details->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_details->setWordWrap(true);
    m_details->setMargin(6);
    m_files->setWordWrap(true);
    m_files->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_errors->setReadOnly(true);
    m_errors->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_results->setColumnCount(2);
    m_results->verticalHeader()->hide();
    m_results->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_results->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_results->horizontalHeader()->setSectionResizeMode(1, QHeaderView::Stretch);
    m_results->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));

    auto *texts = new Texts(this);
    auto *title = new QLabel(this);
    title->setStyleSheet(QStringLiteral("font-size: 16px; font-weight: 600;"));
    texts->bind(title, &QLabel::setText, [] { return tr("Batch predictions"); });
    texts->bind(m_new, &QAbstractButton::setText, [] { return tr("&New batch prediction…"); });
    texts->bind(m_cancel, &QAbstractButton::setText, [] { return tr("&Cancel job"); });
    texts->bind(m_delete, &QAbstractButton::setText, [] { return tr("&Delete…"); });
    texts->bind(m_open, &QAbstractButton::setText, [] { return tr("Open &results"); });
    auto *resultsTab = new QWidget(this);
    auto *resultsColumn = new QVBoxLayout(resultsTab);
    resultsColumn->setContentsMargins(0, 4, 0, 0);
    resultsColumn->addWidget(m_files);
    resultsColumn->addWidget(m_results, 1);
    m_tabs->addTab(m_details, QString());
    m_tabs->addTab(resultsTab, QString());
    m_tabs->addTab(m_errors, QString());
    texts->bind([this](const QString &text) { m_tabs->setTabText(0, text); },
                [] { return tr("Details"); });
    texts->bind([this](const QString &text) { m_tabs->setTabText(1, text); },
                [] { return tr("Results"); });
    texts->bind([this](const QString &text) { m_tabs->setTabText(2, text); },
                [] { return tr("Errors"); });
    texts->onChange([this] {
        Q_EMIT m_batch->jobs()->headerDataChanged(Qt::Horizontal, 0,
                                                  BatchJobListModel::ColumnCount - 1);
        m_results->setHorizontalHeaderLabels({tr("Instance"), tr("Prediction")});
        m_status->setText(m_batch->status());
        showJob();
        if (m_preview)
            showPreview(*m_preview);
    });

    auto *bar = new QHBoxLayout;
    bar->addWidget(title);
    bar->addStretch(1);
    bar->addWidget(m_new);
    bar->addWidget(m_cancel);
    bar->addWidget(m_delete);
    bar->addWidget(m_open);
    auto *split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_table);
    split->addWidget(m_tabs);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);
    auto *column = new QVBoxLayout(this);
    column->setContentsMargins(0, 0, 0, 0);
    column->addLayout(bar);
    column->addWidget(split, 1);
    column->addWidget(m_status);
    m_table->horizontalHeader()->setSectionResizeMode(BatchJobListModel::Input,
                                                      QHeaderView::Stretch);

    connect(m_new, &QPushButton::clicked, this, [this] { newJob(); });
    connect(m_cancel, &QPushButton::clicked, this, &BatchPage::cancelJob);
    connect(m_delete, &QPushButton::clicked, this, &BatchPage::deleteJob);
    connect(m_open, &QPushButton::clicked, this, &BatchPage::openResults);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &BatchPage::showJob);
    connect(m_batch, &core::BatchController::refreshed, this, [this] {
        m_status->setText(m_batch->status());
        showJob();
    });
    connect(m_batch, &core::BatchController::changeStarted, m_status, &QLabel::setText);
    connect(
        m_batch, &core::BatchController::changed, this,
        [this](const core::BatchController::Change &change) { m_status->setText(change.text); });
    connect(m_batch, &core::BatchController::previewed, this, &BatchPage::showPreview);
    connect(m_serving, &core::ServingController::refreshed, this, [this] {
        // The jobs name their model by resource name; the table shows the registry's names.
        std::map<QString, QString> names;
        for (const auto &model : m_serving->models()->rows())
            names[model.name] = model.displayName;
        m_batch->jobs()->setModelNames(std::move(names));
        updateButtons();
    });
    showJob();
}

const BatchPredictionJob *BatchPage::job() const
{
    const QModelIndex index = m_table->selectedSourceIndex();
    return index.isValid() ? m_batch->jobs()->at(index.row()) : nullptr;
}

QString BatchPage::selectedJob() const
{
    const auto *chosen = job();
    return chosen ? chosen->name : QString();
}

void BatchPage::selectJob(const QString &name)
{
    const int row = m_batch->jobs()->rowOfKey(name);
    if (row < 0)
        return;
    const QModelIndex index = m_table->proxy()->mapFromSource(m_batch->jobs()->index(row, 0));
    m_table->selectRow(index.row());
}

void BatchPage::updateButtons()
{
    const auto *chosen = job();
    m_new->setEnabled(m_batch->client() != nullptr);
    m_cancel->setEnabled(chosen && !chosen->ended());
    m_delete->setEnabled(chosen && chosen->ended());
    m_open->setEnabled(chosen && !chosen->outputDirectory.isEmpty());
}

void BatchPage::showJob()
{
    updateButtons();
    const auto *chosen = job();
    if (!chosen) {
        m_details->setText(m_batch->jobs()->rowCount() == 0
                               ? tr("No batch predictions yet. New batch prediction scores a file "
                                    "or a table of instances with a registered model.")
                               : tr("Choose a job to see its details and predictions."));
        m_files->clear();
        m_results->setRowCount(0);
        m_errors->clear();
        m_previewed.clear();
        m_preview.reset();
        return;
    }
    QStringList rows;
    const auto row = [&rows](const QString &label, const QString &value) {
        rows << QStringLiteral("<tr><td style='padding-right:12px'><b>%1</b></td><td>%2</td></tr>")
                    .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    row(tr("State"), core::batchStateTitle(chosen->state));
    row(tr("Model"), m_batch->jobs()->modelTitle(*chosen));
    row(tr("Instances"), chosen->inputUris.join(QStringLiteral(", ")) +
                             QStringLiteral(" (%1)").arg(chosen->instancesFormat));
    row(tr("Output"),
        chosen->outputDirectory.isEmpty() ? chosen->outputPrefix : chosen->outputDirectory);
    row(tr("Progress"), core::batchProgressText(*chosen));
    row(tr("Machine"), tr("%1, %2 to %3 replicas, %n instances a call", nullptr, chosen->batchSize)
                           .arg(chosen->machineType)
                           .arg(chosen->startingReplicas)
                           .arg(chosen->maxReplicas));
    row(tr("Created"), when(chosen->createTime));
    row(tr("Started"), when(chosen->startTime));
    row(tr("Ended"), when(chosen->endTime));
    if (!chosen->error.isEmpty())
        row(tr("Error"), chosen->error);
    for (const QString &failure : chosen->partialFailures)
        row(tr("Partial failure"), failure);
    m_details->setText(QStringLiteral("<table>%1</table>").arg(rows.join(QString())));
    // The output is read once the job has written it, and again when it moves on.
    if (m_previewed != chosen->name || m_previewedState != chosen->state) {
        const bool first = m_previewed != chosen->name;
        m_previewed = chosen->name;
        m_previewedState = chosen->state;
        if (first) {
            m_preview.reset();
            m_results->setRowCount(0);
            m_errors->clear();
            m_files->clear();
        }
        if (chosen->ended() || !chosen->outputDirectory.isEmpty()) {
            m_files->setText(tr("Reading the output…"));
            m_batch->preview(*chosen);
        } else {
            m_files->setText(tr("The predictions appear here when the job has written them."));
        }
    }
}

void BatchPage::showPreview(const core::BatchController::Preview &preview)
{
    if (preview.job != m_previewed)
        return;
    m_preview = preview;
    if (!preview.ok) {
        m_files->setText(preview.error);
        return;
    }
    QStringList names;
    for (const QString &file : preview.files)
        names << file.section(QLatin1Char('/'), -1);
    const auto *chosen = job();
    m_files->setText(preview.files.isEmpty()
                         ? tr("The output folder has no files.")
                         : tr("%n file(s) in %1: %2", nullptr, int(preview.files.size()))
                               .arg(chosen ? chosen->outputDirectory : QString(),
                                    names.join(QStringLiteral(", "))));
    m_results->setRowCount(int(preview.rows.size()));
    for (int i = 0; i < int(preview.rows.size()); ++i) {
        m_results->setItem(i, 0, new QTableWidgetItem(preview.rows[size_t(i)].instance));
        m_results->setItem(i, 1, new QTableWidgetItem(preview.rows[size_t(i)].prediction));
    }
    m_errors->setPlainText(preview.errors.isEmpty() ? tr("No instance failed.")
                                                    : preview.errors.join(QLatin1Char('\n')));
}

void BatchPage::newJob(const QString &modelName)
{
    if (!m_batch->client()) {
        m_status->setText(m_batch->status().isEmpty() ? tr("Not connected") : m_batch->status());
        return;
    }
    auto *dialog = new BatchPredictDialog(m_batch, m_serving->models()->rows(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setStorage(m_batch->storage());
    if (!modelName.isEmpty())
        dialog->selectModel(modelName);
    connect(dialog, &QDialog::accepted, this, [this, dialog] {
        const QString created = dialog->createdJob();
        // The list is refreshed after the create; choose the new job once it is there.
        auto *once = new QObject(this);
        connect(m_batch, &core::BatchController::refreshed, once, [this, created, once] {
            if (m_batch->jobs()->rowOfKey(created) >= 0) {
                selectJob(created);
                once->deleteLater();
            }
        });
    });
    Q_EMIT windowOpened(dialog);
    dialog->open();
}

void BatchPage::cancelJob()
{
    const auto *chosen = job();
    if (!chosen)
        return;
    if (QMessageBox::question(this, tr("Cancel batch prediction"),
                              tr("Cancel \"%1\"? The instances scored so far are not written.")
                                  .arg(chosen->displayName)) != QMessageBox::Yes)
        return;
    m_batch->cancel(chosen->name, chosen->displayName);
}

void BatchPage::deleteJob()
{
    const auto *chosen = job();
    if (!chosen)
        return;
    if (QMessageBox::question(this, tr("Delete batch prediction"),
                              tr("Delete the job \"%1\"? Its predictions in %2 stay.")
                                  .arg(chosen->displayName, chosen->outputDirectory)) !=
        QMessageBox::Yes)
        return;
    m_batch->remove(chosen->name, chosen->displayName);
}

void BatchPage::openResults()
{
    const auto *chosen = job();
    if (!chosen)
        return;
    if (chosen->outputDirectory.startsWith(QLatin1String("bq://"))) {
        Q_EMIT openTableRequested(chosen->outputDirectory);
        return;
    }
    m_tabs->setCurrentIndex(1);
    m_files->setText(tr("Reading the output…"));
    m_batch->preview(*chosen);
}

} // namespace rov::ui
