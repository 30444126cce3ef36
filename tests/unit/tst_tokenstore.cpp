#include "localplane/server/nodetokens.h"
#include "localplane/server/tokenstore.h"

#include <QFile>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace rov::localplane;

class TestTokenStore : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void firstStartCreatesAPrivateFileWithBothRoles()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens"));
        QString error;
        auto store = TokenStore::openOrCreate(path, &error);
        QVERIFY2(store, qPrintable(error));
        struct stat info
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));
        const QByteArray admin = store->tokenFor(Role::Admin);
        const QByteArray user = store->tokenFor(Role::User);
        QCOMPARE(admin.size(), 64);
        QVERIFY(admin != user);
        QCOMPARE(store->roleOf(admin), std::optional(Role::Admin));
        QCOMPARE(store->roleOf(user), std::optional(Role::User));
        QCOMPARE(store->roleOf("not-a-token"), std::nullopt);
        QCOMPARE(store->roleOf(QByteArray()), std::nullopt);

        auto reopened = TokenStore::openOrCreate(path, &error);
        QVERIFY(reopened);
        QCOMPARE(reopened->tokenFor(Role::Admin), admin);
    }

    void aFileWithoutTokensIsAnError()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("tokens"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write("nothing useful\n");
        file.close();
        QString error;
        QVERIFY(!TokenStore::openOrCreate(path, &error));
        QVERIFY(error.contains(QStringLiteral("admin <token>")));
    }

    // A Ray node's token holds for its cluster while that cluster (that incarnation of the name)
    // exists, across restarts of rovd, and not when forged, cut or issued by another rovd.
    void aNodeTokenHoldsForItsClusterOnly()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("node-secret"));
        QString error;
        const auto tokens = NodeTokens::openOrCreate(path, &error);
        QVERIFY2(tokens, qPrintable(error));
        struct stat info
        {};
        QCOMPARE(::stat(QFile::encodeName(path).constData(), &info), 0);
        QCOMPARE(info.st_mode & 0777, mode_t(0600));

        const QString cluster =
            QStringLiteral("projects/demo/locations/us-central1/persistentResources/c1");
        const QString created = QStringLiteral("2026-12-04T10:00:00Z");
        const QByteArray token = tokens->issue(cluster, created);
        QVERIFY(NodeTokens::isNodeToken(token));
        // Path-safe and a bearer token: it rides in /t/<token>/storage/...
        QVERIFY(QRegularExpression(QStringLiteral("^[A-Za-z0-9._-]+$"))
                    .match(QString::fromLatin1(token))
                    .hasMatch());
        const auto exists = [&](const QString &name) -> std::optional<QString> {
            return name == cluster ? std::optional(created) : std::nullopt;
        };
        QCOMPARE(tokens->verify(token, exists), std::optional(cluster));
        // Deleted: no such cluster.
        QCOMPARE(tokens->verify(token, [](const QString &) { return std::optional<QString>(); }),
                 std::nullopt);
        // Created again under the same name: the old token is not its.
        QCOMPARE(tokens->verify(token,
                                [](const QString &) {
                                    return std::optional(QStringLiteral("2026-12-04T11:00:00Z"));
                                }),
                 std::nullopt);
        // Another cluster's name with this signature, a cut signature, garbage.
        QByteArray forged = token;
        forged.replace(
            QByteArray("rovn.") + cluster.toUtf8().toBase64(QByteArray::Base64UrlEncoding |
                                                            QByteArray::OmitTrailingEquals),
            QByteArray("rovn.") +
                QByteArray("projects/demo/locations/us-central1/"
                           "persistentResources/c2")
                    .toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
        QVERIFY(forged != token);
        QCOMPARE(tokens->verify(forged, [&](const QString &) { return std::optional(created); }),
                 std::nullopt);
        QCOMPARE(tokens->verify(token.chopped(1), exists), std::nullopt);
        QCOMPARE(tokens->verify("rovn.", exists), std::nullopt);
        QCOMPARE(tokens->verify("rovn.!!!.00", exists), std::nullopt);

        // Restarted rovd: the same secret, the same token.
        const auto reopened = NodeTokens::openOrCreate(path, &error);
        QVERIFY(reopened);
        QCOMPARE(reopened->verify(token, exists), std::optional(cluster));
        // Another rovd's secret: refused.
        QTemporaryDir other;
        const auto stranger =
            NodeTokens::openOrCreate(other.filePath(QStringLiteral("node-secret")), &error);
        QVERIFY(stranger);
        QCOMPARE(stranger->verify(token, exists), std::nullopt);
    }
};

QTEST_APPLESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
