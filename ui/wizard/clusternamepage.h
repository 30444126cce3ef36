#pragma once

#include <QWizardPage>

class QLabel;
class QLineEdit;
class QComboBox;

namespace rov::ui {

class CreateClusterWizard;

// Step 1: the cluster's id (checked live against the API's rule), display name and region.
class ClusterNamePage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ClusterNamePage(CreateClusterWizard *wizard);

    bool isComplete() const override;
    bool validatePage() override;
    // Shows a backend's refusal of the id at the field.
    void showIdError(const QString &message);

private:
    void check();

    CreateClusterWizard *m_wizard;
    QLineEdit *m_id;
    QLabel *m_idProblem;
    QLineEdit *m_displayName;
    QComboBox *m_region;
};

} // namespace rov::ui
