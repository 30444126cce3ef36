#include "logspage.h"

#include "api/logging/logwire.h"
#include "core/logentrymodel.h"
#include "core/logexplorer.h"
#include "core/logexport.h"
#include "core/logvolumebars.h"
#include "core/palette.h"
#include "core/settingskeys.h"
#include "logqueryedit.h"
#include "logvolumechart.h"
#include "savedqueriesmenu.h"
#include "texts.h"

#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QMenu>
#include <QPainter>
#include <QPlainTextEdit>
#include <QProgressDialog>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QSplitter>
#include <QStyledItemDelegate>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace rov::ui {

namespace lq = core::logquery;
namespace lw = api::logging;
using core::LogEntryModel;

namespace {

// The severity column: its name after a dot of its group's colour.
class SeverityDelegate : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

protected:
    void initStyleOption(QStyleOptionViewItem *option, const QModelIndex &index) const override
    {
        QStyledItemDelegate::initStyleOption(option, index);
        const int group =
            int(core::logvolume::groupOf(index.data(LogEntryModel::SeverityRole).toInt()));
        static QIcon dots[std::size(palette::kSeverityGroups)];
        if (dots[group].isNull()) {
            QPixmap dot(12, 12);
            dot.fill(Qt::transparent);
            QPainter painter(&dot);
            painter.setRenderHint(QPainter::Antialiasing);
            painter.setBrush(QColor(QLatin1String(palette::kSeverityGroups[group])));
            painter.setPen(Qt::NoPen);
            painter.drawEllipse(2, 2, 8, 8);
            dots[group] = QIcon(dot);
        }
        option->icon = dots[group];
        option->features |= QStyleOptionViewItem::HasDecoration;
        option->decorationSize = QSize(12, 12);
    }
};

