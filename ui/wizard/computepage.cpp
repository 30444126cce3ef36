#include "computepage.h"

#include "createclusterwizard.h"
#include "machinefields.h"
#include "texts.h"

#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLineEdit>
#include <QVBoxLayout>

namespace rov::ui {

namespace {

QStringList orDefault(const QStringList &offered, const QStringList &fallback)
{
    return offered.isEmpty() ? fallback : offered;
}

} // namespace

ComputePage::ComputePage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_rayVersion(new QComboBox(this)),
      m_pythonVersion(new QComboBox(this)), m_image(new QLineEdit(this))
{
    auto *texts = new Texts(this);
    texts->bind(this, &QWizardPage::setTitle, [] { return tr("Compute"); });
    texts->bind(this, &QWizardPage::setSubTitle, [] {
        return tr("The head node runs Ray's control processes; as on Google Cloud it gets no CPUs "
                  "for tasks.");
    });
    const auto &capabilities = wizard->context().capabilities;
    m_head = new MachineFields(wizard->context().machineTypes, capabilities.acceleratorTypes,
                               QStringLiteral("head-"), this);
    m_rayVersion->setObjectName(QStringLiteral("rayVersion"));
    m_rayVersion->addItems(
        orDefault(capabilities.rayVersions,
                  {QStringLiteral("2.47"), QStringLiteral("2.42"), QStringLiteral("2.33")}));
    texts->bind(m_rayVersion, &QWidget::setAccessibleName, [] { return tr("Ray version"); });
    m_pythonVersion->setObjectName(QStringLiteral("pythonVersion"));
    m_pythonVersion->addItems(
        orDefault(capabilities.pythonVersions, {QStringLiteral("3.11"), QStringLiteral("3.10")}));
    texts->bind(m_pythonVersion, &QWidget::setAccessibleName, [] { return tr("Python version"); });
    m_image->setObjectName(QStringLiteral("customImage"));
    texts->bind(m_image, &QLineEdit::setPlaceholderText,
                [] { return tr("optional: a custom container image"); });
    texts->bind(m_image, &QWidget::setAccessibleName, [] { return tr("Custom image"); });

    auto *headBox = new QGroupBox(this);
    texts->bind(headBox, &QGroupBox::setTitle, [] { return tr("Head node"); });
    auto *headLayout = new QVBoxLayout(headBox);
    headLayout->addWidget(m_head);
    auto *runtime = new QGroupBox(this);
    texts->bind(runtime, &QGroupBox::setTitle, [] { return tr("Runtime"); });
    auto *form = new QFormLayout(runtime);
    texts->row(form, m_rayVersion, [] { return tr("Ray &version:"); });
    texts->row(form, m_pythonVersion, [] { return tr("&Python version:"); });
    texts->row(form, m_image, [] { return tr("Custom &image:"); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(headBox);
    layout->addWidget(runtime);
    layout->addStretch();
}

void ComputePage::initializePage()
{
    const auto &draft = m_wizard->draft();
    m_head->load(draft.head);
    m_rayVersion->setCurrentText(draft.rayVersion);
    m_pythonVersion->setCurrentText(draft.pythonVersion);
    m_image->setText(draft.customImage);
}

bool ComputePage::validatePage()
{
    auto &draft = m_wizard->draft();
    m_head->store(draft.head);
    draft.rayVersion = m_rayVersion->currentText();
    draft.pythonVersion = m_pythonVersion->currentText();
    draft.customImage = m_image->text().trimmed();
    return true;
}

} // namespace rov::ui
