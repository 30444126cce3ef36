#include "datapage.h"

#include "api/bigquery/bigqueryclient.h"
#include "core/datacontroller.h"
#include "core/datasnippets.h"
#include "core/palette.h"
#include "core/settingskeys.h"
#include "queryhistoryview.h"
#include "savedqueriesmenu.h"
#include "serving/snippettabs.h"
#include "sqledit.h"

#include <QAction>
#include <QClipboard>
#include <QDir>
#include <QEvent>
#include <QFileDialog>
#include <QFormLayout>
#include <QGuiApplication>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QProgressDialog>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTreeView>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace rov::ui {

using namespace api::bigquery;
using core::DataController;

namespace {

constexpr double kUsdPerTib = 6.25; // on-demand analysis, cloud.google.com/bigquery/pricing
constexpr qint64 kMinimumBilled = 10LL * 1024 * 1024; // a query that reads anything: 10 MB

QString sizeText(qint64 bytes)
{
    return QLocale().formattedDataSize(bytes, 1, QLocale::DataSizeTraditionalFormat);
}

QTableView *makeGrid(QAbstractItemModel *model, const QString &name, QWidget *parent)
{
    auto *grid = new QTableView(parent);
    grid->setObjectName(name);
    grid->setModel(model);
    grid->setAlternatingRowColors(true);
    grid->setSelectionBehavior(QAbstractItemView::SelectItems);
    grid->setWordWrap(false);
    grid->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    grid->horizontalHeader()->setDefaultSectionSize(140);
    grid->verticalHeader()->setDefaultSectionSize(grid->fontMetrics().height() + 6);
    grid->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    return grid;
}

void addFields(QTreeWidgetItem *parent, QTreeWidget *tree, const std::vector<Field> &fields)
{
    for (const Field &field : fields) {
        auto *item = parent ? new QTreeWidgetItem(parent) : new QTreeWidgetItem(tree);
        item->setText(0, field.name);
        item->setText(1, field.type);
        item->setText(2, field.mode);
        item->setText(3, field.description);
        addFields(item, tree, field.fields);
    }
}

} // namespace

DataPage::DataPage(DataController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_filtered(new QSortFilterProxyModel(this))
{
    setObjectName(QStringLiteral("dataPage"));
    m_filtered->setSourceModel(m_controller->explorer());
    m_filtered->setRecursiveFilteringEnabled(true);
    m_filtered->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_filtered->setAutoAcceptChildRows(true);
    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("dataTabs"));
    m_tabs->addTab(makeQueryTab(), QString());
    m_tabs->addTab(makeDetailsTab(), QString());
    m_schema = new QTreeWidget(this);
    m_schema->setObjectName(QStringLiteral("schemaTree"));
    m_schema->setColumnCount(4);
    m_schema->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_tabs->addTab(m_schema, QString());
    auto *previewTab = new QWidget(this);
    auto *previewColumn = new QVBoxLayout(previewTab);
    m_preview = makeGrid(m_controller->preview(), QStringLiteral("previewGrid"), previewTab);
    m_previewStatus = new QLabel(previewTab);
    m_previewStatus->setObjectName(QStringLiteral("previewStatus"));
    addCopyAction(m_preview);
    previewColumn->addWidget(m_preview, 1);
    previewColumn->addWidget(m_previewStatus);
    m_tabs->addTab(previewTab, QString());
    m_tabs->addTab(makeCodeTab(), QString());
    m_history = new QueryHistoryView(m_controller, this);
    m_tabs->addTab(m_history, QString());
    connect(m_history, &QueryHistoryView::openQuery, this, &DataPage::showQuery);
    connect(m_tabs, &QTabWidget::currentChanged, this, &DataPage::showCode);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(makeExplorer());
    split->addWidget(m_tabs);
    split->setStretchFactor(1, 1);
    split->setSizes({260, 800});
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(split);
    connectController();
    retranslate();
}

