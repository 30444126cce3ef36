#include "overviewtab.h"

#include "core/clusterlistmodel.h" // durationText
#include "core/dashboardsession.h"
#include "monitoring/minicharts.h"
#include "texts.h"

#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QVBoxLayout>

namespace rov::ui {

using core::ClusterListModel;
using core::NodeListModel;

namespace {

bool isBytes(const QString &resource)
{
    return resource == QLatin1String("memory") || resource == QLatin1String("object_store_memory");
}

int order(const QString &resource)
{
    static const QStringList known{QStringLiteral("CPU"), QStringLiteral("GPU"),
                                   QStringLiteral("memory"), QStringLiteral("object_store_memory")};
    const qsizetype index = known.indexOf(resource);
    return index < 0 ? int(known.size()) : int(index);
}

} // namespace

OverviewTab::OverviewTab(core::DashboardSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_version(new QLabel(this)), m_uptime(new QLabel(this)),
      m_nodes(new QLabel(this)), m_address(new QLabel(this)), m_jobs(new QLabel(this)),
      m_pending(new QLabel(this)), m_resources(new QGridLayout), m_charts(new MiniCharts(this))
{
    m_address->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_pending->setObjectName(QStringLiteral("pendingDemand"));
    m_pending->setWordWrap(true);
    m_pending->setTextInteractionFlags(Qt::TextSelectableByMouse);

    auto *facts = new QFormLayout;
    auto *texts = new Texts(this);
    texts->row(facts, m_version, [] { return tr("Ray version:"); });
    texts->row(facts, m_uptime, [] { return tr("Up for:"); });
    texts->row(facts, m_nodes, [] { return tr("Nodes:"); });
    texts->row(facts, m_jobs, [] { return tr("Jobs:"); });
    texts->row(facts, m_address, [] { return tr("Dashboard:"); });

    auto *resources = new QGroupBox(this);
    texts->bind(resources, &QGroupBox::setTitle, [] { return tr("Logical resources in use"); });
    m_resources->setColumnStretch(1, 1);
    resources->setLayout(m_resources);
    auto *pending = new QGroupBox(this);
    texts->bind(pending, &QGroupBox::setTitle, [] { return tr("Waiting for resources"); });
    auto *pendingLayout = new QVBoxLayout(pending);
    pendingLayout->addWidget(m_pending);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(facts);
    layout->addWidget(m_charts);
    layout->addWidget(resources);
    layout->addWidget(pending);
    layout->addStretch(1);

    texts->onChange([this] { update(); }); // its facts are sentences
    connect(session, &core::DashboardSession::overviewChanged, this, &OverviewTab::update);
    connect(session, &core::DashboardSession::jobsChanged, this, &OverviewTab::update);
    update();
}

QString OverviewTab::resourceTitle(const QString &resource)
{
    if (resource == QLatin1String("CPU"))
        return tr("CPUs");
    if (resource == QLatin1String("GPU"))
        return tr("GPUs");
    if (resource == QLatin1String("memory"))
        return tr("Memory");
    if (resource == QLatin1String("object_store_memory"))
        return tr("Object store");
    return resource;
}

QString OverviewTab::amountText(const QString &resource, double amount)
{
    return isBytes(resource) ? NodeListModel::bytesText(amount) : QLocale().toString(amount);
}

OverviewTab::ResourceRow &OverviewTab::rowFor(const QString &resource)
{
    auto found = m_rows.find(resource);
    if (found != m_rows.end())
        return found->second;
    ResourceRow row{new QLabel(this), new QProgressBar(this), new QLabel(this)};
    row.bar->setRange(0, 1000);
    row.bar->setTextVisible(false);
    row.bar->setAccessibleName(resourceTitle(resource));
    row.amounts->setObjectName(QStringLiteral("usage_") + resource);
    // Rows stay in a fixed order: CPUs, GPUs, memory, object store, then custom resources.
    const int line = order(resource) * 1000 + int(m_rows.size());
    m_resources->addWidget(row.title, line, 0);
    m_resources->addWidget(row.bar, line, 1);
    m_resources->addWidget(row.amounts, line, 2);
    return m_rows.emplace(resource, row).first->second;
}

void OverviewTab::update()
{
    m_version->setText(m_session->rayVersion().isEmpty() ? tr("unknown") : m_session->rayVersion());
    const QDateTime started = m_session->headStarted();
    m_uptime->setText(started.isValid() ? ClusterListModel::durationText(
                                              started.secsTo(QDateTime::currentDateTimeUtc()))
                                        : tr("unknown"));
    m_nodes->setText(m_session->nodes()->countsText());
    m_address->setText(m_session->client()->dashboard().toString());
    std::map<QString, int> byStatus;
    for (const auto &job : m_session->jobs()->rows())
        ++byStatus[core::JobListModel::statusText(job.status)];
    QStringList jobs;
    for (const auto &[status, count] : byStatus)
        jobs << QStringLiteral("%1 %2").arg(count).arg(status);
    m_jobs->setText(jobs.isEmpty() ? tr("none yet") : jobs.join(QStringLiteral(", ")));

    const auto &load = m_session->load();
    if (!load) {
        m_pending->setText(tr("Not known yet."));
        return;
    }
    for (const auto &[resource, usage] : load->usage) {
        ResourceRow &row = rowFor(resource);
        row.title->setText(resourceTitle(resource));
        row.bar->setValue(usage.total > 0 ? int(1000 * usage.used / usage.total) : 0);
        row.amounts->setText(
            tr("%1 of %2")
                .arg(amountText(resource, usage.used), amountText(resource, usage.total)));
    }
    QStringList waiting;
    for (const auto &shape : load->pending) {
        QStringList parts;
        for (const auto &[resource, amount] : shape.resources)
            parts << QStringLiteral("%1 %2").arg(
                amountText(QString::fromStdString(resource), amount),
                resourceTitle(QString::fromStdString(resource)));
        waiting << tr("%1 × {%2}").arg(shape.count).arg(parts.join(QStringLiteral(", ")));
    }
    m_pending->setText(
        waiting.isEmpty()
            ? tr("Nothing is waiting: every task and actor has "
                 "the resources it asked for.")
            : tr("Waiting for a node with room: %1").arg(waiting.join(QStringLiteral("; "))));
}

QString OverviewTab::usageText(const QString &resource) const
{
    const auto found = m_rows.find(resource);
    return found == m_rows.end() ? QString() : found->second.amounts->text();
}

QString OverviewTab::pendingText() const
{
    return m_pending->text();
}

} // namespace rov::ui
