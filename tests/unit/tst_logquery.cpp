// The console's side of Logs without a backend: the quick filters' lines in the query text,
// where a backend's error points, LogEntry as Cloud Logging and rovd write it, the results
// model at both ends, and the volume histogram's buckets.
#include "api/logging/logentry.h"
#include "api/logging/loggingclient.h"
#include "api/logging/logwire.h"
#include "core/logentrymodel.h"
#include "core/logexplorer.h"
#include "core/logquerytext.h"
#include "core/logvolumebars.h"
#include "core/savedqueries.h"
#include "core/settingskeys.h"

#include <QSettings>
#include <QStandardPaths>
#include <QTest>

using namespace rov;
namespace lq = core::logquery;
using nlohmann::json;

namespace {

const char *const kJson0 = R"({
            "logName": "projects/p/logs/worker-ab-01000000-7.err",
            "resource": {"type": "ml_job", "labels": {"job_id": "c1", "task_name": "ray-cluster-logs"}},
            "jsonPayload": {"message": "first\nsecond", "tailed_path": "/tmp/s/logs/worker-ab-01000000-7.err"},
            "timestamp": "2026-12-01T10:00:00.123456789Z",
            "receiveTimestamp": "2026-12-01T10:00:01Z",
            "severity": "WARNING", "insertId": "00a1",
            "labels": {"ml.googleapis.com/ray_cluster_id": "c1", "ray_node": "w-0"},
            "split": {"uid": "kept as it came"}})";
const char *const kJson1 = R"({"textPayload": "t", "severity": 500})";
const char *const kJson2 = R"({"nextPageToken": "n"})";
const char *const kJson3 = R"({"resourceNames": ["projects/p"], "filter": "x",
            "orderBy": "timestamp desc", "pageSize": 1000, "pageToken": "t"})";

} // namespace