QWidget *DataPage::makeExplorer()
{
    auto *pane = new QWidget(this);
    auto *column = new QVBoxLayout(pane);
    column->setContentsMargins(0, 0, 4, 0);
    auto *row = new QHBoxLayout;
    m_filter = new QLineEdit(pane);
    m_filter->setObjectName(QStringLiteral("explorerFilter"));
    m_filter->setClearButtonEnabled(true);
    m_refresh = new QPushButton(pane);
    m_refresh->setObjectName(QStringLiteral("explorerRefresh"));
    row->addWidget(m_filter, 1);
    row->addWidget(m_refresh);
    m_explorer = new QTreeView(pane);
    m_explorer->setObjectName(QStringLiteral("explorer"));
    m_explorer->setModel(m_filtered);
    m_explorer->setHeaderHidden(true);
    m_explorer->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_explorerStatus = new QLabel(pane);
    m_explorerStatus->setObjectName(QStringLiteral("explorerStatus"));
    m_explorerStatus->setWordWrap(true);
    column->addLayout(row);
    column->addWidget(m_explorer, 1);
    column->addWidget(m_explorerStatus);
    connect(m_filter, &QLineEdit::textChanged, this, [this](const QString &text) {
        m_filtered->setFilterFixedString(text);
        if (!text.isEmpty())
            m_explorer->expandAll();
    });
    connect(m_refresh, &QPushButton::clicked, m_controller, &DataController::refresh);
    connect(m_explorer, &QTreeView::activated, this, [this](const QModelIndex &index) {
        if (const auto ref = tableAt(index))
            openTable(*ref);
    });
    return pane;
}

QWidget *DataPage::makeQueryTab()
{
    auto *tab = new QWidget(this);
    auto *column = new QVBoxLayout(tab);
    m_editor = new SqlEdit(tab);
    m_run = new QPushButton(tab);
    m_run->setObjectName(QStringLiteral("runQuery"));
    m_run->setDefault(false);
    m_cancel = new QPushButton(tab);
    m_cancel->setObjectName(QStringLiteral("cancelQuery"));
    m_cancel->setEnabled(false);
    m_saved = new QPushButton(tab);
    m_saved->setObjectName(QStringLiteral("savedQueries"));
    m_savedMenu = new SavedQueriesMenu(m_saved);
    m_saved->setMenu(m_savedMenu);
    connect(m_savedMenu, &SavedQueriesMenu::openQuery, this, &DataPage::showQuery);
    m_validation = new QLabel(tab);
    m_validation->setObjectName(QStringLiteral("queryValidation"));
    m_validation->setWordWrap(true);
    m_validation->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_run);
    buttons->addWidget(m_cancel);
    buttons->addWidget(m_validation, 1);
    buttons->addWidget(m_saved);
    m_results = makeGrid(m_controller->results(), QStringLiteral("resultsGrid"), tab);
    addCopyAction(m_results);
    m_jobInfo = new QLabel(tab);
    m_jobInfo->setObjectName(QStringLiteral("jobInfo"));
    m_jobInfo->setWordWrap(true);
    m_jobInfo->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_exportButton = new QPushButton(tab);
    m_exportButton->setObjectName(QStringLiteral("exportResults"));
    auto *exportMenu = new QMenu(m_exportButton);
    m_exportCsv = exportMenu->addAction(QString());
    m_exportJson = exportMenu->addAction(QString());
    exportMenu->addSeparator();
    m_saveToTable = exportMenu->addAction(QString());
    m_exportButton->setMenu(exportMenu);
    m_exportButton->setEnabled(false);
    connect(m_exportCsv, &QAction::triggered, this,
            [this] { chooseExport(core::ResultExport::Format::Csv); });
    connect(m_exportJson, &QAction::triggered, this,
            [this] { chooseExport(core::ResultExport::Format::JsonLines); });
    connect(m_saveToTable, &QAction::triggered, this, [this] {
        bool ok = false;
        const QString name =
            QInputDialog::getText(this, tr("Save the results to a table"),
                                  tr("A new table, as dataset.table (its dataset must exist):"),
                                  QLineEdit::Normal, QStringLiteral("dataset.results"), &ok);
        if (ok && !name.trimmed().isEmpty())
            saveResults(name.trimmed());
    });
    m_exportStatus = new QLabel(tab);
    m_exportStatus->setObjectName(QStringLiteral("exportStatus"));
    m_exportStatus->setWordWrap(true);
    m_exportStatus->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *split = new QSplitter(Qt::Vertical, tab);
    split->addWidget(m_editor);
    auto *lower = new QWidget(split);
    auto *lowerColumn = new QVBoxLayout(lower);
    lowerColumn->setContentsMargins(0, 0, 0, 0);
    lowerColumn->addLayout(buttons);
    lowerColumn->addWidget(m_results, 1);
    auto *infoRow = new QHBoxLayout;
    infoRow->addWidget(m_jobInfo, 1);
    infoRow->addWidget(m_exportButton);
    lowerColumn->addLayout(infoRow);
    lowerColumn->addWidget(m_exportStatus);
    split->addWidget(lower);
    split->setSizes({160, 400});
    column->addWidget(split);
    connect(m_editor, &SqlEdit::runRequested, this, &DataPage::run);
    connect(m_run, &QPushButton::clicked, this, &DataPage::run);
    connect(m_cancel, &QPushButton::clicked, m_controller, &DataController::cancel);
    connect(m_editor, &QPlainTextEdit::textChanged, this, [this] {
        // What the line said was about the text before: it waits for this text's dry run.
        m_controller->validate(m_editor->toPlainText());
        m_validationState =
            m_editor->toPlainText().trimmed().isEmpty() ? Validation::None : Validation::Checking;
        renderValidation();
        showCode();
    });
    return tab;
}

