#include "nodestab.h"

#include "core/dashboardsession.h"
#include "datatable.h"
#include "texts.h"

#include <QLocale>
#include <QPlainTextEdit>
#include <QSplitter>
#include <QVBoxLayout>

namespace rov::ui {

using core::NodeListModel;

NodesTab::NodesTab(core::DashboardSession *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_table(new DataTable(session->nodes(), NodeListModel::SortRole, this)),
      m_details(new QPlainTextEdit(this))
{
    m_table->setObjectName(QStringLiteral("nodeTable"));
    m_table->sortByColumn(NodeListModel::Role, Qt::AscendingOrder);
    m_details->setObjectName(QStringLiteral("nodeDetails"));
    m_details->setReadOnly(true);
    auto *texts = new Texts(this);
    texts->bind(m_details, &QPlainTextEdit::setPlaceholderText,
                [] { return tr("Select a node to see its labels and resources."); });

    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(m_details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 1);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &NodesTab::showDetails);
    connect(session->nodes(), &QAbstractItemModel::dataChanged, this, &NodesTab::showDetails);
    texts->onChange([this] { showDetails(); });
}

void NodesTab::showDetails()
{
    const core::NodeRow *row = m_session->nodes()->at(m_table->selectedSourceIndex().row());
    if (!row) {
        m_details->clear();
        return;
    }
    const auto &node = row->node;
    QStringList lines;
    lines << tr("Node id: %1").arg(node.nodeId) << tr("Address: %1").arg(node.ip);
    if (node.startTime.isValid())
        lines << tr("Started: %1")
                     .arg(QLocale().toString(node.startTime.toLocalTime(), QLocale::LongFormat));
    lines << tr("Logical resources:");
    for (const auto &[name, amount] : node.resourcesTotal) {
        if (!name.startsWith(QLatin1String("node:")))
            lines << QStringLiteral("  %1 = %2").arg(name, QLocale().toString(amount, 'g', 12));
    }
    lines << tr("Labels:");
    for (const auto &[key, value] : node.labels)
        lines << QStringLiteral("  %1 = %2").arg(key, value);
    m_details->setPlainText(lines.join(QLatin1Char('\n')));
}

} // namespace rov::ui
