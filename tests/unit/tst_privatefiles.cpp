// What the console keeps on disk is the user's alone whatever the umask (a desktop session's is
// usually 022): its folders 0700, rovd's log and the job history 0600, and files an older console
// left open are closed again.
#include "core/jobhistorystore.h"
#include "core/privatefiles.h"

#include <QFile>
#include <QFileInfo>
#include <QTemporaryDir>
#include <QTest>
#include <sys/stat.h>

using namespace rov::core;

namespace {

unsigned mode(const QString &path)
{
    struct stat status
    {};
    return ::stat(QFile::encodeName(path).constData(), &status) == 0 ? status.st_mode & 0777 : 0;
}

} // namespace

class TestPrivateFiles : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void init() { m_umask = ::umask(022); }
    void cleanup() { ::umask(m_umask); }

    void aNewFolderAndFileAreTheUsersAlone()
    {
        QTemporaryDir root;
        const QString folder = root.filePath(QStringLiteral("a/rovd"));
        QVERIFY(privateFolder(folder));
        QCOMPARE(mode(folder), 0700u);
        const QString log = folder + QStringLiteral("/rovd.log");
        QVERIFY(privateFile(log));
        QCOMPARE(mode(log), 0600u);
        QCOMPARE(QFileInfo(log).size(), 0);
    }

    void anOpenFileKeepsItsBytesAndIsClosed()
    {
        QTemporaryDir root;
        const QString log = root.filePath(QStringLiteral("rovd.log"));
        QFile file(log);
        QVERIFY(file.open(QIODevice::WriteOnly));
        QVERIFY(file.write("rovd ready\n") == 11);
        file.close();
        QVERIFY(QFile::setPermissions(log, QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                               QFileDevice::ReadGroup | QFileDevice::ReadOther));
        QCOMPARE(mode(log), 0644u);
        QVERIFY(privateFile(log));
        QCOMPARE(mode(log), 0600u);
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), QByteArray("rovd ready\n"));
    }

    void theJobHistoryAndItsJournalAreTheUsersAlone()
    {
        QTemporaryDir root;
        const QString path = root.filePath(QStringLiteral("job-history.sqlite"));
        {
            JobHistoryStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            QCOMPARE(mode(path), 0600u);
            // SQLite's write-ahead log and its index, made beside it, take the database's mode.
            for (const char *suffix : {"-wal", "-shm"}) {
                if (QFile::exists(path + QLatin1String(suffix)))
                    QCOMPARE(mode(path + QLatin1String(suffix)), 0600u);
            }
        }
        // One an older console made 0644 (the umask's) is closed when it is opened again.
        for (const QString &file : {path, path + QStringLiteral("-wal")}) {
            if (QFile::exists(file))
                QVERIFY(::chmod(QFile::encodeName(file).constData(), 0644) == 0);
        }
        JobHistoryStore again;
        QString error;
        QVERIFY2(again.open(path, &error), qPrintable(error));
        QCOMPARE(mode(path), 0600u);
        if (QFile::exists(path + QStringLiteral("-wal")))
            QCOMPARE(mode(path + QStringLiteral("-wal")), 0600u);
    }

    void aFolderThatCannotBeMadeSaysSo()
    {
        QTemporaryDir root;
        const QString file = root.filePath(QStringLiteral("plain"));
        QFile plain(file);
        QVERIFY(plain.open(QIODevice::WriteOnly));
        plain.close();
        QVERIFY(!privateFolder(file + QStringLiteral("/below")));
        QVERIFY(!privateFile(root.filePath(QStringLiteral("missing/rovd.log"))));
    }

private:
    mode_t m_umask = 022;
};

QTEST_GUILESS_MAIN(TestPrivateFiles)
#include "tst_privatefiles.moc"
