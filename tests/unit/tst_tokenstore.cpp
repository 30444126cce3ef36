#include "localplane/server/tokenstore.h"

#include <QFile>
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
};

QTEST_APPLESS_MAIN(TestTokenStore)
#include "tst_tokenstore.moc"