// The query in the editor and the open table as code, each with Copy.
QWidget *DataPage::makeCodeTab()
{
    auto *tab = new QWidget(this);
    auto *column = new QVBoxLayout(tab);
    const QStringList names{QStringLiteral("REST"), QStringLiteral("Python"), QStringLiteral("bq"),
                            QStringLiteral("Ray")};
    m_queryCodeTitle = new QLabel(tab);
    m_queryCodeTitle->setObjectName(QStringLiteral("queryCodeTitle"));
    m_queryCode = new SnippetTabs(names, tab);
    m_queryCode->setObjectName(QStringLiteral("queryCode"));
    m_tableCodeTitle = new QLabel(tab);
    m_tableCodeTitle->setObjectName(QStringLiteral("tableCodeTitle"));
    m_tableCode = new SnippetTabs(names, tab);
    m_tableCode->setObjectName(QStringLiteral("tableCode"));
    column->addWidget(m_queryCodeTitle);
    column->addWidget(m_queryCode, 1);
    column->addWidget(m_tableCodeTitle);
    column->addWidget(m_tableCode, 1);
    return tab;
}

// Filled when the Code tab is shown and kept current while it is.
void DataPage::showCode()
{
    if (m_tabs->currentIndex() != 4 || !m_controller->client())
        return;
    const BigQueryEndpoint &endpoint = m_controller->client()->endpoint();
    const QString sql = m_editor->toPlainText().trimmed();
    m_queryCode->setVisible(!sql.isEmpty());
    m_queryCodeTitle->setText(sql.isEmpty()
                                  ? tr("Write a query in the Query tab to see it as code.")
                                  : tr("The query in the editor:"));
    if (!sql.isEmpty()) {
        const auto code = core::querySnippets(endpoint.baseUrl, endpoint.project, sql);
        m_queryCode->show(QStringList{code.rest, code.python, code.bq, code.ray});
    }
    const auto &table = m_controller->table();
    m_tableCode->setVisible(table.has_value());
    m_tableCodeTitle->setText(
        table ? tr("Reading the table %1 (no query, no cost):").arg(table->ref.sqlName())
              : tr("Open a table in the explorer to see how code reads it."));
    if (table) {
        const auto code = core::tableSnippets(endpoint.baseUrl, table->ref);
        m_tableCode->show(QStringList{code.rest, code.python, code.bq, code.ray});
    }
}

