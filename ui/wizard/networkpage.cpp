#include "networkpage.h"

#include "createclusterwizard.h"
#include "palette.h"

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
    : QWizardPage(wizard), m_wizard(wizard),
      m_public(new QRadioButton(tr("Public endpoint (default)"), this)),
      m_peering(new QRadioButton(tr("VPC network peering"), this)),
      m_psc(new QRadioButton(tr("Private Service Connect interface"), this)),
      m_network(new QLineEdit(this)), m_ranges(new QLineEdit(this)),
      m_attachment(new QLineEdit(this)), m_serviceAccount(new QLineEdit(this)),
      m_kmsKey(new QLineEdit(this)),
      m_metrics(new QCheckBox(tr("Export Ray metrics to Cloud Monitoring"), this)),
      m_logs(new QCheckBox(tr("Export Ray logs to Cloud Logging"), this)),
      m_labels(new QPlainTextEdit(this)), m_problem(new QLabel(this))
{
    setTitle(tr("Networking and security"));
    setSubTitle(tr("All optional. The local backend records these settings; Google Cloud applies "
                   "them."));
    m_network->setObjectName(QStringLiteral("network"));
    m_network->setPlaceholderText(tr("projects/PROJECT_NUMBER/global/networks/NETWORK"));
    m_ranges->setPlaceholderText(tr("reserved ranges, comma separated"));
    m_attachment->setObjectName(QStringLiteral("networkAttachment"));
    m_attachment->setPlaceholderText(
        tr("projects/PROJECT/regions/REGION/networkAttachments/ATTACHMENT"));
    m_serviceAccount->setPlaceholderText(tr("default: the Vertex AI service agent"));
    m_kmsKey->setPlaceholderText(tr("projects/P/locations/L/keyRings/R/cryptoKeys/K"));
    m_labels->setObjectName(QStringLiteral("labels"));
    m_labels->setPlaceholderText(tr("one key=value per line"));
    m_labels->setMaximumHeight(90);
    m_labels->setTabChangesFocus(true);
    m_problem->setStyleSheet(palette::errorTextStyle());
    m_problem->setWordWrap(true);
    m_problem->hide();
    for (auto [widget, name] : {std::pair<QWidget *, QString>{m_network, tr("VPC network")},
                                {m_ranges, tr("Reserved IP ranges")},
                                {m_attachment, tr("Network attachment")},
                                {m_serviceAccount, tr("Service account")},
                                {m_kmsKey, tr("Encryption key")},
                                {m_labels, tr("Labels")}})
        widget->setAccessibleName(name);

    auto *networking = new QGroupBox(tr("Networking"), this);
    auto *netForm = new QFormLayout(networking);
    netForm->addRow(m_public);
    netForm->addRow(m_peering);
    netForm->addRow(tr("Network:"), m_network);
    netForm->addRow(tr("Reserved IP ranges:"), m_ranges);
    netForm->addRow(m_psc);
    netForm->addRow(tr("Network attachment:"), m_attachment);
    const auto updateEnabled = [this] {
        m_network->setEnabled(m_peering->isChecked());
        m_ranges->setEnabled(m_peering->isChecked());
        m_attachment->setEnabled(m_psc->isChecked());
    };
    for (QRadioButton *radio : {m_public, m_peering, m_psc})
        connect(radio, &QRadioButton::toggled, this, updateEnabled);
    m_public->setChecked(true);
    updateEnabled();

    auto *security = new QGroupBox(tr("Security and observability"), this);
    auto *secForm = new QFormLayout(security);
    secForm->addRow(tr("Service account:"), m_serviceAccount);
    secForm->addRow(tr("Encryption key (CMEK):"), m_kmsKey);
    secForm->addRow(m_metrics);
    secForm->addRow(m_logs);
    secForm->addRow(tr("Labels:"), m_labels);

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
