#pragma once

#include "api/result.h"
#include "predictionimage.h"
#include "rest/call.h"
#include "rest/restclient.h"
#include "vertexclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

// Vertex AI's Model Registry, endpoints and online prediction (v1), and the Cloud Storage uploads
// that put a model's files where an upload points: the same calls for rovd and for Google Cloud.
namespace rov::api::vertex {

struct Model
{
    QString name; // projects/P/locations/L/models/M
    QString displayName;
    QString description;
    QString artifactUri;
    QString imageUri;
    std::optional<PredictionImage> image;
    QDateTime createTime;
    QStringList deployedTo; // endpoint names

    QString id() const { return name.section(QLatin1Char('/'), -1); }
    static Model fromJson(const nlohmann::json &json);
};

struct DeployedModel
{
    QString id;
    QString model;
    QString displayName;
    QString machineType;
    int minReplicas = 1;
    int maxReplicas = 1;
    int availableReplicas = 0;
    QDateTime createTime;

    static DeployedModel fromJson(const nlohmann::json &json);
};

using TrafficSplit = std::map<QString, int>;

struct ServingEndpoint
{
    QString name; // projects/P/locations/L/endpoints/E
    QString displayName;
    std::vector<DeployedModel> deployedModels;
    TrafficSplit trafficSplit;
    QDateTime createTime;

    QString id() const { return name.section(QLatin1Char('/'), -1); }
    static ServingEndpoint fromJson(const nlohmann::json &json);
};

// What endpoints.deployModel sends: the DeployedModel and the split ("0": the model deployed).
struct DeploySpec
{
    QString modelName;
    QString displayName;
    QString machineType = QStringLiteral("n1-standard-2");
    int minReplicas = 1;
    int maxReplicas = 1;
    TrafficSplit trafficSplit;

    nlohmann::json toJson() const;
};

// models:upload's body for a model with a prebuilt image.
nlohmann::json uploadModelBody(const QString &displayName, const QString &artifactUri,
                               const QString &imageUri);

struct Prediction
{
    nlohmann::json response; // predictions, deployedModelId, model, ...
    qint64 latencyMs = 0;
};

// The Model Registry and endpoints (v1), and the Cloud Storage uploads a registration needs.
class ServingClient : public QObject, public ResourceApi
{
    Q_OBJECT
public:
    // `storageBase`: where the Cloud Storage JSON API is (https://storage.googleapis.com, or rovd).
    ServingClient(rest::RestClient *client, Endpoint endpoint, QUrl storageBase,
                  QObject *parent = nullptr);

    using ModelsDone = std::function<void(Result<std::vector<Model>>)>;
    using EndpointsDone = std::function<void(Result<std::vector<ServingEndpoint>>)>;
    using PredictDone = std::function<void(Result<Prediction>)>;
    using UploadDone = std::function<void(Result<QString>)>; // gs://bucket/object

    rest::Call listModels(QObject *context, ModelsDone done);
    rest::Call uploadModel(const QString &displayName, const QString &artifactUri,
                           const QString &imageUri, QObject *context, OperationDone done);
    rest::Call deleteModel(const QString &name, QObject *context, OperationDone done);
    rest::Call listEndpoints(QObject *context, EndpointsDone done);
    rest::Call createEndpoint(const QString &displayName, QObject *context, OperationDone done);
    rest::Call deleteEndpoint(const QString &name, QObject *context, OperationDone done);
    rest::Call deployModel(const QString &endpoint, const DeploySpec &spec, QObject *context,
                           OperationDone done);
    rest::Call undeployModel(const QString &endpoint, const QString &deployedModelId,
                             const TrafficSplit &split, QObject *context, OperationDone done);
    rest::Call predict(const QString &endpoint, const nlohmann::json &body, QObject *context,
                       PredictDone done);
    // One file to gs://bucket/object (uploadType=media, streamed from the file).
    rest::Call uploadFile(const QString &file, const QString &bucket, const QString &object,
                          QObject *context, UploadDone done);

private:
    // Up to 1000 items a page, the most either API gives.
    static constexpr int kPageSize = 1000;

    QUrl m_storageBase;
};

} // namespace rov::api::vertex