QWidget *DataPage::makeDetailsTab()
{
    auto *tab = new QWidget(this);
    m_detailsForm = new QFormLayout(tab);
    for (int i = 0; i < 9; ++i) {
        auto *value = new QLabel(tab);
        value->setTextInteractionFlags(Qt::TextSelectableByMouse);
        value->setWordWrap(true);
        value->setObjectName(QStringLiteral("detail%1").arg(i));
        m_details << value;
        m_detailsForm->addRow(QString(), value);
    }
    return tab;
}

void DataPage::connectController()
{
    const auto offerNames = [this] { m_editor->setCompletions(m_controller->completionWords()); };
    connect(m_controller, &DataController::completionsChanged, this, offerNames);
    connect(m_controller, &DataController::explorerLoaded, this, offerNames);
    connect(m_controller, &DataController::explorerLoaded, this, [this] {
        m_explorerError.reset();
        m_explorer->expandAll();
        renderExplorerStatus();
    });
    connect(m_controller, &DataController::explorerFailed, this,
            [this](const rest::ApiError &error) {
                m_explorerError = error;
                renderExplorerStatus();
            });
    connect(m_controller, &DataController::tableLoaded, this, &DataPage::showTable);
    connect(m_controller, &DataController::tableFailed, this, [this](const rest::ApiError &error) {
        m_previewStatus->setText(tr("Could not read the table: %1").arg(error.message));
    });
    connect(m_controller, &DataController::previewFailed, this,
            [this](const rest::ApiError &error) {
                m_previewStatus->setText(tr("Could not read more rows: %1").arg(error.message));
            });
    connect(m_controller, &DataController::validating, this, [this] {
        m_validationState = Validation::Checking;
        renderValidation();
    });
    connect(m_controller, &DataController::validated, this, [this](const DryRun &dryRun) {
        m_dryRun = dryRun;
        m_validationState = Validation::Valid;
        m_editor->markError(0, 0);
        renderValidation();
    });
    connect(m_controller, &DataController::invalid, this, [this](const JobError &error) {
        m_invalid = error;
        m_validationState = Validation::Invalid;
        m_editor->markError(error.line, error.column);
        renderValidation();
    });
    connect(m_controller, &DataController::queryStarted, this, [this] {
        m_queryError.reset();
        if (!m_export) { // what the last export said was about the results before
            m_exportOutcome = {};
            renderExportStatus();
        }
        showJob();
    });
    connect(m_controller, &DataController::queryDone, this, &DataPage::showJob);
    connect(m_controller, &DataController::saved, this, [this](const TableRef &target) {
        m_exportOutcome = {ExportOutcome::Kind::Saved, 0, target.sqlName(), {}};
        renderExportStatus();
        showJob();
    });
    connect(m_controller, &DataController::saveFailed, this, [this](const JobError &error) {
        m_exportOutcome.kind = ExportOutcome::Kind::SaveFailed;
        m_exportOutcome.why = error.message;
        renderExportStatus();
        showJob();
    });
    connect(m_controller, &DataController::queryFailed, this, [this](const JobError &error) {
        m_queryError = error;
        m_editor->markError(error.line, error.column);
        showJob();
    });
    connect(m_controller->preview(), &QAbstractItemModel::rowsInserted, this, &DataPage::showTable);
    connect(m_controller->results(), &QAbstractItemModel::rowsInserted, this, &DataPage::showJob);
}

