#include "servingclient.h"

#include "api/pagedlist.h"
#include "rest/jsonfields.h"

#include <QElapsedTimer>
#include <QFileInfo>
#include <QUrlQuery>

namespace rov::api::vertex {

using nlohmann::json;
using rest::HttpMethod;
using rest::HttpRequest;
using rest::HttpResponse;
using rest::stringMember;

namespace {

QDateTime timeOf(const json &object, const char *key)
{
    return QDateTime::fromString(stringMember(object, key), Qt::ISODateWithMs);
}

int intOf(const json &object, const char *key, int fallback)
{
    const json *value = rest::member(object, key);
    if (!value)
        return fallback;
    if (value->is_number_integer())
        return value->get<int>();
    if (value->is_string())
        return QString::fromStdString(value->get<std::string>()).toInt();
    return fallback;
}

} // namespace

Model Model::fromJson(const json &value)
{
    Model model;
    model.name = stringMember(value, "name");
    model.displayName = stringMember(value, "displayName");
    model.description = stringMember(value, "description");
    model.artifactUri = stringMember(value, "artifactUri");
    if (const json *container = rest::member(value, "containerSpec"))
        model.imageUri = stringMember(*container, "imageUri");
    model.image = parsePredictionImage(model.imageUri);
    model.createTime = timeOf(value, "createTime");
    for (const json &deployed : value.value("deployedModels", json::array()))
        model.deployedTo << stringMember(deployed, "endpoint");
    return model;
}

DeployedModel DeployedModel::fromJson(const json &value)
{
    DeployedModel deployed;
    deployed.id = stringMember(value, "id");
    deployed.model = stringMember(value, "model");
    deployed.displayName = stringMember(value, "displayName");
    deployed.createTime = timeOf(value, "createTime");
    const json *resources = rest::member(value, "dedicatedResources");
    if (!resources)
        resources = rest::member(value, "automaticResources");
    if (resources) {
        if (const json *machine = rest::member(*resources, "machineSpec"))
            deployed.machineType = stringMember(*machine, "machineType");
        deployed.minReplicas = intOf(*resources, "minReplicaCount", 1);
        deployed.maxReplicas = std::max(deployed.minReplicas,
                                        intOf(*resources, "maxReplicaCount", deployed.minReplicas));
    }
    if (const json *status = rest::member(value, "status"))
        deployed.availableReplicas = intOf(*status, "availableReplicaCount", 0);
    return deployed;
}

ServingEndpoint ServingEndpoint::fromJson(const json &value)
{
    ServingEndpoint endpoint;
    endpoint.name = stringMember(value, "name");
    endpoint.displayName = stringMember(value, "displayName");
    endpoint.createTime = timeOf(value, "createTime");
    for (const json &deployed : value.value("deployedModels", json::array()))
        endpoint.deployedModels.push_back(DeployedModel::fromJson(deployed));
    if (const json *split = rest::member(value, "trafficSplit"); split && split->is_object()) {
        for (const auto &[id, percent] : split->items())
            endpoint.trafficSplit[QString::fromStdString(id)] =
                percent.is_number() ? percent.get<int>()
                                    : QString::fromStdString(percent.get<std::string>()).toInt();
    }
    return endpoint;
}

json DeploySpec::toJson() const
{
    json split = json::object();
    for (const auto &[id, percent] : trafficSplit)
        split[id.toStdString()] = percent;
    json deployed = {{"model", modelName.toStdString()},
                     {"dedicatedResources",
                      {{"machineSpec", {{"machineType", machineType.toStdString()}}},
                       {"minReplicaCount", minReplicas},
                       {"maxReplicaCount", maxReplicas}}}};
    if (!displayName.isEmpty())
        deployed["displayName"] = displayName.toStdString();
    return {{"deployedModel", deployed}, {"trafficSplit", split}};
}

json uploadModelBody(const QString &displayName, const QString &artifactUri,
                     const QString &imageUri)
{
    return {{"model",
             {{"displayName", displayName.toStdString()},
              {"artifactUri", artifactUri.toStdString()},
              {"containerSpec", {{"imageUri", imageUri.toStdString()}}}}}};
}

ServingClient::ServingClient(rest::RestClient *client, Endpoint endpoint, QUrl storageBase,
                             QObject *parent)
    : QObject(parent), ResourceApi(client, std::move(endpoint)),
      m_storageBase(std::move(storageBase))
{
    m_endpoint.version = QStringLiteral("v1");
}

rest::Call ServingClient::listModels(QObject *context, ModelsDone done)
{
    return list<Model>(QStringLiteral("models"), kPageSize, context, std::move(done));
}

rest::Call ServingClient::uploadModel(const QString &displayName, const QString &artifactUri,
                                      const QString &imageUri, QObject *context, OperationDone done)
{
    return sendForOperation(
        HttpRequest::withJson(HttpMethod::Post,
                              url(m_endpoint.parent() + QStringLiteral("/models:upload")),
                              uploadModelBody(displayName, artifactUri, imageUri)),
        context, std::move(done));
}

rest::Call ServingClient::deleteModel(const QString &name, QObject *context, OperationDone done)
{
    HttpRequest request;
    request.method = HttpMethod::Delete;
    request.url = url(name);
    return sendForOperation(std::move(request), context, std::move(done));
}

rest::Call ServingClient::listEndpoints(QObject *context, EndpointsDone done)
{
    return list<ServingEndpoint>(QStringLiteral("endpoints"), kPageSize, context, std::move(done));
}

rest::Call ServingClient::createEndpoint(const QString &displayName, QObject *context,
                                         OperationDone done)
{
    return sendForOperation(
        HttpRequest::withJson(HttpMethod::Post,
                              url(m_endpoint.parent() + QStringLiteral("/endpoints")),
                              {{"displayName", displayName.toStdString()}}),
        context, std::move(done));
}

rest::Call ServingClient::deleteEndpoint(const QString &name, QObject *context, OperationDone done)
{
    HttpRequest request;
    request.method = HttpMethod::Delete;
    request.url = url(name);
    return sendForOperation(std::move(request), context, std::move(done));
}

rest::Call ServingClient::deployModel(const QString &endpoint, const DeploySpec &spec,
                                      QObject *context, OperationDone done)
{
    return sendForOperation(HttpRequest::withJson(HttpMethod::Post,
                                                  url(endpoint + QStringLiteral(":deployModel")),
                                                  spec.toJson()),
                            context, std::move(done));
}

rest::Call ServingClient::undeployModel(const QString &endpoint, const QString &deployedModelId,
                                        const TrafficSplit &split, QObject *context,
                                        OperationDone done)
{
    json body = {{"deployedModelId", deployedModelId.toStdString()}};
    if (!split.empty()) {
        body["trafficSplit"] = json::object();
        for (const auto &[id, percent] : split)
            body["trafficSplit"][id.toStdString()] = percent;
    }
    return sendForOperation(HttpRequest::withJson(HttpMethod::Post,
                                                  url(endpoint + QStringLiteral(":undeployModel")),
                                                  body),
                            context, std::move(done));
}

rest::Call ServingClient::predict(const QString &endpoint, const json &body, QObject *context,
                                  PredictDone done)
{
    auto request =
        HttpRequest::withJson(HttpMethod::Post, url(endpoint + QStringLiteral(":predict")), body);
    request.retry = rest::RetryPolicy::none(); // the person presses Send again
    auto timer = std::make_shared<QElapsedTimer>();
    timer->start();
    return rest::send(m_client, std::move(request), context,
                      [done = std::move(done), timer](const HttpResponse &response) {
                          if (!response.ok()) {
                              done({Prediction{nlohmann::json::object(), 0}, response.error});
                              return;
                          }
                          done({Prediction{response.json(), timer->elapsed()}, std::nullopt});
                      });
}

rest::Call ServingClient::uploadFile(const QString &file, const QString &bucket,
                                     const QString &object, QObject *context, UploadDone done)
{
    HttpRequest request;
    request.method = HttpMethod::Post;
    request.url =
        QUrl(Endpoint::join(m_storageBase, QStringLiteral("upload/storage/v1/b/%1/o").arg(bucket)));
    request.query.addQueryItem(QStringLiteral("uploadType"), QStringLiteral("media"));
    request.query.addQueryItem(QStringLiteral("name"),
                               QString::fromLatin1(QUrl::toPercentEncoding(object)));
    request.bodyFile = file;
    request.contentType = "application/octet-stream";
    request.timeout = std::chrono::milliseconds(0);
    const QString uri = QStringLiteral("gs://%1/%2").arg(bucket, object);
    return rest::send(m_client, std::move(request), context,
                      [done = std::move(done), uri](const HttpResponse &response) {
                          if (!response.ok())
                              done({{}, response.error});
                          else
                              done({uri, std::nullopt});
                      });
}

} // namespace rov::api::vertex
