// Google sign-in against a token endpoint and a metadata server that check what Google checks
// (tokenfixture.h): the service-account JWT, the refresh-token grant, the metadata server, the
// cache and its single refresh, and what the user reads when something is wrong.
#include "auth/googlecredentials.h"
#include "auth/jwt.h"
#include "fixtureserver.h"
#include "testsupport.h"
#include "tokenfixture.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace rov;
using nlohmann::json;
using rov::test::TokenFixture;

namespace {

QString writeFile(const QString &path, const QByteArray &contents)
{
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(contents) != contents.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

json serviceAccountJson(const QByteArray &privatePem, const QUrl &tokenUri)
{
    return {{"type", "service_account"},
            {"project_id", "demo"},
            {"private_key_id", "0123456789abcdef"},
            {"private_key", privatePem.toStdString()},
            {"client_email", "console@demo.iam.gserviceaccount.com"},
            {"client_id", "1234567890"},
            {"token_uri", tokenUri.toString().toStdString()}};
}

} // namespace

class TestGoogleAuth : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    test::KeyPair m_keys;
    test::KeyPair m_otherKeys;     // a key Google does not know for the account
    test::FixtureServer m_backend; // GET /auth: 200 only for "Bearer good"; /echo shows headers

    TokenFixture::Config config() const
    {
        TokenFixture::Config config;
        config.accessToken = "good";
        config.publicKeyPem = m_keys.publicPem;
        return config;
    }
    QString keyFile(const TokenFixture &tokens, const QByteArray &privatePem,
                    const QString &name = QStringLiteral("key.json")) const
    {
        return writeFile(
            m_dir.filePath(name),
            QByteArray::fromStdString(serviceAccountJson(privatePem, tokens.tokenUrl()).dump()));
    }
    QString gcloudDirWithUser(const TokenFixture &tokens, const QString &name) const
    {
        const TokenFixture::Config c = config();
        QDir(m_dir.path()).mkpath(name);
        writeFile(QDir(m_dir.filePath(name))
                      .filePath(QStringLiteral("application_default_credentials.json")),
                  QByteArray::fromStdString(
                      json{{"type", "authorized_user"},
                           {"client_id", c.clientId.toStdString()},
                           {"client_secret", c.clientSecret.toStdString()},
                           {"refresh_token", c.refreshToken.toStdString()},
                           {"quota_project_id", "billing-project"},
                           {"token_uri", tokens.tokenUrl().toString().toStdString()}}
                          .dump()));
        return QDir(m_dir.filePath(name))
            .filePath(QStringLiteral("application_default_credentials.json"));
    }
    static std::shared_ptr<auth::OAuthCredentials>
    credentials(const std::variant<auth::TokenSource, rest::ApiError> &source)
    {
        if (const auto *error = std::get_if<rest::ApiError>(&source))
            qFatal("no token source: %s", qPrintable(error->message));
        return std::make_shared<auth::OAuthCredentials>(std::get<auth::TokenSource>(source));
    }
    rest::HttpResponse getAuth(rest::RestClient &client)
    {
        return test::sendAndWait(client,
                                 rest::HttpRequest::get(m_backend.url(QStringLiteral("/auth"))));
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        QDir(m_dir.path()).mkpath(QStringLiteral("a"));
        QDir(m_dir.path()).mkpath(QStringLiteral("b"));
        m_keys = test::makeRsaKeyPair(m_dir.filePath(QStringLiteral("a")));
        m_otherKeys = test::makeRsaKeyPair(m_dir.filePath(QStringLiteral("b")));
    }

    void aServiceAccountKeySignsInAndTheTokenIsCached()
    {
        TokenFixture tokens(config());
        auto provider = credentials(auth::keyFileSource(keyFile(tokens, m_keys.privatePem)));
        QCOMPARE(provider->identity(), QStringLiteral("console@demo.iam.gserviceaccount.com"));
        QCOMPARE(provider->source().project, QStringLiteral("demo"));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        for (int i = 0; i < 3; ++i) {
            const auto response = getAuth(client);
            QVERIFY2(response.status == 200, qPrintable(test::describe(response)));
        }
        QCOMPARE(tokens.issued(QStringLiteral("jwt-bearer")), 1);
        QCOMPARE(tokens.refused(), 0);
    }

