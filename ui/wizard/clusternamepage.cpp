#include "clusternamepage.h"

#include "core/palette.h"
#include "createclusterwizard.h"
#include "texts.h"

#include <QComboBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>

namespace rov::ui {

ClusterNamePage::ClusterNamePage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_id(new QLineEdit(this)),
      m_idProblem(new QLabel(this)), m_displayName(new QLineEdit(this)),
      m_region(new QComboBox(this))
{
    auto *texts = new Texts(this);
    texts->bind(this, &QWizardPage::setTitle, [] { return tr("Name and region"); });
    texts->bind(this, &QWizardPage::setSubTitle,
                [] { return tr("The id names the cluster in the API and cannot change later."); });
    m_id->setObjectName(QStringLiteral("clusterId"));
    texts->bind(m_id, &QWidget::setAccessibleName, [] { return tr("Cluster id"); });
    texts->bind(m_id, &QLineEdit::setPlaceholderText, [] { return tr("e.g. my-ray-cluster"); });
    m_idProblem->setObjectName(QStringLiteral("clusterIdProblem"));
    m_idProblem->setStyleSheet(palette::errorTextStyle());
    m_idProblem->setWordWrap(true);
    m_displayName->setObjectName(QStringLiteral("displayName"));
    texts->bind(m_displayName, &QWidget::setAccessibleName, [] { return tr("Display name"); });
    m_region->setObjectName(QStringLiteral("region"));
    m_region->addItem(wizard->draft().region);
    m_region->setEnabled(false); // the profile's region; change it in Project setup
    texts->bind(m_region, &QWidget::setToolTip, [] {
        return tr("Clusters are created in the region of the current project setup");
    });

    auto *form = new QFormLayout(this);
    texts->row(form, m_id, [] { return tr("Cluster &id:"); });
    form->addRow(QString(), m_idProblem);
    texts->row(form, m_displayName, [] { return tr("&Display name:"); });
    texts->row(form, m_region, [] { return tr("&Region:"); });
    auto *rule = new QLabel(this);
    texts->bind(rule, &QLabel::setText, [] {
        return tr("1 to 63 characters: lower-case letters, digits and hyphens, starting with a "
                  "letter and not ending with a hyphen.");
    });
    rule->setWordWrap(true);
    form->addRow(QString(), rule);
    texts->onChange([this] { check(); }); // the problem under the field is a sentence
    connect(m_id, &QLineEdit::textChanged, this, &ClusterNamePage::check);
    check();
}

void ClusterNamePage::check()
{
    const auto problem = api::vertex::checkClusterId(m_id->text());
    // An empty field is not an error yet, only incomplete.
    m_idProblem->setText(m_id->text().isEmpty() ? QString()
                                                : core::ClusterDraft::idProblemText(problem));
    Q_EMIT completeChanged();
}

bool ClusterNamePage::isComplete() const
{
    return api::vertex::checkClusterId(m_id->text()) == api::vertex::IdProblem::None;
}

bool ClusterNamePage::validatePage()
{
    m_wizard->draft().id = m_id->text();
    m_wizard->draft().displayName = m_displayName->text().trimmed();
    return isComplete();
}

void ClusterNamePage::showIdError(const QString &message)
{
    m_idProblem->setText(message);
    m_id->setFocus();
    m_id->selectAll();
}

} // namespace rov::ui
