// The console's Ray dashboard client against a real Ray cluster run by rovd: nodes, submitting a
// job with environment variables and a name, its log streamed as plain text, stopping a running
// job, deleting a finished one.
#include "api/ray/raydashboardclient.h"
#include "rest/operationpoller.h"
#include "rovdfixture.h"
#include "testsupport.h"

#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace rov::api::ray;
using nlohmann::json;
using rov::rest::HttpMethod;
using rov::rest::HttpRequest;

class TestRayDashboard : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QString error;
        // Every node stops with rovd at the end, agents included: nothing of this test may hold a
        // port when the next test starts its cluster.
        m_rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        auto create = HttpRequest::withJson(
            HttpMethod::Post,
            m_rovd.url(QStringLiteral("/v1/projects/p/locations/us-central1/persistentResources")),
            json::parse(R"({"resourcePools": [
                {"id": "head", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1},
                {"id": "workers", "machineSpec": {"machineType": "n1-standard-4"}, "replicaCount": 1}],
                "resourceRuntimeSpec": {"raySpec": {}}})"));
        create.query.addQueryItem(QStringLiteral("persistentResourceId"), QStringLiteral("dash"));
        create.setHeader("Authorization", "Bearer " + m_rovd.adminToken());
        const auto created = rov::test::sendAndWait(m_client, create);
        QVERIFY2(created.ok(), qPrintable(rov::test::describe(created)));
        const QString cluster =
            QStringLiteral("/v1/projects/p/locations/us-central1/persistentResources/dash");
        json resource;
        QDeadlineTimer deadline(180000);
        while (!deadline.hasExpired()) {
            auto get = HttpRequest::get(m_rovd.url(cluster));
            get.setHeader("Authorization", "Bearer " + m_rovd.userToken());
            resource = rov::test::sendAndWait(m_client, get).json();
            if (resource.value("state", std::string()) == "RUNNING")
                break;
            QTest::qWait(500);
        }
        QVERIFY2(resource.value("state", std::string()) == "RUNNING", resource.dump().c_str());
        m_dashboard = std::make_unique<RayDashboardClient>(
            &m_client, QUrl(QStringLiteral("http://") +
                            QString::fromStdString(
                                resource["resourceRuntime"]["accessUris"]["RAY_DASHBOARD_URI"]
                                    .get<std::string>())));
    }

    void cleanupTestCase()
    {
        m_rovd.terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void listsTheHeadAndTheWorker()
    {
        Result<std::vector<NodeState>> nodes;
        m_dashboard->listNodes(this, [&](auto result) { nodes = result; });
        QTRY_VERIFY_WITH_TIMEOUT(nodes.ok() && nodes.value.size() == 2, 15000);
        QCOMPARE(std::count_if(nodes.value.begin(), nodes.value.end(),
                               [](const NodeState &node) { return node.head; }),
                 1);
        for (const auto &node : nodes.value) {
            QCOMPARE(node.state, QStringLiteral("ALIVE"));
            // The head has no CPUs for tasks, as on Google Cloud; the worker has its 4.
            QCOMPARE(node.resourcesTotal.count(QStringLiteral("CPU"))
                         ? node.resourcesTotal.at(QStringLiteral("CPU"))
                         : 0.0,
                     node.head ? 0.0 : 4.0);
        }
    }

    void aJobRunsAndItsLogStreamsAsText()
    {
        JobSubmission job;
        job.entrypoint = QStringLiteral(
            "python -c \"import os, ray; ray.init(); print('greeting', os.environ['GREETING'], "
            "sum(ray.get([ray.remote(lambda x: x + 1).remote(i) for i in range(10)])))\"");
        job.envVars[QStringLiteral("GREETING")] = QStringLiteral("hello");
        job.metadata[QStringLiteral("job_name")] = QStringLiteral("greeter");
        const QString id = submit(job);
        QVERIFY(!id.isEmpty());

        // The driver's node is known once the job left PENDING.
        waitForStatus(
            id, {QStringLiteral("RUNNING"), QStringLiteral("SUCCEEDED"), QStringLiteral("FAILED")});
        Result<JobDetails> details;
        m_dashboard->getJob(id, this, [&](auto result) { details = result; });
        QTRY_VERIFY_WITH_TIMEOUT(!details.value.driverNodeId.isEmpty(), 15000);
        QByteArray streamed;
        bool streamEnded = false;
        auto *stream = m_dashboard->streamJobLogs(
            id, details.value.driverNodeId, this,
            [&](const QByteArray &chunk) { streamed += chunk; }, [&](auto) { streamEnded = true; });
        QCOMPARE(waitForStatus(id, {QStringLiteral("SUCCEEDED"), QStringLiteral("FAILED")}),
                 QStringLiteral("SUCCEEDED"));
        QTRY_VERIFY_WITH_TIMEOUT(streamed.contains("greeting hello 55"), 20000);
        // format=text: lines as written, no 1/0 marker bytes in front.
        QVERIFY2(streamed.split('\n').contains("greeting hello 55"), streamed.constData());
        stream->cancel(); // Ray follows the file after the job ended
        QTRY_VERIFY_WITH_TIMEOUT(streamEnded, 10000);

        Result<QString> logs;
        m_dashboard->jobLogs(id, this, [&](auto result) { logs = result; });
        QTRY_VERIFY_WITH_TIMEOUT(logs.value.contains(QStringLiteral("greeting hello 55")), 10000);

        Result<std::vector<JobDetails>> jobs;
        m_dashboard->listJobs(this, [&](auto result) { jobs = result; });
        QTRY_VERIFY_WITH_TIMEOUT(!jobs.value.empty(), 10000);
        const auto found = std::find_if(jobs.value.begin(), jobs.value.end(),
                                        [&](const JobDetails &j) { return j.submissionId == id; });
        QVERIFY(found != jobs.value.end());
        QCOMPARE(found->name(), QStringLiteral("greeter"));
        QVERIFY(found->isTerminal());
        QVERIFY(found->endTime >= found->startTime && found->startTime.isValid());
        m_finished = id;
    }

    void theSampleJobsRunOnTheCluster_data()
    {
        QTest::addColumn<QString>("sample");
        QTest::addColumn<QString>("expected");
        QTest::newRow("pi") << QStringLiteral("pi_monte_carlo.py")
                            << QStringLiteral("pi is about 3.1");
        QTest::newRow("word count")
            << QStringLiteral("word_count.py") << QStringLiteral("ray 6000");
        QTest::newRow("training") << QStringLiteral("train_checkpoint.py")
                                  << QStringLiteral("restored epoch 30: w=3.0");
    }

    void theSampleJobsRunOnTheCluster()
    {
        QFETCH(QString, sample);
        QFETCH(QString, expected);
        // The cluster shares this machine's files, so the sample runs from the source tree.
        JobSubmission job;
        job.entrypoint =
            QStringLiteral("python " ROV_SOURCE_DIR "/resources/python/samples/") + sample;
        job.metadata[QStringLiteral("job_name")] = sample;
        job.envVars[QStringLiteral("CHECKPOINT_DIR")] = m_data.path(); // removed with the test
        const QString id = submit(job);
        QVERIFY(!id.isEmpty());
        const QString status =
            waitForStatus(id, {QStringLiteral("SUCCEEDED"), QStringLiteral("FAILED")});
        Result<QString> logs;
        bool answered = false;
        m_dashboard->jobLogs(id, this, [&](auto result) {
            logs = result;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        QVERIFY2(status == QStringLiteral("SUCCEEDED") && logs.value.contains(expected),
                 qPrintable(status + QLatin1Char('\n') + logs.value.right(2000)));
    }

    void aRunningJobIsStopped()
    {
        JobSubmission job;
        job.entrypoint = QStringLiteral("python -c \"import time; time.sleep(600)\"");
        const QString id = submit(job);
        QVERIFY(!id.isEmpty());
        QCOMPARE(waitForStatus(id, {QStringLiteral("RUNNING")}), QStringLiteral("RUNNING"));
        Result<bool> stopped;
        m_dashboard->stopJob(id, this, [&](auto result) { stopped = result; });
        QTRY_VERIFY_WITH_TIMEOUT(stopped.value, 15000);
        QCOMPARE(waitForStatus(id, {QStringLiteral("STOPPED")}), QStringLiteral("STOPPED"));
        m_stoppedId = id;
    }

    void aFinishedJobIsDeletedAndThenUnknown()
    {
        QVERIFY(!m_finished.isEmpty());
        Result<bool> deleted;
        m_dashboard->deleteJob(m_finished, this, [&](auto result) { deleted = result; });
        QTRY_VERIFY_WITH_TIMEOUT(deleted.value, 15000);
        Result<JobDetails> gone;
        bool answered = false;
        m_dashboard->getJob(m_finished, this, [&](auto result) {
            gone = result;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        QVERIFY(gone.error && gone.error->httpStatus == 404);
    }

    void aBadSubmissionSaysWhy()
    {
        JobSubmission job;
        job.entrypoint = QStringLiteral("echo again");
        job.submissionId = m_stoppedId; // taken
        Result<QString> refused;
        bool answered = false;
        m_dashboard->submitJob(job, this, [&](auto result) {
            refused = result;
            answered = true;
        });
        QTRY_VERIFY_WITH_TIMEOUT(answered, 15000);
        QVERIFY(refused.error);
        // Ray answers a taken submission id with a 500 and a traceback; its last line is kept.
        QVERIFY(refused.error->httpStatus >= 400);
        QVERIFY2(refused.error->message.contains(QStringLiteral("already exists")),
                 qPrintable(refused.error->message));
    }

private:
    QString submit(const JobSubmission &job)
    {
        Result<QString> submitted;
        bool answered = false;
        m_dashboard->submitJob(job, this, [&](auto result) {
            submitted = result;
            answered = true;
        });
        if (!QTest::qWaitFor([&] { return answered; }, 30000))
            return {};
        if (!submitted.ok())
            qWarning() << "refused:" << submitted.error->message;
        return submitted.value;
    }

    QString waitForStatus(const QString &id, const QStringList &wanted)
    {
        QString status;
        QDeadlineTimer deadline(120000);
        while (!deadline.hasExpired() && !wanted.contains(status)) {
            bool answered = false;
            m_dashboard->getJob(id, this, [&](auto result) {
                status = result.value.status;
                answered = true;
            });
            if (!QTest::qWaitFor([&] { return answered; }, 15000))
                return QStringLiteral("(no answer)");
            if (!wanted.contains(status))
                QTest::qWait(500);
        }
        return status;
    }

    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovr-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    rov::rest::RestClient m_client;
    std::unique_ptr<RayDashboardClient> m_dashboard;
    QString m_finished;
    QString m_stoppedId;
};

QTEST_GUILESS_MAIN(TestRayDashboard)
#include "tst_raydashboard.moc"