    void theAssertionCarriesGooglesClaims()
    {
        TokenFixture tokens(config());
        auto file = auth::readCredentialFile(keyFile(tokens, m_keys.privatePem),
                                             auth::Accept::ServiceAccountOnly);
        const auto &key = std::get<auth::ServiceAccountKey>(std::get<auth::CredentialFile>(file));
        const auto now = std::chrono::system_clock::now();
        const auto jwt = std::get<QByteArray>(auth::serviceAccountAssertion(
            key, QString::fromLatin1(auth::kCloudPlatformScope), now));
        const json claims = auth::unverifiedClaims(jwt);
        QVERIFY(claims.value("aud", "") == tokens.tokenUrl().toString().toStdString());
        QVERIFY(claims.value("iss", "") == "console@demo.iam.gserviceaccount.com");
        QCOMPARE(claims.value("exp", 0) - claims.value("iat", 0), 3600);
        const json header = json::parse(
            QByteArray::fromBase64(jwt.split('.')[0], QByteArray::Base64UrlEncoding).toStdString());
        QVERIFY(header.value("kid", "") == "0123456789abcdef");
    }

    void aKeyGoogleDoesNotKnowIsRefusedInWords()
    {
        TokenFixture tokens(config());
        auto provider = credentials(auth::keyFileSource(keyFile(tokens, m_otherKeys.privatePem)));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        const auto response = getAuth(client);
        QVERIFY(response.error);
        QCOMPARE(response.error->httpStatus, 401);
        QVERIFY2(response.error->message.contains(
                     QStringLiteral("invalid_grant: Invalid JWT Signature.")),
                 qPrintable(response.error->message));
        QVERIFY2(
            response.error->message.contains(QStringLiteral("create a new key for console@demo")),
            qPrintable(response.error->message));
        QCOMPARE(tokens.lastRefusal(), QStringLiteral("Invalid JWT Signature."));
    }

    void gcloudsUserCredentialsRefreshAndNameTheUserAndQuotaProject()
    {
        TokenFixture tokens(config());
        auth::AdcPlaces places;
        places.gcloudFile = gcloudDirWithUser(tokens, QStringLiteral("gcloud"));
        places.metadataHost = QStringLiteral("127.0.0.1:9"); // never asked
        auto provider = credentials(auth::applicationDefaultSource(places));
        QVERIFY2(provider->source().origin.contains(places.gcloudFile),
                 qPrintable(provider->source().origin));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        const auto echoed = test::sendAndWait(
            client, rest::HttpRequest::get(m_backend.url(QStringLiteral("/echo"))));
        QVERIFY2(echoed.ok(), qPrintable(test::describe(echoed)));
        const json headers = echoed.json()["headers"];
        QVERIFY2(headers.dump().find("\"x-goog-user-project\":\"billing-project\"") !=
                         std::string::npos ||
                     headers.dump().find("\"X-Goog-User-Project\":\"billing-project\"") !=
                         std::string::npos,
                 headers.dump().c_str());
        QVERIFY(headers.dump().find("Bearer good") != std::string::npos);
        QCOMPARE(provider->identity(), QStringLiteral("ada@example.com"));
        QCOMPARE(tokens.issued(QStringLiteral("refresh_token")), 1);
    }

    void aRevokedRefreshTokenSaysWhatToDo()
    {
        TokenFixture tokens(config());
        tokens.revokeRefreshToken();
        auth::AdcPlaces places;
        places.gcloudFile = gcloudDirWithUser(tokens, QStringLiteral("revoked"));
        auto provider = credentials(auth::applicationDefaultSource(places));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        const auto response = getAuth(client);
        QVERIFY(response.error);
        QVERIFY2(
            response.error->message.contains(QStringLiteral("Token has been expired or revoked")),
            qPrintable(response.error->message));
        QVERIFY2(response.error->message.contains(
                     QStringLiteral("gcloud auth application-default login")),
                 qPrintable(response.error->message));
    }

