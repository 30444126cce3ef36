// rovd's metrics as an admin's tools see them: real Ray clusters scraped by rovd's real
// Prometheus (Debian's), read through Cloud Monitoring's PromQL API on rovd.
#include "rovdfixture.h"
#include "testsupport.h"

#include <QDeadlineTimer>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace rov::rest;
using nlohmann::json;
using rov::test::describe;

namespace {

const QString kParent = QStringLiteral("/v1/projects/demo/locations/us-central1");
const QString kProm = QStringLiteral("/v1/projects/demo/location/global/prometheus/api/v1/");
const QString kCluster = QStringLiteral("m1");

} // namespace

class TestRovdMetrics : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_data.isValid());
        // A rule of the user's with a low threshold, and a cost threshold any node passes.
        const QString rules = m_data.filePath(QStringLiteral("mine.yml"));
        QVERIFY(writeFile(rules, "groups:\n"
                                 "- name: mine\n"
                                 "  rules:\n"
                                 "  - alert: ManyTasksFinished\n"
                                 "    expr: sum by (ray_io_cluster) "
                                 "(ray_tasks{State=\"FINISHED\"}) >= 10\n"
                                 "    annotations:\n"
                                 "      summary: '{{ $value }} tasks finished'\n"));
        m_rovd.setExtraArguments({QStringLiteral("--alert-rules"), rules,
                                  QStringLiteral("--cost-alert-usd-per-hour"),
                                  QStringLiteral("0.01")});
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY2(!prometheusPids().isEmpty(),
                 "rovd started no Prometheus (Debian's prometheus package: scripts/setup.sh)");
    }

    void cleanupTestCase()
    {
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void aNewClustersNodesAreUpWithinThirtySeconds()
    {
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

        QElapsedTimer sinceRunning;
        sinceRunning.start();
        // Both nodes, the dashboard and the autoscaler: four targets, all up.
        const auto allUp = [this] {
            const double targets = scalar(QStringLiteral("count(up{ray_io_cluster=\"m1\"})"));
            return targets >= 4 &&
                   scalar(QStringLiteral("count(up{ray_io_cluster=\"m1\"} == 1)")) == targets;
        };
        while (sinceRunning.elapsed() < 45000 && !allUp())
            QTest::qWait(1000);
        QVERIFY2(allUp(),
                 qPrintable(QStringLiteral("targets after %1 ms: %2")
                                .arg(sinceRunning.elapsed())
                                .arg(QString::fromStdString(query(QStringLiteral("up")).dump()))));
        qInfo("all targets of m1 up %lld ms after RUNNING", sinceRunning.elapsed());
        QVERIFY2(sinceRunning.elapsed() < 30000, "the targets took more than 30 s");

        // Node metrics carry the pool the node belongs to.
        QTRY_VERIFY_WITH_TIMEOUT(
            query(QStringLiteral("count by (resource_pool) "
                                 "(ray_node_cpu_count{ray_io_cluster=\"m1\"})"))
                    .size() == 2,
            30000);
        const json pools = query(
            QStringLiteral("count by (resource_pool) (ray_node_cpu_count{ray_io_cluster=\"m1\"})"));
        QStringList names;
        for (const auto &series : pools)
            names << QString::fromStdString(series["metric"].value("resource_pool", ""));
        names.sort();
        QCOMPARE(names, (QStringList{QStringLiteral("head-node"), QStringLiteral("worker-pool1")}));
    }

    void aJobsTasksAreCounted()
    {
        QVERIFY(!m_dashboard.isEmpty());
        const auto submitted = send(HttpRequest::withJson(
            HttpMethod::Post, QUrl(m_dashboard + QStringLiteral("/api/jobs/")),
            {{"entrypoint", "python -c \"import ray; ray.init(); f = ray.remote(lambda i: i); "
                            "print(sum(ray.get([f.remote(i) for i in range(25)])))\""}}));
        QVERIFY2(submitted.ok(), qPrintable(describe(submitted)));
        const QString finished = QStringLiteral(
            "sum(ray_tasks{ray_io_cluster=\"m1\",State=\"FINISHED\",IsRetry=\"0\"}) or vector(0)");
        QTRY_VERIFY_WITH_TIMEOUT(scalar(finished) >= 25, 90000);
    }

    // The user's rule and the shipped cost rule fire; every shipped rule is loaded and healthy.
    void alertsFireAndAreListed()
    {
        const auto firing = [this](const std::string &name) {
            return !alerts(name, "firing").empty();
        };
        QTRY_VERIFY_WITH_TIMEOUT(firing("ManyTasksFinished"), 30000);
        QTRY_VERIFY_WITH_TIMEOUT(firing("ClusterCostHigh"), 30000);
        // The job succeeded: no task of the user's failed. Ray's own (the job supervisor's ping,
        // which fails as every job ends) are not the user's.
        const QString rays =
            QStringLiteral("sum(ray_tasks{ray_io_cluster=\"m1\",State=\"FAILED\"}) or vector(0)");
        qInfo("failed tasks of Ray's own after the job: %g", scalar(rays));
        QTest::qWait(10000); // two evaluations of the rules after the job's end
        QVERIFY2(alerts("RayTasksFailing").empty(), alerts("RayTasksFailing").dump().c_str());

        const json groups =
            send(call(HttpMethod::Get, kProm + QStringLiteral("rules"))).json()["data"]["groups"];
        QStringList names;
        for (const auto &group : groups) {
            for (const auto &rule : group["rules"]) {
                names << QString::fromStdString(rule.value("name", ""));
                QVERIFY2(rule.value("health", "") == "ok", rule.dump().c_str());
            }
        }
        names.sort();
        QCOMPARE(names, (QStringList{
                            QStringLiteral("ClusterCostHigh"), QStringLiteral("ManyTasksFinished"),
                            // Twice: a node that hangs, and one that exited.
                            QStringLiteral("RayNodeDown"), QStringLiteral("RayNodeDown"),
                            QStringLiteral("RayNodeMemoryHigh"),
                            QStringLiteral("RayObjectStoreFull"), QStringLiteral("RayTasksFailing"),
                            QStringLiteral("RayWorkWaitingForResources")}));
    }

    // Rules Prometheus would refuse stop rovd at once, with promtool's words, instead of a
    // Prometheus that restarts forever.
    void badAlertRulesAreRefusedAtStart()
    {
        QTemporaryDir data;
        const QString rules = data.filePath(QStringLiteral("bad.yml"));
        QVERIFY(writeFile(rules, "groups:\n- name: bad\n  rules:\n  - alert: X\n"
                                 "    expr: sum(\n"));
        rov::test::RovdFixture other(data.path(), m_tempRoot + QStringLiteral("-bad"));
        other.setExtraArguments({QStringLiteral("--alert-rules"), rules});
        QString error;
        QVERIFY(!other.start(&error));
        QVERIFY2(error.contains(QStringLiteral("would refuse the alerting rules")) &&
                     error.contains(QStringLiteral("parse error")),
                 qPrintable(error));
    }

    // rovd's own /metrics, scraped by the same Prometheus: the cluster's nodes, its cost per
    // hour, the API's requests.
    void rovdsOwnMetricsAreScraped()
    {
        HttpRequest direct = call(HttpMethod::Get, QStringLiteral("/metrics"));
        const auto text = send(direct);
        QVERIFY2(text.status == 200, qPrintable(describe(text)));
        QVERIFY2(
            text.body.contains("rovd_clusters{state=\"RUNNING\"} 1") &&
                text.body.contains("rovd_cluster_nodes{ray_io_cluster=\"m1\",pool=\"worker-pool1\","
                                   "state=\"live\"} 1") &&
                text.body.contains(
                    "rovd_api_request_duration_seconds_bucket{route=\"getPersistentResource\""),
            text.body.left(2000).constData());
        QTRY_VERIFY_WITH_TIMEOUT(
            scalar(QStringLiteral("rovd_cluster_cost_per_hour_usd{ray_io_cluster=\"m1\"}")) > 0,
            30000);
        QVERIFY(scalar(QStringLiteral(
                    "sum(rovd_api_requests_total{route=\"getPersistentResource\"})")) > 0);
    }

    void badPromQLGetsPrometheusOwnError()
    {
        const auto bad = send(call(HttpMethod::Get, kProm + QStringLiteral("query?query=sum(")));
        QCOMPARE(bad.status, 400);
        const json body = json::parse(bad.body.toStdString());
        QVERIFY2(body.value("status", "") == "error" && body.value("errorType", "") == "bad_data",
                 bad.body.constData());
        QVERIFY2(body.value("error", "").find("parse error") != std::string::npos,
                 bad.body.constData());

        HttpRequest anonymous = call(HttpMethod::Get, kProm + QStringLiteral("query?query=up"));
        anonymous.headers.clear();
        const auto refused = send(anonymous);
        QCOMPARE(refused.status, 401);
        QCOMPARE(refused.error->status, QStringLiteral("UNAUTHENTICATED"));

        // Google's discovery clients POST JSON; forms work too; the user role reads.
        HttpRequest asJson = call(HttpMethod::Post, kProm + QStringLiteral("query"));
        asJson.setJsonBody({{"query", "count(up)"}});
        QVERIFY2(send(asJson).status == 200, qPrintable(describe(send(asJson))));
        HttpRequest asForm = call(HttpMethod::Post, kProm + QStringLiteral("query"));
        asForm.body = "query=count%28up%29";
        asForm.contentType = "application/x-www-form-urlencoded";
        QCOMPARE(send(asForm).status, 200);
        const auto names =
            send(call(HttpMethod::Get, kProm + QStringLiteral("label/__name__/values")));
        QVERIFY2(names.ok() && names.body.contains("ray_node_cpu_count"),
                 names.body.left(300).constData());
    }

    void aKilledPrometheusComesBackWithItsData()
    {
        const QList<qint64> before = prometheusPids();
        QCOMPARE(before.size(), 1);
        // Samples at least 20 s old, seen before the kill ...
        const qint64 killedAt = QDateTime::currentSecsSinceEpoch() + 25;
        const QString range = rangeQuery(QStringLiteral("up{ray_io_cluster=\"m1\"}"),
                                         killedAt - 120, killedAt - 20, 5);
        QTRY_VERIFY_WITH_TIMEOUT(
            send(call(HttpMethod::Get, kProm + range)).json()["data"]["result"].size() >= 4, 40000);
        QTest::qWait(int(std::max<qint64>(0, killedAt - QDateTime::currentSecsSinceEpoch())) *
                     1000);
        QCOMPARE(::kill(pid_t(before.first()), SIGKILL), 0);
        QTRY_VERIFY_WITH_TIMEOUT(!prometheusPids().isEmpty() && prometheusPids() != before, 20000);
        // ... are there after the restart (the write-ahead log is read again).
        HttpResponse answer;
        QDeadlineTimer deadline(20000);
        while (!deadline.hasExpired() &&
               (answer = send(call(HttpMethod::Get, kProm + range))).status != 200)
            QTest::qWait(500);
        QVERIFY2(answer.status == 200,
                 qPrintable(describe(answer) + QLatin1Char(' ') + QString::fromUtf8(answer.body)));
        const json result = answer.json()["data"]["result"];
        QVERIFY2(result.size() >= 4, result.dump().c_str());
    }

    // A worker killed is a node down (rovd starts a replacement, and says so); the nodes that a
    // delete stops are not, though Prometheus cannot read them for over a minute.
    void aKilledWorkerIsDownAndADeletedClustersNodesAreNot()
    {
        QList<qint64> workers;
        for (const qint64 pid : rov::test::pidsMentioning(m_tempRoot)) {
            QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(pid));
            const QByteArray line =
                cmdline.open(QIODevice::ReadOnly) ? cmdline.readAll().replace('\0', ' ') : "";
            if (line.contains("start --block") && !line.contains("--head"))
                workers << pid;
        }
        QCOMPARE(workers.size(), 1);
        QCOMPARE(::kill(pid_t(workers.first()), SIGKILL), 0);
        QTRY_VERIFY2_WITH_TIMEOUT(!alerts("RayNodeDown", "firing").empty(),
                                  alerts("RayNodeDown").dump().c_str(), 60000);
        const json down = alerts("RayNodeDown", "firing").front();
        QCOMPARE(down["labels"].value("cause", ""), std::string("exited"));
        QCOMPARE(down["labels"].value("pool", ""), std::string("worker-pool1"));
        QVERIFY2(waitForState("RUNNING", 120000).value("state", "") == "RUNNING",
                 "the cluster did not run again after its worker was replaced");
    }

    void aDeletedClustersMetricsStillAnswer()
    {
        const qint64 deletedAt = QDateTime::currentSecsSinceEpoch();
        const auto deleted = send(
            call(HttpMethod::Delete, kParent + QStringLiteral("/persistentResources/") + kCluster));
        QVERIFY2(deleted.ok(), qPrintable(describe(deleted)));
        QTRY_COMPARE_WITH_TIMEOUT(
            send(
                call(HttpMethod::Get, kParent + QStringLiteral("/persistentResources/") + kCluster))
                .status,
            404, 120000);
        // Its targets go: nothing of it is scraped any more ...
        const QString recent = QStringLiteral("count_over_time(up{ray_io_cluster=\"m1\"}[15s])");
        QTRY_VERIFY2_WITH_TIMEOUT(query(recent).empty(), query(recent).dump().c_str(), 45000);
        // ... and its past stays.
        const QString range =
            rangeQuery(QStringLiteral("ray_node_cpu_count{ray_io_cluster=\"m1\"}"),
                       deletedAt - 3600, deletedAt, 15);
        const json result = send(call(HttpMethod::Get, kProm + range)).json()["data"]["result"];
        QVERIFY2(result.size() == 2, result.dump().c_str());
        // Its nodes were stopped on purpose: no "does not answer", pending or firing, over
        // longer than the rule's minute since the delete.
        QDeadlineTimer quiet(
            std::max<qint64>(0, deletedAt + 75 - QDateTime::currentSecsSinceEpoch()) * 1000);
        while (!quiet.hasExpired()) {
            for (const json &alert : alerts("RayNodeDown"))
                QVERIFY2(alert["labels"].value("cause", "") != "silent", alert.dump().c_str());
            QTest::qWait(5000);
        }
    }

