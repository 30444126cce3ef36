// Google's own command line (the machine image's `gcloud storage`, `gsutil` and `bq`, which nobody
// here wrote) against rovd's Cloud Storage and BigQuery, pointed at it the documented way: an API
// endpoint override (bq: --api, which fetches rovd's discovery document) and an access token
// file. A small file goes up as gcloud frames it (multipart/related, a single-quoted boundary,
// bare LF), a large one through /resumable/upload in chunks; then ls, cat, a download, a folder
// copied and removed. bq makes a dataset and a table, loads, inserts, queries, extracts to
// gs:// (read back with gcloud), copies, lists its jobs and removes what it made. What the tools
// say is checked, and so are the bytes on rovd's disk.
#include "rovdfixture.h"

#include <QCryptographicHash>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <nlohmann/json.hpp>

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
        m_bq = QStandardPaths::findExecutable(QStringLiteral("bq"));
        QVERIFY2(!m_gcloud.isEmpty() && !m_gsutil.isEmpty() && !m_bq.isEmpty(),
                 "gcloud, gsutil and bq (Google Cloud SDK) are not on PATH");
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
        // Parts of it: gcloud asks with a Range header and checks the Content-Range it gets.
        for (const auto &[range, expected] : {std::pair{QStringLiteral("5-12"), text.mid(5, 8)},
                                              std::pair{QStringLiteral("9-"), text.mid(9)},
                                              std::pair{QStringLiteral("-4"), text.right(4)}}) {
            const Run part = gcloud({QStringLiteral("cat"), QStringLiteral("-r"), range,
                                     QStringLiteral("gs://gc-bkt/dir/notes.txt")});
            QVERIFY2(part.exitCode == 0, qPrintable(range + QLatin1Char(' ') + part.err));
            QCOMPARE(part.out.toUtf8(), expected);
        }
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
        // Every bucket of the project (buckets.list).
        const Run buckets = gcloud({QStringLiteral("ls")});
        QVERIFY2(buckets.exitCode == 0, qPrintable(buckets.err));
        QVERIFY2(buckets.out.split(QLatin1Char('\n')).contains(QLatin1String("gs://gc-bkt/")),
                 qPrintable(buckets.out));
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

    // bq builds every call from rovd's discovery document, uploads its load through the
    // resumable upload, and waits on its jobs as it does on Google's.
    void bqMakesLoadsQueriesExtractsAndRemoves()
    {
        const Run bucket = gcloud(
            {QStringLiteral("buckets"), QStringLiteral("create"), QStringLiteral("gs://bq-out")});
        QVERIFY2(bucket.exitCode == 0, qPrintable(bucket.err));
        const Run dataset = bq({QStringLiteral("mk"), QStringLiteral("shop")});
        QVERIFY2(dataset.exitCode == 0 && dataset.out.contains(QLatin1String("demo:shop")),
                 qPrintable(dataset.err));
        const Run table =
            bq({QStringLiteral("mk"), QStringLiteral("--table"), QStringLiteral("shop.items"),
                QStringLiteral("name:STRING,n:INTEGER")});
        QVERIFY2(table.exitCode == 0, qPrintable(table.err));
        const QString csv = m_work.filePath(QStringLiteral("items.csv"));
        QVERIFY(writeBytes(csv, "name,n\nada,1\nbob,2\ncyd,3\n"));
        const Run load =
            bq({QStringLiteral("load"), QStringLiteral("--source_format=CSV"),
                QStringLiteral("--skip_leading_rows=1"), QStringLiteral("shop.items"), csv});
        QVERIFY2(load.exitCode == 0, qPrintable(load.err));
        const QString rows = m_work.filePath(QStringLiteral("more.json"));
        QVERIFY(writeBytes(rows, "{\"name\":\"dan\",\"n\":4}\n"));
        const Run insert = bq({QStringLiteral("insert"), QStringLiteral("shop.items"), rows});
        QVERIFY2(insert.exitCode == 0, qPrintable(insert.err));

        const Run query =
            bq({QStringLiteral("query"), QStringLiteral("--use_legacy_sql=false"),
                QStringLiteral("--format=json"),
                QStringLiteral("SELECT name, n * 2 AS d FROM shop.items ORDER BY n")});
        QVERIFY2(query.exitCode == 0, qPrintable(query.err));
        const auto result = nlohmann::json::parse(query.out.toStdString(), nullptr, false);
        QVERIFY2(result.is_array() && result.size() == 4, qPrintable(query.out));
        QCOMPARE(QString::fromStdString(result[3].value("name", "")), QStringLiteral("dan"));
        QCOMPARE(QString::fromStdString(result[3].value("d", "")), QStringLiteral("8"));
        // The dry run's bytes are the column's: 4 INT64 values.
        const Run dry =
            bq({QStringLiteral("query"), QStringLiteral("--use_legacy_sql=false"),
                QStringLiteral("--dry_run"), QStringLiteral("SELECT n FROM shop.items")});
        QVERIFY2(dry.exitCode == 0 && dry.out.contains(QLatin1String("will process 32 bytes")),
                 qPrintable(dry.err));
        const Run bad = bq({QStringLiteral("query"), QStringLiteral("--use_legacy_sql=false"),
                            QStringLiteral("SELECT nope FROM shop.items")});
        QVERIFY(bad.exitCode != 0);
        QVERIFY2((bad.out + bad.err).contains(QLatin1String("nope")), qPrintable(bad.err));

        // Extracts land in rovd's storage, where gcloud reads them.
        const Run extract = bq({QStringLiteral("extract"), QStringLiteral("shop.items"),
                                QStringLiteral("gs://bq-out/items-*.csv")});
        QVERIFY2(extract.exitCode == 0, qPrintable(extract.err));
        const Run csvBack =
            gcloud({QStringLiteral("cat"), QStringLiteral("gs://bq-out/items-000000000000.csv")});
        QVERIFY2(csvBack.exitCode == 0, qPrintable(csvBack.err));
        QCOMPARE(csvBack.out, QStringLiteral("name,n\nada,1\nbob,2\ncyd,3\ndan,4\n"));
        const Run json =
            bq({QStringLiteral("extract"),
                QStringLiteral("--destination_format=NEWLINE_DELIMITED_JSON"),
                QStringLiteral("shop.items"), QStringLiteral("gs://bq-out/items.json")});
        QVERIFY2(json.exitCode == 0, qPrintable(json.err));
        // INT64 comes as a JSON string, as BigQuery writes it.
        const Run jsonBack =
            gcloud({QStringLiteral("cat"), QStringLiteral("gs://bq-out/items.json")});
        QVERIFY2(jsonBack.out.startsWith(QLatin1String("{\"name\":\"ada\",\"n\":\"1\"}\n")),
                 qPrintable(jsonBack.out + jsonBack.err));
        const Run nowhere = bq({QStringLiteral("extract"), QStringLiteral("shop.items"),
                                QStringLiteral("gs://no-such-bucket/x.csv")});
        QVERIFY(nowhere.exitCode != 0);
        QVERIFY2((nowhere.out + nowhere.err).contains(QLatin1String("no-such-bucket")),
                 qPrintable(nowhere.err));

        const Run copy = bq({QStringLiteral("cp"), QStringLiteral("shop.items"),
                             QStringLiteral("shop.items_copy")});
        QVERIFY2(copy.exitCode == 0, qPrintable(copy.err));
        const Run shown = bq({QStringLiteral("show"), QStringLiteral("--format=json"),
                              QStringLiteral("shop.items_copy")});
        const auto copied = nlohmann::json::parse(shown.out.toStdString(), nullptr, false);
        QVERIFY2(copied.is_object() && copied.value("numRows", "") == "4", qPrintable(shown.out));
        const Run jobs =
            bq({QStringLiteral("ls"), QStringLiteral("-j"), QStringLiteral("--format=json")});
        QVERIFY2(jobs.exitCode == 0, qPrintable(jobs.err));
        const auto listed = nlohmann::json::parse(jobs.out.toStdString(), nullptr, false);
        QVERIFY2(listed.is_array() && listed.size() >= 6, qPrintable(jobs.out));

        // projects.list: the projects that hold datasets.
        const Run projects =
            bq({QStringLiteral("ls"), QStringLiteral("-p"), QStringLiteral("--format=json")});
        const auto listedProjects =
            nlohmann::json::parse(projects.out.toStdString(), nullptr, false);
        QVERIFY2(projects.exitCode == 0 && listedProjects.is_array() &&
                     listedProjects.dump().find("\"demo\"") != std::string::npos,
                 qPrintable(projects.out + projects.err));

        const Run removed = bq({QStringLiteral("rm"), QStringLiteral("-r"), QStringLiteral("-f"),
                                QStringLiteral("-d"), QStringLiteral("shop")});
        QVERIFY2(removed.exitCode == 0, qPrintable(removed.err));
        const Run left = bq({QStringLiteral("ls"), QStringLiteral("--format=json")});
        QVERIFY2(left.exitCode == 0 && !left.out.contains(QLatin1String("shop")),
                 qPrintable(left.out + left.err));
    }

