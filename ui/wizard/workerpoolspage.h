#pragma once

#include <QWizardPage>
#include <vector>

class QLabel;
class QVBoxLayout;

namespace rov::ui {

class CreateClusterWizard;
class PoolEditor;

// Step 3: the worker pools; add and remove them, each fixed or autoscaling.
class WorkerPoolsPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit WorkerPoolsPage(CreateClusterWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    // Shows a backend refusal about the pools on the page.
    void showError(const QString &message);

private:
    void addPool();
    void rebuild();

    CreateClusterWizard *m_wizard;
    QVBoxLayout *m_poolsLayout;
    std::vector<PoolEditor *> m_editors;
    QLabel *m_problem;
};

} // namespace rov::ui
