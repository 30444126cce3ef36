#pragma once

#include <QWizardPage>

class QLabel;

namespace rov::ui {

class CodeBox;
class CreateClusterWizard;

// Step 5: what will be created, its hourly estimate, the exact REST body and the equivalent
// Python call. "Create" sends the request; the wizard moves on once the backend accepted it.
class ReviewPage : public QWizardPage
{
    Q_OBJECT
public:
    explicit ReviewPage(CreateClusterWizard *wizard);
    void initializePage() override;
    bool validatePage() override;
    bool isComplete() const override;
    QString errorText() const;

private:
    void showSummary();
    void create();

    CreateClusterWizard *m_wizard;
    QLabel *m_summary;
    QLabel *m_cost;
    QLabel *m_error;
    CodeBox *m_rest;
    CodeBox *m_python;
    bool m_sending = false;
    bool m_accepted = false;
};

} // namespace rov::ui
