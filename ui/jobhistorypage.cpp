#include "jobhistorypage.h"

#include "core/joblistmodel.h"
#include "core/settingskeys.h"
#include "datatable.h"
#include "logview.h"
#include "texts.h"
#include "windowshortcuts.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QSplitter>
#include <QVBoxLayout>

namespace rov::ui {

using core::HistoricJobModel;

namespace {

const QString kRetentionKey = core::settingskeys::historyRetentionDays();
constexpr int kClusterRole = Qt::UserRole + 1;

} // namespace

JobHistoryPage::JobHistoryPage(core::JobHistoryStore *store, QWidget *parent)
    : QWidget(parent), m_store(store), m_filter(new QLineEdit(this)),
      m_retentionLabel(new QLabel(this)), m_clusters(new QListWidget(this)),
      m_table(new DataTable(&m_jobs, HistoricJobModel::SortRole, this)),
      m_logTitle(new QLabel(this)), m_logView(new LogView(&m_log, this)),
      m_retention(new QSpinBox(this))
{
    m_clusters->setObjectName(QStringLiteral("historyClusters"));
    m_table->setObjectName(QStringLiteral("historyJobs"));
    m_table->sortByColumn(HistoricJobModel::Started, Qt::DescendingOrder);
    m_retention->setObjectName(QStringLiteral("retentionDays"));
    m_retention->setRange(1, 3650);
    m_retention->setValue(retentionDays());
    m_retentionLabel->setBuddy(m_retention);

    m_filter->setObjectName(QStringLiteral("historyFilter"));
    m_filter->setClearButtonEnabled(true);
    new WindowShortcutsFirst(m_filter); // the window's Ctrl shortcuts work while it has focus
    connect(m_filter, &QLineEdit::textChanged, m_table->proxy(),
            &QSortFilterProxyModel::setFilterFixedString);
    auto *retention = new QHBoxLayout;
    retention->addWidget(m_filter, 1);
    retention->addSpacing(24);
    retention->addWidget(m_retentionLabel);
    retention->addWidget(m_retention);
    auto *right = new QSplitter(Qt::Vertical, this);
    right->setObjectName(QStringLiteral("historyJobsAndLog"));
    right->addWidget(m_table);
    auto *logPane = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_logView, 1);
    right->addWidget(logPane);
    right->setStretchFactor(1, 2);
    auto *split = new QSplitter(Qt::Horizontal, this);
    split->setObjectName(QStringLiteral("historyClustersAndJobs"));
    split->addWidget(m_clusters);
    split->addWidget(right);
    split->setStretchFactor(1, 3);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(retention);
    layout->addWidget(split, 1);

    connect(m_clusters, &QListWidget::currentRowChanged, this, &JobHistoryPage::showCluster);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &JobHistoryPage::showLog);
    connect(m_retention, &QSpinBox::editingFinished, this, [this] {
        setRetentionDays(m_retention->value());
        applyRetention(m_store);
        reload();
    });
    applyRetention(m_store);
    auto *texts = new Texts(this);
    texts->bind(m_retention, &QSpinBox::setSuffix, [] { return tr(" days"); });
    texts->bind(m_retentionLabel, &QLabel::setText,
                [] { return tr("&Keep jobs and their logs for"); });
    texts->bind(m_filter, &QLineEdit::setPlaceholderText,
                [] { return tr("Filter jobs by id, name, status or entrypoint"); });
    texts->onChange([this] {
        Q_EMIT m_jobs.headerDataChanged(Qt::Horizontal, 0, m_jobs.columnCount() - 1);
        reload(); // the cluster list and the log title are sentences
    });
    reload();
}

int JobHistoryPage::retentionDays()
{
    return QSettings().value(kRetentionKey, kDefaultRetentionDays).toInt();
}

void JobHistoryPage::setRetentionDays(int days)
{
    QSettings().setValue(kRetentionKey, days);
}

int JobHistoryPage::applyRetention(core::JobHistoryStore *store)
{
    if (!store || !store->isOpen())
        return 0;
    return store->removeOlderThan(QDateTime::currentDateTimeUtc().addDays(-retentionDays()));
}

void JobHistoryPage::reload()
{
    const QString current = m_clusters->currentItem()
                                ? m_clusters->currentItem()->data(kClusterRole).toString()
                                : QString();
    // The job a person chose stays chosen (a language switch reloads the list).
    const core::HistoricJob *chosen = m_jobs.at(m_table->selectedSourceIndex().row());
    const QString chosenKey = chosen ? chosen->key : QString();
    m_clusters->clear();
    if (!m_store || !m_store->isOpen()) {
        m_logTitle->setText(tr("The job history could not be opened."));
        return;
    }
    for (const auto &cluster : m_store->clusters()) {
        auto *item = new QListWidgetItem(
            tr("%1\n%n job(s), last seen %2", nullptr, int(cluster.jobs))
                .arg(cluster.clusterName,
                     QLocale().toString(cluster.lastRecorded.toLocalTime(), QLocale::ShortFormat)),
            m_clusters);
        item->setData(kClusterRole, cluster.cluster);
        item->setToolTip(cluster.cluster);
    }
    if (!selectCluster(current) && m_clusters->count() > 0)
        m_clusters->setCurrentRow(0);
    if (!chosenKey.isEmpty())
        selectJob(chosenKey);
    if (m_clusters->count() == 0)
        m_logTitle->setText(tr("No jobs yet: jobs appear here once a dashboard has shown them."));
}

bool JobHistoryPage::selectCluster(const QString &cluster)
{
    for (int row = 0; row < m_clusters->count(); ++row) {
        if (m_clusters->item(row)->data(kClusterRole).toString() == cluster) {
            m_clusters->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

bool JobHistoryPage::selectJob(const QString &key)
{
    const int row = m_jobs.rowOfKey(key);
    if (row < 0)
        return false;
    m_table->selectRow(m_table->proxy()->mapFromSource(m_jobs.index(row, 0)).row());
    return true;
}

void JobHistoryPage::showCluster()
{
    const QListWidgetItem *item = m_clusters->currentItem();
    m_jobs.setJobs(item ? m_store->jobs(item->data(kClusterRole).toString())
                        : std::vector<core::HistoricJob>{});
    showLog();
}

void JobHistoryPage::showLog()
{
    m_log.clear();
    const core::HistoricJob *job = m_jobs.at(m_table->selectedSourceIndex().row());
    if (!job) {
        m_logTitle->setText(tr("Select a job to read its log."));
        return;
    }
    const auto log = m_store->log(job->cluster, job->key);
    if (!log) {
        m_logTitle->setText(
            tr("The log of %1 was not kept: the job had not ended when the console last saw it.")
                .arg(job->name));
        return;
    }
    m_log.append(*log);
    m_log.finish();
    m_logTitle->setText(
        tr("Log of %1 (%2)").arg(job->name, core::JobListModel::statusText(job->status)));
}

} // namespace rov::ui
