// rovd's storage faults, as a user meets them: a state.db that is not a database, a data
// directory rovd may not write, a full disk (a file-size limit), a second rovd on the same data.
// rovd says which file is at fault, never overwrites or loses what it stored, and recovers when
// the fault goes away.
#include "localplane/state/store.h"
#include "rovdfixture.h"
#include "testsupport.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <atomic>
#include <csignal>
#include <thread>
#include <unistd.h>
#include <vector>

using namespace rov::rest;
using nlohmann::json;
using rov::test::RovdFixture;

namespace {

const QString kClusters =
    QStringLiteral("/v1/projects/demo/locations/us-central1/persistentResources");

json headOnly()
{
    return json::parse(R"({"resourcePools": [{"id": "head-node",
        "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": "1"}],
        "resourceRuntimeSpec": {"raySpec": {}}})");
}

QByteArray sha1Of(const QString &path)
{
    QFile file(path);
    file.open(QIODevice::ReadOnly);
    return QCryptographicHash::hash(file.readAll(), QCryptographicHash::Sha1).toHex();
}

bool runs(const QString &program, const QStringList &arguments)
{
    return QProcess::execute(program, arguments) == 0;
}

} // namespace

class TestRovdStorage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase()
    {
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void aStateFileThatIsNotADatabaseIsRefusedAndLeftAlone()
    {
        QTemporaryDir data;
        const QString state = data.filePath(QStringLiteral("state.db"));
        QFile garbage(state);
        QVERIFY(garbage.open(QIODevice::WriteOnly));
        garbage.write(QByteArray("these are a user's notes, not SQLite\n").repeated(200));
        garbage.close();
        const QByteArray before = sha1Of(state);

        RovdFixture rovd(data.path(), m_tempRoot);
        QString error;
        QVERIFY(!rovd.start(&error));
        QVERIFY2(error.contains(state), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("leaves the file as it is")), qPrintable(error));
        QCOMPARE(sha1Of(state), before);
    }

    void aDataDirectoryItMayNotWriteIsRefusedByName()
    {
        QTemporaryDir parent;
        const QString data = parent.filePath(QStringLiteral("data"));
        QVERIFY(QDir().mkpath(data));
        QVERIFY(QFile::setPermissions(parent.path(),
                                      QFileDevice::ReadOwner | QFileDevice::WriteOwner |
                                          QFileDevice::ExeOwner | QFileDevice::ReadOther |
                                          QFileDevice::ExeOther));
        QVERIFY(QFile::setPermissions(data, QFileDevice::ReadOwner | QFileDevice::ExeOwner |
                                                QFileDevice::ReadOther | QFileDevice::ExeOther));
        RovdFixture rovd(data, m_tempRoot);
        if (::geteuid() == 0) {
            // Root writes anywhere: run rovd as nobody, as a user without rights to the dir is.
            rovd.setWrapper({QStringLiteral("setpriv"), QStringLiteral("--reuid=nobody"),
                             QStringLiteral("--regid=nogroup"), QStringLiteral("--clear-groups"),
                             QStringLiteral("--")});
        }
        QString error;
        QVERIFY(!rovd.start(&error));
        QVERIFY2(error.contains(data), qPrintable(error));
        QVERIFY2(error.contains(QLatin1String("Permission denied")), qPrintable(error));
        QVERIFY(QDir(data).isEmpty());
    }

    void aSecondRovdOnTheSameDataIsRefused()
    {
        QTemporaryDir data;
        RovdFixture first(data.path(), m_tempRoot);
        QString error;
        QVERIFY2(first.start(&error), qPrintable(error));
        RovdFixture second(data.path(), m_tempRoot + QStringLiteral("-second"));
        QVERIFY(!second.start(&error));
        QVERIFY2(error.contains(QStringLiteral("another rovd (pid %1)").arg(first.pid())),
                 qPrintable(error));
        QCOMPARE(first.terminate(), 0);
    }

    void aFullDiskGets429ThenRecoversAndKeepsWhatItStored()
    {
        QTemporaryDir data;
        RovdFixture rovd(data.path(), m_tempRoot);
        QString error;
        QVERIFY2(rovd.start(&error), qPrintable(error));
        const auto cleanup = qScopeGuard([&] { rov::test::killProcessesUnder(m_tempRoot); });
        const QString pid = QString::number(rovd.pid());
        // No file of rovd's may grow past one byte: the disk is full, in effect.
        QVERIFY(runs(QStringLiteral("prlimit"),
                     {QStringLiteral("--pid"), pid, QStringLiteral("--fsize=1:unlimited")}));
        const auto refused = create(rovd, QStringLiteral("c1"));
        // A file too large for its limit is a full disk to the client: Google's status for it,
        // a message that says so, and no path of the server's.
        QCOMPARE(refused.status, 429);
        QCOMPARE(refused.error->status, QStringLiteral("RESOURCE_EXHAUSTED"));
        QVERIFY2(refused.error->message.contains(QStringLiteral("No space left on device")),
                 qPrintable(refused.error->message));
        QVERIFY2(!refused.error->message.contains(data.path()), qPrintable(refused.error->message));
        // Nothing half-made: no cluster, and no Ray started for it.
        QVERIFY(list(rovd).empty());
        QCOMPARE(rov::test::processesMentioning(m_tempRoot + QLatin1Char('/')), 0);

        QVERIFY(runs(QStringLiteral("prlimit"),
                     {QStringLiteral("--pid"), pid, QStringLiteral("--fsize=unlimited")}));
        const auto created = create(rovd, QStringLiteral("c1"));
        QVERIFY2(created.ok(), qPrintable(rov::test::describe(created)));
        // What was acknowledged is stored: a rovd killed at once still knows the cluster.
        const quint16 port = rovd.port();
        rovd.kill9();
        QVERIFY2(rovd.start(&error, port), qPrintable(error));
        const json clusters = list(rovd);
        QCOMPARE(clusters.size(), size_t(1));
        QVERIFY(clusters[0]["name"].get<std::string>().ends_with("/c1"));
        HttpRequest remove = request(rovd, kClusters + QStringLiteral("/c1"), rovd.adminToken());
        remove.method = HttpMethod::Delete;
        QVERIFY(send(remove).ok());
        QTRY_VERIFY_WITH_TIMEOUT(list(rovd).empty(), 60000);
        QCOMPARE(rovd.terminate(), 0);
    }

    void aRovdStoppedRightAfterItStartsExits()
    {
        // Not storage, but its lifecycle: a SIGTERM right after "rovd ready" found httplib's
        // listening thread not yet running, so its stop() did nothing and rovd never exited.
        // The window is the start of a thread; a busy machine (Ray on two cores) widens it.
        std::atomic<bool> busy = true;
        std::vector<std::thread> spinners;
        for (int i = 0; i < 4; ++i)
            spinners.emplace_back([&busy] {
                while (busy.load(std::memory_order_relaxed)) {
                }
            });
        const auto stopSpinning = qScopeGuard([&] {
            busy = false;
            for (auto &spinner : spinners)
                spinner.join();
        });
        QTemporaryDir data;
        for (int round = 0; round < 20; ++round) {
            RovdFixture rovd(data.path(), m_tempRoot);
            QString error;
            QVERIFY2(rovd.start(&error), qPrintable(error));
            QVERIFY2(rovd.terminate() == 0, qPrintable(QString::number(round) + rovd.output()));
        }
    }

    void aRecordWithoutATempDirNeverCostsTheWorkingDirectory()
    {
        // What deleted a checkout once: a stored cluster with no temp dir, stopped at start-up,
        // had "" removed, which is the working directory.
        QTemporaryDir data, work;
        {
            QString error;
            auto store =
                rov::localplane::Store::open(data.filePath(QStringLiteral("state.db")), &error);
            QVERIFY2(store, qPrintable(error));
            QVERIFY(store->put(rov::localplane::Store::Kind::Cluster,
                               QStringLiteral("projects/demo/locations/us-central1/"
                                              "persistentResources/old"),
                               {{"spec", json::object()},
                                {"state", "STOPPING"},
                                {"createTime", "2026-11-25T00:00:00Z"},
                                {"nodes", json::array()}}));
        }
        QFile canary(work.filePath(QStringLiteral("canary")));
        QVERIFY(canary.open(QIODevice::WriteOnly));
        canary.close();
        RovdFixture rovd(data.path(), m_tempRoot);
        rovd.setWorkingDirectory(work.path());
        QString error;
        QVERIFY2(rovd.start(&error), qPrintable(error));
        QTest::qWait(3000);
        QVERIFY(canary.exists());
        QVERIFY(QDir(work.path()).exists());
        QCOMPARE(rovd.terminate(), 0);
    }

private:
    HttpRequest request(const RovdFixture &rovd, const QString &path, const QByteArray &token)
    {
        HttpRequest request;
        request.url = rovd.url(path);
        request.retry = RetryPolicy::none();
        request.setHeader("Authorization", "Bearer " + token);
        return request;
    }

    HttpResponse send(const HttpRequest &request)
    {
        return rov::test::sendAndWait(m_client, request, 30000);
    }

    HttpResponse create(const RovdFixture &rovd, const QString &id)
    {
        HttpRequest post = request(rovd, kClusters + QStringLiteral("?persistentResourceId=") + id,
                                   rovd.adminToken());
        post.method = HttpMethod::Post;
        post.setJsonBody(headOnly());
        return send(post);
    }

    json list(const RovdFixture &rovd)
    {
        const json answer = send(request(rovd, kClusters, rovd.userToken())).json();
        return answer.value("persistentResources", json::array());
    }

    RestClient m_client;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovs-%1").arg(QCoreApplication::applicationPid());
};

QTEST_GUILESS_MAIN(TestRovdStorage)
#include "tst_rovdstorage.moc"
