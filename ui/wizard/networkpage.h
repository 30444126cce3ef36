#pragma once

#include <QWizardPage>

class QCheckBox;
class QLineEdit;
class QPlainTextEdit;
class QRadioButton;
class QLabel;

namespace rov::ui {

class CreateClusterWizard;

// Step 4: networking (public, VPC peering or a PSC interface), service account, CMEK key,
// metrics and log export, labels.
class NetworkPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit NetworkPage(CreateClusterWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    CreateClusterWizard *m_wizard;
    QRadioButton *m_public;
    QRadioButton *m_peering;
    QRadioButton *m_psc;
    QLineEdit *m_network;
    QLineEdit *m_ranges;
    QLineEdit *m_attachment;
    QLineEdit *m_serviceAccount;
    QLineEdit *m_kmsKey;
    QCheckBox *m_metrics;
    QCheckBox *m_logs;
    QPlainTextEdit *m_labels;
    QLabel *m_problem;
};

} // namespace rov::ui