private:
    static bool writeFile(const QString &path, const QByteArray &text)
    {
        QFile file(path);
        return file.open(QIODevice::WriteOnly) && file.write(text) == text.size();
    }

    // Concatenated, not arg(): an escaped '=' is "%3D", which arg() would take for its own %3.
    static QString rangeQuery(const QString &promql, qint64 start, qint64 end, int step)
    {
        return QStringLiteral("query_range?query=") +
               QString::fromLatin1(QUrl::toPercentEncoding(promql)) + QStringLiteral("&start=") +
               QString::number(start) + QStringLiteral("&end=") + QString::number(end) +
               QStringLiteral("&step=") + QString::number(step);
    }

    HttpRequest call(HttpMethod method, const QString &path)
    {
        HttpRequest request;
        request.method = method;
        request.url = m_rovd.url(path);
        request.retry = RetryPolicy::none();
        request.setHeader("Authorization",
                          "Bearer " + (method == HttpMethod::Get || path.startsWith(kProm)
                                           ? m_rovd.userToken()
                                           : m_rovd.adminToken()));
        return request;
    }

    HttpResponse send(const HttpRequest &request)
    {
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    // An instant query's result vector; empty when the query failed.
    json query(const QString &promql)
    {
        const auto answer =
            send(call(HttpMethod::Get, kProm + QStringLiteral("query?query=") +
                                           QString::fromLatin1(QUrl::toPercentEncoding(promql))));
        if (!answer.ok())
            return json::array();
        return answer.json()["data"]["result"];
    }

    // m1's alerts named `name` in `state` (any state when empty), as Prometheus lists them.
    json alerts(const std::string &name, const std::string &state = {})
    {
        json found = json::array();
        const auto answer = send(call(HttpMethod::Get, kProm + QStringLiteral("alerts")));
        for (const auto &alert : answer.json()["data"].value("alerts", json::array())) {
            if (alert["labels"].value("alertname", "") == name &&
                alert["labels"].value("ray_io_cluster", "") == "m1" &&
                (state.empty() || alert.value("state", "") == state))
                found.push_back(alert);
        }
        return found;
    }

    // The value of a query that answers one series; -1 when it answers none.
    double scalar(const QString &promql)
    {
        const json result = query(promql);
        if (result.size() != 1)
            return -1;
        return std::stod(result[0]["value"][1].get<std::string>());
    }

    json waitForState(const char *state, int ms)
    {
        return rov::test::waitForClusterState(
            m_client,
            call(HttpMethod::Get, kParent + QStringLiteral("/persistentResources/") + kCluster),
            state, ms);
    }

    QList<qint64> prometheusPids() const
    {
        return rov::test::pidsMentioning(m_rovd.dataDir() + QStringLiteral("/metrics/tsdb"));
    }

    QTemporaryDir m_data;
    QString m_tempRoot = QStringLiteral("/tmp/rovm-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    RestClient m_client;
    QString m_dashboard;
};

QTEST_GUILESS_MAIN(TestRovdMetrics)
#include "tst_rovdmetrics.moc"