// The severity filter's choices, as the query names them ("": any).
constexpr const char *kSeverityChoices[] = {"", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"};

// The time ranges of the range filter, in seconds (0: any time); "Custom" follows.
constexpr qint64 kRanges[] = {15 * 60, 3600, 6 * 3600, 86400, 7 * 86400, 0};
constexpr int kCustomRange = int(std::size(kRanges));
constexpr int kHistogramBars = 60;

QString rfc3339(qint64 seconds)
{
    return QDateTime::fromSecsSinceEpoch(seconds, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

LogsPage::LogsPage(QWidget *parent)
    : QWidget(parent), m_model(new LogEntryModel(this)), m_histogram(new LogVolumeChart(this))
{
    setObjectName(QStringLiteral("logsPage"));
    auto *texts = new Texts(this);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(makeFilters(texts));
    layout->addWidget(makeEditor(texts));
    layout->addWidget(m_histogram);
    layout->addWidget(makeResultBar(texts));
    layout->addWidget(makeResults(texts), 1);
    connect(m_histogram, &LogVolumeChart::rangeSelected, this, [this](qint64 from, qint64 to) {
        const QSignalBlocker quiet(m_range);
        m_range->setCurrentIndex(kCustomRange);
        QString text = lq::setClause(query(), lq::Clause::From,
                                     lq::clauseLine(lq::Clause::From, rfc3339(from)));
        text = lq::setClause(text, lq::Clause::To, lq::clauseLine(lq::Clause::To, rfc3339(to)));
        m_editor->setPlainText(text);
        run();
    });
    texts->onChange([this] {
        m_model->retranslate();
        m_histogram->retranslate();
        showStatus();
    });
    m_editor->setPlainText(lq::defaultQuery());
    applyRange(1);
    showStatus();
}

LogsPage::~LogsPage()
{
    m_histogramCall.cancel();
}

QWidget *LogsPage::makeFilters(Texts *texts)
{
    auto *bar = new QWidget(this);
    // Two rows: the page stays narrow enough for the window's smallest size.
    auto *grid = new QGridLayout(bar);
    grid->setContentsMargins(0, 0, 0, 0);
    int placed = 0;
    const auto combo = [&](const char *name, Texts::Text label, bool editable) {
        auto *box = new QComboBox(bar);
        box->setObjectName(QLatin1String(name));
        box->setEditable(editable);
        box->setInsertPolicy(QComboBox::NoInsert);
        box->setMinimumContentsLength(10);
        box->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        auto *caption = new QLabel(bar);
        caption->setBuddy(box);
        texts->bind(caption, &QLabel::setText, label);
        texts->bind(box, &QWidget::setAccessibleName,
                    [label] { return label().remove(QLatin1Char('&')).remove(QLatin1Char(':')); });
        grid->addWidget(caption, placed / 4, 2 * (placed % 4));
        grid->addWidget(box, placed / 4, 2 * (placed % 4) + 1);
        grid->setColumnStretch(2 * (placed % 4) + 1, 1);
        ++placed;
        return box;
    };
    m_cluster = combo(
        "logCluster", [] { return tr("Cl&uster:"); }, true);
    m_node = combo(
        "logNode", [] { return tr("&Node:"); }, true);
    m_pool = combo(
        "logPool", [] { return tr("&Pool:"); }, true);
    m_log = combo(
        "logFile", [] { return tr("L&og:"); }, true);
    m_severity = combo(
        "logSeverity", [] { return tr("Se&verity:"); }, false);
    m_job = combo(
        "logJob", [] { return tr("&Job:"); }, true);
    m_range = combo(
        "logRange", [] { return tr("&Time:"); }, false);
    fillChoices(texts);
    connectFilters();
    return bar;
}

void LogsPage::fillChoices(Texts *texts)
{
    for (QComboBox *box : {m_cluster, m_node, m_pool, m_log, m_job})
        box->addItem(QString());
    texts->bind(
        [this](const QString &any) {
            for (QComboBox *box : {m_cluster, m_node, m_pool, m_log, m_job})
                box->lineEdit()->setPlaceholderText(any);
        },
        [] { return tr("any"); });
    const Texts::Text severities[] = {
        [] { return tr("Any"); },          [] { return tr("Debug and up"); },
        [] { return tr("Info and up"); },  [] { return tr("Warning and up"); },
        [] { return tr("Error and up"); }, [] { return tr("Critical and up"); }};
    for (int i = 0; i < int(std::size(severities)); ++i) {
        m_severity->addItem(QString());
        texts->bind([this, i](const QString &name) { m_severity->setItemText(i, name); },
                    severities[i]);
    }
    const Texts::Text ranges[] = {
        [] { return tr("Last 15 minutes"); }, [] { return tr("Last hour"); },
        [] { return tr("Last 6 hours"); },    [] { return tr("Last day"); },
        [] { return tr("Last 7 days"); },     [] { return tr("Any time"); },
        [] { return tr("Custom"); }};
    for (int i = 0; i < int(std::size(ranges)); ++i) {
        m_range->addItem(QString());
        texts->bind([this, i](const QString &name) { m_range->setItemText(i, name); }, ranges[i]);
    }
}

void LogsPage::connectFilters()
{
    const auto onText = [this](QComboBox *box, lq::Clause clause) {
        connect(box->lineEdit(), &QLineEdit::editingFinished, this,
                [this, box, clause] { applyQuickFilter(clause, box->currentText().trimmed()); });
        connect(box, &QComboBox::activated, this,
                [this, box, clause] { applyQuickFilter(clause, box->currentText().trimmed()); });
    };
    onText(m_cluster, lq::Clause::Cluster);
    onText(m_node, lq::Clause::Node);
    onText(m_pool, lq::Clause::Pool);
    onText(m_log, lq::Clause::Log);
    onText(m_job, lq::Clause::Job);
    connect(m_severity, &QComboBox::activated, this, [this](int index) {
        applyQuickFilter(lq::Clause::MinSeverity, QLatin1String(kSeverityChoices[index]));
    });
    connect(m_range, &QComboBox::activated, this, [this](int index) {
        applyRange(index);
        run();
    });
}

QWidget *LogsPage::makeEditor(Texts *texts)
{
    auto *box = new QWidget(this);
    auto *grid = new QHBoxLayout(box);
    grid->setContentsMargins(0, 0, 0, 0);
    auto *column = new QVBoxLayout();
    m_editor = new LogQueryEdit(box);
    texts->bind(m_editor, &QWidget::setAccessibleName, [] { return tr("Query"); });
    texts->bind(m_editor, &QPlainTextEdit::setPlaceholderText, [] {
        return tr("Cloud Logging's query language: severity>=WARNING "
                  "labels.\"ml.googleapis.com/ray_cluster_id\"=\"c1\" \"connection refused\"");
    });
    m_problem = new QLabel(box);
    m_problem->setObjectName(QStringLiteral("logProblem"));
    m_problem->setWordWrap(true);
    m_problem->setStyleSheet(palette::errorTextStyle());
    m_problem->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_problem->hide();
    column->addWidget(m_editor);
    column->addWidget(m_problem);
    grid->addLayout(column, 1);
    auto *buttons = new QVBoxLayout();
    m_run = new QPushButton(box);
    m_run->setObjectName(QStringLiteral("runLogQuery"));
    m_run->setDefault(true);
    texts->bind(m_run, &QAbstractButton::setText, [] { return tr("&Run query"); });
    texts->bind(m_run, &QWidget::setToolTip, [] { return tr("Run the query (Ctrl+Enter)"); });
    m_saved = new QToolButton(box);
    m_saved->setObjectName(QStringLiteral("savedLogQueries"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    m_savedMenu = new SavedQueriesMenu(m_saved);
    m_saved->setMenu(m_savedMenu);
    connect(m_savedMenu, &SavedQueriesMenu::openQuery, this, &LogsPage::showQuery);
    texts->bind(m_saved, &QAbstractButton::setText, [] { return tr("&Saved queries"); });
    buttons->addWidget(m_run);
    buttons->addWidget(m_saved);
    buttons->addStretch(1);
    grid->addLayout(buttons);
    connect(m_run, &QPushButton::clicked, this, &LogsPage::run);
    for (const auto key : {Qt::Key_Return, Qt::Key_Enter}) {
        auto *run = new QShortcut(QKeySequence(Qt::CTRL | key), this, nullptr, nullptr,
                                  Qt::WidgetWithChildrenShortcut);
        connect(run, &QShortcut::activated, this, &LogsPage::run);
        if (key == Qt::Key_Return)
            texts->bind(run, &QShortcut::setWhatsThis, [] { return tr("Run the query"); });
    }
    connect(m_editor, &LogQueryEdit::runRequested, this, &LogsPage::run);
    connect(m_editor, &QPlainTextEdit::textChanged, this, &LogsPage::syncFilters);
    return box;
}

QWidget *LogsPage::makeResultBar(Texts *texts)
{
    auto *bar = new QWidget(this);
    auto *row = new QHBoxLayout(bar);
    row->setContentsMargins(0, 0, 0, 0);
    m_status = new QLabel(bar);
    m_status->setObjectName(QStringLiteral("logStatus"));
    m_older = new QPushButton(bar);
    m_older->setObjectName(QStringLiteral("olderLogEntries"));
    texts->bind(m_older, &QAbstractButton::setText, [] { return tr("Load ol&der"); });
    m_tail = new QPushButton(bar);
    m_tail->setObjectName(QStringLiteral("liveTail"));
    m_tail->setCheckable(true);
    // Not the button's shortcut: setText() with its mnemonic (Alt+L) replaces that. Ctrl+L works
    // wherever the focus is on the page, the query editor too.
    auto *tail = new QShortcut(QKeySequence(Qt::CTRL | Qt::Key_L), this, nullptr, nullptr,
                               Qt::WidgetWithChildrenShortcut);
    connect(tail, &QShortcut::activated, m_tail, &QAbstractButton::click);
    // F1 lists a page's keys from their QShortcuts' words (MainWindow::showShortcuts).
    texts->bind(tail, &QShortcut::setWhatsThis, [] { return tr("Live tail on or off"); });
    texts->bind(m_tail, &QAbstractButton::setText, [] { return tr("&Live tail"); });
    texts->bind(m_tail, &QWidget::setToolTip, [] {
        return tr("Show entries as they arrive, every two seconds (Ctrl+L); the table follows "
                  "them while it is scrolled to its end");
    });
    m_exportButton = new QToolButton(bar);
    m_exportButton->setObjectName(QStringLiteral("exportLogs"));
    m_exportButton->setPopupMode(QToolButton::InstantPopup);
    auto *menu = new QMenu(m_exportButton);
    auto *json = menu->addAction(QString(), this, [this] { askExport(true); });
    auto *text = menu->addAction(QString(), this, [this] { askExport(false); });
    texts->bind(json, &QAction::setText, [] { return tr("As &JSON lines…"); });
    texts->bind(text, &QAction::setText, [] { return tr("As &text…"); });
    m_exportButton->setMenu(menu);
    texts->bind(m_exportButton, &QAbstractButton::setText, [] { return tr("E&xport"); });
    row->addWidget(m_status, 1);
    row->addWidget(m_older);
    row->addWidget(m_tail);
    row->addWidget(m_exportButton);
    connect(m_older, &QPushButton::clicked, this, &LogsPage::loadOlder);
    connect(m_tail, &QPushButton::toggled, this, &LogsPage::setTailing);
    return bar;
}

QWidget *LogsPage::makeResults(Texts *texts)
{
    auto *split = new QSplitter(Qt::Vertical, this);
    m_table = new QTableView(split);
    m_table->setObjectName(QStringLiteral("logEntries"));
    m_table->setModel(m_model);
    m_table->setItemDelegateForColumn(LogEntryModel::Severity, new SeverityDelegate(m_table));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    // Fixed-height rows: the view lays out only what is on screen, however many entries.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 6);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    const int digit = m_table->fontMetrics().horizontalAdvance(QLatin1Char('0'));
    m_table->setColumnWidth(LogEntryModel::Time, digit * 25);
    m_table->setColumnWidth(LogEntryModel::Severity, digit * 13);
    m_table->setColumnWidth(LogEntryModel::Where, digit * 24);
    m_table->setColumnWidth(LogEntryModel::Log, digit * 22);
    texts->bind(m_table, &QWidget::setAccessibleName, [] { return tr("Log entries"); });
    m_details = new QPlainTextEdit(split);
    m_details->setObjectName(QStringLiteral("logEntryDetails"));
    m_details->setReadOnly(true);
    m_details->setFont(m_editor->font());
    texts->bind(m_details, &QPlainTextEdit::setPlaceholderText,
                [] { return tr("Choose an entry to see all of it"); });
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 1);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &LogsPage::showEntry);
    connect(m_table, &QWidget::customContextMenuRequested, this, &LogsPage::tableMenu);
    auto *copy = new QShortcut(QKeySequence::Copy, m_table, nullptr, nullptr, Qt::WidgetShortcut);
    connect(copy, &QShortcut::activated, this, [this] { copySelected(false); });
    return split;
}

void LogsPage::setClients(api::logging::LoggingClient *logging,
                          api::monitoring::MonitoringClient *monitoring, bool rovd)
{
    if (m_export)
        m_export->cancel();
    delete m_explorer;
    m_explorer = nullptr;
    m_histogramCall.cancel();
    m_logging = logging;
    m_monitoring = monitoring;
    m_rovd = rovd;
    m_logIdsCall.cancel();
    offerLogs(logging, rovd);
    m_model->replace({});
    m_histogram->setBuckets({}, 60);
    const QSignalBlocker quiet(m_tail);
    m_tail->setChecked(false);
    if (logging) {
        m_explorer = new core::LogExplorer(logging, this);
        connectExplorer();
    }
    showStatus();
}

// The Log filter offers the backend's logs (logs.list), rovd's own two at once when rovd is the
// backend (its collector may not have stored a line of them yet), and those of entries seen.
void LogsPage::offerLogs(api::logging::LoggingClient *logging, bool rovd)
{
    const QSignalBlocker quiet(m_log);
    const QString current = m_log->currentText();
    while (m_log->count() > 1) // the first: any log
        m_log->removeItem(1);
    if (rovd)
        for (const char *log : {lw::kRovdAccessLog, lw::kRovdEventsLog})
            m_log->addItem(QLatin1String(log));
    m_log->setCurrentText(current);
    if (!logging)
        return;
    // Without the list (a role that may not list logs), the choices still come from entries.
    m_logIdsCall = logging->logIds(this, [this](api::Result<QStringList> ids) {
        if (!ids.ok())
            return;
        const QSignalBlocker quiet(m_log);
        const QString current = m_log->currentText();
        for (const QString &id : ids.value)
            if (m_log->findText(id) < 0 && m_log->count() < 200)
                m_log->addItem(id);
        m_log->setCurrentText(current);
    });
}

void LogsPage::connectExplorer()
{
    using core::LogExplorer;
    connect(m_explorer, &LogExplorer::started, this, [this] {
        m_searching = true;
        m_pagesRead = 0;
        showStatus();
    });
    connect(m_explorer, &LogExplorer::progressed, this, [this](int pages, int) {
        m_pagesRead = pages;
        showStatus();
    });
    connect(m_explorer, &LogExplorer::replaced, this, &LogsPage::showResults);
    connect(m_explorer, &LogExplorer::olderArrived, this,
            [this](const std::vector<lw::LogEntry> &entries) {
                const int before = m_model->rowCount();
                m_model->prepend(entries);
                noteValues(entries);
                m_table->scrollTo(m_model->index(m_model->rowCount() - before, 0),
                                  QAbstractItemView::PositionAtTop);
            });
    connect(m_explorer, &LogExplorer::newerArrived, this,
            [this](const std::vector<lw::LogEntry> &entries) {
                QScrollBar *bar = m_table->verticalScrollBar();
                const bool atEnd = bar->value() >= bar->maximum() - 2;
                m_model->append(entries);
                noteValues(entries);
                if (atEnd)
                    m_table->scrollToBottom(); // following the end until the user scrolls away
                showStatus();
            });
    connect(m_explorer, &LogExplorer::finished, this,
            [this](const std::optional<rest::ApiError> &error) {
                m_searching = false;
                showProblem(error && error->status != QLatin1String("CANCELLED") ? error
                                                                                 : std::nullopt);
                showStatus();
            });
    connect(m_explorer, &LogExplorer::tailFailed, this,
            [this](const rest::ApiError &error) { showProblem(error); });
}

void LogsPage::showResults(const std::vector<lw::LogEntry> &entries)
{
    m_model->replace(entries);
    noteValues(entries);
    m_table->scrollToBottom();
    if (m_pendingSelection.isEmpty())
        return;
    // "Show surrounding entries": the entry they surround is chosen and centred.
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->entry(row).insertId == m_pendingSelection) {
            m_table->selectRow(row);
            m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
        }
    }
    m_pendingSelection.clear();
}

void LogsPage::setProfileId(const QString &profileId)
{
    m_savedMenu->setSource(profileId.isEmpty() ? QString()
                                               : core::settingskeys::savedLogQueries(profileId),
                           [this] { return query(); });
}

void LogsPage::setClusterIds(const QStringList &ids)
{
    const QString current = m_cluster->currentText();
    const QSignalBlocker quiet(m_cluster);
    for (const QString &id : ids)
        if (m_cluster->findText(id) < 0)
            m_cluster->addItem(id);
    m_cluster->setCurrentText(current);
}

QString LogsPage::query() const
{
    return m_editor->toPlainText();
}

void LogsPage::showQuery(const QString &text)
{
    m_editor->setPlainText(text);
    if (lq::clauseValue(text, lq::Clause::From).isEmpty()) {
        const QSignalBlocker quiet(m_range);
        applyRange(m_range->currentIndex() == kCustomRange ? 1 : m_range->currentIndex());
    }
    run();
}

void LogsPage::applyQuickFilter(lq::Clause clause, const QString &value)
{
    if (m_syncing)
        return;
    const QString project = m_logging ? m_logging->endpoint().project : QString();
    const QString text =
        clause == lq::Clause::Log
            ? lq::withLog(query(), value, project)
            : lq::setClause(query(), clause, lq::clauseLine(clause, value, project));
    if (text == query())
        return;
    m_editor->setPlainText(text);
    run();
}

// A relative range is written as an absolute start now, and again at each run.
void LogsPage::applyRange(int index)
{
    if (index < 0 || index >= kCustomRange)
        return;
    const qint64 span = kRanges[index];
    QString text = lq::setClause(query(), lq::Clause::To, {});
    text = lq::setClause(
        text, lq::Clause::From,
        span == 0
            ? QString()
            : lq::clauseLine(lq::Clause::From, rfc3339(QDateTime::currentSecsSinceEpoch() - span)));
    if (text != query())
        m_editor->setPlainText(text);
    m_range->setCurrentIndex(index);
}

// The quick filters show what the text says, whoever wrote it.
void LogsPage::syncFilters()
{
    m_syncing = true;
    const QString text = query();
    m_cluster->setCurrentText(lq::clauseValue(text, lq::Clause::Cluster));
    m_node->setCurrentText(lq::clauseValue(text, lq::Clause::Node));
    m_pool->setCurrentText(lq::clauseValue(text, lq::Clause::Pool));
    m_log->setCurrentText(lq::clauseValue(text, lq::Clause::Log));
    m_job->setCurrentText(lq::clauseValue(text, lq::Clause::Job));
    const QString severity = lq::clauseValue(text, lq::Clause::MinSeverity);
    int found = 0;
    for (int i = 1; i < int(std::size(kSeverityChoices)); ++i)
        if (severity.compare(QLatin1String(kSeverityChoices[i]), Qt::CaseInsensitive) == 0)
            found = i;
    m_severity->setCurrentIndex(found);
    m_syncing = false;
}

void LogsPage::run()
{
    if (!m_explorer) {
        showStatus();
        return;
    }
    if (m_range->currentIndex() < kCustomRange && kRanges[m_range->currentIndex()] > 0)
        applyRange(m_range->currentIndex()); // "the last hour" is the last hour now
    showProblem(std::nullopt);
    m_explorer->search(query());
    refreshHistogram();
}

std::pair<qint64, qint64> LogsPage::timeRange() const
{
    const qint64 now = QDateTime::currentSecsSinceEpoch();
    const QDateTime from = lw::parseTimestamp(lq::clauseValue(query(), lq::Clause::From));
    const QDateTime to = lw::parseTimestamp(lq::clauseValue(query(), lq::Clause::To));
    const qint64 end = to.isValid() ? to.toSecsSinceEpoch() : now;
    const qint64 start = from.isValid() ? from.toSecsSinceEpoch() : end - 7 * 86400;
    return {std::min(start, end - 60), end};
}

void LogsPage::refreshHistogram()
{
    m_histogramCall.cancel();
    if (!m_monitoring) {
        // Said, not left blank: no backend, or one without a PromQL API.
        m_histogram->setBuckets({}, 60);
        m_histogram->setNote(tr("No volume: %1").arg(tr("Not connected")));
        return;
    }
    if (lw::isRovdLog(lq::clauseValue(query(), lq::Clause::Log))) {
        // The volume is counted for the clusters' files (rovd's access log would count itself).
        m_histogram->setBuckets({}, 60);
        m_histogram->setNote(tr("No volume for rovd's own logs: the bars count the clusters' "
                                "entries"));
        return;
    }
    const auto [start, end] = timeRange();
    const auto range = core::logvolume::rangeFor(start, end, kHistogramBars);
    const QString cluster = lq::clauseValue(query(), lq::Clause::Cluster);
    const int minSeverity =
        std::max(0, lw::severityRank(lq::clauseValue(query(), lq::Clause::MinSeverity)));
    m_histogram->setNote(tr("Loading the volume…"));
    m_histogramCall = m_monitoring->queryRange(
        core::logvolume::query(m_rovd, cluster, minSeverity, range.step), range, this,
        [this, range](api::Result<api::monitoring::QueryResult> result) {
            if (!result.ok()) {
                m_histogram->setNote(result.error->status == QLatin1String("CANCELLED")
                                         ? QString()
                                         : tr("No volume: %1").arg(result.error->message));
                return;
            }
            m_histogram->setBuckets(core::logvolume::buckets(result.value, range), range.step);
            m_histogram->setNote(QString());
        });
}

void LogsPage::setTailing(bool on)
{
    if (m_tail->isChecked() != on) {
        m_tail->setChecked(on); // comes back here through toggled
        return;
    }
    if (m_explorer) {
        if (on && m_explorer->filter().isEmpty())
            run();
        m_explorer->setTailing(on);
    }
    showStatus();
}

bool LogsPage::isTailing() const
{
    return m_explorer && m_explorer->isTailing();
}

void LogsPage::loadOlder()
{
    if (m_explorer)
        m_explorer->loadOlder();
}

void LogsPage::noteValues(const std::vector<lw::LogEntry> &entries)
{
    const auto note = [](QComboBox *box, const QString &value) {
        if (!value.isEmpty() && box->findText(value) < 0 && box->count() < 200) {
            const QSignalBlocker quiet(box);
            const QString current = box->currentText();
            box->addItem(value);
            box->setCurrentText(current);
        }
    };
    for (const lw::LogEntry &entry : entries) {
        note(m_cluster, entry.label(lw::labelkeys::kClusterId));
        note(m_node, entry.label(lw::labelkeys::kNode));
        note(m_pool, entry.label(lw::labelkeys::kPool));
        note(m_log, entry.logId());
        note(m_job, entry.label(lw::labelkeys::kSubmission));
    }
}

void LogsPage::showEntry()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const lw::LogEntry &entry = m_model->entry(current.row());
    m_details->setPlainText(entry.message() + QStringLiteral("\n\n") +
                            QString::fromStdString(entry.toJson().dump(2)));
}

