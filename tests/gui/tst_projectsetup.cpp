// Project setup against a real rovd: a Google Cloud profile pointed at rovd's URL tests its
// connection with each credential kind (the Google sign-ins through a token endpoint and a
// metadata server that issue rovd's admin token), and a pasted token never lands in the plain
// settings.
#include "core/backendsession.h"
#include "core/languagemanager.h"
#include "core/secretstore.h"
#include "languagewalk.h"
#include "projectsetupdialog.h"
#include "rovdfixture.h"
#include "screenshots.h"
#include "tokenfixture.h"

#include <QComboBox>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QSettings>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

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
        // No desktop keyring here: pasted tokens go to the 0600 file (tst_secretstore tries a
        // real one).
        qputenv("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus");
        qunsetenv("DISPLAY");
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US")))); // English plurals
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        m_keys = rov::test::makeRsaKeyPair(m_dir.path());
        rov::test::TokenFixture::Config config;
        config.accessToken = m_rovd.adminToken();
        config.publicKeyPem = m_keys.publicPem;
        m_tokens = std::make_unique<rov::test::TokenFixture>(config);
        m_keyFile =
            writeFile(QStringLiteral("key.json"),
                      nlohmann::json{{"type", "service_account"},
                                     {"project_id", "demo-keys"},
                                     {"private_key", m_keys.privatePem.toStdString()},
                                     {"client_email", config.serviceAccount.toStdString()},
                                     {"token_uri", m_tokens->tokenUrl().toString().toStdString()}}
                          .dump());
        QDir(m_dir.path()).mkpath(QStringLiteral("gcloud"));
        writeFile(QStringLiteral("gcloud/application_default_credentials.json"),
                  nlohmann::json{{"type", "authorized_user"},
                                 {"client_id", config.clientId.toStdString()},
                                 {"client_secret", config.clientSecret.toStdString()},
                                 {"refresh_token", config.refreshToken.toStdString()},
                                 {"token_uri", m_tokens->tokenUrl().toString().toStdString()}}
                      .dump());
        QDir(m_dir.path()).mkpath(QStringLiteral("empty"));
    }

    void init()
    {
        qunsetenv("GOOGLE_APPLICATION_CREDENTIALS");
        qputenv("CLOUDSDK_CONFIG", m_dir.filePath(QStringLiteral("empty")).toUtf8());
        qputenv("GCE_METADATA_HOST", "127.0.0.1:9"); // nothing listens on the discard port
    }

    void testsAGoogleCloudProfileWithEachCredentialKind_data()
    {
        QTest::addColumn<int>("credentials");
        QTest::addColumn<QString>("token");
        QTest::addColumn<QString>("expected");
        QTest::addColumn<QByteArray>("environment");
        QTest::newRow("pasted admin token")
            << int(Profile::Credentials::AccessToken) << QString::fromLatin1(m_rovd.adminToken())
            << QStringLiteral("Connected. 0 clusters in projects/demo/locations/europe-west4.")
            << QByteArray();
        QTest::newRow("pasted bad token")
            << int(Profile::Credentials::AccessToken) << QStringLiteral("not-a-token")
            << QStringLiteral("Failed: The bearer token is not one of rovd's tokens")
            << QByteArray();
        QTest::newRow("nothing pasted")
            << int(Profile::Credentials::AccessToken) << QString()
            << QStringLiteral("Failed: Could not sign in: No access token is saved for this "
                              "profile")
            << QByteArray();
        QTest::newRow("token command")
            << int(Profile::Credentials::TokenCommand)
            << QStringLiteral("echo %1").arg(QString::fromLatin1(m_rovd.userToken()))
            << QStringLiteral("Connected. 0 clusters in projects/demo/locations/europe-west4.")
            << QByteArray();
        const auto row = [](const char *name, Profile::Credentials kind, const QString &field,
                            const QString &expected, const QByteArray &environment = {}) {
            QTest::newRow(name) << int(kind) << field << expected << environment;
        };
        row("service account key file", Profile::Credentials::ServiceAccountKey,
            m_dir.filePath(QStringLiteral("key.json")),
            QStringLiteral("Connected as console@demo.iam.gserviceaccount.com, with the key file"));
        row("application default: GOOGLE_APPLICATION_CREDENTIALS",
            Profile::Credentials::ApplicationDefault, QString(),
            QStringLiteral("Connected as console@demo.iam.gserviceaccount.com, with "
                           "GOOGLE_APPLICATION_CREDENTIALS"),
            "GOOGLE_APPLICATION_CREDENTIALS=" +
                m_dir.filePath(QStringLiteral("key.json")).toUtf8());
        row("application default: gcloud's user", Profile::Credentials::ApplicationDefault,
            QString(),
            QStringLiteral("Connected as ada@example.com, with gcloud's application default "
                           "credentials"),
            "CLOUDSDK_CONFIG=" + m_dir.filePath(QStringLiteral("gcloud")).toUtf8());
        row("application default: metadata server", Profile::Credentials::ApplicationDefault,
            QString(), QStringLiteral("Connected as "),
            "GCE_METADATA_HOST=" + m_tokens->metadataHost().toUtf8());
        row("application default: nothing found", Profile::Credentials::ApplicationDefault,
            QString(),
            QStringLiteral("Failed: Could not sign in: The metadata server at 127.0.0.1:9 did not "
                           "answer"));
    }

    void testsAGoogleCloudProfileWithEachCredentialKind()
    {
        QFETCH(int, credentials);
        QFETCH(QString, token);
        QFETCH(QString, expected);
        QFETCH(QByteArray, environment);
        if (!environment.isEmpty())
            qputenv(environment.left(environment.indexOf('=')).constData(),
                    environment.mid(environment.indexOf('=') + 1));
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
        else if (credentials == int(Profile::Credentials::ServiceAccountKey))
            dialog.findChild<QLineEdit *>(QStringLiteral("keyFile"))->setText(token);
        else if (credentials == int(Profile::Credentials::AccessToken))
            dialog.findChild<QLineEdit *>(QStringLiteral("accessToken"))->setText(token);
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        QTRY_VERIFY2_WITH_TIMEOUT(result->text().startsWith(expected), qPrintable(result->text()),
                                  15000);
    }

    void aHostThatDoesNotResolveEndsTheTestAtOnce()
    {
        // No network, or a wrong name: name resolution fails at once, and so does the test (it
        // once said "still trying" for more than 90 s).
        rov::core::ProfileStore store;
        ProjectSetupDialog dialog(store, QString(), nullptr);
        dialog.show();
        dialog.findChild<QRadioButton *>(QStringLiteral("backendGoogleCloud"))->setChecked(true);
        dialog.findChild<QLineEdit *>(QStringLiteral("project"))->setText(QStringLiteral("demo"));
        dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))
            ->setText(QStringLiteral("https://aiplatform.no-such-host.invalid/"));
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("credentialKind"));
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::TokenCommand)));
        dialog.findChild<QLineEdit *>(QStringLiteral("tokenCommand"))
            ->setText(QStringLiteral("echo a-token"));
        QElapsedTimer clock;
        clock.start();
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        QTRY_VERIFY2_WITH_TIMEOUT(
            result->text().startsWith(QStringLiteral("Failed: aiplatform.no-such-host.invalid "
                                                     "cannot be found")),
            qPrintable(result->text()), 20000);
        qInfo("the test ended after %lld ms", clock.elapsed());
        // It stays said: nothing follows up with "still trying".
        QTest::qWait(4000);
        QVERIFY2(result->text().startsWith(QStringLiteral("Failed: ")), qPrintable(result->text()));
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
        QCOMPARE(rov::core::SecretStore().fileGet(
                     rov::core::BackendSession::accessTokenKey(store.current().id)),
                 QByteArray("secret-token-123"));
    }

    void saysWhereSecretsGoAndWhoAKeySignsInAs()
    {
        rov::core::ProfileStore store;
        ProjectSetupDialog dialog(store, QString(), nullptr);
        dialog.findChild<QRadioButton *>(QStringLiteral("backendGoogleCloud"))->setChecked(true);
        auto *place = dialog.findChild<QLabel *>(QStringLiteral("secretsPlace"));
        QTRY_VERIFY2(place->text().startsWith(QStringLiteral("No desktop keyring answers")),
                     qPrintable(place->text()));
        QVERIFY(place->text().contains(rov::core::SecretStore::defaultPath()));

        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("credentialKind"));
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::ServiceAccountKey)));
        auto *keyFile = dialog.findChild<QLineEdit *>(QStringLiteral("keyFile"));
        auto *info = dialog.findChild<QLabel *>(QStringLiteral("credentialInfo"));
        keyFile->setText(m_keyFile);
        Q_EMIT keyFile->editingFinished();
        QCOMPARE(info->text(), QStringLiteral("Signs in as console@demo.iam.gserviceaccount.com, "
                                              "with the key file %1. The credentials belong to "
                                              "project demo-keys.")
                                   .arg(m_keyFile));
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::ApplicationDefault)));
        QVERIFY2(info->text().startsWith(QStringLiteral("No credentials file was found, so the "
                                                        "console will ask the metadata server")),
                 qPrintable(info->text()));
        qputenv("CLOUDSDK_CONFIG", m_dir.filePath(QStringLiteral("gcloud")).toUtf8());
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::ServiceAccountKey)));
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::ApplicationDefault)));
        QVERIFY2(info->text().startsWith(QStringLiteral("Signs in as a Google account (OAuth "
                                                        "client 764086051850), with gcloud's")),
                 qPrintable(info->text()));
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::ServiceAccountKey)));
        for (const auto &[contents, message] :
             {std::pair<QByteArray, QString>{"<html>", QStringLiteral("The file is not JSON")},
              {R"({"type": "service_account"})", QStringLiteral("The key file has no private_key")},
              {R"({"type": "external_account"})",
               QStringLiteral("The file's type is \"external_account\"")}}) {
            keyFile->setText(writeFile(QStringLiteral("bad.json"), contents));
            Q_EMIT keyFile->editingFinished();
            QVERIFY2(info->text().startsWith(message), qPrintable(info->text()));
        }
    }

    // The Google Cloud page after a key file signed in, in English and then in Chinese, with no
    // English word left; the screenshots of the README.
    void showsWhoSignedInInBothLanguages()
    {
        rov::core::LanguageManager &languages = m_languages;
        rov::core::ProfileStore store;
        ProjectSetupDialog dialog(store, QString(), nullptr);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        dialog.findChild<QPushButton *>(QStringLiteral("newProfile"))->click();
        auto *name = dialog.findChild<QLineEdit *>(QStringLiteral("profileName"));
        name->selectAll();
        QTest::keyClicks(name, QStringLiteral("Production"));
        QCOMPARE(dialog.findChild<QComboBox *>()->currentText(), QStringLiteral("Production"));
        dialog.findChild<QLineEdit *>(QStringLiteral("project"))->setText(QStringLiteral("demo"));
        dialog.findChild<QLineEdit *>(QStringLiteral("baseUrl"))
            ->setText(m_rovd.url(QString()).toString());
        auto *kind = dialog.findChild<QComboBox *>(QStringLiteral("credentialKind"));
        QCOMPARE(kind->currentText(), QStringLiteral("Application default credentials"));
        kind->setCurrentIndex(kind->findData(int(Profile::Credentials::ServiceAccountKey)));
        auto *keyFile = dialog.findChild<QLineEdit *>(QStringLiteral("keyFile"));
        keyFile->setText(m_keyFile);
        Q_EMIT keyFile->editingFinished();
        auto *result = dialog.findChild<QLabel *>(QStringLiteral("testResult"));
        auto *place = dialog.findChild<QLabel *>(QStringLiteral("secretsPlace"));
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        QTRY_VERIFY2(result->text().startsWith(QStringLiteral("Connected as console@demo")),
                     qPrintable(result->text()));
        QTRY_VERIFY(!place->text().isEmpty());
        QVERIFY(screenshots::save(dialog, QStringLiteral("projectSetup_en.png")));

        QVERIFY(languages.apply(QLocale(QStringLiteral("zh_CN"))));
        dialog.findChild<QPushButton *>(QStringLiteral("testConnection"))->click();
        QTRY_VERIFY2(result->text().startsWith(QStringLiteral("已以 console@demo")),
                     qPrintable(result->text()));
        QTRY_VERIFY2(languagewalk::looksChinese(place->text()), qPrintable(place->text()));
        QCOMPARE(kind->currentText(), QStringLiteral("服务账号密钥文件"));
        const QStringList english = languagewalk::englishTexts();
        QVERIFY2(english.isEmpty(), qPrintable(english.join(QLatin1Char('\n'))));
        QVERIFY(screenshots::save(dialog, QStringLiteral("projectSetup_zh_CN.png")));
        QVERIFY(languages.apply(QLocale(QStringLiteral("en_US"))));
    }

private:
    QString writeFile(const QString &name, const std::string &contents) const
    {
        return writeFile(name, QByteArray::fromStdString(contents));
    }
    QString writeFile(const QString &name, const QByteArray &contents) const
    {
        QFile file(m_dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
            qFatal("cannot write %s", qPrintable(file.fileName()));
        return file.fileName();
    }

    rov::core::LanguageManager m_languages;
    QTemporaryDir m_dir;
    rov::test::KeyPair m_keys;
    std::unique_ptr<rov::test::TokenFixture> m_tokens;
    QString m_keyFile;
    QTemporaryDir m_data;
    rov::test::RovdFixture m_rovd{
        m_data.path(), QStringLiteral("/tmp/rovp-%1").arg(QCoreApplication::applicationPid())};
};

QTEST_MAIN(TestProjectSetup)
#include "tst_projectsetup.moc"
