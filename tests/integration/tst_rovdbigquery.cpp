// rovd's BigQuery (BigQuery's REST API and Storage Read API on DuckDB, in a service rovd
// supervises) as clients meet it: Google's own clients do every step they know through rovd; a
// Ray job on a local cluster reads and writes BigQuery with the code from Google's documentation;
// bad requests get BigQuery's errors; a running query can be cancelled; kill -9 of the service,
// and of rovd, in the middle of a query loses no stored row, and the query ends with the reason.
#include "rovdfixture.h"
#include "testsupport.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace rov::rest;
using nlohmann::json;

namespace {

QString reasonOf(const json &error)
{
    return QString::fromStdString(error.value("reason", std::string()));
}

const QString kApi = QStringLiteral("/bigquery/v2/projects/demo");
// A query that runs for hours on 1,000 rows (a four-way cross join): it is still running when the
// test acts on it.
const char *kEndless = "SELECT SUM(a.n * b.n * c.n * d.n) AS s FROM keep.t a, keep.t b, keep.t c, "
                       "keep.t d";

} // namespace

class TestRovdBigQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_readPort = rov::test::freeLocalPort();
        QVERIFY(m_readPort != 0);
        m_rovd.setExtraArguments(
            {QStringLiteral("--bigquery-read-port"), QString::number(m_readPort)});
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        // The service starts beside rovd; it answers within seconds.
        QTRY_VERIFY_WITH_TIMEOUT(call("GET", kApi + QStringLiteral("/datasets")).status == 200,
                                 30000);
    }

    void cleanupTestCase()
    {
        m_rovd.terminate();
        // rovd stops its service; none is left running (it would be killed here, and fail).
        const int left = rov::test::processesMentioning(serviceScript());
        rov::test::killProcessesUnder(m_tempRoot);
        rov::test::killProcessesUnder(m_data.path());
        QCOMPARE(left, 0);
        QDir(m_tempRoot).removeRecursively();
    }

    void googlesClientDoesEveryStep()
    {
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ROV_TOKEN"), QString::fromLatin1(m_rovd.adminToken()));
        python.setProcessEnvironment(environment);
        python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                     {QStringLiteral(ROV_SOURCE_DIR "/tests/compat/google_bigquery.py"),
                      m_rovd.url(QString()).toString(QUrl::StripTrailingSlash),
                      QStringLiteral("127.0.0.1:%1").arg(m_readPort)});
        QVERIFY(python.waitForFinished(600000));
        const QString output = QString::fromUtf8(python.readAll());
        QVERIFY2(python.exitCode() == 0 &&
                     output.contains(QStringLiteral("bigquery client: every step passed")),
                 qPrintable(output.right(6000) + QStringLiteral("\n--- rovd ---\n") +
                            m_rovd.output().right(2000) + serviceLog()));
    }

    // The code from Google's documentation, unchanged, in a Ray job on a local cluster:
    // ray.data.read_bigquery and vertex_ray's read a table and a query's results through the
    // Storage Read API, write_bigquery loads new tables. The nodes find BigQuery, the Storage
    // Read API and their credentials (their cluster's token) as a Vertex AI node does.
    void aRayJobUsesBigQueryWithGooglesCode()
    {
        const QString cluster =
            QStringLiteral("/v1/projects/demo/locations/us-central1/persistentResources/bq1");
        const auto created = call("POST",
                                  QStringLiteral("/v1/projects/demo/locations/us-central1/"
                                                 "persistentResources?persistentResourceId=bq1"),
                                  rov::test::headPlusOneWorker());
        QVERIFY2(created.ok(), qPrintable(rov::test::describe(created)));
        QString dashboard;
        QTRY_VERIFY_WITH_TIMEOUT(!(dashboard = dashboardOf(cluster)).isEmpty(), 300000);
        const QString output =
            runJob(dashboard, "python " ROV_SOURCE_DIR "/tests/compat/ray_bigquery_job.py demo");
        QVERIFY2(output.contains(QStringLiteral("ray bigquery job: every step passed")),
                 qPrintable(output.right(6000) + serviceLog()));
        // What the job wrote is BigQuery's, for every client: here rovd's REST API.
        const auto tables = call("GET", kApi + QStringLiteral("/datasets/rayout/tables"));
        QVERIFY2(tables.status == 200 && tables.body.contains("\"doubled\"") &&
                     tables.body.contains("\"by_k\""),
                 tables.body.constData());
        // The console's sample job "BigQuery → Ray → BigQuery" on the same cluster.
        const QString sample = runJob(dashboard, "python " ROV_SOURCE_DIR
                                                 "/resources/python/samples/bigquery_pipeline.py");
        QVERIFY2(sample.contains(QStringLiteral("wrote ray_samples.zone_summary: 12 zones, "
                                                "200,000 trips")),
                 qPrintable(sample.right(4000) + serviceLog()));
        QVERIFY(call("DELETE", cluster).ok());
    }

    void badRequestsGetBigQuerysErrors()
    {
        const auto syntax = call("POST", kApi + QStringLiteral("/queries"),
                                 {{"query", "SELECT a FROM WHERE"}, {"useLegacySql", false}});
        QCOMPARE(syntax.status, 400);
        QCOMPARE(reasonOf(syntax.json()["error"]["errors"][0]), QStringLiteral("invalidQuery"));
        QVERIFY2(syntax.error->message.contains(QStringLiteral("at [1:")),
                 qPrintable(syntax.error->message));
        const auto legacy =
            call("POST", kApi + QStringLiteral("/queries"),
                 {{"query", "SELECT 1 FROM [demo:keep.t]"}, {"useLegacySql", true}});
        QCOMPARE(legacy.status, 400);
        QVERIFY(legacy.error->message.contains(QStringLiteral("Legacy SQL")));
        const auto missing = call("GET", kApi + QStringLiteral("/datasets/nothing/tables/t"));
        QCOMPARE(missing.status, 404);
        QCOMPARE(reasonOf(missing.json()["error"]["errors"][0]), QStringLiteral("notFound"));
        const auto badSchema = call("POST", kApi + QStringLiteral("/datasets"),
                                    {{"datasetReference", {{"datasetId", "has space"}}}});
        QCOMPARE(badSchema.status, 400);
        const auto wrongShape =
            call("POST", kApi + QStringLiteral("/jobs"), {{"configuration", {{"query", 5}}}});
        QCOMPARE(wrongShape.status, 400);
        // rovd refuses what is too large before the service sees it.
        json huge = {{"query", std::string(2 * 1024 * 1024, ' ') + "SELECT 1"}};
        QCOMPARE(call("POST", kApi + QStringLiteral("/queries"), huge).status, 413);
        // The service answers only rovd: its port refuses a request without rovd's secret.
        QVERIFY(servicePid() > 0);
    }

    void aRunningQueryCanBeCancelled()
    {
        makeKeepTable();
        const QString job = startEndless(QStringLiteral("cancel-me"));
        QTest::qWait(500);
        const auto cancelled =
            call("POST", kApi + QStringLiteral("/jobs/%1/cancel").arg(job), json::object());
        QCOMPARE(cancelled.status, 200);
        const json ended = waitDone(job, 20000);
        QCOMPARE(reasonOf(ended["status"]["errorResult"]), QStringLiteral("stopped"));
    }

    void aKilledServiceComesBackAndItsQueryEnds()
    {
        makeKeepTable();
        const QString job = startEndless(QStringLiteral("outlived"));
        const qint64 before = servicePid();
        QVERIFY(before > 0);
        ::kill(pid_t(before), SIGKILL);
        const json ended = waitDone(job, 60000);
        QCOMPARE(reasonOf(ended["status"]["errorResult"]), QStringLiteral("backendError"));
        QVERIFY(QString::fromStdString(ended["status"]["errorResult"]["message"].get<std::string>())
                    .contains(QStringLiteral("restarted")));
        QVERIFY(servicePid() > 0 && servicePid() != before);
        QCOMPARE(tableRows(), 1000);
    }

    void aKilledRovdLosesNothing()
    {
        makeKeepTable();
        const QString job = startEndless(QStringLiteral("rovd-killed"));
        m_rovd.kill9();
        // The kernel ends rovd's service with it.
        QTRY_COMPARE_WITH_TIMEOUT(rov::test::processesMentioning(serviceScript()), 0, 20000);
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        const json ended = waitDone(job, 60000);
        QCOMPARE(reasonOf(ended["status"]["errorResult"]), QStringLiteral("backendError"));
        QCOMPARE(tableRows(), 1000);
        const auto more = call("POST", kApi + QStringLiteral("/datasets/keep/tables/t/insertAll"),
                               {{"rows", json::array({{{"json", {{"n", 1001}}}}})}});
        QCOMPARE(more.status, 200);
        QCOMPARE(tableRows(), 1001);
    }

