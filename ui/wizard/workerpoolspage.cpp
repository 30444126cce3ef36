#include "workerpoolspage.h"

#include "core/palette.h"
#include "createclusterwizard.h"
#include "pooleditor.h"
#include "texts.h"

#include <QLabel>
#include <QPushButton>
#include <QScrollArea>
#include <QVBoxLayout>

namespace rov::ui {

WorkerPoolsPage::WorkerPoolsPage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_problem(new QLabel(this))
{
    auto *texts = new Texts(this);
    texts->bind(this, &QWizardPage::setTitle, [] { return tr("Worker pools"); });
    texts->bind(this, &QWizardPage::setSubTitle, [] {
        return tr("Workers run the tasks. A pool has a fixed number of nodes, or autoscales "
                  "between a minimum and a maximum with the load.");
    });
    m_problem->setObjectName(QStringLiteral("poolsProblem"));
    m_problem->setStyleSheet(palette::errorTextStyle());
    m_problem->setWordWrap(true);
    m_problem->hide();

    auto *scroll = new QScrollArea(this);
    scroll->setWidgetResizable(true);
    auto *holder = new QWidget(scroll);
    m_poolsLayout = new QVBoxLayout(holder);
    m_poolsLayout->addStretch();
    scroll->setWidget(holder);
    auto *add = new QPushButton(this);
    texts->bind(add, &QAbstractButton::setText, [] { return tr("&Add worker pool"); });
    add->setObjectName(QStringLiteral("addPool"));
    connect(add, &QPushButton::clicked, this, &WorkerPoolsPage::addPool);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_problem);
    layout->addWidget(scroll, 1);
    layout->addWidget(add, 0, Qt::AlignLeft);
}

void WorkerPoolsPage::initializePage()
{
    rebuild();
}

void WorkerPoolsPage::rebuild()
{
    for (PoolEditor *editor : m_editors)
        editor->deleteLater();
    m_editors.clear();
    const auto &context = m_wizard->context();
    for (size_t index = 0; index < m_wizard->draft().workers.size(); ++index) {
        auto *editor = new PoolEditor(int(index), context.machineTypes,
                                      context.capabilities.acceleratorTypes, this);
        editor->load(m_wizard->draft().workers[index]);
        connect(editor->removeButton(), &QPushButton::clicked, this, [this, index] {
            for (size_t i = 0; i < m_editors.size(); ++i)
                m_wizard->draft().workers[i] = m_editors[i]->pool();
            m_wizard->draft().workers.erase(m_wizard->draft().workers.begin() + qsizetype(index));
            rebuild();
        });
        m_poolsLayout->insertWidget(int(index), editor);
        m_editors.push_back(editor);
    }
}

void WorkerPoolsPage::addPool()
{
    auto &workers = m_wizard->draft().workers;
    for (size_t i = 0; i < m_editors.size(); ++i)
        workers[i] = m_editors[i]->pool();
    api::vertex::ResourcePool pool;
    pool.id = QStringLiteral("worker-pool%1").arg(workers.size() + 1);
    pool.machine.machineType = m_wizard->draft().head.machine.machineType;
    workers.push_back(pool);
    rebuild();
}

bool WorkerPoolsPage::validatePage()
{
    auto &draft = m_wizard->draft();
    for (size_t i = 0; i < m_editors.size(); ++i) {
        draft.workers[i] = m_editors[i]->pool();
        m_editors[i]->clearProblems();
    }
    m_problem->hide();
    QStringList pageProblems;
    bool ok = true;
    for (const auto &problem : draft.problems(m_wizard->maxNodes())) {
        if (problem.field.startsWith(QLatin1String("pools/"))) {
            const int index = problem.field.section(QLatin1Char('/'), 1, 1).toInt();
            m_editors[size_t(index)]->showProblem(problem.field.section(QLatin1Char('/'), 2),
                                                  problem.message);
            ok = false;
        } else if (problem.field == QLatin1String("pools")) {
            pageProblems << problem.message;
            ok = false;
        }
    }
    if (draft.workers.empty()) {
        pageProblems << tr("Add at least one worker pool: the head node runs no tasks.");
        ok = false;
    }
    if (!pageProblems.isEmpty())
        showError(pageProblems.join(QLatin1Char('\n')));
    return ok;
}

void WorkerPoolsPage::showError(const QString &message)
{
    m_problem->setText(message);
    m_problem->show();
}

} // namespace rov::ui