void LogsPage::showStatus()
{
    m_older->setEnabled(m_explorer && m_explorer->hasOlder() && !m_searching);
    m_exportButton->setEnabled(m_explorer != nullptr);
    m_run->setEnabled(m_explorer != nullptr);
    if (!m_explorer) {
        m_status->setText(tr("Not connected: the logs come when the backend answers"));
        return;
    }
    if (m_searching) {
        m_status->setText(m_pagesRead == 0
                              ? tr("Searching…")
                              : tr("Searching… %n page(s) read", nullptr, m_pagesRead));
        return;
    }
    QString text = tr("%n entries, newest at the bottom", nullptr, m_model->rowCount());
    if (m_explorer->hasOlder())
        text += tr(" · older ones match too");
    if (m_tail->isChecked())
        text += tr(" · following live");
    m_status->setText(text);
}

void LogsPage::showProblem(const std::optional<rest::ApiError> &error)
{
    if (!error) {
        m_problem->hide();
        m_editor->markError(-1);
        return;
    }
    m_problem->setText(error->status == QLatin1String("INVALID_ARGUMENT")
                           ? tr("The backend refused the query: %1").arg(error->message)
                           : tr("The logs could not be read: %1").arg(error->message));
    m_problem->show();
    m_editor->markError(lq::errorOffset(query(), error->message));
}

