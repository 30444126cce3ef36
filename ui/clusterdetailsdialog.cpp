#include "clusterdetailsdialog.h"

#include "api/vertex/vertexclient.h"
#include "codebox.h"
#include "core/clusterlistmodel.h"
#include "core/connectionsnippets.h"
#include "core/costestimator.h"
#include "core/palette.h"
#include "failurereport.h"
#include "help/guidewindow.h"
#include "texts.h"

#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace rov::ui {

using api::vertex::ClusterState;
using api::vertex::PersistentResource;
using core::ClusterListModel;

namespace {

QTableWidget *makeTable(int columns, QWidget *parent)
{
    auto *table = new QTableWidget(0, columns, parent);
    table->verticalHeader()->hide();
    table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    table->horizontalHeader()->setStretchLastSection(true);
    return table;
}

QString money(double usd)
{
    return QStringLiteral("$%1").arg(usd, 0, 'f', 2);
}

} // namespace

ClusterDetailsDialog::ClusterDetailsDialog(const QString &name, api::vertex::VertexClient *client,
                                           const core::ClusterListModel &clusters,
                                           bool localBackend, QWidget *parent)
    : QDialog(parent), m_name(name), m_client(client), m_clusters(clusters), m_local(localBackend),
      m_heading(new QLabel(this)), m_summary(new QLabel(this)), m_error(new FailureReport(this))
{
    setObjectName(QStringLiteral("clusterDetails"));
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle,
                [id = name.section(QLatin1Char('/'), -1)] { return tr("Cluster %1").arg(id); });
    QFont headingFont = m_heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.4);
    headingFont.setBold(true);
    m_heading->setFont(headingFont);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_summary->setWordWrap(true);
    m_error->setObjectName(QStringLiteral("clusterError"));

    auto *tabs = makeTabs(texts);
    auto *buttons = makeButtons(texts);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_heading);
    layout->addWidget(tabs, 1);
    layout->addWidget(buttons);
    resize(860, 600);

    m_timer.setInterval(3000);
    connect(&m_timer, &QTimer::timeout, this, &ClusterDetailsDialog::refresh);
    m_timer.start();
    refresh();
}

QTabWidget *ClusterDetailsDialog::makeTabs(Texts *texts)
{
    auto *tabs = new QTabWidget(this);
    auto *overview = new QWidget(tabs);
    auto *overviewLayout = new QVBoxLayout(overview);
    overviewLayout->addWidget(m_summary);
    overviewLayout->addWidget(m_error);
    m_pools = makeTable(6, overview);
    m_pools->setObjectName(QStringLiteral("poolTable"));
    auto *poolsTitle = new QLabel(overview);
    texts->bind(poolsTitle, &QLabel::setText, [] { return tr("Resource pools"); });
    overviewLayout->addWidget(poolsTitle);
    overviewLayout->addWidget(m_pools, 1);
    tabs->addTab(overview, QString());

    auto *connect_ = new QWidget(tabs);
    auto *connectLayout = new QVBoxLayout(connect_);
    m_rayInit = new CodeBox(QString(), connect_);
    m_jobSubmit = new CodeBox(QString(), connect_);
    m_restUrl = new CodeBox(QString(), connect_);
    texts->bind(m_rayInit, &CodeBox::setTitle, [] { return tr("Python (ray.init)"); });
    texts->bind(m_jobSubmit, &CodeBox::setTitle, [] { return tr("Ray job submit"); });
    texts->bind(m_restUrl, &CodeBox::setTitle, [] { return tr("REST resource"); });
    for (CodeBox *box : {m_rayInit, m_jobSubmit, m_restUrl}) {
        box->editor()->setMaximumHeight(80);
        connectLayout->addWidget(box);
    }
    tabs->addTab(connect_, QString());

    m_history = makeTable(3, tabs);
    m_history->setObjectName(QStringLiteral("historyTable"));
    tabs->addTab(m_history, QString());
    const auto headers = [this, tabs] {
        m_pools->setHorizontalHeaderLabels(
            {tr("Pool"), tr("Machine"), tr("Accelerators"), tr("Nodes"), tr("Disk"), tr("Image")});
        m_history->setHorizontalHeaderLabels({tr("Time"), tr("State"), tr("Reason")});
        tabs->setTabText(0, tr("Overview"));
        tabs->setTabText(1, tr("Connect"));
        tabs->setTabText(2, tr("History"));
    };
    headers();
    texts->onChange(headers);
    texts->onChange([this] { refresh(); }); // the summary and history are sentences
    return tabs;
}

