#include "alertspanel.h"

#include "core/alertlistmodel.h"
#include "core/alertwatcher.h"
#include "core/palette.h"
#include "datatable.h"
#include "texts.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QToolButton>
#include <QVBoxLayout>

namespace rov::ui {

using api::monitoring::AlertRule;
using core::AlertWatcher;

namespace {
constexpr int kShownRows = 5;
}

AlertsPanel::AlertsPanel(QWidget *parent)
    : QWidget(parent), m_model(new core::AlertListModel(this)), m_fold(new QToolButton(this)),
      m_headline(new QLabel(this)), m_table(new DataTable(m_model, Qt::DisplayRole, this))
{
    setObjectName(QStringLiteral("alertsPanel"));
    m_headline->setObjectName(QStringLiteral("alertsHeadline"));
    m_table->setObjectName(QStringLiteral("alertsTable"));
    m_fold->setObjectName(QStringLiteral("alertsFold"));
    m_fold->setCheckable(true);
    m_fold->setChecked(true);
    m_fold->setAutoRaise(true);
    m_fold->setArrowType(Qt::DownArrow);
    m_headline->setTextFormat(Qt::PlainText);
    m_headline->setWordWrap(true);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    auto *texts = new Texts(this);
    texts->bind(m_fold, &QWidget::setToolTip, [] { return tr("Show or hide the alerts"); });
    texts->bind(m_table, &QWidget::setAccessibleName, [] { return tr("Alerts"); });
    texts->onChange([this] {
        m_model->retranslate();
        update();
    });

    auto *header = new QHBoxLayout;
    header->setContentsMargins(0, 0, 0, 0);
    header->addWidget(m_fold);
    header->addWidget(m_headline, 1);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 4);
    layout->addLayout(header);
    layout->addWidget(m_table);
    connect(m_fold, &QToolButton::toggled, this, [this](bool open) {
        m_fold->setArrowType(open ? Qt::DownArrow : Qt::RightArrow);
        m_table->setVisible(open && m_model->rowCount() > 0);
    });
    connect(m_table, &QAbstractItemView::activated, this, [this](const QModelIndex &index) {
        const QString cluster = index.data(core::AlertListModel::ClusterRole).toString();
        if (!cluster.isEmpty())
            Q_EMIT clusterChosen(cluster);
    });
    setVisible(false);
}

void AlertsPanel::setWatcher(AlertWatcher *watcher)
{
    if (m_watcher)
        m_watcher->disconnect(this);
    m_watcher = watcher;
    if (m_watcher)
        connect(m_watcher, &AlertWatcher::changed, this, &AlertsPanel::update);
    update();
}

QString AlertsPanel::headline() const
{
    return m_headline->text();
}

void AlertsPanel::update()
{
    const bool shown = m_watcher && m_watcher->support() == AlertWatcher::Support::Available;
    setVisible(shown || (m_watcher && m_watcher->error() &&
                         m_watcher->support() == AlertWatcher::Support::Unknown));
    m_model->setRules(m_watcher ? m_watcher->rules() : std::vector<AlertRule>{});
    if (!m_watcher)
        return;
    const int firing = int(m_watcher->firing().size());
    const int pending = m_model->rowCount() - firing;
    int broken = 0;
    for (const AlertRule &rule : m_watcher->rules())
        broken += rule.healthy ? 0 : 1;
    QStringList parts;
    if (firing > 0)
        parts << tr("%n alert(s) firing", nullptr, firing);
    else
        parts << tr("No alert fires; %n rule(s) watch the clusters", nullptr,
                    int(m_watcher->rules().size()));
    if (pending > 0)
        parts << tr("%n about to fire", nullptr, pending);
    if (broken > 0)
        parts << tr("%n rule(s) cannot be evaluated", nullptr, broken);
    if (m_watcher->error())
        parts << tr("The alerts could not be read: %1").arg(m_watcher->error()->message);
    m_headline->setText(parts.join(QStringLiteral(" · ")));
    const bool trouble = firing > 0 || broken > 0 || m_watcher->error();
    m_headline->setStyleSheet(trouble ? palette::errorTextStyle() : QString());
    // As tall as its rows, up to five: the charts keep the room.
    const int rows = std::min(m_model->rowCount(), kShownRows);
    m_table->setFixedHeight(m_table->horizontalHeader()->sizeHint().height() +
                            rows * m_table->verticalHeader()->defaultSectionSize() +
                            2 * m_table->frameWidth());
    m_table->setVisible(m_fold->isChecked() && m_model->rowCount() > 0);
}

} // namespace rov::ui
