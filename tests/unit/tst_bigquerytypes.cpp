// BigQuery's answers as the console reads them: rows with nested and repeated cells, timestamps in
// both of BigQuery's forms, a query error's position, a job's statistics; and the results model
// that fetches a page at a time as a grid scrolls.
#include "api/bigquery/bigqueryclient.h"
#include "core/queryresultsmodel.h"

#include <QTest>

using namespace rov::api::bigquery;
using nlohmann::json;

class TestBigQueryTypes : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void rowsWithNestedAndRepeatedCellsReadAsText()
    {
        const json answer = json::parse(R"({
          "schema": {"fields": [
            {"name": "id", "type": "INT64"},
            {"name": "tags", "type": "STRING", "mode": "REPEATED"},
            {"name": "address", "type": "RECORD", "fields": [
              {"name": "city", "type": "STRING"}, {"name": "zip", "type": "INTEGER"}]},
            {"name": "placed", "type": "TIMESTAMP"},
            {"name": "missing", "type": "STRING"}]},
          "totalRows": "2", "pageToken": "1", "jobComplete": true,
          "rows": [{"f": [{"v": "1"}, {"v": [{"v": "a"}, {"v": "b"}]},
                          {"v": {"f": [{"v": "Paris"}, {"v": "75001"}]}},
                          {"v": "1767225600000000"}, {"v": null}]}]})");
        const RowPage page = parseRowPage(answer);
        QCOMPARE(page.schema.size(), size_t(5));
        QCOMPARE(page.schema[0].type, QStringLiteral("INTEGER")); // the legacy name, as tables.get
        QCOMPARE(page.schema[2].fields.size(), size_t(2));
        QCOMPARE(page.totalRows, 2);
        QCOMPARE(page.pageToken, QStringLiteral("1"));
        QCOMPARE(page.rows.size(), size_t(1));
        const QStringList row = page.rows[0];
        QCOMPARE(row[0], QStringLiteral("1"));
        QCOMPARE(row[1], QStringLiteral("[\"a\",\"b\"]"));
        QCOMPARE(row[2], QStringLiteral("{\"city\":\"Paris\",\"zip\":\"75001\"}"));
        QCOMPARE(row[3], QStringLiteral("2026-01-01 00:00:00.000 UTC"));
        QVERIFY(row[4].isNull()); // NULL, told from an empty string
        QVERIFY(!cellText({{"v", ""}}, page.schema[0]).isNull());
        // BigQuery's other TIMESTAMP form: seconds as a float.
        QCOMPARE(cellText({{"v", "1.7672256E9"}}, page.schema[3]),
                 QStringLiteral("2026-01-01 00:00:00.000 UTC"));
    }

    void tabledataTakesTheSchemaItIsGiven()
    {
        const std::vector<Field> schema{Field{
            QStringLiteral("n"), QStringLiteral("INTEGER"), QStringLiteral("NULLABLE"), {}, {}}};
        const RowPage page = parseRowPage(
            json::parse(R"({"totalRows": "1", "rows": [{"f": [{"v": "7"}]}]})"), schema);
        QCOMPARE(page.rows.size(), size_t(1));
        QCOMPARE(page.rows[0][0], QStringLiteral("7"));
        // A page with no rows says so by leaving them out.
        QVERIFY(parseRowPage(json::parse(R"({"totalRows": "5"})"), schema).rows.empty());
    }

    void aQueryErrorSaysWhereItIs()
    {
        QCOMPARE(errorPosition(QStringLiteral("Syntax error: WHERE is incomplete at [3:17]")),
                 std::pair(3, 17));
        QCOMPARE(errorPosition(QStringLiteral("Not found: Table p:d.t")), std::pair(0, 0));
        const JobError error = parseJobError(json::parse(
            R"({"reason": "invalidQuery", "message": "Unrecognized name: nope at [2:5]"})"));
        QCOMPARE(error.reason, QStringLiteral("invalidQuery"));
        QCOMPARE(error.line, 2);
        QCOMPARE(error.column, 5);
    }

    void aJobsStatisticsAndErrorAreRead()
    {
        const QueryJob job = QueryJob::fromJson(json::parse(R"({
          "jobReference": {"projectId": "p", "jobId": "j1", "location": "US"},
          "configuration": {"query": {"query": "SELECT 1",
              "destinationTable": {"projectId": "p", "datasetId": "_anon", "tableId": "t"}}},
          "status": {"state": "DONE", "errorResult": {"reason": "stopped", "message": "cancelled"}},
          "statistics": {"creationTime": "1767225600000", "startTime": "1767225600000",
              "endTime": "1767225601500", "query": {"totalBytesProcessed": "1024",
              "totalBytesBilled": "10485760", "totalSlotMs": "12", "statementType": "SELECT",
              "cacheHit": false}}})"));
        QCOMPARE(job.ref.id, QStringLiteral("j1"));
        QCOMPARE(job.ref.location, QStringLiteral("US"));
        QVERIFY(job.done());
        QVERIFY(job.error && job.error->reason == QLatin1String("stopped"));
        QCOMPARE(job.bytesProcessed, 1024);
        QCOMPARE(job.bytesBilled, 10485760);
        QCOMPARE(job.started.msecsTo(job.ended), 1500);
        QCOMPARE(job.affectedRows, -1);
        QVERIFY(job.destination && job.destination->table == QLatin1String("t"));
        const json dry = BigQueryClient::queryJob(QStringLiteral("SELECT 1"), true);
        QVERIFY(dry["configuration"]["dryRun"] == true);
        const json run = BigQueryClient::queryJob(QStringLiteral("SELECT 1"), false);
        QVERIFY(run["configuration"]["query"]["useLegacySql"] == false);
        QVERIFY(!run["configuration"].contains("dryRun"));
    }

    void theResultsModelFetchesAPageAtATime()
    {
        rov::core::QueryResultsModel model;
        QList<qint64> asked;
        model.reset({Field{QStringLiteral("n"),
                           QStringLiteral("INTEGER"),
                           QStringLiteral("NULLABLE"),
                           {},
                           {}}},
                    5, [&](qint64 start) { asked << start; });
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
        QCOMPARE(asked, QList<qint64>{0});
        QVERIFY(!model.canFetchMore({})); // one page at a time
        model.appendPage({{QStringLiteral("1")}, {QStringLiteral("2")}, {QStringLiteral("3")}});
        QCOMPARE(model.rowCount(), 3);
        model.fetchMore({});
        QCOMPARE(asked, (QList<qint64>{0, 3}));
        model.appendPage({{QStringLiteral("4")}, {QStringLiteral("5")}});
        QVERIFY(!model.canFetchMore({})); // all five are here
        QCOMPARE(model.data(model.index(4, 0), Qt::DisplayRole).toString(), QStringLiteral("5"));
        QCOMPARE(model.data(model.index(0, 0), Qt::TextAlignmentRole).toInt(),
                 int(Qt::AlignRight | Qt::AlignVCenter));
        // A page that fails stops the fetching until the next result.
        model.reset(model.schema(), 10, [&](qint64 start) { asked << start; });
        model.fetchMore({});
        model.failPage();
        QVERIFY(!model.canFetchMore({}));
    }
};

QTEST_GUILESS_MAIN(TestBigQueryTypes)
#include "tst_bigquerytypes.moc"
