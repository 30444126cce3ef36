// The console's side of batch prediction: a BatchPredictionJob read from Vertex AI's JSON (int64
// counts as strings, unknown fields ignored), the create body it sends, and the words the table
// shows.
#include "api/vertex/batchclient.h"
#include "catalog/machinecatalog.h"
#include "core/batchjobmodel.h"
#include "core/servingmodels.h"

#include <QTest>

using nlohmann::json;
using rov::api::vertex::BatchJobSpec;
using rov::api::vertex::BatchPredictionJob;

class TestBatchJobs : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aJobIsReadAsVertexWritesIt()
    {
        const json doc = {
            {"name", "projects/p/locations/l/batchPredictionJobs/42"},
            {"displayName", "nightly"},
            {"model", "projects/p/locations/l/models/7"},
            {"state", "JOB_STATE_RUNNING"},
            {"inputConfig",
             {{"instancesFormat", "jsonl"}, {"gcsSource", {{"uris", {"gs://b/in.jsonl"}}}}}},
            {"outputConfig", {{"gcsDestination", {{"outputUriPrefix", "gs://b/out"}}}}},
            {"outputInfo", {{"gcsOutputDirectory", "gs://b/out/prediction-m-2026"}}},
            {"dedicatedResources",
             {{"machineSpec", {{"machineType", "n1-standard-4"}}},
              {"startingReplicaCount", 1},
              {"maxReplicaCount", "3"}}},
            {"manualBatchTuningParameters", {{"batchSize", 128}}},
            {"completionStats",
             {{"successfulCount", "7500"}, {"failedCount", "2"}, {"incompleteCount", "2498"}}},
            {"createTime", "2026-12-05T10:00:00.000Z"},
            {"startTime", "2026-12-05T10:00:05.000Z"},
            {"somethingNew", {{"kept", "or ignored"}}}};
        const BatchPredictionJob job = BatchPredictionJob::fromJson(doc);
        QCOMPARE(job.id(), QStringLiteral("42"));
        QCOMPARE(job.inputUris, QStringList{QStringLiteral("gs://b/in.jsonl")});
        QCOMPARE(job.outputDirectory, QStringLiteral("gs://b/out/prediction-m-2026"));
        QCOMPARE(job.maxReplicas, 3);
        QCOMPARE(job.batchSize, 128);
        QCOMPARE(job.total(), qint64(10000));
        QVERIFY(!job.ended());
        QCOMPARE(rov::core::batchStateTitle(job.state), QStringLiteral("Running"));
        QCOMPARE(rov::core::batchProgressText(job), QStringLiteral("7,500 of 10,000 (2 failed)"));
        QCOMPARE(rov::core::batchDurationText(
                     job, QDateTime::fromString(QStringLiteral("2026-12-05T10:01:10.000Z"),
                                                Qt::ISODateWithMs)),
                 QStringLiteral("1 min 5 s"));
    }

    void theCreateBodyIsVertexs()
    {
        BatchJobSpec spec;
        spec.displayName = QStringLiteral("x");
        spec.model = QStringLiteral("projects/p/locations/l/models/7");
        spec.inputUris = {QStringLiteral("gs://b/in/*")};
        spec.outputPrefix = QStringLiteral("gs://b/out");
        const json body = spec.toJson();
        QVERIFY(body["inputConfig"]["gcsSource"]["uris"] == json::array({"gs://b/in/*"}));
        QVERIFY(body["outputConfig"]["gcsDestination"]["outputUriPrefix"] == "gs://b/out");
        QVERIFY(body["dedicatedResources"]["maxReplicaCount"] == 2);
        QVERIFY(body["manualBatchTuningParameters"]["batchSize"] == 64);
    }

    void aTableJobReadsAndWritesBigQuery()
    {
        BatchJobSpec spec;
        spec.displayName = QStringLiteral("x");
        spec.model = QStringLiteral("projects/p/locations/l/models/7");
        spec.instancesFormat = QStringLiteral("bigquery");
        spec.inputUris = {QStringLiteral("bq://p.d.instances")};
        spec.outputPrefix = QStringLiteral("bq://p.d");
        const json body = spec.toJson();
        QVERIFY(body["inputConfig"]["bigquerySource"]["inputUri"] == "bq://p.d.instances");
        QVERIFY(!body["inputConfig"].contains("gcsSource"));
        QVERIFY(body["outputConfig"]["bigqueryDestination"]["outputUri"] == "bq://p.d");
        QVERIFY(body["outputConfig"]["predictionsFormat"] == "bigquery");
        const BatchPredictionJob done =
            BatchPredictionJob::fromJson({{"outputInfo",
                                           {{"bigqueryOutputDataset", "bq://p.prediction_m_2026"},
                                            {"bigqueryOutputTable", "predictions"}}}});
        QCOMPARE(done.outputDirectory, QStringLiteral("bq://p.prediction_m_2026.predictions"));
        const auto snippets =
            rov::core::batchSnippets(QUrl(QStringLiteral("http://127.0.0.1:8788/")),
                                     QStringLiteral("projects/p/locations/l"), spec);
        QVERIFY2(
            snippets.python.contains(QStringLiteral("bigquery_source=\"bq://p.d.instances\"")) &&
                snippets.python.contains(
                    QStringLiteral("bigquery_destination_prefix=\"bq://p.d\"")),
            qPrintable(snippets.python));
        QVERIFY2(snippets.curl.contains(QStringLiteral(
                     "http://127.0.0.1:8788/v1/projects/p/locations/l/batchPredictionJobs")),
                 qPrintable(snippets.curl));
    }

    void theDialogSaysWhatIsMissing_data()
    {
        QTest::addColumn<QString>("format");
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("output");
        QTest::addColumn<QString>("problem");
        QTest::newRow("fine") << "jsonl"
                              << "gs://b/in.jsonl"
                              << "gs://b/out"
                              << "";
        QTest::newRow("no input") << "jsonl"
                                  << ""
                                  << "gs://b/out"
                                  << "Give the file of instances (gs://bucket/file).";
        QTest::newRow("a local path") << "csv"
                                      << "/tmp/in.csv"
                                      << "gs://b/out"
                                      << "/tmp/in.csv is not a gs://bucket/file";
        QTest::newRow("output outside gs://") << "jsonl"
                                              << "gs://b/in.jsonl"
                                              << "/tmp/out"
                                              << "The output is a gs://bucket/folder.";
        QTest::newRow("a table") << "bigquery"
                                 << "bq://p.d.t"
                                 << "bq://p.d"
                                 << "";
        QTest::newRow("a table out of a file")
            << "bigquery"
            << "gs://b/in.jsonl"
            << "bq://p"
            << "gs://b/in.jsonl is not a bq://project.dataset.table";
    }

    void theDialogSaysWhatIsMissing()
    {
        QFETCH(QString, format);
        QFETCH(QString, input);
        QFETCH(QString, output);
        QFETCH(QString, problem);
        BatchJobSpec spec;
        spec.displayName = QStringLiteral("x");
        spec.model = QStringLiteral("projects/p/locations/l/models/7");
        spec.instancesFormat = format;
        if (!input.isEmpty())
            spec.inputUris = {input};
        spec.outputPrefix = output;
        QCOMPARE(rov::core::batchSpecProblem(spec), problem);
        spec.model.clear();
        QCOMPARE(rov::core::batchSpecProblem(spec), QStringLiteral("Register a model first."));
    }

    void theOutputGoesBesideTheInput()
    {
        QCOMPARE(rov::core::defaultBatchOutput(QStringLiteral("gs://data/in/x.jsonl")),
                 QStringLiteral("gs://data/batch-predictions"));
        QCOMPARE(rov::core::defaultBatchOutput(QStringLiteral("bq://p.d.t")),
                 QStringLiteral("bq://p.d"));
        QCOMPARE(rov::core::defaultBatchOutput(QStringLiteral("/home/x")), QString());
    }

    void theCostIsTheReplicasTimeAtCataloguePrices()
    {
        BatchPredictionJob job;
        job.machineType = QStringLiteral("n1-standard-4");
        job.startingReplicas = 1;
        job.maxReplicas = 2;
        const auto &catalog = rov::catalog::MachineCatalog::builtIn();
        const QDateTime start =
            QDateTime::fromString(QStringLiteral("2026-12-05T10:00:00Z"), Qt::ISODate);
        QCOMPARE(rov::core::batchCostText(catalog, job, start), QString()); // not started
        job.startTime = start;
        job.endTime = start.addSecs(2 * 3600);
        const double perHour = *catalog.nodeUsdPerHour(job.machineType, {}, 0);
        QVERIFY(perHour > 0.1);
        QCOMPARE(rov::core::batchCostText(catalog, job, start.addSecs(9 * 3600)),
                 QStringLiteral("$%1–$%2").arg(2 * perHour, 0, 'f', 2).arg(4 * perHour, 0, 'f', 2));
        job.maxReplicas = 1;
        job.endTime = start.addSecs(1);
        QCOMPARE(rov::core::batchCostText(catalog, job, start), QStringLiteral("< $0.01"));
        job.machineType = QStringLiteral("no-such-machine");
        QCOMPARE(rov::core::batchCostText(catalog, job, start), QStringLiteral("—"));
    }

    void thePreviewReadsVertexsLines()
    {
        const QByteArray results = "{\"instance\": [1, 2], \"prediction\": 1}\n"
                                   "{\"key\": \"a\", \"prediction\": {\"c\": 0}}\n"
                                   "not json\n"
                                   "{\"instance\": [3, 4], \"prediction\": 0}\n"
                                   "{\"instance\": [5, 6], \"predi"; // cut by a range read
        const auto rows = rov::core::batchResultRows(results, 10);
        QCOMPARE(rows.size(), size_t(3));
        QCOMPARE(rows[0].instance, QStringLiteral("[1,2]"));
        QCOMPARE(rows[0].prediction, QStringLiteral("1"));
        QCOMPARE(rows[1].instance, QStringLiteral("\"a\"")); // the key stands for the instance
        QCOMPARE(rows[1].prediction, QStringLiteral("{\"c\":0}"));
        QCOMPARE(rov::core::batchResultRows(results, 1).size(), size_t(1));
        const QByteArray errors =
            "{\"instance\": \"oops\", \"error\": {\"code\": 3, \"message\": \"not a list\"}}\n";
        QCOMPARE(rov::core::batchErrorLines(errors, 10),
                 QStringList{QStringLiteral("\"oops\" — not a list")});
    }
};

QTEST_GUILESS_MAIN(TestBatchJobs)
#include "tst_batchjobs.moc"
