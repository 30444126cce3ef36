#include "jobstab.h"

#include "core/dashboardsession.h"
#include "core/joblogfollower.h"
#include "datatable.h"
#include "logview.h"
#include "texts.h"

#include <QHeaderView>
#include <QLabel>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QVBoxLayout>

namespace rov::ui {

using core::JobListModel;

JobsTab::JobsTab(core::DashboardSession *session, QWidget *parent)
    : QWidget(parent), m_session(session),
      m_table(new DataTable(session->jobs(), JobListModel::SortRole, this)),
      m_logTitle(new QLabel(this)), m_log(new LogView(session->log(), this))
{
    m_table->setObjectName(QStringLiteral("jobTable"));
    m_table->sortByColumn(JobListModel::Started, Qt::DescendingOrder);
    m_table->horizontalHeader()->setSectionResizeMode(JobListModel::Entrypoint,
                                                      QHeaderView::Interactive);
    m_table->horizontalHeader()->resizeSection(JobListModel::Entrypoint, 320);
    m_logTitle->setObjectName(QStringLiteral("jobLogTitle"));

    auto *logPane = new QWidget(this);
    auto *logLayout = new QVBoxLayout(logPane);
    logLayout->setContentsMargins(0, 0, 0, 0);
    logLayout->addWidget(m_logTitle);
    logLayout->addWidget(m_log, 1);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    splitter->addWidget(m_table);
    splitter->addWidget(logPane);
    splitter->setStretchFactor(0, 1);
    splitter->setStretchFactor(1, 2);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        followSelected();
        Q_EMIT selectionChanged();
    });
    connect(session, &core::DashboardSession::jobsChanged, this, [this] {
        updateLogTitle();
        Q_EMIT selectionChanged(); // the selected job's status may allow other actions now
    });
    connect(session->logFollower(), &core::JobLogFollower::completed, this,
            &JobsTab::updateLogTitle);
    (new Texts(this))->onChange([this] { updateLogTitle(); });
    updateLogTitle();
}

QString JobsTab::selectedKey() const
{
    return m_table->selectedValue(JobListModel::KeyRole).toString();
}

void JobsTab::selectJob(const QString &key)
{
    const int row = m_session->jobs()->rowOfKey(key);
    if (row < 0)
        return;
    const QModelIndex index = m_table->proxy()->mapFromSource(m_session->jobs()->index(row, 0));
    m_table->selectRow(index.row());
    m_table->scrollTo(index);
}

void JobsTab::followSelected()
{
    const QString key = selectedKey();
    if (key == m_followed)
        return;
    m_followed = key;
    if (key.isEmpty())
        m_session->logFollower()->stop();
    else
        m_session->followJob(key);
    updateLogTitle();
}

void JobsTab::updateLogTitle()
{
    const auto *job = m_session->jobs()->job(m_followed);
    if (!job) {
        m_logTitle->setText(tr("Select a job to see its log."));
        return;
    }
    const auto *follower = m_session->logFollower();
    const QString state = follower->isComplete()    ? tr("complete")
                          : follower->isStreaming() ? tr("streaming as it is written")
                          : job->submissionId.isEmpty()
                              ? tr("not available for jobs started by a driver")
                              : tr("waiting for the driver to start");
    m_logTitle->setText(tr("Log of %1 (%2)").arg(job->name(), state));
}

} // namespace rov::ui