QDialogButtonBox *ClusterDetailsDialog::makeButtons(Texts *texts)
{
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    offerGuide(this, buttons, QStringLiteral("clusters"));
    m_dashboard = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_jupyterLab = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_jupyterLab->setObjectName(QStringLiteral("openJupyterLab"));
    texts->bind(m_jupyterLab, &QAbstractButton::setText, [] { return tr("Open in JupyterLab"); });
    connect(m_jupyterLab, &QPushButton::clicked, this,
            [this] { Q_EMIT jupyterLabRequested(m_name); });
    auto *logs = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    logs->setObjectName(QStringLiteral("viewLogs"));
    texts->bind(logs, &QAbstractButton::setText, [] { return tr("View &logs"); });
    connect(logs, &QPushButton::clicked, this, [this] { Q_EMIT logsRequested(m_name); });
    m_scale = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_reboot = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    m_delete = buttons->addButton(QString(), QDialogButtonBox::ActionRole);
    texts->bind(m_dashboard, &QAbstractButton::setText, [] { return tr("Open Ray dashboard"); });
    texts->bind(m_scale, &QAbstractButton::setText, [] { return tr("Scale…"); });
    texts->bind(m_reboot, &QAbstractButton::setText, [] { return tr("Reboot"); });
    texts->bind(m_delete, &QAbstractButton::setText, [] { return tr("Delete…"); });
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_scale, &QPushButton::clicked, this, [this] { Q_EMIT scaleRequested(m_name); });
    connect(m_reboot, &QPushButton::clicked, this, [this] { Q_EMIT rebootRequested(m_name); });
    connect(m_delete, &QPushButton::clicked, this, [this] { Q_EMIT deleteRequested(m_name); });
    connect(m_dashboard, &QPushButton::clicked, this,
            [this] { Q_EMIT dashboardRequested(m_name); });
    return buttons;
}