std::optional<TableRef> DataPage::tableAt(const QModelIndex &index) const
{
    if (index.data(DataController::KindRole).toString() != QLatin1String("table"))
        return std::nullopt;
    return TableRef{index.data(DataController::ProjectRole).toString(),
                    index.data(DataController::DatasetRole).toString(),
                    index.data(DataController::TableRole).toString()};
}

void DataPage::openTable(const TableRef &ref)
{
    m_controller->openTable(ref);
    if (m_tabs->currentIndex() == 0)
        m_tabs->setCurrentIndex(1);
}

void DataPage::queryTable(const TableRef &ref)
{
    showQuery(QStringLiteral("SELECT *\nFROM `%1`\nLIMIT 1000").arg(ref.sqlName()));
}

// Ctrl+C (and the grid's context menu) copies the selected cells, tab-separated.
void DataPage::addCopyAction(QTableView *grid)
{
    auto *copy = new QAction(grid);
    copy->setShortcut(QKeySequence::Copy);
    copy->setShortcutContext(Qt::WidgetShortcut);
    grid->addAction(copy);
    grid->setContextMenuPolicy(Qt::ActionsContextMenu);
    connect(copy, &QAction::triggered, grid, [grid] {
        const QString text = core::cellsAsTsv(grid->selectionModel()->selectedIndexes());
        if (!text.isEmpty())
            QGuiApplication::clipboard()->setText(text);
    });
    m_copyActions << copy;
}

void DataPage::showQuery(const QString &sql)
{
    m_editor->setPlainText(sql);
    m_tabs->setCurrentIndex(0);
    m_editor->setFocus(Qt::OtherFocusReason);
}

void DataPage::setProfileId(const QString &profileId)
{
    m_savedMenu->setSource(profileId.isEmpty() ? QString()
                                               : core::settingskeys::savedDataQueries(profileId),
                           [this] { return m_editor->toPlainText(); });
}

void DataPage::saveQuery(const QString &name)
{
    m_savedMenu->saveCurrent(name);
}

void DataPage::run()
{
    const QString sql = m_editor->queryToRun();
    if (sql.trimmed().isEmpty())
        return;
    m_tabs->setCurrentIndex(0);
    m_controller->run(sql);
}

QString DataPage::costText(qint64 bytes)
{
    if (bytes <= 0)
        return tr("This query will process 0 B (no cost).");
    const double usd = double(std::max(bytes, kMinimumBilled)) / double(1LL << 40) * kUsdPerTib;
    const QString price =
        usd < 0.01 ? tr("less than $0.01") : tr("about $%1").arg(QLocale().toString(usd, 'f', 2));
    return tr("This query will process %1 (%2 on demand).").arg(sizeText(bytes), price);
}

void DataPage::renderValidation()
{
    QString text;
    bool error = false;
    switch (m_validationState) {
    case Validation::None:
        break;
    case Validation::Checking:
        text = tr("Checking the query…");
        break;
    case Validation::Valid:
        text = costText(m_dryRun.bytesProcessed);
        break;
    case Validation::Invalid:
        text = m_invalid.message;
        error = true;
        break;
    }
    m_validation->setText(text);
    m_validation->setStyleSheet(
        error ? QStringLiteral("color: %1;").arg(QLatin1String(palette::kErrorText)) : QString());
}

void DataPage::renderExplorerStatus()
{
    if (m_explorerError) {
        m_explorerStatus->setText(
            tr("Could not list the datasets: %1").arg(m_explorerError->message));
        return;
    }
    const int datasets = m_controller->explorer()->rowCount();
    m_explorerStatus->setText(datasets == 0 ? tr("No datasets yet. Create one with a query, "
                                                 "Google's client or bq.")
                                            : tr("%n dataset(s)", nullptr, datasets));
}