private:
    Run gcloud(QStringList arguments)
    {
        arguments.prepend(QStringLiteral("storage"));
        return tool(m_gcloud, arguments);
    }

    // bq at rovd's address, with gcloud's settings above (the token file, the project) and no
    // ~/.bigqueryrc of the machine's.
    Run bq(QStringList arguments)
    {
        arguments = QStringList{QStringLiteral("--api"),
                                m_rovd.url(QString()).toString(QUrl::StripTrailingSlash),
                                QStringLiteral("--bigqueryrc=") +
                                    m_work.filePath(QStringLiteral("bigqueryrc")),
                                QStringLiteral("--headless"), QStringLiteral("--quiet")} +
                    arguments;
        return tool(m_bq, arguments);
    }

    Run tool(const QString &program, const QStringList &arguments)
    {
        QProcess process;
        process.setProcessEnvironment(m_environment);
        process.start(program, arguments);
        const QString name =
            QFileInfo(program).fileName() + QLatin1Char(' ') + arguments.join(QLatin1Char(' '));
        Run run;
        if (!process.waitForFinished(180000)) {
            process.kill();
            process.waitForFinished();
            run.err = QStringLiteral("%1 did not finish in 3 minutes").arg(name);
            return run;
        }
        run.exitCode = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
        run.out = QString::fromUtf8(process.readAllStandardOutput());
        run.err = name + QStringLiteral(": ") + QString::fromUtf8(process.readAllStandardError()) +
                  QStringLiteral("\n(stdout) ") + run.out.right(2000);
        return run;
    }

    QTemporaryDir m_data;
    QTemporaryDir m_work;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovg-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    QString m_gcloud;
    QString m_gsutil;
    QString m_bq;
    QProcessEnvironment m_environment;
};

QTEST_GUILESS_MAIN(TestGcloudStorage)
#include "tst_gcloudstorage.moc"
