// Google's own command line (the machine image's `gcloud storage` and `gsutil`, which nobody here
// wrote) against rovd's Cloud Storage, pointed at it the documented way: an API endpoint override
// and an access token file. A small file goes up as gcloud frames it (multipart/related, a
// single-quoted boundary, bare LF), a large one through /resumable/upload in chunks; then ls,
// cat, a download, a folder copied and removed. What gcloud says is checked, and so are the bytes
// on rovd's disk.
#include "rovdfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

QByteArray bytesOf(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray("<missing>");
}

bool writeBytes(const QString &path, const QByteArray &data)
{
    QFile file(path);
    return file.open(QIODevice::WriteOnly) && file.write(data) == data.size() && file.flush();
}

} // namespace

class TestGcloudStorage : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        // The machine image has Google's CLI; a machine without it fails here, loudly.
        m_gcloud = QStandardPaths::findExecutable(QStringLiteral("gcloud"));
        m_gsutil = QStandardPaths::findExecutable(QStringLiteral("gsutil"));
        QVERIFY2(!m_gcloud.isEmpty() && !m_gsutil.isEmpty(),
                 "gcloud and gsutil (Google Cloud SDK) are not on PATH");
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY(m_work.isValid());
        const QString tokenFile = m_work.filePath(QStringLiteral("token"));
        QVERIFY(writeBytes(tokenFile, m_rovd.adminToken()));
        m_environment = QProcessEnvironment::systemEnvironment();
        m_environment.insert(QStringLiteral("CLOUDSDK_CONFIG"),
                             m_work.filePath(QStringLiteral("gcloud-config")));
        m_environment.insert(QStringLiteral("CLOUDSDK_API_ENDPOINT_OVERRIDES_STORAGE"),
                             m_rovd.url(QStringLiteral("/storage/v1/")).toString());
        m_environment.insert(QStringLiteral("CLOUDSDK_AUTH_ACCESS_TOKEN_FILE"), tokenFile);
        m_environment.insert(QStringLiteral("CLOUDSDK_CORE_PROJECT"), QStringLiteral("demo"));
        m_environment.insert(QStringLiteral("CLOUDSDK_CORE_ACCOUNT"), QStringLiteral("rovd-admin"));
        m_environment.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_PROMPTS"), QStringLiteral("1"));
        m_environment.insert(QStringLiteral("CLOUDSDK_CORE_DISABLE_USAGE_REPORTING"),
                             QStringLiteral("1"));
        m_environment.insert(QStringLiteral("CLOUDSDK_COMPONENT_MANAGER_DISABLE_UPDATE_CHECK"),
                             QStringLiteral("1"));
    }

    void cleanupTestCase()
    {
        if (m_rovd.pid() > 0)
            QCOMPARE(m_rovd.terminate(), 0);
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void aBucketIsCreatedOnce()
    {
        const Run created = gcloud(
            {QStringLiteral("buckets"), QStringLiteral("create"), QStringLiteral("gs://gc-bkt")});
        QVERIFY2(created.exitCode == 0, qPrintable(created.err));
        const Run again = gcloud(
            {QStringLiteral("buckets"), QStringLiteral("create"), QStringLiteral("gs://gc-bkt")});
        QVERIFY(again.exitCode != 0);
        QVERIFY2(again.err.contains(QLatin1String("409")) ||
                     again.err.contains(QLatin1String("exists"), Qt::CaseInsensitive),
                 qPrintable(again.err));
        // A name Cloud Storage refuses is refused here too, with its reason.
        const Run google = gcloud({QStringLiteral("buckets"), QStringLiteral("create"),
                                   QStringLiteral("gs://google-things")});
        QVERIFY(google.exitCode != 0);
        QVERIFY2(google.err.contains(QLatin1String("google")), qPrintable(google.err));
    }

    void aSmallFileGoesUpAndComesBack()
    {
        const QString local = m_work.filePath(QStringLiteral("notes.txt"));
        const QByteArray text = "line one\nline two — 两行\n";
        QVERIFY(writeBytes(local, text));
        const Run up =
            gcloud({QStringLiteral("cp"), local, QStringLiteral("gs://gc-bkt/dir/notes.txt")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        // On rovd's disk, whole.
        QCOMPARE(bytesOf(m_data.filePath(QStringLiteral("storage/gc-bkt/dir/notes.txt"))), text);
        const Run cat =
            gcloud({QStringLiteral("cat"), QStringLiteral("gs://gc-bkt/dir/notes.txt")});
        QVERIFY2(cat.exitCode == 0, qPrintable(cat.err));
        QCOMPARE(cat.out.toUtf8(), text);
    }

    void aLargeFileGoesUpInChunksAndComesBack()
    {
        // Past gcloud's resumable threshold (8 MiB): it uses /resumable/upload and PUTs chunks.
        QByteArray data(12 * 1024 * 1024, Qt::Uninitialized);
        QRandomGenerator generator(23);
        generator.fillRange(reinterpret_cast<quint32 *>(data.data()), data.size() / 4);
        const QString local = m_work.filePath(QStringLiteral("big.bin"));
        QVERIFY(writeBytes(local, data));
        const Run up = gcloud({QStringLiteral("cp"), local, QStringLiteral("gs://gc-bkt/big.bin")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        const QString back = m_work.filePath(QStringLiteral("back.bin"));
        const Run down =
            gcloud({QStringLiteral("cp"), QStringLiteral("gs://gc-bkt/big.bin"), back});
        QVERIFY2(down.exitCode == 0, qPrintable(down.err));
        QCOMPARE(QCryptographicHash::hash(bytesOf(back), QCryptographicHash::Md5),
                 QCryptographicHash::hash(data, QCryptographicHash::Md5));
        // No resumable session is left open on rovd's disk.
        QDir uploads(m_data.filePath(QStringLiteral("storage-uploads")));
        QVERIFY2(uploads.entryList(QDir::Files | QDir::Hidden).isEmpty(),
                 qPrintable(uploads.entryList(QDir::Files | QDir::Hidden).join(QLatin1Char(' '))));
    }

    void listingsShowWhatIsThere()
    {
        const Run ls = gcloud({QStringLiteral("ls"), QStringLiteral("gs://gc-bkt/")});
        QVERIFY2(ls.exitCode == 0, qPrintable(ls.err));
        QVERIFY2(ls.out.contains(QLatin1String("gs://gc-bkt/big.bin")), qPrintable(ls.out));
        QVERIFY2(ls.out.contains(QLatin1String("gs://gc-bkt/dir/")), qPrintable(ls.out));
        const Run long_ = gcloud(
            {QStringLiteral("ls"), QStringLiteral("-l"), QStringLiteral("gs://gc-bkt/big.bin")});
        QVERIFY2(long_.exitCode == 0, qPrintable(long_.err));
        QVERIFY2(long_.out.contains(QString::number(12 * 1024 * 1024)), qPrintable(long_.out));
        // gsutil, through its gcloud storage shim (its own transport speaks HTTPS only).
        QProcess gsutil;
        gsutil.setProcessEnvironment(m_environment);
        gsutil.start(m_gsutil,
                     {QStringLiteral("-o"), QStringLiteral("GSUtil:use_gcloud_storage=True"),
                      QStringLiteral("ls"), QStringLiteral("gs://gc-bkt/dir/")});
        QVERIFY(gsutil.waitForFinished(120000));
        const QString listed = QString::fromUtf8(gsutil.readAllStandardOutput());
        QVERIFY2(gsutil.exitCode() == 0,
                 qPrintable(QString::fromUtf8(gsutil.readAllStandardError())));
        QVERIFY2(listed.contains(QLatin1String("gs://gc-bkt/dir/notes.txt")), qPrintable(listed));
    }

    void aFolderIsCopiedAndRemoved()
    {
        QDir folder(m_work.filePath(QStringLiteral("model")));
        QVERIFY(folder.mkpath(QStringLiteral("sub")));
        QVERIFY(writeBytes(folder.filePath(QStringLiteral("model.pkl")), "weights"));
        QVERIFY(writeBytes(folder.filePath(QStringLiteral("sub/config.json")), "{}"));
        const Run up = gcloud({QStringLiteral("cp"), QStringLiteral("-r"), folder.path(),
                               QStringLiteral("gs://gc-bkt/models/")});
        QVERIFY2(up.exitCode == 0, qPrintable(up.err));
        QCOMPARE(
            bytesOf(m_data.filePath(QStringLiteral("storage/gc-bkt/models/model/sub/config.json"))),
            QByteArray("{}"));
        const Run remove = gcloud(
            {QStringLiteral("rm"), QStringLiteral("-r"), QStringLiteral("gs://gc-bkt/models/")});
        QVERIFY2(remove.exitCode == 0, qPrintable(remove.err));
        const Run one = gcloud({QStringLiteral("rm"), QStringLiteral("gs://gc-bkt/dir/notes.txt")});
        QVERIFY2(one.exitCode == 0, qPrintable(one.err));
        const Run ls =
            gcloud({QStringLiteral("ls"), QStringLiteral("-r"), QStringLiteral("gs://gc-bkt/")});
        QVERIFY2(ls.exitCode == 0, qPrintable(ls.err));
        QVERIFY2(!ls.out.contains(QLatin1String("models/")) &&
                     !ls.out.contains(QLatin1String("notes")),
                 qPrintable(ls.out));
        QVERIFY2(ls.out.contains(QLatin1String("big.bin")), qPrintable(ls.out));
        QVERIFY(!QFileInfo::exists(
            m_data.filePath(QStringLiteral("storage/gc-bkt/models/model/model.pkl"))));
    }

    void aMissingObjectIsAnErrorGcloudUnderstands()
    {
        const Run cat = gcloud({QStringLiteral("cat"), QStringLiteral("gs://gc-bkt/none.txt")});
        QVERIFY(cat.exitCode != 0);
        QVERIFY2(cat.err.contains(QLatin1String("matched no objects")), qPrintable(cat.err));
    }

private:
    Run gcloud(QStringList arguments)
    {
        arguments.prepend(QStringLiteral("storage"));
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.start(m_gcloud, arguments);
        Run run;
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("gcloud %1 did not finish in 3 minutes")
                          .arg(arguments.join(QLatin1Char(' ')));
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = QStringLiteral("gcloud %1: ").arg(arguments.join(QLatin1Char(' '))) +
                  QString::fromUtf8(process.readAllStandardError());
        return run;
    }

    QTemporaryDir m_data;
    QTemporaryDir m_work;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovg-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    QString m_gcloud;
    QString m_gsutil;
    QProcessEnvironment m_environment;
};

QTEST_GUILESS_MAIN(TestGcloudStorage)
#include "tst_gcloudstorage.moc"
