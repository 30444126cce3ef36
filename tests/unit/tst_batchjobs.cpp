// The console's side of batch prediction: a BatchPredictionJob read from Vertex AI's JSON (int64
// counts as strings, unknown fields ignored), the create body it sends, and the words the table
// shows.
#include "api/vertex/batchclient.h"
#include "core/batchjobmodel.h"

#include <QTest>

using rov::api::vertex::BatchJobSpec;
using rov::api::vertex::BatchPredictionJob;
using nlohmann::json;

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
};

QTEST_GUILESS_MAIN(TestBatchJobs)
#include "tst_batchjobs.moc"
