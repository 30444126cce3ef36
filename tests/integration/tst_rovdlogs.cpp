// rovd's log store as a developer meets it: a real Ray cluster of two nodes, jobs that print and
// warn, Cloud Logging's entries:list over HTTP, a rovd killed with -9 while a job writes, and a
// cluster deleted while its lines are still wanted.
#include "rovdfixture.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>
#include <map>

using namespace rov::rest;
using nlohmann::json;
using rov::test::describe;

namespace {

const QString kParent = QStringLiteral("/v1/projects/demo/locations/us-central1");
const QString kCluster = QStringLiteral("l1");
const QString kEntries = QStringLiteral("/v2/entries:list");

// A job whose driver prints a marker and whose task, pinned to the worker node, prints one and
// warns in Ray's logging format.
std::string markerJob(const QString &marker)
{
    return QStringLiteral(
               "python -c \"import ray, logging, sys; ray.init(); "
               "from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy as A; "
               "w = [n['NodeID'] for n in ray.nodes() if n['Alive'] and "
               "'node:__internal_head__' not in n['Resources']][0]\n"
               "@ray.remote(scheduling_strategy=A(node_id=w, soft=False))\n"
               "def task():\n"
               "    h = logging.StreamHandler(sys.stderr)\n"
               "    h.setFormatter(logging.Formatter('%(asctime)s\\t%(levelname)s "
               "%(filename)s:%(lineno)s -- %(message)s'))\n"
               "    log = logging.getLogger('job'); log.addHandler(h)\n"
               "    print('task-%1', flush=True)\n"
               "    log.warning('warning-%1 disk is slow')\n"
               "    return 1\n"
               "print('driver-%1', ray.get(task.remote()), flush=True)\"")
        .arg(marker)
        .toStdString();
}

} // namespace

