// rovd on a disk that fills up: its data directory on a small tmpfs this test mounts, filled with
// uploads until the kernel says "No space left on device". Every write path then answers an error
// that says so (RESOURCE_EXHAUSTED, 429): media, multipart and resumable uploads, a model's copy,
// the clusters' state and the serving store; nothing answers success for fewer bytes than it was
// sent; what was stored before stays as it was; reads go on; and once space is freed every write
// works again, the resumable upload goes on where it was, and the log lines a job printed while
// the disk was full are in the log store. Needs root (to mount); without it the test fails.
#include "rovdfixture.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDebug>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <unistd.h>

using namespace rov::rest;
using nlohmann::json;
using rov::test::RovdFixture;

namespace {

const QString kParent = QStringLiteral("/v1/projects/demo/locations/us-central1");

QByteArray randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          size / sizeof(quint32));
    return bytes;
}

json headOnly()
{
    return json::parse(R"({"resourcePools": [{"id": "head-node",
        "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": "1"}],
        "resourceRuntimeSpec": {"raySpec": {}}})");
}

} // namespace

class TestRovdFullDisk : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY2(::geteuid() == 0, "this test mounts a 64 MiB tmpfs for rovd's data: run it as "
                                   "root (CI does)");
        QVERIFY(m_mount.isValid());
        QCOMPARE(QProcess::execute(QStringLiteral("mount"),
                                   {QStringLiteral("-t"), QStringLiteral("tmpfs"),
                                    QStringLiteral("-o"), QStringLiteral("size=64m,mode=0700"),
                                    QStringLiteral("tmpfs"), m_mount.path()}),
                 0);
        m_mounted = true;
        m_rovd =
            std::make_unique<RovdFixture>(m_mount.filePath(QStringLiteral("data")), m_tempRoot);
        QString error;
        QVERIFY2(m_rovd->start(&error), qPrintable(error));
    }

    void cleanupTestCase()
    {
        if (m_rovd)
            m_rovd->terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_mount.path()});
    }

    void beforeTheDiskFills()
    {
        // A cluster whose job will print while the disk is full, a model to copy, a resumable
        // upload under way.
        auto created =
            call("POST", kParent + QStringLiteral("/persistentResources?persistentResourceId=d1"),
                 headOnly());
        QVERIFY2(created.ok(), qPrintable(rov::test::describe(created)));
        QTRY_VERIFY_WITH_TIMEOUT(clusterState() == "RUNNING", 240000);
        m_model = randomBytes(64 * 1024);
        QVERIFY(upload(QStringLiteral("models"), QStringLiteral("m/model.pkl"), m_model).ok());
        m_partial = randomBytes(512 * 1024);
        const auto session = uploadRequest(QStringLiteral("resumable"), QStringLiteral("big.bin"),
                                           "{}", "application/json");
        QVERIFY2(session.ok(), qPrintable(rov::test::describe(session)));
        m_session = QUrl(QString::fromLatin1(session.header("Location")));
        QCOMPARE(chunk(m_partial.left(256 * 1024), 0, -1).status, 308);
    }

    void fillTheDisk()
    {
        for (const qsizetype size : {qsizetype(1024 * 1024), qsizetype(4096)}) {
            for (int i = 0;; ++i) {
                const QString name = QStringLiteral("fill/%1-%2").arg(size).arg(i);
                const QByteArray data = randomBytes(size);
                const auto answer = upload(QStringLiteral("fill"), name, data);
                if (answer.ok()) {
                    // Success is for every byte: the size it reports is the size sent.
                    QCOMPARE(QString::fromStdString(answer.json()["size"].get<std::string>()),
                             QString::number(size));
                    m_stored[name] = QCryptographicHash::hash(data, QCryptographicHash::Sha1);
                    continue;
                }
                QCOMPARE(answer.status, 429);
                QCOMPARE(answer.error->status, QStringLiteral("RESOURCE_EXHAUSTED"));
                QVERIFY2(answer.error->message.contains(QLatin1String("No space left on device")),
                         qPrintable(answer.error->message));
                QVERIFY(!answer.error->message.contains(m_mount.path()));
                break;
            }
        }
        qInfo() << m_stored.size() << "objects stored before the disk was full";
        QVERIFY(m_stored.size() > 40);
    }

    void everyWritePathSaysSoAndNothingHalfDone()
    {
        // Media (above), multipart, a resumable chunk, a new session.
        QByteArray multipart = "--b\r\nContent-Type: application/json\r\n\r\n{\"name\": \"mp\"}\r\n"
                               "--b\r\nContent-Type: application/octet-stream\r\n\r\n" +
                               randomBytes(64 * 1024) + "\r\n--b--\r\n";
        expectFull(uploadRequest(QStringLiteral("multipart"), {}, multipart,
                                 "multipart/related; boundary=b"));
        expectFull(chunk(m_partial.mid(256 * 1024), 256 * 1024, m_partial.size()));
        expectFull(uploadRequest(QStringLiteral("resumable"), QStringLiteral("other.bin"), "{}",
                                 "application/json"));
        // A model's copy, the clusters' state, the serving store.
        expectFull(call("POST", kParent + QStringLiteral("/models:upload"), modelBody()));
        expectFull(call("POST",
                        kParent + QStringLiteral("/persistentResources?persistentResourceId=d2"),
                        headOnly()));
        expectFull(call("POST", kParent + QStringLiteral("/endpoints?endpointId=e1"),
                        {{"displayName", "e1"}}));
        // Nothing of them was made.
        QCOMPARE(call("GET", kParent + QStringLiteral("/models/m1"), {}).status, 404);
        QCOMPARE(call("GET", kParent + QStringLiteral("/persistentResources/d2"), {}).status, 404);
        QCOMPARE(call("GET", kParent + QStringLiteral("/endpoints/e1"), {}).status, 404);
        QCOMPARE(call("GET", QStringLiteral("/storage/v1/b/fill/o/mp"), {}).status, 404);
        // A job prints while the disk is full; reads go on.
        const QString dashboard =
            QStringLiteral("http://%1")
                .arg(QString::fromStdString(
                    call("GET", kParent + QStringLiteral("/persistentResources/d1"), {})
                        .json()["resourceRuntime"]["accessUris"]["RAY_DASHBOARD_URI"]
                        .get<std::string>()));
        QString error;
        const QString id = rov::test::submitRayJob(
            m_client, dashboard, "python -c \"print('written-while-full-" + m_marker + "')\"",
            &error);
        QVERIFY2(!id.isEmpty(), qPrintable(error));
        QCOMPARE(call("POST", QStringLiteral("/v2/entries:list"),
                      {{"resourceNames", {"projects/demo"}}, {"pageSize", 5}})
                     .status,
                 200);
        QTest::qWait(5000);
    }

    void whatWasStoredBeforeIsIntact()
    {
        const json page =
            call("GET", QStringLiteral("/storage/v1/b/fill/o?maxResults=1000"), {}).json();
        QCOMPARE(page["items"].size(), m_stored.size());
        int checked = 0;
        for (const auto &[name, sha1] : m_stored) {
            if (checked++ % 7 != 0 && checked < int(m_stored.size()) - 3)
                continue; // every seventh, and the last ones written
            const auto answer = call("GET",
                                     QStringLiteral("/download/storage/v1/b/fill/o/") +
                                         QString::fromLatin1(QUrl::toPercentEncoding(name)) +
                                         QStringLiteral("?alt=media"),
                                     {});
            QVERIFY2(answer.ok(), qPrintable(name));
            QCOMPARE(QCryptographicHash::hash(answer.body, QCryptographicHash::Sha1), sha1);
        }
    }

    void freedSpaceMakesEveryWriteWorkAgain()
    {
        int removed = 0;
        for (auto it = m_stored.begin(); it != m_stored.end() && removed < 20;) {
            const auto answer = call("DELETE",
                                     QStringLiteral("/storage/v1/b/fill/o/") +
                                         QString::fromLatin1(QUrl::toPercentEncoding(it->first)),
                                     {});
            QCOMPARE(answer.status, 204);
            it = m_stored.erase(it);
            ++removed;
        }
        const QByteArray small = randomBytes(10000);
        const auto again = upload(QStringLiteral("fill"), QStringLiteral("after"), small);
        QVERIFY2(again.ok(), qPrintable(rov::test::describe(again)));
        // The resumable upload goes on where the disk stopped it.
        const auto asked = chunk({}, -1, m_partial.size());
        QCOMPARE(asked.status, 308);
        QCOMPARE(asked.header("Range"), QByteArray("bytes=0-262143"));
        const auto finished = chunk(m_partial.mid(256 * 1024), 256 * 1024, m_partial.size());
        QVERIFY2(finished.ok(), qPrintable(rov::test::describe(finished)));
        const auto whole =
            call("GET", QStringLiteral("/download/storage/v1/b/fill/o/big.bin?alt=media"), {});
        QVERIFY(whole.body == m_partial);
        QVERIFY(call("POST", kParent + QStringLiteral("/models:upload"), modelBody()).ok());
        QVERIFY(call("POST", kParent + QStringLiteral("/endpoints?endpointId=e1"),
                     {{"displayName", "e1"}})
                    .ok());
        // The job's line, printed while the store could not take it, is there now.
        const json query = {{"resourceNames", {"projects/demo"}},
                            {"filter", "\"written-while-full-" + m_marker + "\""}};
        QTRY_VERIFY_WITH_TIMEOUT(!call("POST", QStringLiteral("/v2/entries:list"), query)
                                      .json()
                                      .value("entries", json::array())
                                      .empty(),
                                 60000);
        QVERIFY(call("DELETE", kParent + QStringLiteral("/persistentResources/d1"), {}).ok());
        QTRY_COMPARE_WITH_TIMEOUT(
            call("GET", kParent + QStringLiteral("/persistentResources/d1"), {}).status, 404,
            120000);
    }

