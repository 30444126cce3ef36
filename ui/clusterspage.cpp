#include "clusterspage.h"

#include "core/clusterlistmodel.h"
#include "windowshortcuts.h"

#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QVBoxLayout>

namespace rov::ui {

using core::ClusterListModel;

ClustersPage::ClustersPage(ClusterListModel *model, QWidget *parent)
    : QWidget(parent), m_model(model), m_proxy(new QSortFilterProxyModel(this)),
      m_filter(new QLineEdit(this)), m_table(new QTableView(this)), m_message(new QLabel(this))
{
    m_proxy->setSourceModel(model);
    m_proxy->setSortRole(ClusterListModel::SortRole);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);

    m_filter->setObjectName(QStringLiteral("clusterFilter"));
    m_filter->setClearButtonEnabled(true);
    new WindowShortcutsFirst(m_filter); // Ctrl+E and the rest work while it has focus
    connect(m_filter, &QLineEdit::textChanged, m_proxy,
            &QSortFilterProxyModel::setFilterFixedString);

    m_message->setObjectName(QStringLiteral("clustersMessage"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_table->setObjectName(QStringLiteral("clusterTable"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(ClusterListModel::Created, Qt::DescendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->setContextMenuPolicy(Qt::CustomContextMenu);
    m_table->verticalHeader()->hide();
    // Every column as wide as what it holds (a stretched one was cut first in a narrow window): a
    // window too narrow for all of them scrolls instead of cutting.
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(false);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &ClustersPage::selectionChanged);
    connect(m_table, &QTableView::activated, this, [this](const QModelIndex &index) {
        Q_EMIT activated(index.data(ClusterListModel::ResourceNameRole).toString());
    });
    connect(m_table, &QTableView::customContextMenuRequested, this, [this](const QPoint &point) {
        Q_EMIT contextMenuRequested(m_table->viewport()->mapToGlobal(point));
    });
    // Keep a selection while rows come and go.
    connect(m_proxy, &QAbstractItemModel::rowsInserted, this, [this] {
        if (!m_table->selectionModel()->hasSelection() && m_proxy->rowCount() > 0)
            m_table->selectRow(0);
    });

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0); // the shell gives the margins
    layout->addWidget(m_filter);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);
    retranslate();
}

QString ClustersPage::selectedName() const
{
    const auto rows = m_table->selectionModel()->selectedRows();
    return rows.isEmpty() ? QString()
                          : rows.first().data(ClusterListModel::ResourceNameRole).toString();
}

void ClustersPage::select(const QString &name)
{
    const int sourceRow = m_model->rowOf(name);
    if (sourceRow < 0)
        return;
    const QModelIndex index = m_proxy->mapFromSource(m_model->index(sourceRow, 0));
    m_table->selectRow(index.row());
}

void ClustersPage::setMessage(std::function<QString()> text)
{
    m_messageText = std::move(text);
    showMessage();
}

void ClustersPage::showMessage()
{
    const QString text = m_messageText ? m_messageText() : QString();
    m_message->setText(text);
    m_message->setVisible(!text.isEmpty());
}

void ClustersPage::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void ClustersPage::retranslate()
{
    m_filter->setPlaceholderText(tr("Filter clusters by any column"));
    m_filter->setAccessibleName(tr("Filter clusters"));
    m_table->setAccessibleName(tr("Clusters"));
    showMessage(); // "no clusters yet" in the new language at once, not at the next refresh
}

} // namespace rov::ui