class TestRovdLogs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        HttpRequest create =
            call(HttpMethod::Post,
                 kParent + QStringLiteral("/persistentResources?persistentResourceId=") + kCluster);
        create.setJsonBody(rov::test::headPlusOneWorker());
        const auto created = send(create);
        QVERIFY2(created.ok(), qPrintable(describe(created)));
        const json cluster = waitForState("RUNNING", 240000);
        QVERIFY2(cluster.value("state", "") == "RUNNING", cluster.dump().c_str());
        m_dashboard =
            QStringLiteral("http://") +
            QString::fromStdString(
                cluster["resourceRuntime"]["accessUris"]["RAY_DASHBOARD_URI"].get<std::string>());
    }

    void cleanupTestCase()
    {
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void aJobsLinesAreFoundWithinFiveSeconds()
    {
        const QString submission = submit(markerJob(m_marker));
        QVERIFY(!submission.isEmpty());
        QVERIFY(waitForJob(submission, 120000));
        QElapsedTimer sinceDone;
        sinceDone.start();
        json driver;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(driver = entries(QStringLiteral("\"driver-%1\"").arg(m_marker))).empty(), 5000);
        qInfo("the driver's marker was found %lld ms after the job ended", sinceDone.elapsed());
        QCOMPARE(driver.size(), size_t(1));
        QCOMPARE(label(driver[0], "ml.googleapis.com/ray_cluster_id"), kCluster);
        QCOMPARE(label(driver[0], "ray_submission_id"), submission);
        QCOMPARE(label(driver[0], "resource_pool"), QStringLiteral("head-node"));
        QCOMPARE(text(driver[0]["resource"]["labels"]["task_name"]),
                 QStringLiteral("ray-cluster-logs"));
        QCOMPARE(text(driver[0]["logName"]),
                 QStringLiteral("projects/demo/logs/job-driver-%1.log").arg(submission));

        // The task ran on the worker node: its lines say so, and carry the job.
        json task;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(task = entries(
                  QStringLiteral("\"task-%1\" jsonPayload.tailed_path:\"/worker-\"").arg(m_marker)))
                 .empty(),
            5000);
        QCOMPARE(label(task[0], "resource_pool"), QStringLiteral("worker-pool1"));
        QCOMPARE(label(task[0], "ray_node"), QStringLiteral("worker-pool1-0"));
        QVERIFY(!label(task[0], "ray_node_id").isEmpty());
        QVERIFY(!label(task[0], "ray_job_id").isEmpty());
        QVERIFY(text(task[0]["jsonPayload"]["tailed_path"]).contains(QLatin1String("/worker-")));
    }

    // What a user types: the warning a worker node logged during their job, in one query.
    void theWorkersWarningIsFoundByItsSeverity()
    {
        const json warnings = entries(
            QStringLiteral("severity>=WARNING labels.resource_pool=\"worker-pool1\" "
                           "labels.\"ml.googleapis.com/ray_cluster_id\"=\"%1\" \"warning-%2\"")
                .arg(kCluster, m_marker));
        QVERIFY2(warnings.size() == 1, warnings.dump().c_str());
        QCOMPARE(text(warnings[0]["severity"]), QStringLiteral("WARNING"));
        QVERIFY(
            text(warnings[0]["jsonPayload"]["message"]).endsWith(QLatin1String("disk is slow")));
        QVERIFY(entries(QStringLiteral("severity>=ERROR \"warning-%1\"").arg(m_marker)).empty());
    }

    void eachNodesRayletIsFoundByItsFile()
    {
        const json head = entries(QStringLiteral("logName=\"projects/demo/logs/raylet.out\""), 5);
        QVERIFY2(!head.empty(), "no raylet.out entries");
        QCOMPARE(label(head[0], "resource_pool"), QStringLiteral("head-node"));
        QVERIFY(text(head[0]["timestamp"]).startsWith(QLatin1String("20")));
        const json worker = entries(
            QStringLiteral("jsonPayload.tailed_path=~\"raylet\\\\.1\\\\.out$\" severity>=INFO"), 5);
        QVERIFY2(!worker.empty(), "no raylet.1.out entries");
        QCOMPARE(label(worker[0], "ray_node"), QStringLiteral("worker-pool1-0"));
        QCOMPARE(text(worker[0]["severity"]), QStringLiteral("INFO"));
    }

    void theVolumeIsInRovdsMetrics()
    {
        const QString metrics =
            QString::fromUtf8(send(call(HttpMethod::Get, QStringLiteral("/metrics"))).body);
        QVERIFY2(metrics.contains(QStringLiteral("rovd_log_entries_total{ray_io_cluster=\"l1\","
                                                 "severity=\"WARNING\",log=\"worker-*-*-*.err\"}")),
                 qPrintable(metrics.right(3000)));
    }

    void requestsAreCheckedAsGoogleDoes()
    {
        HttpRequest large = call(HttpMethod::Post, kEntries);
        large.setJsonBody({{"resourceNames", {"projects/demo"}}, {"pageSize", 1001}});
        const auto refused = send(large);
        QCOMPARE(refused.status, 400);
        QCOMPARE(refused.error->status, QStringLiteral("INVALID_ARGUMENT"));
        HttpRequest broken = call(HttpMethod::Post, kEntries);
        broken.setJsonBody({{"resourceNames", {"projects/demo"}}, {"filter", "severity>= AND"}});
        const auto unreadable = send(broken);
        QCOMPARE(unreadable.status, 400);
        QVERIFY2(unreadable.error->message.contains(QLatin1String("column")),
                 qPrintable(unreadable.error->message));
        HttpRequest anonymous = large;
        anonymous.headers.clear();
        QCOMPARE(send(anonymous).status, 401);
        // The user role reads (call() sends the user's token to entries:list).
        HttpRequest read = call(HttpMethod::Post, kEntries);
        read.setJsonBody({{"resourceNames", {"projects/demo"}}, {"pageSize", 1}});
        QCOMPARE(send(read).status, 200);
    }

    // kill -9 of rovd while a job writes numbered lines: after a restart each is stored once.
    void aKilledRovdNeitherLosesNorRepeatsALine()
    {
        const QString tag = QStringLiteral("seq-%1").arg(m_marker);
        const QString submission =
            submit(QStringLiteral("python -c \"import time\nfor i in range(1000):\n"
                                  "    print('%1', i, flush=True); time.sleep(0.01)\"")
                       .arg(tag)
                       .toStdString());
        QVERIFY(!submission.isEmpty());
        QTRY_VERIFY_WITH_TIMEOUT(!entries(QStringLiteral("\"%1\"").arg(tag), 1).empty(), 60000);
        const size_t storedBefore = numbers(tag).size();
        m_rovd.kill9();
        // The job was still writing when rovd went.
        QVERIFY2(storedBefore < 1000, qPrintable(QString::number(storedBefore)));
        qInfo("%zu of 1000 lines were stored when rovd was killed", storedBefore);
        QTest::qWait(1500);
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY(waitForJob(submission, 120000));
        std::map<int, int> seen;
        QTRY_VERIFY_WITH_TIMEOUT((seen = numbers(tag)).size() == 1000, 20000);
        QTest::qWait(1500); // nothing comes twice later either
        seen = numbers(tag);
        QCOMPARE(seen.size(), size_t(1000));
        for (const auto &[number, times] : seen)
            QVERIFY2(times == 1,
                     qPrintable(QStringLiteral("%1 is stored %2 times").arg(number).arg(times)));
        QCOMPARE(seen.begin()->first, 0);
        QCOMPARE(seen.rbegin()->first, 999);
    }

    // rovd's own logs are entries too, in the project the console asks for: a refused request
    // under rovd/access with its route's template and the caller's role (never a token), and
    // the restart after the kill under rovd/events. The Logs page's default query (the
    // clusters' task name) leaves them out.
    void rovdsOwnLogsAreEntriesOfTheirOwn()
    {
        const QString access = QStringLiteral("logName=\"projects/demo/logs/rovd%2Faccess\" ");
        json refused;
        QTRY_VERIFY_WITH_TIMEOUT(
            !(refused = entries(access + QStringLiteral("severity=WARNING \"entries:list 400\"")))
                 .empty(),
            10000);
        QCOMPARE(text(refused[0]["resource"]["type"]), QStringLiteral("generic_node"));
        QCOMPARE(text(refused[0]["logName"]), QStringLiteral("projects/demo/logs/rovd%2Faccess"));
        QVERIFY2(text(refused[0]["jsonPayload"]["message"])
                     .startsWith(QLatin1String("POST /v2/entries:list 400 in ")),
                 refused.dump().c_str());
        QVERIFY(text(refused[0]["jsonPayload"]["message"]).endsWith(QLatin1String("(user, logs)")));
        const json anonymous = entries(access + QStringLiteral("\"401\" \"none, logs\""));
        QVERIFY2(!anonymous.empty(), "the request without a token is not in rovd/access");
        QCOMPARE(text(anonymous[0]["severity"]), QStringLiteral("WARNING"));
        for (const QByteArray &token : {m_rovd.userToken(), m_rovd.adminToken()})
            QVERIFY(entries(QStringLiteral("\"%1\"").arg(QString::fromLatin1(token))).empty());

        json started;
        QTRY_VERIFY_WITH_TIMEOUT(
            (started = entries(QStringLiteral("logName=\"projects/demo/logs/rovd%2Fevents\" "
                                              "\"started on\"")))
                    .size() >= 2,
            10000);
        QCOMPARE(text(started[0]["severity"]), QStringLiteral("INFO"));
        // logs.list (gcloud logging logs list) names them beside the clusters' files.
        const auto names = send(call(HttpMethod::Get, QStringLiteral("/v2/projects/demo/logs")));
        QVERIFY2(names.ok(), qPrintable(describe(names)));
        const json logNames = names.json()["logNames"];
        for (const char *name :
             {"projects/demo/logs/rovd%2Faccess", "projects/demo/logs/rovd%2Fevents",
              "projects/demo/logs/raylet.out"})
            QVERIFY2(std::find(logNames.begin(), logNames.end(), json(name)) != logNames.end(),
                     logNames.dump().c_str());
        QVERIFY(entries(QStringLiteral("resource.labels.task_name=\"ray-cluster-logs\" "
                                       "\"/v2/entries:list\""))
                    .empty());
    }

    void aDeletedClustersLinesAreStillFound()
    {
        const auto deleted = send(
            call(HttpMethod::Delete, kParent + QStringLiteral("/persistentResources/") + kCluster));
        QVERIFY2(deleted.ok(), qPrintable(describe(deleted)));
        QTRY_COMPARE_WITH_TIMEOUT(
            send(
                call(HttpMethod::Get, kParent + QStringLiteral("/persistentResources/") + kCluster))
                .status,
            404, 120000);
        QCOMPARE(entries(QStringLiteral("\"driver-%1\"").arg(m_marker)).size(), size_t(1));
        QCOMPARE(entries(QStringLiteral("severity=WARNING \"warning-%1\"").arg(m_marker)).size(),
                 size_t(1));
    }