void LogsPage::copySelected(bool asJson)
{
    QStringList lines;
    const auto rows = m_table->selectionModel()->selectedRows();
    for (const QModelIndex &index : rows) {
        const lw::LogEntry &entry = m_model->entry(index.row());
        lines << (asJson ? QString::fromStdString(entry.toJson().dump()) : entry.toText());
    }
    if (!lines.isEmpty())
        QApplication::clipboard()->setText(lines.join(QLatin1Char('\n')));
}

void LogsPage::showSurrounding()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid())
        return;
    const lw::LogEntry &entry = m_model->entry(current.row());
    if (entry.tailedPath().isEmpty())
        return;
    m_pendingSelection = entry.insertId;
    const QSignalBlocker quiet(m_range);
    m_range->setCurrentIndex(kCustomRange);
    m_editor->setPlainText(lq::surroundingQuery(entry.label(lw::labelkeys::kClusterId),
                                                entry.tailedPath(), entry.timestamp));
    run();
}

void LogsPage::tableMenu(const QPoint &position)
{
    const QModelIndex index = m_table->indexAt(position);
    if (!index.isValid())
        return;
    const lw::LogEntry &entry = m_model->entry(index.row());
    auto *menu = new QMenu(this);
    menu->setAttribute(Qt::WA_DeleteOnClose);
    menu->addAction(tr("&Copy"), this, [this] { copySelected(false); });
    menu->addAction(tr("Copy as &JSON"), this, [this] { copySelected(true); });
    menu->addSeparator();
    menu->addAction(tr("Show &surrounding entries"), this, &LogsPage::showSurrounding)
        ->setEnabled(!entry.tailedPath().isEmpty());
    const QString node = entry.label(lw::labelkeys::kNode);
    menu->addAction(tr("Only this &node"), this,
                    [this, node] { applyQuickFilter(lq::Clause::Node, node); })
        ->setEnabled(!node.isEmpty());
    const QString log = entry.logId();
    menu->addAction(tr("Only this &log"), this,
                    [this, log] { applyQuickFilter(lq::Clause::Log, log); });
    menu->popup(m_table->viewport()->mapToGlobal(position));
}