private:
    QString serviceScript() const
    {
        return m_data.path() + QStringLiteral("/bigquery/service/rov_bigquery.py");
    }

    qint64 servicePid() const
    {
        const auto pids = rov::test::pidsMentioning(serviceScript());
        return pids.isEmpty() ? 0 : pids.first();
    }

    QString serviceLog() const
    {
        QFile log(m_data.path() + QStringLiteral("/bigquery/service.log"));
        log.open(QIODevice::ReadOnly);
        return QStringLiteral("\n--- service ---\n") + QString::fromUtf8(log.readAll().right(4000));
    }

    HttpResponse call(const char *method, const QString &path, const json &body = json())
    {
        HttpRequest request;
        request.method = QByteArray(method) == "POST"     ? HttpMethod::Post
                         : QByteArray(method) == "DELETE" ? HttpMethod::Delete
                                                          : HttpMethod::Get;
        request.url = m_rovd.url(path);
        request.retry = RetryPolicy::none();
        request.setHeader("Authorization", "Bearer " + m_rovd.adminToken());
        if (!body.is_null())
            request.setJsonBody(body);
        return rov::test::sendAndWait(m_client, request, 90000);
    }

    // A dataset "keep" with a table of 1,000 numbers, made once.
    void makeKeepTable()
    {
        if (call("GET", kApi + QStringLiteral("/datasets/keep/tables/t")).status == 200)
            return;
        QCOMPARE(call("POST", kApi + QStringLiteral("/datasets"),
                      {{"datasetReference", {{"datasetId", "keep"}}}})
                     .status,
                 200);
        const auto made =
            call("POST", kApi + QStringLiteral("/queries"),
                 {{"query", "CREATE TABLE keep.t AS SELECT x AS n FROM UNNEST(GENERATE_ARRAY(1, "
                            "1000)) AS x"},
                  {"useLegacySql", false}});
        QVERIFY2(made.status == 200 && made.json()["jobComplete"] == true,
                 qPrintable(rov::test::describe(made) + serviceLog()));
        QCOMPARE(tableRows(), 1000);
    }

    // Submits `entrypoint` as a Ray job and waits up to five minutes for it to end: its status
    // and its log.
    QString runJob(const QString &dashboard, const std::string &entrypoint)
    {
        QString error;
        const QString id = rov::test::submitRayJob(m_client, dashboard, entrypoint, &error);
        if (id.isEmpty())
            return error;
        const std::string status = rov::test::waitForRayJob(m_client, dashboard, id, 300000);
        return QString::fromStdString(status) + QLatin1Char('\n') +
               rov::test::rayJobLogs(m_client, dashboard, id);
    }

    // The cluster's dashboard address once it runs; empty before.
    QString dashboardOf(const QString &cluster)
    {
        const auto got = call("GET", cluster);
        if (got.status != 200 || got.json().value("state", std::string()) != "RUNNING")
            return {};
        return QStringLiteral("http://") +
               QString::fromStdString(got.json()["resourceRuntime"]["accessUris"].value(
                   "RAY_DASHBOARD_URI", std::string()));
    }

    int tableRows()
    {
        const auto table = call("GET", kApi + QStringLiteral("/datasets/keep/tables/t"));
        if (table.status != 200)
            return -1;
        return QString::fromStdString(table.json()["numRows"].get<std::string>()).toInt();
    }

    QString startEndless(const QString &id)
    {
        const auto started =
            call("POST", kApi + QStringLiteral("/jobs"),
                 {{"jobReference", {{"jobId", id.toStdString()}}},
                  {"configuration", {{"query", {{"query", kEndless}, {"useLegacySql", false}}}}}});
        if (started.status != 200)
            qWarning().noquote() << rov::test::describe(started) << serviceLog();
        // It runs: getQueryResults with no wait says the job is not complete.
        const auto results =
            call("GET", kApi + QStringLiteral("/queries/%1?timeoutMs=200").arg(id));
        if (results.json().value("jobComplete", true))
            qWarning().noquote() << "the endless query ended:" << results.body;
        return id;
    }

    json waitDone(const QString &job, int timeoutMs)
    {
        QElapsedTimer timer;
        timer.start();
        json resource;
        while (timer.elapsed() < timeoutMs) {
            const auto got = call("GET", kApi + QStringLiteral("/jobs/%1").arg(job));
            if (got.status == 200) {
                resource = got.json();
                if (resource["status"]["state"] == "DONE")
                    return resource;
            }
            QTest::qWait(300);
        }
        qWarning().noquote() << "job" << job << "did not end:" << resource.dump().c_str()
                             << serviceLog();
        return resource;
    }

    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovq-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    quint16 m_readPort = 0;
    RestClient m_client;
};

QTEST_GUILESS_MAIN(TestRovdBigQuery)
#include "tst_rovdbigquery.moc"
