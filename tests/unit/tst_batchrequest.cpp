// batchPredictionJobs.create's body read and checked, the list filter, and the names Vertex
// gives the output: a client's mistake is the 400 it gets, with the field it got wrong.
#include "catalog/machinecatalog.h"
#include "localplane/batch/batchrequest.h"

#include <QTest>

using namespace rov::localplane::batch;
using nlohmann::json;

namespace {

json validBody()
{
    return {{"displayName", "nightly"},
            {"model", "projects/p/locations/l/models/42@3"},
            {"inputConfig",
             {{"instancesFormat", "jsonl"}, {"gcsSource", {{"uris", {"gs://input/a.jsonl"}}}}}},
            {"outputConfig", {{"gcsDestination", {{"outputUriPrefix", "gs://output/run/"}}}}},
            {"dedicatedResources",
             {{"machineSpec", {{"machineType", "n1-standard-4"}}},
              {"startingReplicaCount", "2"},
              {"maxReplicaCount", 3}}},
            {"manualBatchTuningParameters", {{"batchSize", "128"}}}};
}

QString problemWith(const json &body)
{
    const auto read = readCreateRequest(body, rov::catalog::MachineCatalog::builtIn());
    const auto *error = std::get_if<rov::rest::ApiError>(&read);
    return error ? error->message : QString();
}

} // namespace

class TestBatchRequest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aValidRequestIsReadWithItsDefaults()
    {
        const auto read = readCreateRequest(validBody(), rov::catalog::MachineCatalog::builtIn());
        QVERIFY(std::holds_alternative<BatchDraft>(read));
        const BatchDraft &draft = std::get<BatchDraft>(read);
        QCOMPARE(draft.modelName, QStringLiteral("projects/p/locations/l/models/42"));
        QCOMPARE(draft.inputUris, QStringList{QStringLiteral("gs://input/a.jsonl")});
        QCOMPARE(draft.cpusPerReplica, 4);
        QCOMPARE(draft.startingReplicas, 2);
        QCOMPARE(draft.maxReplicas, 3);
        QCOMPARE(draft.batchSize, 128);
        QVERIFY(draft.kept["manualBatchTuningParameters"]["batchSize"] == 128);

        json bare = validBody();
        bare.erase("dedicatedResources");
        bare.erase("manualBatchTuningParameters");
        const auto defaults =
            std::get<BatchDraft>(readCreateRequest(bare, rov::catalog::MachineCatalog::builtIn()));
        QCOMPARE(defaults.startingReplicas, 1);
        QCOMPARE(defaults.maxReplicas, 10);
        QCOMPARE(defaults.batchSize, 64);
    }

    void mistakesNameTheField_data()
    {
        QTest::addColumn<QByteArray>("patch");
        QTest::addColumn<QString>("words");
        QTest::newRow("no name") << QByteArray("{\"displayName\": \"\"}")
                                 << QStringLiteral("displayName");
        QTest::newRow("model") << QByteArray("{\"model\": \"models/1\"}")
                               << QStringLiteral("model must name");
        QTest::newRow("format") << QByteArray(
                                       "{\"inputConfig\": {\"instancesFormat\": \"tf-record\", "
                                       "\"gcsSource\": {\"uris\": [\"gs://input/a\"]}}}")
                                << QStringLiteral("instancesFormat");
        QTest::newRow("no uris") << QByteArray("{\"inputConfig\": {\"instancesFormat\": \"csv\", "
                                               "\"gcsSource\": {\"uris\": []}}}")
                                 << QStringLiteral("gcsSource.uris");
        QTest::newRow("s3")
            << QByteArray(
                   "{\"outputConfig\": {\"gcsDestination\": {\"outputUriPrefix\": \"s3://b/p\"}}}")
            << QStringLiteral("outputUriPrefix");
        QTest::newRow("bigquery out")
            << QByteArray(
                   "{\"outputConfig\": {\"bigqueryDestination\": {\"outputUri\": \"bq://p.d\"}}}")
            << QStringLiteral("bigqueryDestination");
        QTest::newRow("machine")
            << QByteArray(
                   "{\"dedicatedResources\": {\"machineSpec\": {\"machineType\": \"z9-huge\"}}}")
            << QStringLiteral("machineType");
        QTest::newRow("replicas") << QByteArray(
                                         "{\"dedicatedResources\": {\"startingReplicaCount\": 5, "
                                         "\"maxReplicaCount\": 2}}")
                                  << QStringLiteral("startingReplicaCount (5)");
        QTest::newRow("batch size")
            << QByteArray("{\"manualBatchTuningParameters\": {\"batchSize\": 0}}")
            << QStringLiteral("batchSize");
        QTest::newRow("both field lists") << QByteArray("{\"instanceConfig\": {\"includedFields\": "
                                                        "[\"a\"], \"excludedFields\": [\"b\"]}}")
                                          << QStringLiteral("cannot both");
    }

    void mistakesNameTheField()
    {
        QFETCH(QByteArray, patch);
        QFETCH(QString, words);
        json body = validBody();
        body.merge_patch(json::parse(patch.toStdString()));
        const QString problem = problemWith(body);
        QVERIFY2(problem.contains(words), qPrintable(problem));
    }

    void theFilterReadsStateAndNames()
    {
        const json job{{"state", "JOB_STATE_RUNNING"},
                       {"displayName", "nightly"},
                       {"rovModelDisplayName", "churn"}};
        const auto match = [&](const char *text) {
            return std::get<JobFilter>(JobFilter::parse(QLatin1String(text))).matches(job);
        };
        QVERIFY(match(""));
        QVERIFY(match("state=\"JOB_STATE_RUNNING\""));
        QVERIFY(!match("state!=\"JOB_STATE_RUNNING\""));
        QVERIFY(match("display_name=\"nightly\" AND model_display_name=\"churn\""));
        QVERIFY(!match("display_name=\"other\" AND state=\"JOB_STATE_RUNNING\""));
        QVERIFY(match("display_name=\"other\" OR state=\"JOB_STATE_RUNNING\""));
        QVERIFY(std::holds_alternative<rov::rest::ApiError>(
            JobFilter::parse(QStringLiteral("colour=red"))));
    }

    void theOutputFolderIsVertexs()
    {
        QCOMPARE(outputFolderName(QStringLiteral("my model"),
                                  QStringLiteral("2026-12-05T10:11:12.345Z")),
                 QStringLiteral("prediction-my_model-2026_12_05T10_11_12_345Z"));
        QVERIFY(isFinalState(QLatin1String(states::kPartiallySucceeded)));
        QVERIFY(!isFinalState(QLatin1String(states::kCancelling)));
    }
};

QTEST_GUILESS_MAIN(TestBatchRequest)
#include "tst_batchrequest.moc"
