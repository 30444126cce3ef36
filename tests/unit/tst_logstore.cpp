// rovd's log store without Ray: the collector follows files as Ray writes them (rotation,
// truncation, a restart in the middle of a traceback), entries:list answers Cloud Logging's
// requests over them (the filter table, paging, Google's errors), retention, and the volume;
// and rovd's own access and event logs, as its writers write them, beside the clusters' files.
#include "api/logging/logwire.h"
#include "localplane/diagnostics.h"
#include "localplane/jsonlineslog.h"
#include "localplane/logs/entrieslist.h"
#include "localplane/logs/logcollector.h"
#include "localplane/logs/logfilereader.h"
#include "localplane/logs/lognodes.h"
#include "localplane/logs/logstore.h"
#include "localplane/logs/logvolume.h"
#include "localplane/logs/rovdlogs.h"
#include "localplane/server/accesslog.h"

#include <QDir>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <set>
#include <unistd.h>

using namespace rov::localplane;
using namespace rov::localplane::logs;
using nlohmann::json;

namespace {

void append(const QString &path, const QByteArray &text)
{
    QFile file(path);
    QVERIFY(file.open(QIODevice::Append));
    file.write(text);
}

QByteArray pythonLine(int hour, const char *level, const QByteArray &message)
{
    return QByteArray("2026-12-01 ") + QByteArray::number(hour).rightJustified(2, '0') +
           ":00:00,000\t" + level + " m.py:1 -- " + message + '\n';
}

json request(const QString &filter, int pageSize = 1000, const char *order = "timestamp asc")
{
    return {{"resourceNames", {"projects/p"}},
            {"filter", filter.toStdString()},
            {"orderBy", order},
            {"pageSize", pageSize}};
}

QString text(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>())
                             : QString::fromStdString(value.dump());
}

QStringList messages(const ApiResult &result)
{
    QStringList found;
    for (const json &entry : result.body.value("entries", json::array()))
        found << QString::fromStdString(entry["jsonPayload"]["message"].get<std::string>());
    return found;
}

} // namespace

class TestLogStore : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LogStore> m_store;
    LogVolume m_volume;
    std::unique_ptr<LogCollector> m_collector;
    LogCluster m_cluster;

    QString logs() const { return m_dir.filePath(QStringLiteral("t/session_latest/logs")); }

    void startCollector()
    {
        m_collector = std::make_unique<LogCollector>(*m_store, m_volume, LogRetention{});
        m_collector->start();
        m_collector->setClusters({m_cluster});
    }

    qint64 count(const QString &filter)
    {
        const ApiResult result = listEntries(*m_store, request(filter));
        return qint64(result.body.value("entries", json::array()).size());
    }

