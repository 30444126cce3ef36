#include "actorstaskstab.h"

#include "core/dashboardsession.h"
#include "datatable.h"
#include "texts.h"

#include <QComboBox>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QVBoxLayout>

namespace rov::ui {

using core::StateSummaryModel;

namespace {

QGroupBox *group(QWidget *content, QWidget *below = nullptr)
{
    auto *box = new QGroupBox;
    auto *layout = new QVBoxLayout(box);
    layout->addWidget(content);
    if (below)
        layout->addWidget(below);
    return box;
}

QString countsText(const std::map<QString, qint64> &counts)
{
    QStringList parts;
    for (const auto &[state, count] : counts)
        parts << QStringLiteral("%1 %2").arg(state).arg(count);
    return parts.isEmpty() ? QStringLiteral("–") : parts.join(QStringLiteral(" · "));
}

} // namespace

ActorsTasksTab::ActorsTasksTab(core::DashboardSession *session, QWidget *parent)
    : QWidget(parent), m_session(session), m_filter(new QLineEdit(this)),
      m_state(new QComboBox(this)), m_totals(new QLabel(this)),
      m_actors(new DataTable(session->actorSummary(), StateSummaryModel::SortRole, this)),
      m_taskSummary(new DataTable(session->taskSummary(), StateSummaryModel::SortRole, this)),
      m_tasks(new DataTable(session->tasks(), Qt::DisplayRole, this)),
      m_truncation(new QLabel(this))
{
    m_filter->setObjectName(QStringLiteral("summaryFilter"));
    auto *texts = new Texts(this);
    texts->bind(m_filter, &QLineEdit::setPlaceholderText,
                [] { return tr("Filter by function or class name"); });
    m_filter->setClearButtonEnabled(true);
    m_state->setObjectName(QStringLiteral("stateFilter"));
    m_state->addItem(QString(), QString());
    texts->bind([this](const QString &text) { m_state->setItemText(0, text); },
                [] { return tr("All states"); });
    m_totals->setWordWrap(true);
    m_actors->setObjectName(QStringLiteral("actorSummary"));
    m_taskSummary->setObjectName(QStringLiteral("taskSummary"));
    m_tasks->setObjectName(QStringLiteral("taskList"));
    m_truncation->setObjectName(QStringLiteral("taskTruncation"));
    m_truncation->setWordWrap(true);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_filter, 1);
    filters->addWidget(m_state);
    auto *splitter = new QSplitter(Qt::Vertical, this);
    const auto titled = [texts](QGroupBox *box, Texts::Text title) {
        texts->bind(box, &QGroupBox::setTitle, std::move(title));
        return box;
    };
    splitter->addWidget(titled(group(m_actors), [] { return tr("Actors by class"); }));
    splitter->addWidget(titled(group(m_taskSummary), [] { return tr("Tasks by function"); }));
    splitter->addWidget(titled(group(m_tasks, m_truncation), [] { return tr("Tasks"); }));
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(m_totals);
    layout->addWidget(splitter, 1);

    connect(m_filter, &QLineEdit::textChanged, this, &ActorsTasksTab::applyFilter);
    connect(m_state, &QComboBox::currentIndexChanged, this, &ActorsTasksTab::applyFilter);
    connect(session, &core::DashboardSession::overviewChanged, this, &ActorsTasksTab::updateStates);
    texts->onChange([this] { updateStates(); });
    updateStates();
}

void ActorsTasksTab::setFilter(const QString &text, const QString &state)
{
    m_filter->setText(text);
    const int index = m_state->findData(state);
    m_state->setCurrentIndex(index < 0 ? 0 : index);
    applyFilter();
}

void ActorsTasksTab::applyFilter()
{
    const QString text = m_filter->text();
    const QString state = m_state->currentData().toString();
    m_session->actorSummary()->setFilter(text, state);
    m_session->taskSummary()->setFilter(text, state);
    m_tasks->proxy()->setFilterFixedString(text);
}

void ActorsTasksTab::updateStates()
{
    const auto actors = m_session->actorSummary()->totalsByState();
    const auto tasks = m_session->taskSummary()->totalsByState();
    m_totals->setText(tr("Actors: %1\nTasks: %2").arg(countsText(actors), countsText(tasks)));
    for (const auto *counts : {&actors, &tasks}) {
        for (const auto &[state, count] : *counts) {
            if (m_state->findData(state) < 0)
                m_state->addItem(state, state);
        }
    }
    const auto *tasksModel = m_session->tasks();
    m_truncation->setText(
        tasksModel->truncated()
            ? tr("Showing %1 of %2 tasks: the State API returns at most %3 at a time. The "
                 "summaries above count all of them.")
                  .arg(tasksModel->rowCount())
                  .arg(tasksModel->total())
                  .arg(core::DashboardSession::kTaskPageSize)
            : tr("All %1 tasks are listed.").arg(tasksModel->rowCount()));
}

} // namespace rov::ui