void LogsPage::askExport(bool jsonLines)
{
    auto *dialog = new QFileDialog(this, tr("Export the entries"), QString(),
                                   jsonLines ? tr("JSON lines (*.jsonl *.json)")
                                             : tr("Text files (*.txt *.log)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setDefaultSuffix(jsonLines ? QStringLiteral("jsonl") : QStringLiteral("txt"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this,
            [this, jsonLines](const QString &path) { exportTo(path, jsonLines); });
    dialog->open();
}

void LogsPage::exportTo(const QString &path, bool jsonLines)
{
    if (!m_logging || m_export)
        return;
    m_export = new core::LogExport(m_logging, this);
    m_exportProgress =
        new QProgressDialog(tr("Exporting the entries that match…"), tr("Cancel"), 0, 0, this);
    m_exportProgress->setObjectName(QStringLiteral("logExportProgress"));
    m_exportProgress->setWindowTitle(tr("Export"));
    m_exportProgress->setMinimumDuration(300);
    m_exportProgress->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_exportProgress, &QProgressDialog::canceled, m_export, &core::LogExport::cancel);
    connect(m_export, &core::LogExport::progressed, this, [this](qint64 written) {
        if (m_exportProgress)
            m_exportProgress->setLabelText(tr("Exported %n entries…", nullptr, int(written)));
    });
    connect(m_export, &core::LogExport::finished, this,
            [this, path](const std::optional<rest::ApiError> &error) {
                const qint64 written = m_export->written();
                m_export->deleteLater();
                m_export = nullptr;
                if (m_exportProgress)
                    m_exportProgress->close();
                if (error && error->status == QLatin1String("CANCELLED"))
                    m_status->setText(tr("Export cancelled; nothing was written"));
                else if (error)
                    showProblem(error);
                else
                    m_status->setText(
                        tr("Exported %n entries to %1", nullptr, int(written)).arg(path));
            });
    m_export->start(query(), path,
                    jsonLines ? core::LogExport::Format::JsonLines : core::LogExport::Format::Text);
}

void LogsPage::saveQuery(const QString &name)
{
    m_savedMenu->saveCurrent(name);
}

} // namespace rov::ui
