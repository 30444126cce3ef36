#pragma once

#include <QWizardPage>

class QComboBox;
class QLineEdit;

namespace rov::ui {

class CreateClusterWizard;
class MachineFields;

// Step 2: the head node's machine, the Ray and Python versions, an optional custom image.
class ComputePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ComputePage(CreateClusterWizard *wizard);
    void initializePage() override;
    bool validatePage() override;

private:
    CreateClusterWizard *m_wizard;
    MachineFields *m_head;
    QComboBox *m_rayVersion;
    QComboBox *m_pythonVersion;
    QLineEdit *m_image;
};

} // namespace rov::ui
