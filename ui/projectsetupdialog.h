#pragma once

#include "core/backendsession.h"
#include "core/profile.h"

#include <QDialog>
#include <QPointer>

class QComboBox;
class QDialogButtonBox;
class QLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QStackedWidget;

namespace rov::core {}

namespace rov::ui {

class Texts;

// Project setup: profiles, each with a backend ("This computer" or Google Cloud), and a
// connection test.
class ProjectSetupDialog : public QDialog
{
    Q_OBJECT
public:
    ProjectSetupDialog(core::ProfileStore &store, QString rovdProgram,
                       core::BackendSession *current, QWidget *parent = nullptr);

    core::Profile chosen() const { return m_profile; }

private:
    void nameFields(Texts *texts);
    QLayout *makeProfileRow(Texts *texts);
    QWidget *makeLocalPage(Texts *texts);
    QWidget *makeCloudPage(Texts *texts);
    QDialogButtonBox *saveButtons(Texts *texts);
    void showCredentialFields();
    void describeCredentials();
    void endTest();
    void stopRovdNow();
    void showSecretsPlace();
    void saveAndUse();
    void loadProfiles(const QString &selectId);
    void showProfile(const core::Profile &profile);
    core::Profile editedProfile() const;
    void testConnection();
    void startTest(const core::Profile &profile);
    void showLocalStatus();
    void stopRovd();

    core::ProfileStore &m_store;
    QString m_rovdProgram;
    QPointer<core::BackendSession> m_current;
    QPointer<core::BackendSession> m_testing;
    core::Profile m_profile;
    QComboBox *m_profiles;
    QLineEdit *m_name;
    QRadioButton *m_local;
    QRadioButton *m_cloud;
    QStackedWidget *m_pages;
    QLineEdit *m_rovdUrl;
    QLineEdit *m_rovdDataDir;
    QLabel *m_localStatus;
    QPushButton *m_stopRovd;
    QLineEdit *m_project;
    QComboBox *m_region;
    QLineEdit *m_baseUrl;
    QComboBox *m_credentials;
    QLineEdit *m_keyFile;
    QLineEdit *m_tokenCommand;
    QLineEdit *m_accessToken;
    QLabel *m_credentialInfo; // who the credentials sign in as, or what is wrong with them
    QLabel *m_secretsPlace;
    QPushButton *m_save = nullptr;
    QLabel *m_testResult;
};

} // namespace rov::ui