void DataPage::showTable()
{
    const auto &table = m_controller->table();
    showCode();
    if (!table)
        return;
    const QLocale locale;
    const QStringList values{
        table->ref.sqlName(),
        table->type == QLatin1String("VIEW") ? tr("View") : tr("Table"),
        table->numRows >= 0 ? locale.toString(table->numRows) : QStringLiteral("—"),
        table->numBytes >= 0 ? sizeText(table->numBytes) : QStringLiteral("—"),
        locale.toString(table->created.toLocalTime(), QLocale::ShortFormat),
        locale.toString(table->modified.toLocalTime(), QLocale::ShortFormat),
        table->location,
        [&] {
            QStringList labels;
            for (auto it = table->labels.begin(); it != table->labels.end(); ++it)
                labels << QStringLiteral("%1: %2").arg(it.key(), it.value());
            return labels.isEmpty() ? QStringLiteral("—") : labels.join(QStringLiteral(", "));
        }(),
        table->type == QLatin1String("VIEW") ? table->viewQuery : table->description};
    for (int i = 0; i < m_details.size() && i < values.size(); ++i)
        m_details[i]->setText(values[i]);
    m_schema->clear();
    addFields(nullptr, m_schema, table->schema);
    m_schema->expandAll();
    const auto *preview = m_controller->preview();
    m_previewStatus->setText(
        table->type == QLatin1String("VIEW")
            ? tr("A view has no rows of its own: query it to see them.")
            : tr("%1 of %2 rows loaded; scroll for more. Reading rows here costs nothing.")
                  .arg(locale.toString(preview->rowCount()),
                       locale.toString(preview->totalRows())));
}

void DataPage::showJob()
{
    const bool running = m_controller->running();
    m_run->setEnabled(!running);
    m_cancel->setEnabled(running);
    const auto &finished = m_controller->job();
    m_exportButton->setEnabled(!running && !m_queryError && finished && finished->done() &&
                               finished->affectedRows < 0 &&
                               m_controller->results()->totalRows() > 0 && !m_export);
    m_saveToTable->setEnabled(finished && finished->destination && !m_controller->saving());
    const QLocale locale;
    if (running) {
        m_jobInfo->setText(tr("Running…"));
        m_jobInfo->setStyleSheet({});
        return;
    }
    if (m_queryError) {
        m_jobInfo->setText(m_queryError->reason == QLatin1String("stopped")
                               ? tr("Cancelled: %1").arg(m_queryError->message)
                               : tr("The query failed: %1").arg(m_queryError->message));
        m_jobInfo->setStyleSheet(
            QStringLiteral("color: %1;").arg(QLatin1String(palette::kErrorText)));
        return;
    }
    m_jobInfo->setStyleSheet({});
    const auto &job = m_controller->job();
    if (!job) {
        m_jobInfo->clear();
        return;
    }
    const auto *results = m_controller->results();
    const qint64 ms =
        job->started.isValid() && job->ended.isValid() ? job->started.msecsTo(job->ended) : 0;
    QStringList parts;
    if (job->affectedRows >= 0)
        parts << tr("%n row(s) affected", nullptr,
                    int(std::min<qint64>(job->affectedRows, INT_MAX)));
    else
        parts << tr("%1 of %2 rows")
                     .arg(locale.toString(results->rowCount()),
                          locale.toString(results->totalRows()));
    parts << tr("processed %1").arg(sizeText(job->bytesProcessed))
          << tr("billed %1").arg(sizeText(job->bytesBilled))
          << tr("slot time %1 ms").arg(locale.toString(job->slotMs))
          << tr("took %1 s").arg(locale.toString(double(ms) / 1000.0, 'f', 2))
          << (job->cacheHit ? tr("from the cache") : tr("not cached"))
          << tr("job %1").arg(job->ref.id);
    m_jobInfo->setText(parts.join(QStringLiteral(" · ")));
}

