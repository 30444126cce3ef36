#include "queryhistoryview.h"

#include "core/datacontroller.h"
#include "core/palette.h"

#include <QEvent>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rov::ui {

using core::DataController;
using core::QueryHistoryModel;

QueryHistoryView::QueryHistoryView(DataController *controller, QWidget *parent)
    : QWidget(parent), m_controller(controller), m_sorted(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)), m_refresh(new QPushButton(this)),
      m_open(new QPushButton(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("queryHistory"));
    m_sorted->setSourceModel(m_controller->history());
    m_sorted->setSortRole(QueryHistoryModel::SortRole);
    m_table->setObjectName(QStringLiteral("historyTable"));
    m_table->setModel(m_sorted);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(QueryHistoryModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(QueryHistoryModel::Query,
                                                      QHeaderView::Stretch);
    m_refresh->setObjectName(QStringLiteral("historyRefresh"));
    m_open->setObjectName(QStringLiteral("historyOpen"));
    m_open->setEnabled(false);
    m_status->setObjectName(QStringLiteral("historyStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *row = new QHBoxLayout;
    row->addWidget(m_status, 1);
    row->addWidget(m_open);
    row->addWidget(m_refresh);
    auto *column = new QVBoxLayout(this);
    column->addLayout(row);
    column->addWidget(m_table, 1);

    connect(m_refresh, &QPushButton::clicked, this, [this] {
        m_state = State::Loading;
        renderStatus();
        m_controller->refreshHistory();
    });
    connect(m_open, &QPushButton::clicked, this, &QueryHistoryView::openCurrent);
    connect(m_table, &QTableView::activated, this, &QueryHistoryView::openCurrent);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) {
                m_open->setEnabled(
                    !current.data(QueryHistoryModel::QueryRole).toString().isEmpty());
            });
    connect(m_controller, &DataController::historyLoaded, this, [this](int jobs) {
        m_state = State::Loaded;
        m_count = jobs;
        renderStatus();
    });
    connect(m_controller, &DataController::historyFailed, this,
            [this](const rest::ApiError &error) {
                m_state = State::Failed;
                m_error = error.message;
                renderStatus();
            });
    retranslate();
}

void QueryHistoryView::showEvent(QShowEvent *event)
{
    if (m_state == State::NotLoaded || m_state == State::Failed) {
        m_state = State::Loading;
        renderStatus();
        m_controller->refreshHistory();
    }
    QWidget::showEvent(event);
}

void QueryHistoryView::openCurrent()
{
    const QString sql =
        m_table->currentIndex().siblingAtColumn(0).data(QueryHistoryModel::QueryRole).toString();
    if (!sql.isEmpty())
        Q_EMIT openQuery(sql);
}

void QueryHistoryView::renderStatus()
{
    QString text;
    bool error = false;
    switch (m_state) {
    case State::NotLoaded:
        break;
    case State::Loading:
        text = tr("Loading your jobs…");
        break;
    case State::Loaded:
        text = m_count == 0 ? tr("No jobs yet: the queries you run appear here.")
                            : tr("Your %n newest job(s). Enter or a double-click opens a query in "
                                 "the editor.",
                                 nullptr, m_count);
        break;
    case State::Failed:
        text = tr("Could not list your jobs: %1").arg(m_error);
        error = true;
        break;
    }
    m_status->setText(text);
    m_status->setStyleSheet(
        error ? QStringLiteral("color: %1;").arg(QLatin1String(palette::kErrorText)) : QString());
}

void QueryHistoryView::retranslate()
{
    m_refresh->setText(tr("Refresh"));
    m_refresh->setToolTip(tr("List your jobs again"));
    m_open->setText(tr("Open in editor"));
    m_open->setToolTip(tr("Put the selected query in the Query tab's editor"));
    m_controller->history()->retranslate();
    renderStatus();
}

void QueryHistoryView::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

} // namespace rov::ui
