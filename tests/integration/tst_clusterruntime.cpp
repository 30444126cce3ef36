// A real two-node Ray cluster started and stopped by ClusterRuntime.
#include "localplane/clusters/clusterruntime.h"
#include "localplane/clusters/portallocator.h"
#include "rest/restclient.h"
#include "testsupport.h"

#include <QDir>
#include <QScopeGuard>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace rov::localplane;
using namespace rov::rest;
using rov::test::sendAndWait;

namespace {

int processesMentioning(const QString &text)
{
    int count = 0;
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        entry.toInt(&isPid);
        if (!isPid)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (cmdline.open(QIODevice::ReadOnly) &&
            cmdline.readAll().replace('\0', ' ').contains(text.toUtf8()))
            ++count;
    }
    return count;
}

// The head of a test cluster on `ip`, with 0 CPUs as on Google Cloud.
NodePlan headNode(const QString &ip)
{
    NodePlan head;
    head.poolId = QStringLiteral("head-node");
    head.head = true;
    head.ip = ip;
    head.memoryBytes = 2LL << 30;
    return head;
}

// Addresses of this test's own, outside those rovd gives (127.0.x.y) and its serving and batch
// instances' (127.0.0.2, 127.1.0.2): another test's cluster may be starting beside this one.
QString testAddress(int host)
{
    return QStringLiteral("127.2.0.%1").arg(host);
}

// Whatever fails in a test, no Ray process of its cluster outlives it.
auto stopAtEnd(ClusterRuntime &runtime, const QString &tempDir)
{
    return qScopeGuard([&runtime, tempDir] {
        if (processesMentioning(tempDir) > 0) {
            QSignalSpy stopped(&runtime, &ClusterRuntime::stopped);
            runtime.stop();
            stopped.wait(60000);
        }
    });
}

} // namespace