// Asks where (a file in the format's own suffix), then exports.
void DataPage::chooseExport(core::ResultExport::Format format)
{
    const bool csv = format == core::ResultExport::Format::Csv;
    const QString suggested =
        QDir(QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation))
            .filePath(csv ? QStringLiteral("results.csv") : QStringLiteral("results.jsonl"));
    const QString path = QFileDialog::getSaveFileName(
        this, tr("Export the results"), suggested,
        csv ? tr("CSV files (*.csv)") : tr("JSON lines files (*.jsonl *.json)"));
    if (!path.isEmpty())
        exportResults(path, format);
}

void DataPage::exportResults(const QString &path, core::ResultExport::Format format)
{
    const auto &job = m_controller->job();
    if (!job || !m_controller->client() || m_export)
        return;
    const auto *results = m_controller->results();
    m_export = new core::ResultExport(m_controller->client(), job->ref, results->schema(),
                                      results->totalRows(), path, format, this);
    auto *progress = new QProgressDialog(this);
    progress->setObjectName(QStringLiteral("exportProgress"));
    progress->setWindowTitle(tr("Export"));
    progress->setLabelText(tr("Writing %1…").arg(QDir::toNativeSeparators(path)));
    progress->setCancelButtonText(tr("Cancel"));
    progress->setRange(0, 1000);
    progress->setMinimumDuration(500); // a small export ends before it would show
    progress->setAutoClose(false);
    progress->setAutoReset(false);
    progress->setAttribute(Qt::WA_DeleteOnClose);
    m_exportProgress = progress;
    const QLocale locale;
    const auto ended = [this, progress, path](ExportOutcome::Kind kind, const QString &why) {
        m_exportOutcome = {kind, m_export->written(), path, why};
        renderExportStatus();
        progress->close();
        m_export->deleteLater();
        m_export = nullptr;
        showJob();
    };
    connect(m_export, &core::ResultExport::progress, progress,
            [progress, locale, path](qint64 written, qint64 total) {
                progress->setValue(total > 0 ? int(written * 1000 / total) : 0);
                progress->setLabelText(tr("Writing %1: %2 of %3 rows")
                                           .arg(QDir::toNativeSeparators(path),
                                                locale.toString(written), locale.toString(total)));
            });
    connect(progress, &QProgressDialog::canceled, m_export, &core::ResultExport::cancel);
    connect(m_export, &core::ResultExport::finished, this,
            [ended] { ended(ExportOutcome::Kind::Done, {}); });
    connect(m_export, &core::ResultExport::failed, this,
            [ended](const QString &why) { ended(ExportOutcome::Kind::Failed, why); });
    connect(m_export, &core::ResultExport::cancelled, this,
            [ended] { ended(ExportOutcome::Kind::Cancelled, {}); });
    m_exportOutcome = {};
    renderExportStatus();
    showJob();
    m_export->start();
}

void DataPage::saveResults(const QString &tableName)
{
    const QStringList parts = tableName.split(QLatin1Char('.'));
    const auto *client = m_controller->client();
    if (!client || (parts.size() != 2 && parts.size() != 3) ||
        std::any_of(parts.begin(), parts.end(),
                    [](const QString &part) { return part.isEmpty(); })) {
        m_exportOutcome = {ExportOutcome::Kind::SaveFailed, 0, tableName,
                           tr("name the table as dataset.table")};
        renderExportStatus();
        return;
    }
    const TableRef target{parts.size() == 3 ? parts[0] : client->endpoint().project,
                          parts[parts.size() - 2], parts.back()};
    m_exportOutcome = {ExportOutcome::Kind::Saving, 0, target.sqlName(), {}};
    renderExportStatus();
    m_controller->saveResults(target);
    showJob();
}

