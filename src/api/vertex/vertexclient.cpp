#include "vertexclient.h"

#include "api/pagedlist.h"
#include "rest/restclient.h"

namespace rov::api::vertex {

using nlohmann::json;
using rest::HttpMethod;
using rest::HttpRequest;
using rest::HttpResponse;

namespace {

ClusterEvent eventFromJson(const json &item)
{
    ClusterEvent event{
        QDateTime::fromString(QString::fromStdString(item.value("time", std::string())),
                              Qt::ISODateWithMs),
        QString::fromStdString(item.value("state", std::string())),
        QString::fromStdString(item.value("reason", std::string())), std::nullopt};
    const auto live = item.find("liveNodes");
    if (live != item.end() && live->is_object()) {
        std::map<QString, qint64> counts;
        for (const auto &[pool, count] : live->items()) {
            // int64 in JSON: a number, or a string as in Google's JSON mapping.
            const qint64 value = count.is_number_integer() ? count.get<qint64>()
                                 : count.is_string()
                                     ? QString::fromStdString(count.get<std::string>()).toLongLong()
                                     : 0;
            counts[QString::fromStdString(pool)] = std::max<qint64>(0, value);
        }
        event.liveNodes = std::move(counts);
    }
    return event;
}

QStringList stringsOf(const json &array, const char *key)
{
    QStringList values;
    if (!array.is_array())
        return values;
    for (const auto &item : array) {
        const std::string value =
            item.is_string() ? item.get<std::string>() : item.value(key, std::string());
        if (!value.empty() && !values.contains(QString::fromStdString(value)))
            values << QString::fromStdString(value);
    }
    return values;
}

} // namespace

VertexClient::VertexClient(rest::RestClient *client, Endpoint endpoint, QObject *parent)
    : QObject(parent), ResourceApi(client, std::move(endpoint))
{}

rest::Call VertexClient::listClusters(QObject *context, ClustersDone done)
{
    return list<PersistentResource>(QStringLiteral("persistentResources"), 100, context,
                                    std::move(done));
}

rest::Call VertexClient::getCluster(const QString &name, QObject *context, ClusterDone done)
{
    return rest::send(m_client, HttpRequest::get(url(name)), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          if (!response.ok())
                              done({{}, response.error});
                          else
                              done({PersistentResource::fromJson(response.json()), std::nullopt});
                      });
}

rest::Call VertexClient::createCluster(const QString &id, const PersistentResource &cluster,
                                       QObject *context, OperationDone done)
{
    auto request = HttpRequest::withJson(
        HttpMethod::Post, url(m_endpoint.parent() + QStringLiteral("/persistentResources")),
        cluster.toJson());
    request.query.addQueryItem(QStringLiteral("persistentResourceId"), id);
    return sendForOperation(std::move(request), context, std::move(done));
}

rest::Call VertexClient::scaleCluster(const QString &name,
                                      const std::map<QString, qint64> &replicas, QObject *context,
                                      OperationDone done)
{
    json pools = json::array();
    for (const auto &[id, count] : replicas)
        pools.push_back({{"id", id.toStdString()}, {"replicaCount", std::to_string(count)}});
    auto request = HttpRequest::withJson(HttpMethod::Patch, url(name), {{"resourcePools", pools}});
    request.query.addQueryItem(QStringLiteral("updateMask"),
                               QStringLiteral("resourcePools.replicaCount"));
    return sendForOperation(std::move(request), context, std::move(done));
}

rest::Call VertexClient::rebootCluster(const QString &name, QObject *context, OperationDone done)
{
    return sendForOperation(HttpRequest::withJson(HttpMethod::Post,
                                                  url(name + QStringLiteral(":reboot")),
                                                  json::object()),
                            context, std::move(done));
}

rest::Call VertexClient::deleteCluster(const QString &name, QObject *context, OperationDone done)
{
    HttpRequest request;
    request.method = HttpMethod::Delete;
    request.url = url(name);
    return sendForOperation(std::move(request), context, std::move(done));
}

rest::Call VertexClient::capabilities(QObject *context, CapabilitiesDone done)
{
    auto request = HttpRequest::get(url(m_endpoint.parent() + QStringLiteral("/rayRuntimes")));
    request.retry = rest::RetryPolicy::none();
    return rest::send(m_client, std::move(request), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          BackendCapabilities capabilities;
                          if (response.status == 404) { // Google Cloud: no such extension
                              done({capabilities, std::nullopt});
                              return;
                          }
                          if (!response.ok()) {
                              done({capabilities, response.error});
                              return;
                          }
                          const json body = response.json();
                          capabilities.known = true;
                          capabilities.rayVersions =
                              stringsOf(body.value("rayRuntimes", json::array()), "rayVersion");
                          capabilities.pythonVersions =
                              stringsOf(body.value("rayRuntimes", json::array()), "pythonVersion");
                          capabilities.machineTypes =
                              stringsOf(body.value("machineTypes", json::array()), "machineType");
                          capabilities.acceleratorTypes =
                              stringsOf(body.value("acceleratorTypes", json::array()), "type");
                          capabilities.maxNodesPerCluster = body.value("maxNodesPerCluster", 2000);
                          capabilities.maxNodesTotal = body.value("maxNodesTotal", 2000);
                          capabilities.nodesInUse = body.value("nodesInUse", 0);
                          done({capabilities, std::nullopt});
                      });
}

rest::Call VertexClient::events(const QString &name, QObject *context, EventsDone done)
{
    auto request = HttpRequest::get(url(name + QStringLiteral("/events")));
    request.retry = rest::RetryPolicy::none();
    return rest::send(m_client, std::move(request), context,
                      [done = std::move(done)](const HttpResponse &response) {
                          std::vector<ClusterEvent> events;
                          if (!response.ok()) {
                              done({events, response.error});
                              return;
                          }
                          for (const auto &item : response.json().value("events", json::array()))
                              events.push_back(eventFromJson(item));
                          done({events, std::nullopt});
                      });
}

} // namespace rov::api::vertex
