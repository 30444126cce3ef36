#include "localplane/server/routetable.h"

#include <QTest>

using namespace rov::localplane;
using namespace std::chrono_literals;

namespace {
const QString kParent = QStringLiteral("projects/p/locations/us-central1");
const QString kCluster = kParent + QStringLiteral("/persistentResources/c1");
} // namespace

class TestRouteTable : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void pathsFindTheirRoute_data()
    {
        QTest::addColumn<QString>("path");
        QTest::addColumn<int>("route");
        QTest::addColumn<QString>("resource");
        const QString base = QStringLiteral("/v1/") + kParent;
        QTest::newRow("list") << base + QStringLiteral("/persistentResources")
                              << int(RouteId::Clusters) << kParent;
        QTest::newRow("get") << base + QStringLiteral("/persistentResources/c1")
                             << int(RouteId::Cluster) << kCluster;
        QTest::newRow("reboot") << base + QStringLiteral("/persistentResources/c1:reboot")
                                << int(RouteId::Reboot) << kCluster;
        QTest::newRow("ops") << base + QStringLiteral("/persistentResources/c1/operations")
                             << int(RouteId::Operations) << kCluster;
        QTest::newRow("op") << base + QStringLiteral("/persistentResources/c1/operations/9")
                            << int(RouteId::Operation)
                            << kCluster + QStringLiteral("/operations/9");
        QTest::newRow("wait") << base + QStringLiteral("/persistentResources/c1/operations/9:wait")
                              << int(RouteId::OperationWait)
                              << kCluster + QStringLiteral("/operations/9");
        QTest::newRow("cancel") << base +
                                       QStringLiteral("/persistentResources/c1/operations/9:cancel")
                                << int(RouteId::OperationCancel)
                                << kCluster + QStringLiteral("/operations/9");
        QTest::newRow("events") << base + QStringLiteral("/persistentResources/c1/events")
                                << int(RouteId::Events) << kCluster;
        QTest::newRow("runtimes") << base + QStringLiteral("/rayRuntimes")
                                  << int(RouteId::RayRuntimes) << kParent;
        QTest::newRow("ui op") << QStringLiteral("/ui/") + kParent +
                                      QStringLiteral("/persistentResources/c1/operations/9")
                               << int(RouteId::Operation)
                               << kCluster + QStringLiteral("/operations/9");
        QTest::newRow("openapi") << QStringLiteral("/openapi.json") << int(RouteId::OpenApi)
                                 << QString();
        QTest::newRow("bq discovery")
            << QStringLiteral("/$discovery/rest") << int(RouteId::BqDiscovery) << QString();
        QTest::newRow("metrics") << QStringLiteral("/metrics") << int(RouteId::Metrics)
                                 << QString();
        const QString prometheus =
            QStringLiteral("/v1/projects/p/location/global/prometheus/api/v1/");
        for (const char *endpoint :
             {"query", "query_range", "series", "labels", "metadata", "rules", "alerts"})
            QTest::newRow(endpoint) << prometheus + QLatin1String(endpoint) << int(RouteId::PromApi)
                                    << QString::fromLatin1(endpoint);
        QTest::newRow("label values")
            << prometheus + QStringLiteral("label/__name__/values") << int(RouteId::PromLabelValues)
            << QStringLiteral("label/__name__/values");
        // The Model Registry and endpoints.
        QTest::newRow("models") << base + QStringLiteral("/models") << int(RouteId::Models)
                                << kParent;
        QTest::newRow("upload") << base + QStringLiteral("/models:upload")
                                << int(RouteId::ModelUpload) << kParent;
        QTest::newRow("model version")
            << base + QStringLiteral("/models/m@1") << int(RouteId::Model)
            << kParent + QStringLiteral("/models/m@1");
        QTest::newRow("model op") << base + QStringLiteral("/models/m/operations/7")
                                  << int(RouteId::ModelOperation)
                                  << kParent + QStringLiteral("/models/m/operations/7");
        QTest::newRow("endpoints")
            << base + QStringLiteral("/endpoints") << int(RouteId::Endpoints) << kParent;
        for (const auto &[verb, id] : std::vector<std::pair<const char *, RouteId>>{
                 {"deployModel", RouteId::DeployModel},
                 {"undeployModel", RouteId::UndeployModel},
                 {"mutateDeployedModel", RouteId::MutateDeployedModel},
                 {"predict", RouteId::Predict},
                 {"rawPredict", RouteId::RawPredict}})
            QTest::newRow(verb) << base + QStringLiteral("/endpoints/e:") + QLatin1String(verb)
                                << int(id) << kParent + QStringLiteral("/endpoints/e");
        QTest::newRow("ui endpoint op")
            << QStringLiteral("/ui/") + kParent + QStringLiteral("/endpoints/e/operations/7")
            << int(RouteId::EndpointOperation)
            << kParent + QStringLiteral("/endpoints/e/operations/7");
        // Batch prediction jobs.
        QTest::newRow("batch jobs") << base + QStringLiteral("/batchPredictionJobs")
                                    << int(RouteId::BatchPredictionJobs) << kParent;
        QTest::newRow("batch job")
            << base + QStringLiteral("/batchPredictionJobs/42") << int(RouteId::BatchPredictionJob)
            << kParent + QStringLiteral("/batchPredictionJobs/42");
        QTest::newRow("batch cancel") << base + QStringLiteral("/batchPredictionJobs/42:cancel")
                                      << int(RouteId::BatchPredictionJobCancel)
                                      << kParent + QStringLiteral("/batchPredictionJobs/42");
        QTest::newRow("batch op") << base + QStringLiteral("/batchPredictionJobs/42/operations/7")
                                  << int(RouteId::BatchPredictionJobOperation)
                                  << kParent +
                                         QStringLiteral("/batchPredictionJobs/42/operations/7");
        // Cloud Storage: an object's name is the rest of the decoded path.
        QTest::newRow("buckets") << QStringLiteral("/storage/v1/b") << int(RouteId::StorageBuckets)
                                 << QString();
        QTest::newRow("bucket") << QStringLiteral("/storage/v1/b/bkt")
                                << int(RouteId::StorageBucket) << QStringLiteral("bkt");
        QTest::newRow("objects") << QStringLiteral("/storage/v1/b/bkt/o")
                                 << int(RouteId::StorageObjects) << QStringLiteral("bkt");
        QTest::newRow("object") << QStringLiteral("/storage/v1/b/bkt/o/a/b:c.pkl")
                                << int(RouteId::StorageObject) << QStringLiteral("bkt/a/b:c.pkl");
        QTest::newRow("download") << QStringLiteral("/download/storage/v1/b/bkt/o/m/model.pkl")
                                  << int(RouteId::StorageDownload)
                                  << QStringLiteral("bkt/m/model.pkl");
        QTest::newRow("upload object") << QStringLiteral("/upload/storage/v1/b/bkt/o")
                                       << int(RouteId::StorageUpload) << QStringLiteral("bkt");
        // gcloud's generated client sends resumable uploads here.
        QTest::newRow("resumable upload")
            << QStringLiteral("/resumable/upload/storage/v1/b/bkt/o")
            << int(RouteId::StorageResumableUpload) << QStringLiteral("bkt");
        QTest::newRow("storage layout") << QStringLiteral("/storage/v1/b/bkt/storageLayout")
                                        << int(RouteId::StorageLayout) << QStringLiteral("bkt");
        // BigQuery: the resource is the path, which the service reads again.
        const QString bq = QStringLiteral("/bigquery/v2/projects/p/");
        for (const auto &[name, rest, id] : std::vector<std::tuple<const char *, QString, RouteId>>{
                 {"bq datasets", QStringLiteral("datasets"), RouteId::BqDatasets},
                 {"bq dataset", QStringLiteral("datasets/d"), RouteId::BqDataset},
                 {"bq tables", QStringLiteral("datasets/d/tables"), RouteId::BqTables},
                 {"bq table", QStringLiteral("datasets/d/tables/t"), RouteId::BqTable},
                 {"bq data", QStringLiteral("datasets/d/tables/t/data"), RouteId::BqTableData},
                 {"bq insertAll", QStringLiteral("datasets/d/tables/t/insertAll"),
                  RouteId::BqInsertAll},
                 {"bq jobs", QStringLiteral("jobs"), RouteId::BqJobs},
                 {"bq job", QStringLiteral("jobs/j"), RouteId::BqJob},
                 {"bq cancel", QStringLiteral("jobs/j/cancel"), RouteId::BqJobCancel},
                 {"bq delete job", QStringLiteral("jobs/j/delete"), RouteId::BqJobDelete},
                 {"bq queries", QStringLiteral("queries"), RouteId::BqQueries},
                 {"bq results", QStringLiteral("queries/j"), RouteId::BqQueryResults}})
            QTest::newRow(name) << bq + rest << int(id) << bq + rest;
        QTest::newRow("bq projects")
            << QStringLiteral("/bigquery/v2/projects") << int(RouteId::BqProjects)
            << QStringLiteral("/bigquery/v2/projects");
        QTest::newRow("bq upload")
            << QStringLiteral("/upload/bigquery/v2/projects/p/jobs") << int(RouteId::BqUpload)
            << QStringLiteral("/upload/bigquery/v2/projects/p/jobs");
        // A node's metadata server, at the paths google-auth reads.
        const QString account =
            QStringLiteral("/computeMetadata/v1/instance/service-accounts/default/");
        for (const auto &[name, path, id] : std::vector<std::tuple<const char *, QString, RouteId>>{
                 {"metadata root", QStringLiteral("/computeMetadata/"), RouteId::MetadataRoot},
                 {"project id", QStringLiteral("/computeMetadata/v1/project/project-id"),
                  RouteId::MetadataProjectId},
                 {"universe", QStringLiteral("/computeMetadata/v1/universe/universe-domain"),
                  RouteId::MetadataUniverseDomain},
                 {"service account", account, RouteId::MetadataServiceAccount},
                 {"email", account + QStringLiteral("email"), RouteId::MetadataServiceAccountEmail},
                 {"token", account + QStringLiteral("token"),
                  RouteId::MetadataServiceAccountToken}})
            QTest::newRow(name) << path << int(id) << QString();
        QTest::newRow("attribute")
            << QStringLiteral("/computeMetadata/v1/instance/attributes/rov-bigquery-read-endpoint")
            << int(RouteId::MetadataAttribute) << QStringLiteral("rov-bigquery-read-endpoint");
    }
    void pathsFindTheirRoute()
    {
        QFETCH(QString, path);
        QFETCH(int, route);
        QFETCH(QString, resource);
        const auto found = routes::match(path);
        QVERIFY(found.has_value());
        QCOMPARE(int(found->id), route);
        QCOMPARE(found->resource, resource);
    }

    void otherPathsFindNothing_data()
    {
        QTest::addColumn<QString>("path");
        const QString base = QStringLiteral("/v1/") + kParent;
        QTest::newRow("empty") << QString();
        QTest::newRow("root") << QStringLiteral("/");
        QTest::newRow("v2") << QStringLiteral("/v2/") + kParent + QStringLiteral("/rayRuntimes");
        QTest::newRow("ui cluster")
            << QStringLiteral("/ui/") + kParent + QStringLiteral("/persistentResources/c1");
        QTest::newRow("unknown verb") << base + QStringLiteral("/persistentResources/c1:explode");
        QTest::newRow("empty cluster") << base + QStringLiteral("/persistentResources/");
        QTest::newRow("verb mid path")
            << base + QStringLiteral("/persistentResources/c1:reboot/operations");
        QTest::newRow("too deep") << base + QStringLiteral(
                                                "/persistentResources/c1/operations/9/more");
        QTest::newRow("no projects") << QStringLiteral("/v1/folders/p/locations/l/rayRuntimes");
        QTest::newRow("relative") << QStringLiteral("v1/") + kParent +
                                         QStringLiteral("/rayRuntimes");
        const QString prometheus =
            QStringLiteral("/v1/projects/p/location/global/prometheus/api/v1/");
        QTest::newRow("prometheus: not global")
            << QStringLiteral("/v1/projects/p/location/us-central1/prometheus/api/v1/query");
        QTest::newRow("prometheus: v1beta1")
            << QStringLiteral("/v1beta1/projects/p/location/global/prometheus/api/v1/query");
        QTest::newRow("prometheus: admin api")
            << prometheus + QStringLiteral("admin/tsdb/snapshot");
        QTest::newRow("prometheus: targets") << prometheus + QStringLiteral("targets");
        QTest::newRow("prometheus: label without values")
            << prometheus + QStringLiteral("label/job");
        QTest::newRow("prometheus: empty label") << prometheus + QStringLiteral("label//values");
        QTest::newRow("models: unknown verb") << base + QStringLiteral("/models:deploy");
        QTest::newRow("model: endpoint verb") << base + QStringLiteral("/models/m:predict");
        QTest::newRow("endpoints under ui")
            << QStringLiteral("/ui/") + kParent + QStringLiteral("/endpoints");
        QTest::newRow("storage: object without name") << QStringLiteral("/storage/v1/b/bkt/o/");
        QTest::newRow("storage: not o") << QStringLiteral("/storage/v1/b/bkt/x/y");
        QTest::newRow("upload: object path") << QStringLiteral("/upload/storage/v1/b/bkt/o/name");
        QTest::newRow("resumable: object path")
            << QStringLiteral("/resumable/upload/storage/v1/b/bkt/o/name");
        QTest::newRow("bq: no project") << QStringLiteral("/bigquery/v2/projects/");
        QTest::newRow("bq: empty dataset")
            << QStringLiteral("/bigquery/v2/projects/p/datasets//tables");
        QTest::newRow("bq: unknown collection") << QStringLiteral("/bigquery/v2/projects/p/models");
        QTest::newRow("bq: job verb") << QStringLiteral("/bigquery/v2/projects/p/jobs/j/explode");
        QTest::newRow("bq: too deep")
            << QStringLiteral("/bigquery/v2/projects/p/datasets/d/tables/t/data/more");
        QTest::newRow("bq: upload elsewhere")
            << QStringLiteral("/upload/bigquery/v2/projects/p/datasets");
        QTest::newRow("bq: v1") << QStringLiteral("/bigquery/v1/projects/p/datasets");
        QTest::newRow("metadata: no slash") << QStringLiteral("/computeMetadata");
        QTest::newRow("metadata: other account")
            << QStringLiteral("/computeMetadata/v1/instance/service-accounts/other/token");
        QTest::newRow("metadata: nested attribute")
            << QStringLiteral("/computeMetadata/v1/instance/attributes/a/b");
        QTest::newRow("metadata: empty attribute")
            << QStringLiteral("/computeMetadata/v1/instance/attributes/");
        QTest::newRow("metadata: hostname")
            << QStringLiteral("/computeMetadata/v1/instance/hostname");
    }
    void otherPathsFindNothing()
    {
        QFETCH(QString, path);
        QVERIFY(!routes::match(path).has_value());
    }

    void methodsAndAllow()
    {
        QVERIFY(routes::method(RouteId::Cluster, "GET").has_value());
        QVERIFY(routes::method(RouteId::Cluster, "HEAD").has_value()); // HEAD wherever GET is
        QVERIFY(!routes::method(RouteId::Cluster, "PUT").has_value());
        QVERIFY(!routes::method(RouteId::Reboot, "HEAD").has_value());
        QVERIFY(!routes::method(RouteId::Clusters, "TRACE").has_value());
        QCOMPARE(routes::allow(RouteId::Cluster), QByteArray("GET, HEAD, PATCH, DELETE"));
        QCOMPARE(routes::allow(RouteId::OperationWait), QByteArray("POST"));
    }

    void everyRouteHasRulesThatFitItsMethod()
    {
        for (const RouteSpec &route : routes::all()) {
            QVERIFY(!route.methods.empty());
            QCOMPARE(&routes::spec(route.id), &route);
            for (const MethodSpec &method : route.methods) {
                const QByteArray name(method.method);
                if (name == "GET") {
                    QCOMPARE(method.lane, Lane::Read);
                    QCOMPARE(method.body, BodyRule::None);
                    QVERIFY(!method.needsAdmin);
                } else if (method.lane == Lane::Change) {
                    QVERIFY2(method.needsAdmin, method.operationId);
                }
            }
        }
        QCOMPARE(routes::method(RouteId::Clusters, "POST")->body, BodyRule::JsonRequired);
        // JSON routes stay small, but for predictions (Vertex AI's 1.5 MB payload); uploads take
        // a chunk; the library's own cap is the largest route's.
        for (const RouteSpec &route : routes::all()) {
            for (const MethodSpec &method : route.methods) {
                QVERIFY(method.bodyLimit <= routes::largestBodyLimit());
                if (route.id == RouteId::Predict || route.id == RouteId::RawPredict)
                    QCOMPARE(method.bodyLimit, qint64(1536 * 1024));
                else if (route.id == RouteId::StorageUpload ||
                         route.id == RouteId::StorageResumableUpload ||
                         route.id == RouteId::BqUpload)
                    QCOMPARE(method.bodyLimit, routes::kUploadBodyLimit);
                else if (route.id == RouteId::BqInsertAll)
                    QCOMPARE(method.bodyLimit, routes::kInsertAllBodyLimit);
                else
                    QCOMPARE(method.bodyLimit, routes::kJsonBodyLimit);
            }
        }
        QCOMPARE(routes::largestBodyLimit(), routes::kUploadBodyLimit);
        QCOMPARE(routes::method(RouteId::OperationWait, "POST")->lane, Lane::Wait);
    }

    void queriesAreDecoded()
    {
        const auto query = routes::parseQuery("updateMask=resourcePools.replicaCount&page_size=5"
                                              "&filter=a%20b+c&&flag&x=%zz&x=2");
        QCOMPARE(routes::queryValue(query, QStringLiteral("updateMask")),
                 QStringLiteral("resourcePools.replicaCount"));
        QCOMPARE(routes::queryValue(query, QStringLiteral("pageSize"), QStringLiteral("page_size")),
                 QStringLiteral("5"));
        QCOMPARE(routes::queryValue(query, QStringLiteral("filter")), QStringLiteral("a b c"));
        QVERIFY(query.count(QStringLiteral("flag")) == 1);
        QCOMPARE(routes::queryValue(query, QStringLiteral("x")), QStringLiteral("%zz"));
        QCOMPARE(query.count(QStringLiteral("x")), size_t(2));
        QVERIFY(routes::queryValue(query, QStringLiteral("missing")).isEmpty());
        // A truncated escape at the very end is kept as text, not read past the end.
        QCOMPARE(routes::queryValue(routes::parseQuery("a=%4"), QStringLiteral("a")),
                 QStringLiteral("%4"));
        QVERIFY(routes::parseQuery("").empty());
    }

    void durationsAreClamped()
    {
        QCOMPARE(routes::duration(QStringLiteral("30s"), 60s), 30000ms);
        QCOMPARE(routes::duration(QStringLiteral("1.5s"), 60s), 1500ms);
        QCOMPARE(routes::duration(QStringLiteral("3600s"), 60s), 60000ms);
        QCOMPARE(routes::duration(QStringLiteral("-5s"), 60s), 0ms);
        QCOMPARE(routes::duration(QStringLiteral("soon"), 60s), 60000ms);
        QCOMPARE(routes::duration(QStringLiteral("nan"), 60s), 60000ms);
        QCOMPARE(routes::duration(QStringLiteral("1e300s"), 60s), 60000ms);
    }
};

QTEST_GUILESS_MAIN(TestRouteTable)
#include "tst_routetable.moc"