void DataPage::renderExportStatus()
{
    const auto &outcome = m_exportOutcome;
    const QString path = QDir::toNativeSeparators(outcome.path);
    switch (outcome.kind) {
    case ExportOutcome::Kind::None:
        m_exportStatus->clear();
        break;
    case ExportOutcome::Kind::Done:
        m_exportStatus->setText(
            tr("Exported %1 rows to %2").arg(QLocale().toString(outcome.rows), path));
        break;
    case ExportOutcome::Kind::Failed:
        m_exportStatus->setText(tr("The export failed: %1").arg(outcome.why));
        break;
    case ExportOutcome::Kind::Cancelled:
        m_exportStatus->setText(tr("The export was cancelled; no file was written"));
        break;
    case ExportOutcome::Kind::Saving:
        m_exportStatus->setText(tr("Saving the results to %1…").arg(outcome.path));
        break;
    case ExportOutcome::Kind::Saved:
        m_exportStatus->setText(tr("Saved the results to %1").arg(outcome.path));
        break;
    case ExportOutcome::Kind::SaveFailed:
        m_exportStatus->setText(
            tr("Could not save the results to %1: %2").arg(outcome.path, outcome.why));
        break;
    }
    m_exportStatus->setStyleSheet(
        outcome.kind == ExportOutcome::Kind::Failed ||
                outcome.kind == ExportOutcome::Kind::SaveFailed
            ? QStringLiteral("color: %1;").arg(QLatin1String(palette::kErrorText))
            : QString());
}

void DataPage::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter datasets and tables"));
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List the datasets and tables again"));
    m_explorer->setToolTip(tr("Press Enter or double-click a table to see its details and rows"));
    m_tabs->setTabText(0, tr("Query"));
    m_tabs->setTabText(1, tr("Details"));
    m_tabs->setTabText(2, tr("Schema"));
    m_tabs->setTabText(3, tr("Preview"));
    renderExportStatus();
    m_exportButton->setText(tr("Export"));
    m_exportButton->setToolTip(tr("Write the results to a file"));
    m_exportCsv->setText(tr("CSV…"));
    m_exportJson->setText(tr("JSON lines…"));
    m_saveToTable->setText(tr("Save to a table…"));
    m_tabs->setTabText(4, tr("Code"));
    m_tabs->setTabToolTip(4, tr("The query and the open table as curl, Python, bq and a Ray job"));
    for (QAction *copy : std::as_const(m_copyActions)) {
        copy->setText(tr("&Copy"));
        copy->setToolTip(tr("Copy the selected cells, tab-separated (Ctrl+C)"));
    }
    m_tabs->setTabText(5, tr("History"));
    m_tabs->setTabToolTip(5, tr("Your newest BigQuery jobs; open a query again from here"));
    m_saved->setText(tr("Saved"));
    m_saved->setToolTip(tr("Your saved queries for this profile; save the one in the editor"));
    showCode();
    m_run->setText(tr("Run"));
    m_run->setToolTip(tr("Run the query, or the selected part of it (Ctrl+Enter)"));
    m_cancel->setText(tr("Cancel"));
    m_cancel->setToolTip(tr("Stop the running query"));
    m_editor->setPlaceholderText(
        tr("Write a GoogleSQL query, e.g. SELECT name, COUNT(*) FROM dataset.table GROUP BY name. "
           "A dry run says what it will process as you type."));
    m_schema->setHeaderLabels({tr("Field"), tr("Type"), tr("Mode"), tr("Description")});
    const QStringList labels{tr("Table"),    tr("Type"),    tr("Rows"),
                             tr("Size"),     tr("Created"), tr("Last modified"),
                             tr("Location"), tr("Labels"),  tr("Description or query")};
    for (int i = 0; i < labels.size(); ++i) {
        if (auto *label = qobject_cast<QLabel *>(
                m_detailsForm->itemAt(i, QFormLayout::LabelRole)
                    ? m_detailsForm->itemAt(i, QFormLayout::LabelRole)->widget()
                    : nullptr))
            label->setText(labels[i] + QLatin1Char(':'));
        else
            m_detailsForm->setWidget(i, QFormLayout::LabelRole,
                                     new QLabel(labels[i] + QLatin1Char(':'), this));
    }
    renderValidation();
    renderExplorerStatus();
    showTable();
    showJob();
}

void DataPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace rov::ui
