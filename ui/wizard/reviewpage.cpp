#include "reviewpage.h"

#include "clusternamepage.h"
#include "codebox.h"
#include "core/costestimator.h"
#include "core/palette.h"
#include "createclusterwizard.h"
#include "texts.h"
#include "workerpoolspage.h"

#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace rov::ui {

ReviewPage::ReviewPage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_summary(new QLabel(this)), m_cost(new QLabel(this)),
      m_error(new QLabel(this))
{
    auto *texts = new Texts(this);
    texts->bind(this, &QWizardPage::setTitle, [] { return tr("Review"); });
    setCommitPage(true);
    texts->bind([this](const QString &text) { setButtonText(QWizard::CommitButton, text); },
                [] { return tr("&Create"); });
    m_summary->setWordWrap(true);
    m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_cost->setObjectName(QStringLiteral("costEstimate"));
    m_error->setObjectName(QStringLiteral("createError"));
    m_error->setStyleSheet(palette::errorTextStyle());
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_summary);
    layout->addWidget(m_cost);
    layout->addWidget(m_error);
    m_rest = new CodeBox(QString(), this);
    m_python = new CodeBox(QString(), this);
    texts->bind(m_rest, &CodeBox::setTitle, [] { return tr("REST request"); });
    texts->bind(m_python, &CodeBox::setTitle, [] { return tr("Python (Vertex AI SDK)"); });
    texts->onChange([this] {
        if (m_wizard->currentPage() == this)
            showSummary();
    });
    for (CodeBox *box : {m_rest, m_python}) {
        box->editor()->setLineWrapMode(QPlainTextEdit::NoWrap);
        layout->addWidget(box, 1);
    }
}

void ReviewPage::initializePage()
{
    m_accepted = false;
    m_error->hide();
    showSummary();
}

void ReviewPage::showSummary()
{
    const auto &draft = m_wizard->draft();
    const auto &context = m_wizard->context();
    QStringList pools{tr("Head: %1").arg(draft.head.machine.machineType)};
    for (const auto &pool : draft.workers)
        pools << (pool.autoscaling ? tr("%1: %2, autoscaling %3–%4 nodes")
                                         .arg(pool.id, pool.machine.machineType)
                                         .arg(pool.autoscaling->first)
                                         .arg(pool.autoscaling->second)
                                   : tr("%1: %2 × %3")
                                         .arg(pool.id, pool.machine.machineType)
                                         .arg(pool.replicaCount));
    m_summary->setText(
        tr("<b>%1</b> in %2, Ray %3, Python %4<br>%5")
            .arg(draft.id.toHtmlEscaped(), draft.region, draft.rayVersion, draft.pythonVersion,
                 pools.join(QStringLiteral("<br>"))
                     .toHtmlEscaped()
                     .replace(QStringLiteral("&lt;br&gt;"), QStringLiteral("<br>"))));
    if (context.costs) {
        std::vector<api::vertex::ResourcePool> all{draft.head};
        all.insert(all.end(), draft.workers.begin(), draft.workers.end());
        const auto range = context.costs->plannedPerHour(all);
        QString text =
            range.low == range.high
                ? tr("Estimated cost: $%1 per hour while running").arg(range.low, 0, 'f', 2)
                : tr("Estimated cost: $%1 to $%2 per hour while running")
                      .arg(range.low, 0, 'f', 2)
                      .arg(range.high, 0, 'f', 2);
        if (!range.complete)
            text += tr(" (some machine types have no list price here)");
        m_cost->setText(text + tr(" — an estimate from on-demand list prices."));
    }
    const QUrl base = context.client ? context.client->endpoint().baseUrl : QUrl();
    const QString project = context.client ? context.client->endpoint().project : QString();
    m_rest->setText(draft.restUrl(base, project) + QStringLiteral("\n\n") + draft.restBody());
    m_python->setText(draft.pythonCall(project));
}

bool ReviewPage::isComplete() const
{
    return !m_sending;
}

QString ReviewPage::errorText() const
{
    return m_error->isVisible() ? m_error->text() : QString();
}

bool ReviewPage::validatePage()
{
    if (m_accepted)
        return true;
    create();
    return false; // moves on when the backend has accepted the request
}

void ReviewPage::create()
{
    auto *client = m_wizard->context().client.data();
    if (m_sending)
        return;
    if (!client) {
        m_error->setText(tr("The connection to the backend was closed; open the wizard again."));
        m_error->show();
        return;
    }
    m_sending = true;
    m_error->hide();
    Q_EMIT completeChanged();
    const auto &draft = m_wizard->draft();
    const QString name =
        client->endpoint().parent() + QStringLiteral("/persistentResources/") + draft.id;
    client->createCluster(draft.id, draft.toResource(), this, [this, name](auto result) {
        m_sending = false;
        Q_EMIT completeChanged();
        if (result.ok()) {
            m_accepted = true;
            m_wizard->setCreatedName(name);
            m_wizard->setProperty("operation", result.value);
            Q_EMIT m_wizard->clusterCreated(name);
            m_wizard->next();
            return;
        }
        const auto &error = *result.error;
        // Put the refusal where it can be fixed.
        if (error.status == QLatin1String("ALREADY_EXISTS") ||
            error.message.contains(QLatin1String("persistentResourceId"))) {
            const QString text = error.status == QLatin1String("ALREADY_EXISTS")
                                     ? tr("A cluster with this id exists already.")
                                     : error.message;
            while (m_wizard->currentId() != CreateClusterWizard::NameStep)
                m_wizard->back();
            static_cast<ClusterNamePage *>(m_wizard->page(CreateClusterWizard::NameStep))
                ->showIdError(text);
            return;
        }
        if (error.status == QLatin1String("RESOURCE_EXHAUSTED") ||
            error.message.contains(QLatin1String("resourcePools"))) {
            while (m_wizard->currentId() != CreateClusterWizard::PoolsStep)
                m_wizard->back();
            static_cast<WorkerPoolsPage *>(m_wizard->page(CreateClusterWizard::PoolsStep))
                ->showError(error.message);
            return;
        }
        m_error->setText(tr("The backend refused the cluster: %1").arg(error.message));
        m_error->show();
    });
}

} // namespace rov::ui