class TestClusterRuntime : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startsRunsAJobOnTheWorkerAndStopsCleanly()
    {
        QVERIFY2(QFile::exists(rayProgram()),
                 "the Python environment with Ray is missing: run scripts/setup.sh");
        QTemporaryDir logs;
        // Short and unique: Ray's Unix sockets live below it.
        const QString tempDir =
            QStringLiteral("/tmp/rovt-%1").arg(QCoreApplication::applicationPid());
        auto ports = PortAllocator::startingAnywhere();
        std::vector<NodePlan> nodes{headNode(testAddress(2)), NodePlan{}};
        nodes[1].poolId = QStringLiteral("worker-pool1");
        nodes[1].ip = testAddress(3);
        nodes[1].numCpus = 2;
        nodes[1].memoryBytes = 2LL << 30;
        QVERIFY(nodes[0].ports.allocate(ports, true));
        QVERIFY(nodes[1].ports.allocate(ports, false));

        RestClient client;
        ClusterRuntime runtime(
            {rayProgram(), tempDir, logs.path(), QStringLiteral(ROV_LOOPBACK_LIBRARY)}, nodes,
            &client);
        const auto cleanup = stopAtEnd(runtime, tempDir);
        QSignalSpy started(&runtime, &ClusterRuntime::started);
        QSignalSpy failed(&runtime, &ClusterRuntime::failed);
        QSignalSpy progressed(&runtime, &ClusterRuntime::progressed);
        runtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 240000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        QCOMPARE(progressed.count(), 2);
        QCOMPARE(runtime.liveNodesByPool()[QStringLiteral("worker-pool1")], qint64(1));

        const QString dashboard =
            QStringLiteral("http://127.0.0.1:%1").arg(runtime.headNode().ports.dashboard);
        auto health = sendAndWait(
            client, HttpRequest::get(QUrl(dashboard + QStringLiteral("/api/gcs_healthz"))));
        QCOMPARE(health.body.trimmed(), QByteArray("success"));

        // The head has no CPUs, so a task that needs one runs on the worker.
        const nlohmann::json job = {
            {"entrypoint",
             "python -c \"import ray; ray.init(); "
             "print('sum', sum(ray.get([ray.remote(lambda x: x * x).options(num_cpus=1).remote(i) "
             "for i in range(10)])))\""}};
        auto submitted = sendAndWait(
            client, HttpRequest::withJson(HttpMethod::Post,
                                          QUrl(dashboard + QStringLiteral("/api/jobs/")), job));
        QVERIFY2(submitted.ok(), qPrintable(rov::test::describe(submitted)));
        const QString jobId =
            QString::fromStdString(submitted.json()["submission_id"].get<std::string>());
        QString status;
        QTRY_VERIFY_WITH_TIMEOUT(
            (status = QString::fromStdString(
                 sendAndWait(client, HttpRequest::get(
                                         QUrl(dashboard + QStringLiteral("/api/jobs/") + jobId)))
                     .json()
                     .value("status", std::string()))) == QLatin1String("SUCCEEDED") ||
                status == QLatin1String("FAILED"),
            120000);
        auto logsReply =
            sendAndWait(client, HttpRequest::get(QUrl(dashboard + QStringLiteral("/api/jobs/") +
                                                      jobId + QStringLiteral("/logs"))));
        const QString jobLog =
            QString::fromStdString(logsReply.json().value("logs", std::string()));
        QVERIFY2(status == QLatin1String("SUCCEEDED"), qPrintable(jobLog));
        QVERIFY2(jobLog.contains(QStringLiteral("sum 285")), qPrintable(jobLog));

        QVERIFY(processesMentioning(tempDir) >= 2);
        QSignalSpy stopped(&runtime, &ClusterRuntime::stopped);
        runtime.stop();
        QVERIFY(stopped.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(processesMentioning(tempDir), 0, 10000);
        QVERIFY(!QDir(tempDir).exists());
    }

    // A node whose start fails for a passing reason (here its GCS port is taken the first
    // time, as a busy machine's timeouts did) is started again; the user sees progress that
    // says so, and the cluster starts.
    void aNodeThatFailsToStartIsTriedAgain()
    {
        QTemporaryDir logs;
        const QString tempDir =
            QStringLiteral("/tmp/rovr-%1").arg(QCoreApplication::applicationPid());
        auto ports = PortAllocator::startingAnywhere();
        std::vector<NodePlan> nodes{headNode(testAddress(4))};
        QVERIFY(nodes[0].ports.allocate(ports, true));
        QTcpServer squatter;
        QVERIFY(squatter.listen(QHostAddress(nodes[0].ip), nodes[0].ports.gcs));

        RestClient client;
        ClusterRuntime runtime(
            {rayProgram(), tempDir, logs.path(), QStringLiteral(ROV_LOOPBACK_LIBRARY)}, nodes,
            &client);
        const auto cleanup = stopAtEnd(runtime, tempDir);
        QStringList said;
        connect(&runtime, &ClusterRuntime::progressed, this, [&](const QString &message) {
            said << message;
            if (message.contains(QLatin1String("trying again")))
                squatter.close(); // the passing reason passes
        });
        QSignalSpy started(&runtime, &ClusterRuntime::started);
        QSignalSpy failed(&runtime, &ClusterRuntime::failed);
        runtime.start();
        QTRY_VERIFY_WITH_TIMEOUT(!started.isEmpty() || !failed.isEmpty(), 300000);
        QVERIFY2(failed.isEmpty(),
                 failed.isEmpty() ? "" : qPrintable(failed.first().first().toString()));
        const QStringList retries = said.filter(QStringLiteral("trying again (attempt 2 of 3)"));
        QVERIFY2(retries.size() == 1, qPrintable(said.join(QLatin1Char('\n'))));
        QVERIFY2(retries.first().startsWith(QLatin1String("Node head-node")),
                 qPrintable(retries.first()));
        QSignalSpy stopped(&runtime, &ClusterRuntime::stopped);
        runtime.stop();
        QVERIFY(stopped.wait(60000));
        QTRY_COMPARE_WITH_TIMEOUT(processesMentioning(tempDir), 0, 10000);
    }

private:
    static QString rayProgram() { return QStringLiteral(ROV_PYTHON_VENV "/bin/ray"); }
};

QTEST_GUILESS_MAIN(TestClusterRuntime)
#include "tst_clusterruntime.moc"
