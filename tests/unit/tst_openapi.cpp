// The OpenAPI document describes what rovd serves: it is checked against the route table that
// the router itself reads, so a route cannot be served one way and described another.
#include "localplane/bigquery/bigquerydiscovery.h"
#include "localplane/server/routetable.h"

#include <QFile>
#include <QTest>
#include <nlohmann/json.hpp>

using namespace rov::localplane;
using nlohmann::json;

class TestOpenApi : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QFile file(QStringLiteral(ROV_OPENAPI_PATH));
        QVERIFY(file.open(QIODevice::ReadOnly));
        m_doc = json::parse(file.readAll().toStdString());
        QVERIFY(m_doc["paths"].is_object());
    }

    void everyRouteIsDescribedWithItsMethods()
    {
        QCOMPARE(m_doc["paths"].size(), routes::all().size());
        for (const RouteSpec &route : routes::all()) {
            const json &item = m_doc["paths"].value(route.pathTemplate, json());
            QVERIFY2(item.is_object(), route.pathTemplate);
            size_t described = 0;
            for (const auto &[key, value] : item.items())
                described += key == "get" || key == "post" || key == "patch" || key == "delete" ||
                             key == "put" || key == "head";
            QCOMPARE(described, route.methods.size());
            for (const MethodSpec &method : route.methods) {
                const std::string name = QByteArray(method.method).toLower().toStdString();
                QVERIFY2(item.contains(name), (route.pathTemplate + (" " + name)).c_str());
                QCOMPARE(QString::fromStdString(item[name]["operationId"].get<std::string>()),
                         QString::fromLatin1(method.operationId));
            }
        }
    }

    void everyOperationListsTheErrorsItCanGet()
    {
        for (const RouteSpec &route : routes::all()) {
            for (const MethodSpec &method : route.methods) {
                const json &responses =
                    m_doc["paths"][route.pathTemplate]
                         [QByteArray(method.method).toLower().toStdString()]["responses"];
                const auto has = [&](const char *status) { return responses.contains(status); };
                // Success is 200, or 204 where Google answers no content.
                QVERIFY2((has("200") || has("204")) && has("401"), method.operationId);
                // Cloud Storage's and BigQuery's deletes answer no content, as Google's do.
                QCOMPARE(has("204"), (route.id == RouteId::StorageObject ||
                                      routes::isBigQueryRoute(route.id)) &&
                                         QByteArray(method.method) == "DELETE");
                // The admin role's routes; all but Cloud Storage, reading models, BigQuery's data
                // and the metadata server for a node; the metadata server for anyone else; and
                // BigQuery's changes (its results dataset is read-only).
                QCOMPARE(has("403"), method.needsAdmin || !routes::nodeMayReach(route.id, method) ||
                                         routes::isMetadataRoute(route.id) ||
                                         (routes::isBigQueryRoute(route.id) &&
                                          QByteArray(method.method) != "GET"));
                // The metadata server's entries are there or not: no 404 but for attributes.
                if (route.id != RouteId::OpenApi)
                    QVERIFY2(has("400") && has("404") == (!routes::isMetadataRoute(route.id) ||
                                                          route.id == RouteId::MetadataAttribute),
                             method.operationId);
                // Every route counts against its part's --request-limits.
                QVERIFY2(has("503") && responses["503"]["description"].get<std::string>().find(
                                           "--request-limits") != std::string::npos,
                         method.operationId);
                if (method.body == BodyRule::JsonRequired)
                    QVERIFY2(has("411") && has("413"), method.operationId);
                // Prometheus' own errors (bad_data ...) are passed on as it words them.
                const bool prometheus =
                    route.id == RouteId::PromApi || route.id == RouteId::PromLabelValues;
                // A full disk: every change a client asks for may get RESOURCE_EXHAUSTED.
                const bool readsOnly =
                    prometheus || route.id == RouteId::LogEntries || route.id == RouteId::Predict ||
                    route.id == RouteId::RawPredict || route.id == RouteId::OperationWait;
                if (QByteArray(method.method) != "GET" && !readsOnly)
                    QVERIFY2(has("429"), method.operationId);
                for (const auto &[status, response] : responses.items()) {
                    if (status == "200" || status == "204" || status == "206" || status == "308")
                        continue; // JSON, bytes or text; no body; a range of an object's bytes;
                                  // a resumable upload's progress
                    const json &schema = response["content"]["application/json"]["schema"];
                    const auto isError = [&](const json &ref) {
                        return ref == "#/components/schemas/Error" ||
                               (prometheus && ref == "#/components/schemas/PrometheusError");
                    };
                    // Prometheus' 400 and 503 come from rovd (Google's) or from Prometheus.
                    bool described = isError(schema.value("$ref", json()));
                    if (prometheus && schema.contains("oneOf")) {
                        described = true;
                        for (const json &choice : schema["oneOf"])
                            described = described && isError(choice["$ref"]);
                    }
                    QVERIFY2(described, (std::string(method.operationId) + " " + status).c_str());
                }
            }
        }
    }

    void everyPathSaysWhatOtherMethodsGet()
    {
        for (const RouteSpec &route : routes::all()) {
            const json &other = m_doc["paths"][route.pathTemplate]["x-other-methods"];
            QVERIFY2(other["responses"].contains("405"), route.pathTemplate);
            QVERIFY(other["responses"]["405"]["headers"].contains("Allow"));
            QCOMPARE(QByteArray::fromStdString(other["allow"].get<std::string>()),
                     routes::allow(route.id));
        }
    }

    void requiredFieldsAreMarked()
    {
        const json &schemas = m_doc["components"]["schemas"];
        QVERIFY(schemas["PersistentResource"]["required"] == json::array({"resourcePools"}));
        QVERIFY(schemas["Error"]["required"] == json::array({"error"}));
        const json create = m_doc["paths"][routes::spec(RouteId::Clusters).pathTemplate]["post"];
        QVERIFY(create["requestBody"]["required"] == true);
    }

    // BigQuery's discovery document (what `bq --api` builds its calls from) names every BigQuery
    // route rovd serves, at its path and method, with the parameter names Google's clients pass.
    void bigQueryDiscoveryDescribesEveryRoute()
    {
        const json discovery = bigquery::discoveryDocument(m_doc, "http://127.0.0.1:8788/");
        QCOMPARE(QString::fromStdString(discovery["baseUrl"].get<std::string>()),
                 QStringLiteral("http://127.0.0.1:8788/bigquery/v2/"));
        std::map<std::string, std::string> described; // "GET projects/{projectId}/jobs" -> id
        for (const auto &[resource, item] : discovery["resources"].items()) {
            for (const auto &[name, method] : item["methods"].items()) {
                const std::string id = method["id"].get<std::string>();
                QCOMPARE(QString::fromStdString(id),
                         QString::fromStdString("bigquery." + resource + "." + name));
                described[method["httpMethod"].get<std::string>() + " " +
                          method["path"].get<std::string>()] = id;
                // Path parameters are required and come in parameterOrder.
                for (const auto &[param, spec] : method["parameters"].items()) {
                    const bool inPath = spec["location"] == "path";
                    QVERIFY2(!inPath || spec.value("required", false), param.c_str());
                    const json &order = method["parameterOrder"];
                    QCOMPARE(inPath, std::find(order.begin(), order.end(), param) != order.end());
                }
                for (const char *key : {"request", "response"}) {
                    if (method.contains(key))
                        QVERIFY(discovery["schemas"].contains(method[key]["$ref"]));
                }
            }
        }
        size_t routesDescribed = 0;
        for (const RouteSpec &route : routes::all()) {
            if (!routes::isBigQueryRoute(route.id) || route.id == RouteId::BqUpload)
                continue;
            std::string path = route.pathTemplate;
            path.erase(0, std::string("/bigquery/v2/").size());
            for (const auto &[from, to] : {std::pair{"{project}", "{projectId}"},
                                           {"{dataset}", "{datasetId}"},
                                           {"{table}", "{tableId}"},
                                           {"{job}", "{jobId}"}}) {
                if (const auto at = path.find(from); at != std::string::npos)
                    path.replace(at, std::string(from).size(), to);
            }
            for (const MethodSpec &method : route.methods) {
                const std::string key = std::string(method.method) + " " + path;
                QVERIFY2(described.count(key), key.c_str());
                ++routesDescribed;
            }
        }
        QCOMPARE(routesDescribed, described.size());
        // jobs.insert takes its data at the upload route, both simple and resumable.
        const json &insert = discovery["resources"]["jobs"]["methods"]["insert"];
        QVERIFY(insert.value("supportsMediaUpload", false));
        QCOMPARE(QString::fromStdString(
                     insert["mediaUpload"]["protocols"]["resumable"]["path"].get<std::string>()),
                 QStringLiteral("/upload/bigquery/v2/projects/{projectId}/jobs"));
        const json &list = discovery["resources"]["jobs"]["methods"]["list"]["parameters"];
        QVERIFY(list["stateFilter"].value("repeated", false));
        QCOMPARE(QString::fromStdString(list["allUsers"]["type"].get<std::string>()),
                 QStringLiteral("boolean"));
    }

private:
    json m_doc;
};

QTEST_GUILESS_MAIN(TestOpenApi)
#include "tst_openapi.moc"