    void aTokenIsRenewedBeforeItExpires()
    {
        TokenFixture::Config shortLived = config();
        shortLived.expiresIn = 2; // renewed after 1.5 s
        TokenFixture tokens(shortLived);
        auto provider = credentials(auth::keyFileSource(keyFile(tokens, m_keys.privatePem)));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        QCOMPARE(getAuth(client).status, 200);
        QCOMPARE(getAuth(client).status, 200);
        QCOMPARE(tokens.issued(QStringLiteral("jwt-bearer")), 1);
        QTest::qWait(1700);
        QVERIFY(provider->needsRefresh());
        const auto response = getAuth(client);
        QCOMPARE(response.status, 200);
        QCOMPARE(response.attempts, 1); // renewed before sending, not after a 401
        QCOMPARE(tokens.issued(QStringLiteral("jwt-bearer")), 2);
    }

    void tenRequestsAtOnceShareOneRefresh()
    {
        TokenFixture::Config slow = config();
        slow.answerDelayMs = 300;
        TokenFixture tokens(slow);
        auto provider = credentials(auth::keyFileSource(keyFile(tokens, m_keys.privatePem)));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        std::vector<int> statuses;
        for (int i = 0; i < 10; ++i)
            client.send(rest::HttpRequest::get(m_backend.url(QStringLiteral("/auth"))), this,
                        [&statuses](const rest::HttpResponse &response) {
                            statuses.push_back(response.status);
                        });
        QTRY_COMPARE_WITH_TIMEOUT(statuses.size(), size_t(10), 10000);
        QCOMPARE(std::count(statuses.begin(), statuses.end(), 200), 10);
        QCOMPARE(tokens.issued(QStringLiteral("jwt-bearer")), 1);
        QCOMPARE(provider->tokenRequests(), 1);
    }

    void aTokenTheBackendRefusesIsRenewedOnceThenReported()
    {
        TokenFixture::Config wrong = config();
        wrong.accessToken = "not-good";
        TokenFixture tokens(wrong);
        auto provider = credentials(auth::keyFileSource(keyFile(tokens, m_keys.privatePem)));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        const auto response = getAuth(client);
        QCOMPARE(response.status, 401);
        QVERIFY(response.error);
        QCOMPARE(tokens.issued(QStringLiteral("jwt-bearer")), 2); // before sending, after the 401
    }

    void theMetadataServerServesAVm()
    {
        TokenFixture tokens(config());
        auth::AdcPlaces places;
        places.gcloudFile =
            m_dir.filePath(QStringLiteral("none/application_default_credentials.json"));
        places.metadataHost = tokens.metadataHost();
        auto provider = credentials(auth::applicationDefaultSource(places));
        // The identity is announced on this path too (the status bar and Test connection name it).
        int announced = 0;
        provider->setIdentityListener([&announced] { ++announced; });
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        const auto response = getAuth(client);
        QVERIFY2(response.status == 200, qPrintable(test::describe(response)));
        QCOMPARE(tokens.issued(QStringLiteral("metadata")), 1);
        QTRY_COMPARE(provider->identity(), QStringLiteral("console@demo.iam.gserviceaccount.com"));
        QCOMPARE(announced, 1);

        // The fixture checks the header as the real server does.
        rest::RestClient plain;
        QUrl url(
            QStringLiteral("http://%1/computeMetadata/v1/instance/service-accounts/default/token")
                .arg(tokens.metadataHost()));
        QCOMPARE(test::sendAndWait(plain, rest::HttpRequest::get(url)).status, 403);
    }