class TestLogQuery : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Saved queries are a profile's, per page: a name saved again replaces the query, the Logs
    // page's and the Data page's lists do not mix, and what is stored comes back.
    void savedQueriesAreKeptPerProfileAndPage()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        const QString logsKey = core::settingskeys::savedLogQueries(QStringLiteral("p1"));
        core::storeSavedQueries(logsKey,
                                {{QStringLiteral("errors"), QStringLiteral("severity>=ERROR")}});
        const QString dataKey = core::settingskeys::savedDataQueries(QStringLiteral("p1"));
        auto data =
            core::withSavedQuery({}, {QStringLiteral(" counts "), QStringLiteral("SELECT 1")});
        data = core::withSavedQuery(data, {QStringLiteral("counts"), QStringLiteral("SELECT 2")});
        data = core::withSavedQuery(data, {QStringLiteral("rows"), QStringLiteral("SELECT 3")});
        core::storeSavedQueries(dataKey, data);
        const auto back = core::loadSavedQueries(dataKey);
        QCOMPARE(back.size(), size_t(2));
        QCOMPARE(back[0].name, QStringLiteral("counts"));
        QCOMPARE(back[0].query, QStringLiteral("SELECT 2"));
        const auto logs = core::loadSavedQueries(logsKey);
        QCOMPARE(logs.size(), size_t(1));
        QCOMPARE(logs[0].query, QStringLiteral("severity>=ERROR"));
        QVERIFY(core::loadSavedQueries(core::settingskeys::savedDataQueries(QStringLiteral("p2")))
                    .empty());
        QSettings().clear();
    }

    void quickFiltersWriteReplaceAndRemoveTheirLine()
    {
        QString text = lq::defaultQuery() + QStringLiteral("\n\"connection refused\"");
        text = lq::setClause(text, lq::Clause::Cluster,
                             lq::clauseLine(lq::Clause::Cluster, QStringLiteral("c1")));
        text = lq::setClause(text, lq::Clause::MinSeverity,
                             lq::clauseLine(lq::Clause::MinSeverity, QStringLiteral("warning")));
        QCOMPARE(text, QStringLiteral("resource.labels.task_name=\"ray-cluster-logs\"\n"
                                      "\"connection refused\"\n"
                                      "labels.\"ml.googleapis.com/ray_cluster_id\"=\"c1\"\n"
                                      "severity>=WARNING"));
        // Replaced where it is; what the user wrote stays.
        text = lq::setClause(text, lq::Clause::Cluster,
                             lq::clauseLine(lq::Clause::Cluster, QStringLiteral("c2")));
        QCOMPARE(text.split(QLatin1Char('\n'))[2],
                 QStringLiteral("labels.\"ml.googleapis.com/ray_cluster_id\"=\"c2\""));
        QCOMPARE(lq::clauseValue(text, lq::Clause::Cluster), QStringLiteral("c2"));
        QCOMPARE(lq::clauseValue(text, lq::Clause::MinSeverity), QStringLiteral("WARNING"));
        text = lq::setClause(text, lq::Clause::MinSeverity, {});
        QVERIFY(!text.contains(QLatin1String("severity")));
        QCOMPARE(lq::clauseValue(text, lq::Clause::Node), QString());
        // A log id is a logName of the project; a quote in a value is escaped.
        const QString log =
            lq::clauseLine(lq::Clause::Log, QStringLiteral("raylet.out"), QStringLiteral("p"));
        QCOMPARE(log, QStringLiteral("logName=\"projects/p/logs/raylet.out\""));
        QCOMPARE(lq::clauseValue(log, lq::Clause::Log), QStringLiteral("raylet.out"));
        const QString node = lq::clauseLine(lq::Clause::Node, QStringLiteral("a\"b"));
        QCOMPARE(node, QStringLiteral("labels.ray_node=\"a\\\"b\""));
        QCOMPARE(lq::clauseValue(node, lq::Clause::Node), QStringLiteral("a\"b"));
    }

    // Choosing rovd's access log takes away what only the clusters' entries have; a Ray log
    // keeps the query as it is.
    void rovdsLogsDropTheClustersLines()
    {
        const QString cluster = lq::jobQuery(QStringLiteral("c1"), QStringLiteral("raysubmit_1"),
                                             QStringLiteral("02000000")) +
                                QStringLiteral("\nseverity>=WARNING\n\"refused\"");
        const QString rovd =
            lq::withLog(cluster, QStringLiteral("rovd/access"), QStringLiteral("p"));
        QCOMPARE(rovd, QStringLiteral("severity>=WARNING\n\"refused\"\n"
                                      "logName=\"projects/p/logs/rovd%2Faccess\""));
        QCOMPARE(lq::clauseValue(rovd, lq::Clause::Log), QStringLiteral("rovd/access"));
        const QString ray = lq::withLog(cluster, QStringLiteral("raylet.out"), QStringLiteral("p"));
        QCOMPARE(ray, cluster + QStringLiteral("\nlogName=\"projects/p/logs/raylet.out\""));
        QCOMPARE(lq::withLog(rovd, {}, QStringLiteral("p")),
                 QStringLiteral("severity>=WARNING\n\"refused\""));
        // The entries around one of rovd's: its file alone, no cluster.
        const QString around =
            lq::surroundingQuery({}, QStringLiteral("/d/logs/access.log"),
                                 QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
        QVERIFY2(
            around.startsWith(QStringLiteral("jsonPayload.tailed_path=\"/d/logs/access.log\"\n")),
            qPrintable(around));
    }

    void viewLogsQueries()
    {
        const QString job = lq::jobQuery(QStringLiteral("c1"), QStringLiteral("raysubmit_1"),
                                         QStringLiteral("02000000"));
        QVERIFY(job.endsWith(QStringLiteral(
            "(labels.ray_submission_id=\"raysubmit_1\" OR labels.ray_job_id=\"02000000\")")));
        QCOMPARE(lq::clauseValue(job, lq::Clause::Job), QStringLiteral("raysubmit_1"));
        QVERIFY(lq::nodeQuery(QStringLiteral("c1"), QStringLiteral("ab12"))
                    .endsWith(QStringLiteral("labels.ray_node_id=\"ab12\"")));
        const QString around =
            lq::surroundingQuery(QStringLiteral("c1"), QStringLiteral("/tmp/x/raylet.out"),
                                 QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC));
        QCOMPARE(lq::clauseValue(around, lq::Clause::From),
                 QStringLiteral("2026-12-01T09:59:00.000Z"));
        QCOMPARE(lq::clauseValue(around, lq::Clause::To),
                 QStringLiteral("2026-12-01T10:01:00.000Z"));
        QVERIFY(around.contains(QStringLiteral("jsonPayload.tailed_path=\"/tmp/x/raylet.out\"")));
    }

    void theErrorPointsIntoTheText()
    {
        const QString query = QStringLiteral("severity>=INFO\nlabels.x=\"a\" AND (b");
        QCOMPARE(
            lq::errorOffset(
                query, QStringLiteral("Unparseable filter: expected ')' at line 2, column 19")),
            15 + 18);
        // The same from rovd to a Chinese reader (its google.rpc.LocalizedMessage).
        QCOMPARE(lq::errorOffset(query, QStringLiteral("无法解析筛选条件：此处应为 ')'（位置：第 2 "
                                                       "行第 19 列）")),
                 15 + 18);
        QCOMPARE(lq::errorOffset(query, QStringLiteral("no position here")), -1);
    }

    void anEntryAsGoogleAndRovdWriteIt()
    {
        const json raw = json::parse(kJson0);
        const auto entry = api::logging::LogEntry::fromJson(raw);
        QCOMPARE(entry.severity, 400);
        QCOMPARE(entry.timestamp, QDateTime(QDate(2026, 12, 1), QTime(10, 0, 0, 123), Qt::UTC));
        QCOMPARE(entry.logId(), QStringLiteral("worker-ab-01000000-7.err"));
        QCOMPARE(entry.firstLine(), QStringLiteral("first …"));
        QCOMPARE(entry.label("ray_node"), QStringLiteral("w-0"));
        QCOMPARE(entry.tailedPath(), QStringLiteral("/tmp/s/logs/worker-ab-01000000-7.err"));
        QVERIFY(entry.toJson() == raw); // unknown fields kept
        QCOMPARE(api::logging::LogEntry::fromJson(json::parse(kJson1)).message(),
                 QStringLiteral("t"));
        // One of rovd's own: the table says "rovd" where a cluster would be.
        core::LogEntryModel model;
        model.replace({api::logging::LogEntry::fromJson(json::parse(
            R"({"logName": "projects/p/logs/rovd%2Faccess", "textPayload": "GET / 200",
                "resource": {"type": "generic_node", "labels": {"namespace": "rovd"}}})"))});
        QCOMPARE(model.index(0, core::LogEntryModel::Where).data().toString(),
                 QStringLiteral("rovd"));
        QCOMPARE(model.index(0, core::LogEntryModel::Log).data().toString(),
                 QStringLiteral("rovd/access"));
        // logs.list's names as the Log filter offers them.
        QCOMPARE(api::logging::parseLogIds(json::parse(
                     R"({"logNames": ["projects/p/logs/rovd%2Faccess", "projects/p/logs/raylet.out",
                                      7, "nothing"], "nextPageToken": "n"})")),
                 (QStringList{QStringLiteral("rovd/access"), QStringLiteral("raylet.out")}));
        QCOMPARE(api::logging::LoggingEndpoint(
                     {QUrl(QStringLiteral("http://h:1/")), QStringLiteral("p")})
                     .logsUrl(),
                 QUrl(QStringLiteral("http://h:1/v2/projects/p/logs?pageSize=1000")));
        const auto page = api::logging::parseListPage(json::parse(kJson2));
        QVERIFY(page.entries.empty()); // an empty page that goes on
        QCOMPARE(page.nextPageToken, QStringLiteral("n"));
    }

    void theRequestBodyIsCloudLoggings()
    {
        api::logging::LoggingClient client(
            nullptr, {QUrl(QStringLiteral("http://h:1/")), QStringLiteral("p")});
        QCOMPARE(client.endpoint().listUrl(), QUrl(QStringLiteral("http://h:1/v2/entries:list")));
        const json body = client.body({QStringLiteral("x"), true, 5000, QStringLiteral("t")});
        QVERIFY(body == json::parse(kJson3));
        QCOMPARE(
            core::LogExplorer::tailFilter(QStringLiteral("a OR b"),
                                          QDateTime(QDate(2026, 12, 1), QTime(10, 0), Qt::UTC)),
            QStringLiteral("(a OR b)\nreceiveTimestamp>=\"2026-12-01T10:00:00.000000Z\""));
    }

    void theModelGrowsAtBothEndsAndKeepsItsBound()
    {
        core::LogEntryModel model;
        const auto entries = [](int from, int count) {
            std::vector<api::logging::LogEntry> made;
            for (int i = from; i < from + count; ++i) {
                api::logging::LogEntry entry;
                entry.insertId = QString::number(i);
                entry.textPayload = QStringLiteral("line %1").arg(i);
                made.push_back(entry);
            }
            return made;
        };
        model.replace(entries(100, 10));
        model.prepend(entries(90, 10));
        model.append(entries(110, 5));
        QCOMPARE(model.rowCount(), 25);
        QCOMPARE(model.entry(0).insertId, QStringLiteral("90"));
        QCOMPARE(model.index(24, core::LogEntryModel::Message).data().toString(),
                 QStringLiteral("line 114"));
        // A long tail drops the oldest.
        model.append(entries(1000, core::LogEntryModel::kMaxEntries));
        QCOMPARE(model.rowCount(), core::LogEntryModel::kMaxEntries);
        QCOMPARE(model.entry(0).insertId, QStringLiteral("1000"));
    }

    void theHistogramCountsEachBucketBySeverity()
    {
        namespace lv = core::logvolume;
        QCOMPARE(lv::query(true, QStringLiteral("c1"), 400, 60),
                 QStringLiteral(
                     "sum by (severity) (increase(rovd_log_entries_total{ray_io_cluster=\"c1\","
                     "severity=~\"WARNING|ERROR|CRITICAL|ALERT|EMERGENCY\"}[60s]))"));
        QVERIFY(lv::query(false, {}, 0, 120)
                    .contains(QLatin1String("logging_googleapis_com:log_entry_count{}[120s]")));
        const auto range = lv::rangeFor(1000, 1000 + 3600, 60);
        QCOMPARE(range.step, 60);
        QVERIFY(range.start - range.step <= 1000 && range.end >= 1000 + 3600);
        api::monitoring::QueryResult result;
        result.series.push_back({{{QStringLiteral("severity"), QStringLiteral("ERROR")}},
                                 {{double(range.start), 2}, {double(range.start + 60), 1}}});
        result.series.push_back(
            {{{QStringLiteral("severity"), QStringLiteral("INFO")}}, {{double(range.start), 5}}});
        const auto bars = lv::buckets(result, range);
        QCOMPARE(qint64(bars.size()), range.points());
        QCOMPARE(bars[0].counts[size_t(lv::Group::Error)], 2.0);
        QCOMPARE(bars[0].counts[size_t(lv::Group::Info)], 5.0);
        QCOMPARE(bars[1].total(), 1.0);
        QCOMPARE(bars[2].total(), 0.0);
    }
};

QTEST_GUILESS_MAIN(TestLogQuery)
#include "tst_logquery.moc"