private:
    static QString text(const json &value)
    {
        return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
    }
    static QString label(const json &entry, const char *key)
    {
        return text(entry["labels"].value(key, json()));
    }

    HttpRequest call(HttpMethod method, const QString &path)
    {
        HttpRequest request;
        request.method = method;
        request.url = m_rovd.url(path);
        request.retry = RetryPolicy::none();
        request.setHeader("Authorization",
                          "Bearer " + (method == HttpMethod::Get || path == kEntries
                                           ? m_rovd.userToken()
                                           : m_rovd.adminToken()));
        return request;
    }

    HttpResponse send(const HttpRequest &request)
    {
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    json entries(const QString &filter, int pageSize = 1000, const QString &pageToken = {},
                 QString *next = nullptr)
    {
        HttpRequest request = call(HttpMethod::Post, kEntries);
        json body = {{"resourceNames", {"projects/demo"}},
                     {"filter", filter.toStdString()},
                     {"pageSize", pageSize}};
        if (!pageToken.isEmpty())
            body["pageToken"] = pageToken.toStdString();
        request.setJsonBody(body);
        const auto answer = send(request);
        if (!answer.ok()) {
            qWarning("entries:list: %s", qPrintable(describe(answer)));
            return json::array();
        }
        const json page = answer.json();
        if (next)
            *next = text(page.value("nextPageToken", json()));
        return page.value("entries", json::array());
    }

    // How often each number of the tagged lines is stored, over every page.
    std::map<int, int> numbers(const QString &tag)
    {
        std::map<int, int> seen;
        QString token;
        do {
            QString next;
            for (const json &entry : entries(QStringLiteral("\"%1\"").arg(tag), 250, token, &next))
                ++seen[text(entry["jsonPayload"]["message"]).section(QLatin1Char(' '), -1).toInt()];
            token = next;
        } while (!token.isEmpty());
        return seen;
    }

    QString submit(const std::string &entrypoint)
    {
        const auto submitted = send(HttpRequest::withJson(
            HttpMethod::Post, QUrl(m_dashboard + QStringLiteral("/api/jobs/")),
            {{"entrypoint", entrypoint}}));
        if (!submitted.ok()) {
            qWarning("submit: %s", qPrintable(describe(submitted)));
            return {};
        }
        return text(submitted.json()["submission_id"]);
    }

    bool waitForJob(const QString &submission, int ms)
    {
        QDeadlineTimer deadline(ms);
        while (!deadline.hasExpired()) {
            HttpRequest request;
            request.url = QUrl(m_dashboard + QStringLiteral("/api/jobs/") + submission);
            const auto answer = send(request);
            const QString status = answer.ok() ? text(answer.json()["status"]) : QString();
            if (status == QLatin1String("SUCCEEDED"))
                return true;
            if (status == QLatin1String("FAILED") || status == QLatin1String("STOPPED")) {
                qWarning("job %s: %s", qPrintable(submission), answer.json().dump().c_str());
                return false;
            }
            QTest::qWait(500);
        }
        return false;
    }

    json waitForState(const char *state, int ms)
    {
        return rov::test::waitForClusterState(
            m_client,
            call(HttpMethod::Get, kParent + QStringLiteral("/persistentResources/") + kCluster),
            state, ms);
    }

    QTemporaryDir m_data;
    QString m_tempRoot = QStringLiteral("/tmp/rovl-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    RestClient m_client;
    QString m_dashboard;
    const QString m_marker = QUuid::createUuid().toString(QUuid::Id128).left(12);
};

QTEST_GUILESS_MAIN(TestRovdLogs)
#include "tst_rovdlogs.moc"