private:
    void expectFull(const HttpResponse &answer)
    {
        QVERIFY2(answer.status == 429 && answer.error &&
                     answer.error->status == QLatin1String("RESOURCE_EXHAUSTED") &&
                     answer.error->message.contains(QLatin1String("No space left on device")) &&
                     !answer.error->message.contains(m_mount.path()),
                 qPrintable(rov::test::describe(answer) + QStringLiteral(" HTTP ") +
                            QString::number(answer.status)));
    }

    json modelBody() const
    {
        return {
            {"modelId", "m1"},
            {"model",
             {{"displayName", "m1"},
              {"artifactUri", "gs://models/m"},
              {"containerSpec",
               {{"imageUri", "us-docker.pkg.dev/vertex-ai/prediction/sklearn-cpu.1-6:latest"}}}}}};
    }

    HttpRequest make(const char *method, const QUrl &url)
    {
        HttpRequest request;
        const QByteArray verb(method);
        request.method = verb == "POST"     ? HttpMethod::Post
                         : verb == "DELETE" ? HttpMethod::Delete
                         : verb == "PUT"    ? HttpMethod::Put
                                            : HttpMethod::Get;
        request.url = url;
        request.retry = RetryPolicy::none();
        request.setHeader("Authorization", "Bearer " + m_rovd->adminToken());
        return request;
    }

    HttpResponse call(const char *method, const QString &path, const json &body)
    {
        HttpRequest request = make(method, m_rovd->url(path));
        if (!body.is_null())
            request.setJsonBody(body);
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    HttpResponse uploadRequest(const QString &type, const QString &name, const QByteArray &body,
                               const QByteArray &contentType,
                               const QString &bucket = QStringLiteral("fill"))
    {
        QString path = QStringLiteral("/upload/storage/v1/b/%1/o?uploadType=%2").arg(bucket, type);
        if (!name.isEmpty())
            path += QStringLiteral("&name=") + QString::fromLatin1(QUrl::toPercentEncoding(name));
        HttpRequest request = make("POST", m_rovd->url(path));
        request.body = body;
        request.contentType = contentType;
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    HttpResponse upload(const QString &bucket, const QString &name, const QByteArray &data)
    {
        return uploadRequest(QStringLiteral("media"), name, data, "application/octet-stream",
                             bucket);
    }

    // A chunk at `first` (-1: a question, bytes */total); total -1: not known yet.
    HttpResponse chunk(const QByteArray &data, qint64 first, qint64 total)
    {
        HttpRequest request = make("PUT", m_session);
        request.body = data;
        const QString of = total < 0 ? QStringLiteral("*") : QString::number(total);
        request.setHeader(
            "Content-Range",
            (first < 0
                 ? QStringLiteral("bytes */%1").arg(of)
                 : QStringLiteral("bytes %1-%2/%3").arg(first).arg(first + data.size() - 1).arg(of))
                .toLatin1());
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    std::string clusterState()
    {
        return call("GET", kParent + QStringLiteral("/persistentResources/d1"), {})
            .json()
            .value("state", std::string());
    }

    RestClient m_client;
    QTemporaryDir m_mount;
    bool m_mounted = false;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovx-%1").arg(QCoreApplication::applicationPid());
    std::unique_ptr<RovdFixture> m_rovd;
    std::map<QString, QByteArray> m_stored;
    QByteArray m_model;
    QByteArray m_partial;
    QUrl m_session;
    const std::string m_marker = std::to_string(QRandomGenerator::global()->generate());
};

QTEST_GUILESS_MAIN(TestRovdFullDisk)
#include "tst_rovdfulldisk.moc"