    void noMetadataServerGivesUpWithinTwoSeconds()
    {
        QTcpServer silent; // accepts and never answers
        QVERIFY(silent.listen(QHostAddress::LocalHost));
        auth::AdcPlaces places;
        places.gcloudFile =
            m_dir.filePath(QStringLiteral("none/application_default_credentials.json"));
        places.metadataHost = QStringLiteral("127.0.0.1:%1").arg(silent.serverPort());
        auto provider = credentials(auth::applicationDefaultSource(places));
        rest::RestClient client;
        client.setCredentialsProvider(provider);
        QElapsedTimer clock;
        clock.start();
        const auto response = getAuth(client);
        QVERIFY2(clock.elapsed() < 2500, qPrintable(QString::number(clock.elapsed())));
        QVERIFY(response.error);
        QCOMPARE(response.error->httpStatus, 401);
        QVERIFY2(response.error->message.contains(
                     QStringLiteral("No application default credentials were found")),
                 qPrintable(response.error->message));
    }

    void googleApplicationCredentialsComesFirst()
    {
        TokenFixture tokens(config());
        auth::AdcPlaces places;
        places.explicitFile = keyFile(tokens, m_keys.privatePem, QStringLiteral("explicit.json"));
        places.gcloudFile = gcloudDirWithUser(tokens, QStringLiteral("second"));
        auto provider = credentials(auth::applicationDefaultSource(places));
        QCOMPARE(provider->identity(), QStringLiteral("console@demo.iam.gserviceaccount.com"));
        QVERIFY(
            provider->source().origin.startsWith(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS")));

        places.explicitFile = m_dir.filePath(QStringLiteral("missing.json"));
        const auto missing = auth::applicationDefaultSource(places);
        QVERIFY(std::holds_alternative<rest::ApiError>(missing));
        QVERIFY2(
            std::get<rest::ApiError>(missing).message.contains(QStringLiteral("does not exist")),
            qPrintable(std::get<rest::ApiError>(missing).message));
    }

    void eachBadKeyFileGetsItsMessage_data()
    {
        QTest::addColumn<QByteArray>("contents");
        QTest::addColumn<QString>("message");
        QTest::newRow("not JSON") << QByteArray("MIIJqQIBAzCCCW8GCSqGSIb3DQEH")
                                  << QStringLiteral("The file is not JSON");
        QTest::newRow("no private_key")
            << QByteArray(
                   R"({"type": "service_account", "client_email": "a@b.iam.gserviceaccount.com"})")
            << QStringLiteral("The key file has no private_key");
        QTest::newRow("another type")
            << QByteArray(R"({"type": "authorized_user", "refresh_token": "x", "client_id": "y"})")
            << QStringLiteral("The file's type is \"authorized_user\", not \"service_account\"");
        QTest::newRow("no type") << QByteArray(R"({"installed": {"client_id": "x"}})")
                                 << QStringLiteral("The file has no \"type\"");
        QTest::newRow("damaged key")
            << QByteArray(
                   R"({"type": "service_account", "client_email": "a@b.iam.gserviceaccount.com", "private_key": "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n"})")
            << QStringLiteral("The key file's private_key is not a PEM private key");
    }

    void eachBadKeyFileGetsItsMessage()
    {
        QFETCH(QByteArray, contents);
        QFETCH(QString, message);
        const QString path = writeFile(m_dir.filePath(QStringLiteral("bad.json")), contents);
        const auto source = auth::keyFileSource(path);
        QVERIFY(std::holds_alternative<rest::ApiError>(source));
        const QString said = std::get<rest::ApiError>(source).message;
        QVERIFY2(said.startsWith(message), qPrintable(said));

        const auto absent = auth::keyFileSource(m_dir.filePath(QStringLiteral("absent.json")));
        QVERIFY(std::get<rest::ApiError>(absent).message.startsWith(QStringLiteral("Cannot read")));
    }
};

QTEST_GUILESS_MAIN(TestGoogleAuth)
#include "tst_googleauth.moc"