private Q_SLOTS:
    void initTestCase()
    {
        qputenv("TZ", "UTC");
        tzset();
        QVERIFY(m_dir.isValid());
        QVERIFY(QDir().mkpath(logs()));
        QVERIFY(QDir().mkpath(m_dir.filePath(QStringLiteral("out"))));
        QString error;
        m_store = LogStore::open(m_dir.filePath(QStringLiteral("logs.db")), &error);
        QVERIFY2(m_store, qPrintable(error));
        m_cluster.project = QStringLiteral("p");
        m_cluster.clusterId = QStringLiteral("c1");
        m_cluster.tempDir = m_dir.filePath(QStringLiteral("t"));
        m_cluster.nodeOutputDir = m_dir.filePath(QStringLiteral("out"));
        // This test's parent stands for the worker node's `ray start`: a file with this test's
        // pid in its name belongs to that node.
        m_cluster.nodes = {{QStringLiteral("head-0"), QStringLiteral("head"),
                            QStringLiteral("aa11"), 999999, true},
                           {QStringLiteral("workers-1"), QStringLiteral("workers"),
                            QStringLiteral("bb22"), qint64(::getppid()), false}};
        startCollector();
    }

    void filesBecomeEntriesWithTheirLabels()
    {
        append(logs() + QStringLiteral("/raylet.out"),
               "[2026-12-01 10:00:00,000 I 1 1] (raylet) main.cc:1: raylet started\n"
               "[2026-12-01 10:00:01,000 W 1 1] (raylet) node_manager.cc:2: lease slow\n");
        const QString worker = QStringLiteral("/worker-ab12cd34ef-01000000-%1.out").arg(::getpid());
        append(logs() + worker, ":job_id:01000000\nmarker-7f3e printed by the job\n");
        append(logs() + QStringLiteral("/job-driver-raysubmit_X1.log"),
               pythonLine(11, "ERROR", "driver failed") +
                   "Traceback (most recent call last):\n  File \"d.py\", line 1\n"
                   "ValueError: boom\n");
        append(m_dir.filePath(QStringLiteral("out/workers-1.log")), "node output line\n");
        QTRY_COMPARE_WITH_TIMEOUT(count({}), 5, 10000);

        const ApiResult result = listEntries(*m_store, request(QStringLiteral("marker-7f3e")));
        QCOMPARE(result.status, 200);
        const json entry = result.body["entries"][0];
        QCOMPARE(text(entry["logName"]),
                 text(json((QStringLiteral("projects/p/logs") + worker).toStdString())));
        QCOMPARE(text(entry["resource"]["labels"]["task_name"]),
                 QStringLiteral("ray-cluster-logs"));
        QCOMPARE(text(entry["labels"]["ml.googleapis.com/ray_cluster_id"]), QStringLiteral("c1"));
        QCOMPARE(text(entry["labels"]["ray_job_id"]), QStringLiteral("01000000"));
        QCOMPARE(text(entry["labels"]["ray_node"]), QStringLiteral("workers-1"));
        QCOMPARE(text(entry["labels"]["resource_pool"]), QStringLiteral("workers"));
        QCOMPARE(text(entry["labels"]["ray_node_id"]), QStringLiteral("bb22"));
        QCOMPARE(text(entry["severity"]), QStringLiteral("DEFAULT"));
        QVERIFY(QString::fromStdString(entry["jsonPayload"]["tailed_path"].get<std::string>())
                    .endsWith(worker));

        const ApiResult driver =
            listEntries(*m_store, request(QStringLiteral("labels.ray_submission_id=raysubmit_X1")));
        QCOMPARE(messages(driver).size(), 1);
        QCOMPARE(text(driver.body["entries"][0]["severity"]), QStringLiteral("ERROR"));
        QCOMPARE(text(driver.body["entries"][0]["timestamp"]),
                 QStringLiteral("2026-12-01T11:00:00.000000Z"));
        // The traceback is part of the entry; the header is not in the message.
        QCOMPARE(messages(driver).front(),
                 QStringLiteral("m.py:1 -- driver failed\nTraceback (most recent call last):\n"
                                "  File \"d.py\", line 1\nValueError: boom"));
        const ApiResult output = listEntries(
            *m_store, request(QStringLiteral("logName=\"projects/p/logs/workers-1.log\"")));
        QCOMPARE(messages(output), QStringList{QStringLiteral("node output line")});
        QCOMPARE(text(output.body["entries"][0]["labels"]["ray_node"]),
                 QStringLiteral("workers-1"));
    }

    void filtersSelectWhatTheySay_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QStringList>("expected");
        const QString started = QStringLiteral("(raylet) main.cc:1: raylet started");
        const QString slow = QStringLiteral("(raylet) node_manager.cc:2: lease slow");
        const QString marker = QStringLiteral("marker-7f3e printed by the job");
        const QString output = QStringLiteral("node output line");
        QTest::newRow("severity by rank")
            << QStringLiteral("severity>=WARNING") << QStringList{slow, QStringLiteral("!driver")};
        QTest::newRow("word") << QStringLiteral("lease") << QStringList{slow};
        QTest::newRow("prefix of a word") << QStringLiteral("leas") << QStringList{slow};
        QTest::newRow("phrase") << QStringLiteral("\"printed by the\"") << QStringList{marker};
        QTest::newRow("phrase out of order")
            << QStringLiteral("\"the by printed\"") << QStringList{};
        QTest::newRow("two words, implicit AND")
            << QStringLiteral("raylet started") << QStringList{started};
        QTest::newRow("NOT") << QStringLiteral("raylet -started") << QStringList{slow};
        QTest::newRow("OR") << QStringLiteral("started OR marker") << QStringList{started, marker};
        QTest::newRow("has on the message")
            << QStringLiteral("jsonPayload.message:\"lease SLOW\"") << QStringList{slow};
        QTest::newRow("regex on the file")
            << QStringLiteral("jsonPayload.tailed_path=~\"raylet\\\\.out$\" severity<WARNING")
            << QStringList{started};
        QTest::newRow("cluster label")
            << QStringLiteral("labels.\"ml.googleapis.com/ray_cluster_id\"=\"c2\"")
            << QStringList{};
        QTest::newRow("node and resource")
            << QStringLiteral(
                   "labels.ray_node=\"workers-1\" resource.labels.task_name=\"ray-cluster-logs\"")
            << QStringList{marker, output};
        QTest::newRow("time range")
            << QStringLiteral(
                   "timestamp>=\"2026-12-01T10:00:01Z\" timestamp<\"2026-12-01T11:00:00Z\"")
            << QStringList{slow};
        QTest::newRow("a field nobody has")
            << QStringLiteral("labels.nothing=\"x\"") << QStringList{};
        QTest::newRow("NOT a field nobody has")
            << QStringLiteral("NOT labels.nothing=\"x\" AND severity=WARNING") << QStringList{slow};
        QTest::newRow("value list") << QStringLiteral("severity=(WARNING OR ERROR)")
                                    << QStringList{slow, QStringLiteral("!driver")};
        QTest::newRow("job") << QStringLiteral("labels.ray_job_id=\"01000000\"")
                             << QStringList{marker};
        QTest::newRow("resource type")
            << QStringLiteral("resource.type=\"gce_instance\"") << QStringList{};
    }

    void filtersSelectWhatTheySay()
    {
        QFETCH(QString, filter);
        QFETCH(QStringList, expected);
        const ApiResult result = listEntries(*m_store, request(filter));
        QCOMPARE(result.status, 200);
        QStringList found = messages(result);
        // "!driver": the driver's traceback entry, matched by its first line.
        for (QString &message : found)
            if (message.contains(QLatin1String("driver failed")))
                message = QStringLiteral("!driver");
        QCOMPARE(found, expected);
    }

    void badRequestsGetGoogleErrors_data()
    {
        QTest::addColumn<QByteArray>("body");
        QTest::addColumn<QString>("words");
        QTest::newRow("page too large")
            << QByteArray("{\"resourceNames\":[\"projects/p\"],\"pageSize\":1001}")
            << QStringLiteral("pageSize must be between 0 and 1000");
        QTest::newRow("negative page")
            << QByteArray("{\"resourceNames\":[\"projects/p\"],\"pageSize\":-1}")
            << QStringLiteral("pageSize");
        QTest::newRow("no resource")
            << QByteArray("{\"filter\":\"x\"}") << QStringLiteral("resourceNames is required");
        QTest::newRow("bad resource")
            << QByteArray("{\"resourceNames\":[\"p\"]}") << QStringLiteral("not a parent");
        QTest::newRow("order")
            << QByteArray("{\"resourceNames\":[\"projects/p\"],\"orderBy\":\"severity\"}")
            << QStringLiteral("orderBy must be");
        QTest::newRow("syntax at a position")
            << QByteArray(
                   "{\"resourceNames\":[\"projects/p\"],\"filter\":\"severity>=WARNING AND (x\"}")
            << QStringLiteral("expected ')' at line 1, column 25");
        QTest::newRow("unknown severity")
            << QByteArray("{\"resourceNames\":[\"projects/p\"],\"filter\":\"severity>=LOUD\"}")
            << QStringLiteral("unknown severity \"LOUD\"");
        QTest::newRow("regex")
            << QByteArray(
                   "{\"resourceNames\":[\"projects/p\"],\"filter\":\"textPayload=~\\\"(\\\"\"}")
            << QStringLiteral("does not compile");
        QTest::newRow("foreign token")
            << QByteArray("{\"resourceNames\":[\"projects/p\"],\"pageToken\":\"MTIzLjQ1Ni54\"}")
            << QStringLiteral("pageToken does not belong");
    }

    void badRequestsGetGoogleErrors()
    {
        QFETCH(QByteArray, body);
        QFETCH(QString, words);
        const ApiResult result = listEntries(*m_store, json::parse(body.toStdString()));
        QCOMPARE(result.status, 400);
        QCOMPARE(text(result.body["error"]["status"]), QStringLiteral("INVALID_ARGUMENT"));
        const QString message =
            QString::fromStdString(result.body["error"]["message"].get<std::string>());
        QVERIFY2(message.contains(words), qPrintable(message));
    }

    void pagesCoverEveryEntryOnce()
    {
        QByteArray many;
        for (int i = 0; i < 130; ++i)
            many += "[2026-12-01 12:00:" + QByteArray::number(i / 10).rightJustified(2, '0') +
                    ",00" + QByteArray::number(i % 10) + " I 1 1] page-line " +
                    QByteArray::number(i) + '\n';
        append(logs() + QStringLiteral("/gcs_server.out"), many);
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("jsonPayload.message:page")), 130, 10000);
        for (const char *order : {"timestamp desc", "timestamp asc"}) {
            std::vector<int> seen;
            json body = request(QStringLiteral("jsonPayload.message:page"), 50, order);
            int pages = 0;
            for (;;) {
                const ApiResult result = listEntries(*m_store, body);
                QCOMPARE(result.status, 200);
                ++pages;
                for (const QString &message : messages(result))
                    seen.push_back(message.section(QLatin1Char(' '), -1).toInt());
                if (!result.body.contains("nextPageToken"))
                    break;
                body["pageToken"] = result.body["nextPageToken"];
            }
            QCOMPARE(pages, 3);
            QCOMPARE(seen.size(), size_t(130));
            for (size_t i = 0; i < seen.size(); ++i)
                QCOMPARE(seen[i], order[10] == 'd' ? 129 - int(i) : int(i));
        }
    }

    void rotationAndTruncationLoseNothing()
    {
        const QString path = logs() + QStringLiteral("/monitor.log");
        append(path, pythonLine(13, "INFO", "rot-1") + pythonLine(13, "INFO", "rot-2"));
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("jsonPayload.message:rot")), 2, 10000);
        // Python's RotatingFileHandler: the file is renamed, a new one takes its name. A line
        // written to the old file just before is not lost.
        append(path, pythonLine(13, "INFO", "rot-3"));
        QVERIFY(QFile::rename(path, path + QStringLiteral(".1")));
        append(path, pythonLine(13, "INFO", "rot-4"));
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("jsonPayload.message:rot")), 4, 10000);
        // Truncated in place: read again from its start.
        QFile file(path);
        QVERIFY(file.resize(0));
        append(path, pythonLine(13, "INFO", "rot-5"));
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("jsonPayload.message:rot")), 5, 10000);
        QTest::qWait(1500);
        QCOMPARE(count(QStringLiteral("jsonPayload.message:rot")), 5);
    }

    void aRestartInTheMiddleOfATracebackStoresItOnce()
    {
        const QString path = logs() + QStringLiteral("/dashboard.log");
        append(path, pythonLine(14, "INFO", "tb-before") + pythonLine(14, "ERROR", "tb-failed") +
                         "Traceback (most recent call last):\n");
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("jsonPayload.message:tb")), 1, 10000);
        // The collector stops (as rovd killed) while the traceback is held back; a new one
        // reads on from the stored offset.
        m_collector.reset();
        append(path, QByteArray("  File \"x.py\", line 3\nKeyError: 'k'\n") +
                         pythonLine(14, "INFO", "tb-after"));
        startCollector();
        QTRY_COMPARE_WITH_TIMEOUT(count(QStringLiteral("jsonPayload.message:tb")), 3, 10000);
        QTest::qWait(1500);
        const ApiResult failed = listEntries(*m_store, request(QStringLiteral("tb-failed")));
        QCOMPARE(messages(failed),
                 QStringList{QStringLiteral("m.py:1 -- tb-failed\nTraceback (most recent call "
                                            "last):\n  File \"x.py\", line 3\nKeyError: 'k'")});
        QCOMPARE(count(QStringLiteral("jsonPayload.message:tb")), 3);
    }

    void drainReadsTheLastLineBeforeTheFilesGo()
    {
        append(logs() + QStringLiteral("/log_monitor.log"), "last words without a newline");
        m_collector->drain(QStringLiteral("c1"));
        QCOMPARE(count(QStringLiteral("\"last words\"")), 1);
        // Its files are gone; what was stored stays.
        QVERIFY(QDir(m_dir.filePath(QStringLiteral("t"))).removeRecursively());
        m_collector->setClusters({});
        QTest::qWait(700);
        QCOMPARE(count(QStringLiteral("marker-7f3e")), 1);
    }

    void whichFilesOnlyALoggerWrites()
    {
        QVERIFY(LogFileReader::loggerOnly(QStringLiteral("/t/9/session_latest/logs/monitor.log")));
        QVERIFY(LogFileReader::loggerOnly(
            QStringLiteral("/t/9/session_latest/logs/old/dashboard.log.2")));
        QVERIFY(!LogFileReader::loggerOnly(
            QStringLiteral("/t/9/session_latest/logs/job-driver-x.log")));
        QVERIFY(!LogFileReader::loggerOnly(QStringLiteral("/t/9/session_latest/logs/raylet.out")));
        QVERIFY(
            !LogFileReader::loggerOnly(QStringLiteral("/data/clusters/c1/logs/head-node-0.log")));
    }

    void theVolumeIsCountedByClusterSeverityAndLog()
    {
        const QString metrics = QString::fromStdString(m_volume.render());
        QVERIFY2(metrics.contains(QStringLiteral(
                     "rovd_log_entries_total{ray_io_cluster=\"c1\",severity=\"WARNING\","
                     "log=\"raylet.out\"} 1")),
                 qPrintable(metrics));
        QVERIFY(metrics.contains(QStringLiteral("log=\"worker-*-*-*.out\"")));
        QCOMPARE(LogVolume::logFamily(QStringLiteral("raylet.1.out")),
                 QStringLiteral("raylet.out"));
        QCOMPARE(LogVolume::logFamily(QStringLiteral("job-driver-raysubmit_1.log")),
                 QStringLiteral("job-driver-*.log"));
    }

    // What rovd writes to DIR/logs is on the Logs page under rovd/access and rovd/events, in
    // whichever project is asked, and never among the clusters' entries or their volume.
    void rovdsOwnLogsAreEntriesOfTheirOwn()
    {
        QTemporaryDir dir;
        const QString folder = dir.filePath(QStringLiteral("logs"));
        QVERIFY(QDir().mkpath(folder));
        const qint64 t0 = QDateTime(QDate(2026, 12, 2), QTime(9, 0), Qt::UTC).toMSecsSinceEpoch();
        {
            AccessLog access({folder + QStringLiteral("/access.log")});
            access.record({t0, "GET",
                           "/v1/projects/{project}/locations/{location}/persistentResources",
                           "clusters", 200, 0.0031, "admin"});
            access.record({t0 + 1000, "POST", "/v2/entries:list", "logs", 503, 1.5, "user"});
            JsonLinesLog events({folder + QStringLiteral("/events.log")});
            events.append(diagnostics::eventLine(t0 + 2000, "warning", "rovd.serving",
                                                 QStringLiteral("Serve did not answer")));
        } // written and closed
        QVERIFY(QDir().mkpath(dir.filePath(QStringLiteral("t/session_latest/logs"))));
        append(dir.filePath(QStringLiteral("t/session_latest/logs/raylet.out")),
               "[2026-12-02 09:00:03,000 I 1 1] (raylet) main.cc:1: ray line\n");
        QString error;
        const auto store = LogStore::open(dir.filePath(QStringLiteral("logs.db")), &error);
        QVERIFY2(store, qPrintable(error));
        LogVolume volume;
        LogCollector collector(*store, volume, LogRetention{});
        collector.followRovdLogs(folder);
        collector.start();
        LogCluster cluster = m_cluster;
        cluster.clusterId = QStringLiteral("c9");
        cluster.tempDir = dir.filePath(QStringLiteral("t"));
        cluster.nodeOutputDir = dir.filePath(QStringLiteral("out"));
        collector.setClusters({cluster});
        const auto ask = [&](const QString &project, const QString &filter) {
            json body = request(filter);
            body["resourceNames"] = {(QStringLiteral("projects/") + project).toStdString()};
            return listEntries(*store, body);
        };
        QTRY_COMPARE_WITH_TIMEOUT(messages(ask(QStringLiteral("p"), {})).size(), 4, 10000);

        const ApiResult access =
            ask(QStringLiteral("q"), QStringLiteral("logName=\"projects/q/logs/rovd%2Faccess\""));
        QCOMPARE(
            messages(access),
            (QStringList{QStringLiteral("GET /v1/projects/{project}/locations/{location}/"
                                        "persistentResources 200 in 3.10 ms (admin, clusters)"),
                         QStringLiteral("POST /v2/entries:list 503 in 1500.0 ms (user, logs)")}));
        const json first = access.body["entries"][0];
        QCOMPARE(text(first["logName"]), QStringLiteral("projects/q/logs/rovd%2Faccess"));
        QCOMPARE(text(first["resource"]["type"]), QStringLiteral("generic_node"));
        QCOMPARE(text(first["resource"]["labels"]["project_id"]), QStringLiteral("q"));
        QCOMPARE(text(first["resource"]["labels"]["namespace"]), QStringLiteral("rovd"));
        QCOMPARE(text(first["timestamp"]), QStringLiteral("2026-12-02T09:00:00.000000Z"));
        QCOMPARE(text(first["severity"]), QStringLiteral("INFO"));
        QVERIFY(!first.contains("labels"));
        QCOMPARE(text(access.body["entries"][1]["severity"]), QStringLiteral("ERROR"));

        const ApiResult events =
            ask(QStringLiteral("p"), QStringLiteral("logName=\"projects/p/logs/rovd%2Fevents\""));
        QCOMPARE(messages(events), QStringList{QStringLiteral("serving: Serve did not answer")});
        QCOMPARE(text(events.body["entries"][0]["severity"]), QStringLiteral("WARNING"));

        // The Logs page's default query is the clusters'; rovd's are told by their resource.
        const QStringList ray{QStringLiteral("(raylet) main.cc:1: ray line")};
        QCOMPARE(messages(ask(QStringLiteral("p"),
                              QStringLiteral("resource.labels.task_name=\"ray-cluster-logs\""))),
                 ray);
        QCOMPARE(messages(ask(QStringLiteral("p"), QStringLiteral("resource.type=\"ml_job\""))),
                 ray);
        QCOMPARE(messages(ask(QStringLiteral("p"),
                              QStringLiteral("resource.type=\"generic_node\" severity>=WARNING")))
                     .size(),
                 2);
        QCOMPARE(messages(ask(QStringLiteral("p"),
                              QStringLiteral("-resource.labels.task_name=\"ray-cluster-logs\"")))
                     .size(),
                 3);
        QCOMPARE(messages(ask(QStringLiteral("p"), QStringLiteral("logName:\"rovd%2F\""))).size(),
                 3);
        // logs.list: the project's files and rovd's two logs, in pages.
        const ApiResult names = listLogNames(*store, QStringLiteral("p"), {}, {});
        QCOMPARE(names.status, 200);
        QVERIFY2(names.body["logNames"] ==
                     json({"projects/p/logs/raylet.out", "projects/p/logs/rovd%2Faccess",
                           "projects/p/logs/rovd%2Fevents"}),
                 names.body.dump().c_str());
        const ApiResult first2 = listLogNames(*store, QStringLiteral("q"), QStringLiteral("1"), {});
        QVERIFY(first2.body["logNames"] == json::array({"projects/q/logs/rovd%2Faccess"}));
        const ApiResult last = listLogNames(*store, QStringLiteral("q"), QStringLiteral("1"),
                                            text(first2.body["nextPageToken"]));
        QVERIFY(last.body["logNames"] == json::array({"projects/q/logs/rovd%2Fevents"}));
        QVERIFY(!last.body.contains("nextPageToken"));
        QCOMPARE(listLogNames(*store, QStringLiteral("q"), QStringLiteral("1001"), {}).status, 400);
        QCOMPARE(listLogNames(*store, QStringLiteral("q"), QStringLiteral("x"), {}).status, 400);
        QCOMPARE(listLogNames(*store, QStringLiteral("q"), {}, QStringLiteral("bm9wZQ")).status,
                 400);
        // Another project sees rovd's entries, not project p's cluster.
        QCOMPARE(messages(ask(QStringLiteral("q"), {})).size(), 3);
        const QString metrics = QString::fromStdString(volume.render());
        QVERIFY2(!metrics.contains(QStringLiteral("rovd/")), qPrintable(metrics));
        QVERIFY2(metrics.contains(QStringLiteral("raylet.out")), qPrintable(metrics));
    }

    // A line that is not what rovd writes (a hand edit, a half-written line) is kept as it is.
    void rovdsLinesOfAnotherShapeStayAsTheyAre()
    {
        const QDateTime readAt(QDate(2026, 12, 3), QTime(8, 0), Qt::UTC);
        for (const QString &line :
             {QStringLiteral("not json"), QStringLiteral("[1, 2]"), QStringLiteral("{\"ms\": 1"),
              QStringLiteral("{\"time\": 5, \"severity\": [], \"message\": {}}")}) {
            const RayLogRecord record = rovdlogs::record(line, readAt);
            QCOMPARE(record.timestamp, readAt);
            QCOMPARE(record.severity, 0);
            QCOMPARE(record.text, line);
        }
        const RayLogRecord odd = rovdlogs::record(
            QStringLiteral("{\"status\": 404, \"ms\": \"x\", \"method\": 7}"), readAt);
        QCOMPARE(odd.severity, 400);
        QVERIFY(odd.text.contains(QStringLiteral("404 in 0.00 ms")));
        QCOMPARE(rovdlogs::record(QStringLiteral("{\"status\": 99999999999}"), readAt).severity,
                 500);
        QCOMPARE(rovdlogs::logIdOf(QStringLiteral("access.log.2")), QStringLiteral("rovd/access"));
        QCOMPARE(rovdlogs::logIdOf(QStringLiteral("events.log")), QStringLiteral("rovd/events"));
        QCOMPARE(rovdlogs::logIdOf(QStringLiteral("logs.db")), QString());
        QCOMPARE(rovdlogs::logIdOf(QStringLiteral("access.log.tmp")), QString());
    }

    void retentionRemovesTheOldest()
    {
        const qint64 before = m_store->entryCount();
        QVERIFY(before > 100);
        // Nothing is old; a size limit of one page removes entries from the oldest on.
        QCOMPARE(m_store->prune(std::chrono::hours(24), 1), before);
        QCOMPARE(m_store->entryCount(), 0);
        QCOMPARE(count(QStringLiteral("marker-7f3e")), 0);
    }

    void cleanupTestCase() { m_collector.reset(); }
};

QTEST_GUILESS_MAIN(TestLogStore)
#include "tst_logstore.moc"
