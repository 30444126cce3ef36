// Project setup against a real rovd: a Google Cloud profile pointed at rovd's URL tests its
// connection with each credential kind, and a pasted token never lands in the plain settings.
#include "core/backendsession.h"
#include "core/secretstore.h"
#include "projectsetupdialog.h"
#include "rovdfixture.h"

#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using rov::core::Profile;
using rov::ui::ProjectSetupDialog;

class TestProjectSetup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QFile::remove(rov::core::SecretStore::defaultPath());
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
    }

    void testsAGoogleCloudProfileWithEachCredentialKind_data()
    {
        QTest::addColumn<int>("credentials");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pasted admin token")
            << int(Profile::Credentials::AccessToken) << QString::fromLatin1(m_rovd.adminToken())
            << QStringLiteral("Connected. Clusters in projects/demo/locations/europe-west4: 0");
        QTest::newRow("pasted bad token")
            << int(Profile::Credentials::AccessToken) << QStringLiteral("not-a-token")
            << QStringLiteral("Failed: The bearer token is not one of rovd's tokens");
        QTest::newRow("token command")
            << int(Profile::Credentials::TokenCommand)
            << QStringLiteral("echo %1").arg(QString::fromLatin1(m_rovd.userToken()))
            << QStringLiteral("Connected. Clusters in projects/demo/locations/europe-west4: 0");
        QTest::newRow("application default")
            << int(Profile::Credentials::ApplicationDefault) << QString()
            << QStringLiteral("Failed: The backend wants a token, and this credential type "
                              "cannot get one yet");
    }

    void testsAGoogleCloudProfileWithEachCredentialKind()
    {
        QFETCH(int, credentials);
        QFETCH(QString, token);
        QFETCH(QString, expected);
        rov::core::ProfileStore store;
        ProjectSetupDialog dialog(store, QString(), nullptr);
        dialog.show();
        dialog.findChild<QRadioButton *>(QStringLiteral("backendGoogleCloud"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("project"))->setText(QStringLiteral("demo"));
        dialog.findChild<QComboBox *>(QStringLiteral("cloudRegion"))
            ->setCurrentText(QStringLiteral("europe-west4"));
        dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))
            ->setText(m_rovd.url(QString()).toString());
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("credentialKind"));
        kind->setCurrentIndex(kind->findData(credentials));
        if (credentials == int(Profile::Credentials::TokenCommand))
            dialog.findChild<QLineEdit *>(QStringLiteral("tokenCommand"))->setText(token);
        else
            dialog.findChild<QLineEdit *>(QStringLiteral("accessToken"))->setText(token);
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        QTRY_VERIFY2_WITH_TIMEOUT(result->text().startsWith(expected), qPrintable(result->text()),
                                  15000);
    }

    void aPastedTokenIsKeptOutOfTheSettings()
    {
        rov::core::ProfileStore store;
        ProjectSetupDialog dialog(store, QString(), nullptr);
        dialog.findChild<QRadioButton *>(QStringLiteral("backendGoogleCloud"))->setChecked(true);
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("credentialKind"));
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::AccessToken)));
        dialog.findChild<QLineEdit *>(QStringLiteral("accessToken"))
            ->setText(QStringLiteral("secret-token-123"));
        dialog.findChild<QLineEdit *>(QStringLiteral("project"))->setText(QStringLiteral("demo"));
        QMetaObject::invokeMethod(&dialog, [&dialog] {
            dialog.findChild<QPushButton *>(QStringLiteral("saveProfile"))->click();
        });
        QTRY_COMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(store.current().backend, Profile::Backend::GoogleCloud);
        QCOMPARE(store.current().project, QStringLiteral("demo"));
        QSettings settings;
        settings.sync();
        QFile plain(settings.fileName());
        QVERIFY(plain.open(QIODevice::ReadOnly));
        QVERIFY(!plain.readAll().contains("secret-token-123"));
        QFile secrets(rov::core::SecretStore::defaultPath());
        QVERIFY(secrets.exists());
        QCOMPARE(secrets.permissions() & ~(QFileDevice::ReadUser | QFileDevice::WriteUser),
                 QFileDevice::ReadOwner | QFileDevice::WriteOwner);
        QCOMPARE(rov::core::SecretStore().get(
                     QStringLiteral("profile/%1/accessToken").arg(store.current().id)),
                 QByteArray("secret-token-123"));
    }

private:
    QTemporaryDir m_data;
    rov::test::RovdFixture m_rovd{
        m_data.path(), QStringLiteral("/tmp/rovp-%1").arg(QCoreApplication::applicationPid())};
};

QTEST_MAIN(TestProjectSetup)
#include "tst_projectsetup.moc"
