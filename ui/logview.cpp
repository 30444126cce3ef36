#include "logview.h"

#include "core/logmodel.h"
#include "texts.h"

#include <QCheckBox>
#include <QFileDialog>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QScrollBar>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace rov::ui {

LogView::LogView(core::LogModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_list(new QTableView(this)), m_search(new QLineEdit(this)),
      m_previous(new QPushButton(this)), m_next(new QPushButton(this)),
      m_onlyMatching(new QCheckBox(this)), m_caseSensitive(new QCheckBox(this)),
      m_hits(new QLabel(this)), m_save(new QPushButton(this))
{
    m_list->setObjectName(QStringLiteral("logList"));
    m_list->setModel(model);
    m_list->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    // Fixed row heights keep a million rows cheap: QListView lays every row out again on each
    // insertion (measured: 46 ms per batch at 1M rows); a table with fixed sections does not.
    m_list->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_list->verticalHeader()->setDefaultSectionSize(m_list->fontMetrics().height() + 2);
    m_list->verticalHeader()->hide();
    m_list->horizontalHeader()->hide();
    m_list->horizontalHeader()->setStretchLastSection(true);
    m_list->setShowGrid(false);
    m_list->setWordWrap(false);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
    m_search->setObjectName(QStringLiteral("logSearch"));
    m_search->setClearButtonEnabled(true);
    m_hits->setObjectName(QStringLiteral("logHits"));

    connect(m_search, &QLineEdit::textChanged, this, &LogView::search);
    connect(m_search, &QLineEdit::returnPressed, this, &LogView::nextHit);
    connect(m_next, &QPushButton::clicked, this, &LogView::nextHit);
    connect(m_previous, &QPushButton::clicked, this, &LogView::previousHit);
    connect(m_onlyMatching, &QCheckBox::toggled, this, &LogView::setOnlyMatching);
    connect(m_caseSensitive, &QCheckBox::toggled, this, [this] { search(m_search->text()); });
    connect(m_save, &QPushButton::clicked, this, &LogView::save);
    auto *find = new QShortcut(QKeySequence::Find, this);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    connect(new QShortcut(QKeySequence::FindNext, this), &QShortcut::activated, this,
            &LogView::nextHit);
    connect(new QShortcut(QKeySequence::FindPrevious, this), &QShortcut::activated, this,
            &LogView::previousHit);

    // Following the end: on while the view sits at the bottom, off once the user scrolls up.
    QScrollBar *bar = m_list->verticalScrollBar();
    connect(bar, &QScrollBar::valueChanged, this,
            [this, bar](int value) { m_following = value >= bar->maximum(); });
    connect(model, &QAbstractItemModel::rowsInserted, this, [this] {
        if (m_following)
            m_list->scrollToBottom();
        updateHitLabel();
    });
    // Emptied (a new job, a rebooted cluster): the count says so, not the old number.
    connect(model, &QAbstractItemModel::modelReset, this, [this] {
        m_currentHit = -1;
        updateHitLabel();
    });

    auto *bar_ = new QHBoxLayout;
    bar_->addWidget(m_search, 1);
    bar_->addWidget(m_previous);
    bar_->addWidget(m_next);
    bar_->addWidget(m_caseSensitive);
    bar_->addWidget(m_onlyMatching);
    bar_->addWidget(m_hits);
    bar_->addWidget(m_save);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(bar_);
    layout->addWidget(m_list, 1);
    auto *texts = new Texts(this);
    texts->bind(m_previous, &QAbstractButton::setText, [] { return tr("&Previous"); });
    texts->bind(m_next, &QAbstractButton::setText, [] { return tr("&Next"); });
    texts->bind(m_onlyMatching, &QAbstractButton::setText,
                [] { return tr("&Only matching lines"); });
    texts->bind(m_caseSensitive, &QAbstractButton::setText, [] { return tr("Match cas&e"); });
    texts->bind(m_save, &QAbstractButton::setText, [] { return tr("&Save…"); });
    texts->bind(m_save, &QWidget::setToolTip,
                [] { return tr("Save every line of the log to a text file"); });
    texts->bind(m_list, &QWidget::setAccessibleName, [] { return tr("Log lines"); });
    texts->bind(m_search, &QLineEdit::setPlaceholderText,
                [] { return tr("Search the log (Enter: next match)"); });
    texts->bind(m_search, &QWidget::setAccessibleName, [] { return tr("Search the log"); });
    texts->onChange([this] { updateHitLabel(); });
    updateHitLabel();
}

void LogView::search(const QString &needle)
{
    m_model->search(needle, m_caseSensitive->isChecked() ? Qt::CaseSensitive : Qt::CaseInsensitive);
    m_currentHit = -1;
    updateHitLabel();
}

void LogView::nextHit()
{
    if (!m_model->hits().empty())
        showHit((m_currentHit + 1) % int(m_model->hits().size()));
}

void LogView::previousHit()
{
    const int count = int(m_model->hits().size());
    if (count > 0)
        showHit((m_currentHit - 1 + count) % count);
}

void LogView::showHit(int index)
{
    m_currentHit = index;
    const int row = m_model->rowOfLine(m_model->hits()[size_t(index)]);
    if (row >= 0) {
        const QModelIndex at = m_model->index(row, 0);
        m_list->setCurrentIndex(at);
        m_list->scrollTo(at, QAbstractItemView::PositionAtCenter);
    }
    updateHitLabel();
}

void LogView::setOnlyMatching(bool only)
{
    m_model->setOnlyMatching(only);
    m_currentHit = -1;
    updateHitLabel();
}

void LogView::updateHitLabel()
{
    if (m_search->text().isEmpty()) {
        m_hits->setText(tr("%n line(s)", nullptr, int(m_model->lineCount())));
        return;
    }
    const auto count = m_model->hits().size();
    m_hits->setText(m_currentHit < 0 ? tr("%n match(es)", nullptr, int(count))
                                     : tr("%1 of %2").arg(m_currentHit + 1).arg(count));
}

void LogView::save()
{
    auto *dialog =
        new QFileDialog(this, tr("Save the log"), QString(), tr("Text files (*.txt *.log)"));
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QFileDialog::fileSelected, this, [this](const QString &path) {
        QString error;
        if (!m_model->saveTo(path, &error))
            QMessageBox::warning(this, tr("Not saved"),
                                 tr("%1 was not saved: %2").arg(path, error));
    });
    dialog->open();
}

} // namespace rov::ui