void ClusterDetailsDialog::refresh()
{
    if (!m_client) {
        m_timer.stop();
        m_summary->setText(tr("Not connected: the backend's session ended"));
        return;
    }
    m_client->getCluster(m_name, this, [this](auto result) {
        if (!result.ok()) {
            // What was shown stays, said to be old; the next refresh tries again.
            if (result.error->kind != rest::ApiError::Kind::Cancelled &&
                result.error->httpStatus != 404)
                m_summary->setText(tr("Could not refresh: %1").arg(result.error->message));
            if (result.error->httpStatus == 404) {
                m_timer.stop();
                m_heading->setText(tr("%1 — deleted").arg(m_name.section(QLatin1Char('/'), -1)));
                for (QPushButton *button : {m_scale, m_reboot, m_delete, m_dashboard})
                    button->setEnabled(false);
            }
            return;
        }
        display(result.value);
    });
    m_client->events(m_name, this, [this](auto result) {
        if (!result.ok())
            return; // backends without the events extension show no history
        m_history->setRowCount(int(result.value.size()));
        int row = 0;
        for (auto it = result.value.rbegin(); it != result.value.rend(); ++it, ++row) {
            m_history->setItem(row, 0,
                               new QTableWidgetItem(QLocale().toString(
                                   it->time.toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"))));
            m_history->setItem(row, 1,
                               new QTableWidgetItem(ClusterListModel::stateText(
                                   api::vertex::clusterStateFromJson(it->state.toStdString()))));
            m_history->setItem(row, 2, new QTableWidgetItem(it->reason));
        }
    });
}

void ClusterDetailsDialog::display(const PersistentResource &cluster)
{
    m_cluster = cluster;
    const QString stateText = ClusterListModel::stateText(cluster.state);
    m_heading->setText(QStringLiteral("%1 — <span style=\"color:%2\">%3</span>")
                           .arg(cluster.id().toHtmlEscaped(),
                                ClusterListModel::stateColor(cluster.state).name(), stateText));
    const QDateTime now = QDateTime::currentDateTimeUtc();
    QStringList labels;
    for (const auto &[key, value] : cluster.labels)
        labels << key + QLatin1Char('=') + value;
    const auto row = [](const QString &label, const QString &value) {
        return QStringLiteral("<tr><td><b>%1</b></td><td>%2</td></tr>")
            .arg(label.toHtmlEscaped(), value.toHtmlEscaped());
    };
    QString html = QStringLiteral("<table cellspacing=\"4\">");
    html += row(tr("Name"), cluster.name);
    html += row(tr("Display name"), cluster.displayName);
    html += row(tr("Region"), cluster.location());
    html += row(tr("Ray / Python"),
                QStringLiteral("%1 / %2").arg(cluster.rayVersion(), cluster.pythonVersion()));
    html += row(tr("Created"),
                QLocale().toString(cluster.createTime.toLocalTime(), QLocale::LongFormat));
    if (cluster.startTime.isValid())
        html += row(tr("Uptime"), ClusterListModel::durationText(cluster.startTime.secsTo(now)));
    html += row(tr("Cost per hour (estimate)"), money(m_clusters.costs().currentPerHour(cluster)));
    const auto cost = m_clusters.costSoFar(cluster.name);
    html += row(tr("Cost so far (estimate)"),
                cost.source == core::CostRecord::Source::BackendRecord || !cost.since.isValid()
                    ? money(cost.dollars)
                    : tr("%1, counted since %2 (this backend keeps no record of its nodes)")
                          .arg(money(cost.dollars),
                               QLocale().toString(cost.since.toLocalTime(), QLocale::ShortFormat)));
    html += row(tr("Labels"), labels.isEmpty() ? tr("none") : labels.join(QStringLiteral(", ")));
    for (const auto &[key, value] : cluster.accessUris)
        html += row(key, value);
    if (!cluster.network.isEmpty())
        html += row(tr("Network"), cluster.network);
    if (!cluster.networkAttachment.isEmpty())
        html += row(tr("Network attachment"), cluster.networkAttachment);
    html += QStringLiteral("</table>");
    m_summary->setText(html);
    m_error->setMessage(cluster.errorMessage);

    m_pools->setRowCount(int(cluster.pools.size()));
    for (int index = 0; index < int(cluster.pools.size()); ++index) {
        const auto &pool = cluster.pools[size_t(index)];
        const QString nodes =
            pool.autoscaling
                ? tr("%1 live (autoscaling %2–%3)")
                      .arg(pool.usedReplicaCount)
                      .arg(pool.autoscaling->first)
                      .arg(pool.autoscaling->second)
                : tr("%1 live / %2 desired").arg(pool.usedReplicaCount).arg(pool.replicaCount);
        const auto image = cluster.poolImages.find(pool.id);
        const QStringList cells{
            pool.id == cluster.headPoolId ? tr("%1 (head)").arg(pool.id) : pool.id,
            pool.machine.machineType,
            pool.machine.acceleratorCount > 0 ? QStringLiteral("%1 × %2")
                                                    .arg(pool.machine.acceleratorCount)
                                                    .arg(pool.machine.acceleratorType)
                                              : tr("none"),
            nodes,
            QStringLiteral("%1 %2 GB").arg(pool.bootDiskType).arg(pool.bootDiskSizeGb),
            image == cluster.poolImages.end() ? cluster.imageUri : image->second};
        for (int column = 0; column < int(cells.size()); ++column)
            m_pools->setItem(index, column, new QTableWidgetItem(cells[column]));
    }

    const auto snippets = core::ConnectionSnippets::of(
        cluster, m_local, m_client ? m_client->endpoint().baseUrl : QUrl());
    m_rayInit->setText(snippets.rayInit);
    m_jobSubmit->setText(snippets.jobSubmit.isEmpty() ? tr("Available once the cluster is running.")
                                                      : snippets.jobSubmit);
    m_restUrl->setText(snippets.restUrl);
    const bool running = cluster.state == ClusterState::Running;
    m_scale->setEnabled(running);
    m_reboot->setEnabled(running || cluster.state == ClusterState::Error);
    m_delete->setEnabled(cluster.state != ClusterState::Stopping);
    m_dashboard->setEnabled(!snippets.dashboard.isEmpty());
    m_jupyterLab->setEnabled(running);
}

} // namespace rov::ui
