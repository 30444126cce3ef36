#include "networkpage.h"

#include "core/palette.h"
#include "createclusterwizard.h"
#include "texts.h"

#include <QCheckBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace rov::ui {

NetworkPage::NetworkPage(CreateClusterWizard *wizard)
    : QWizardPage(wizard), m_wizard(wizard), m_public(new QRadioButton(this)),
      m_peering(new QRadioButton(this)), m_psc(new QRadioButton(this)),
      m_network(new QLineEdit(this)), m_ranges(new QLineEdit(this)),
      m_attachment(new QLineEdit(this)), m_serviceAccount(new QLineEdit(this)),
      m_kmsKey(new QLineEdit(this)), m_metrics(new QCheckBox(this)), m_logs(new QCheckBox(this)),
      m_labels(new QPlainTextEdit(this)), m_problem(new QLabel(this))
{
    auto *texts = new Texts(this);
    const std::pair<QAbstractButton *, Texts::Text> choices[] = {
        {m_public, [] { return tr("Public endpoint (default)"); }},
        {m_peering, [] { return tr("VPC network peering"); }},
        {m_psc, [] { return tr("Private Service Connect interface"); }},
        {m_metrics, [] { return tr("Export Ray metrics to Cloud Monitoring"); }},
        {m_logs, [] { return tr("Export Ray logs to Cloud Logging"); }}};
    for (const auto &[button, text] : choices)
        texts->bind(button, &QAbstractButton::setText, text);
    texts->bind(this, &QWizardPage::setTitle, [] { return tr("Networking and security"); });
    texts->bind(this, &QWizardPage::setSubTitle, [] {
        return tr(
            "All optional. The local backend records these settings; Google Cloud applies them.");
    });
    m_network->setObjectName(QStringLiteral("network"));
    texts->bind(m_network, &QLineEdit::setPlaceholderText,
                [] { return tr("projects/PROJECT_NUMBER/global/networks/NETWORK"); });
    texts->bind(m_ranges, &QLineEdit::setPlaceholderText,
                [] { return tr("reserved ranges, comma separated"); });
    m_attachment->setObjectName(QStringLiteral("networkAttachment"));
    texts->bind(m_attachment, &QLineEdit::setPlaceholderText,
                [] { return tr("projects/PROJECT/regions/REGION/networkAttachments/ATTACHMENT"); });
    texts->bind(m_serviceAccount, &QLineEdit::setPlaceholderText,
                [] { return tr("default: the Vertex AI service agent"); });
    texts->bind(m_kmsKey, &QLineEdit::setPlaceholderText,
                [] { return tr("projects/P/locations/L/keyRings/R/cryptoKeys/K"); });
    m_labels->setObjectName(QStringLiteral("labels"));
    texts->bind(m_labels, &QPlainTextEdit::setPlaceholderText,
                [] { return tr("one key=value per line"); });
    m_labels->setMaximumHeight(90);
    m_labels->setTabChangesFocus(true);
    m_problem->setStyleSheet(palette::errorTextStyle());
    m_problem->setWordWrap(true);
    m_problem->hide();
    const std::pair<QWidget *, Texts::Text> names[] = {
        {m_network, [] { return tr("VPC network"); }},
        {m_ranges, [] { return tr("Reserved IP ranges"); }},
        {m_attachment, [] { return tr("Network attachment"); }},
        {m_serviceAccount, [] { return tr("Service account"); }},
        {m_kmsKey, [] { return tr("Encryption key"); }},
        {m_labels, [] { return tr("Labels"); }}};
    for (const auto &[widget, name] : names)
        texts->bind(widget, &QWidget::setAccessibleName, name);

    auto *networking = new QGroupBox(this);
    texts->bind(networking, &QGroupBox::setTitle, [] { return tr("Networking"); });
    auto *netForm = new QFormLayout(networking);
    netForm->addRow(m_public);
    netForm->addRow(m_peering);
    texts->row(netForm, m_network, [] { return tr("Network:"); });
    texts->row(netForm, m_ranges, [] { return tr("Reserved IP ranges:"); });
    netForm->addRow(m_psc);
    texts->row(netForm, m_attachment, [] { return tr("Network attachment:"); });
    const auto updateEnabled = [this] {
        m_network->setEnabled(m_peering->isChecked());
        m_ranges->setEnabled(m_peering->isChecked());
        m_attachment->setEnabled(m_psc->isChecked());
    };
    for (QRadioButton *radio : {m_public, m_peering, m_psc})
        connect(radio, &QRadioButton::toggled, this, updateEnabled);
    m_public->setChecked(true);
    updateEnabled();

    auto *security = new QGroupBox(this);
    texts->bind(security, &QGroupBox::setTitle, [] { return tr("Security and observability"); });
    auto *secForm = new QFormLayout(security);
    texts->row(secForm, m_serviceAccount, [] { return tr("Service account:"); });
    texts->row(secForm, m_kmsKey, [] { return tr("Encryption key (CMEK):"); });
    secForm->addRow(m_metrics);
    secForm->addRow(m_logs);
    texts->row(secForm, m_labels, [] { return tr("Labels:"); });

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(networking);
    layout->addWidget(security);
    layout->addWidget(m_problem);
    layout->addStretch();
}

void NetworkPage::initializePage()
{
    const auto &draft = m_wizard->draft();
    m_metrics->setChecked(draft.metricsExport);
    m_logs->setChecked(draft.logsExport);
}

bool NetworkPage::validatePage()
{
    auto &draft = m_wizard->draft();
    draft.network = m_peering->isChecked() ? m_network->text().trimmed() : QString();
    draft.reservedIpRanges.clear();
    if (m_peering->isChecked()) {
        for (const QString &range : m_ranges->text().split(QLatin1Char(','), Qt::SkipEmptyParts))
            draft.reservedIpRanges << range.trimmed();
    }
    draft.networkAttachment = m_psc->isChecked() ? m_attachment->text().trimmed() : QString();
    draft.serviceAccount = m_serviceAccount->text().trimmed();
    draft.kmsKeyName = m_kmsKey->text().trimmed();
    draft.metricsExport = m_metrics->isChecked();
    draft.logsExport = m_logs->isChecked();
    draft.labels.clear();
    static const QRegularExpression labelKey(QStringLiteral("^[a-z][a-z0-9_-]{0,62}$"));
    QStringList problems;
    if (m_peering->isChecked() && draft.network.isEmpty())
        problems << tr("VPC peering needs the network's full name.");
    if (m_psc->isChecked() && draft.networkAttachment.isEmpty())
        problems << tr("A PSC interface needs a network attachment.");
    const QStringList lines = m_labels->toPlainText().split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines) {
        const QString key = line.section(QLatin1Char('='), 0, 0).trimmed();
        const QString value = line.section(QLatin1Char('='), 1).trimmed();
        if (!line.contains(QLatin1Char('=')) || !labelKey.match(key).hasMatch())
            problems << tr("Label \"%1\": write key=value; keys start with a lower-case letter.")
                            .arg(line.trimmed());
        else
            draft.labels[key] = value;
    }
    m_problem->setText(problems.join(QLatin1Char('\n')));
    m_problem->setVisible(!problems.isEmpty());
    return problems.isEmpty();
}

} // namespace rov::ui
