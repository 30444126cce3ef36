#include "servingmodels.h"

#include "api/vertex/servingwire.h"
#include "catalog/machinecatalog.h"

#include <QCoreApplication>
#include <QLocale>
#include <QRegularExpression>
#include <cmath>
#include <numeric>

namespace rov::core {

using api::vertex::Model;
using api::vertex::ServingEndpoint;
using api::vertex::TrafficSplit;

namespace {

QString shortTime(const QDateTime &time)
{
    return time.isValid() ? QLocale().toString(time.toLocalTime(), QLocale::ShortFormat)
                          : QString();
}

QString lastSegment(const QString &name)
{
    return name.section(QLatin1Char('/'), -1);
}

} // namespace

QString frameworkTitle(const Model &model)
{
    if (!model.image)
        return model.imageUri.section(QLatin1Char('/'), -1);
    const QString &framework = model.image->framework;
    QString title = framework == QLatin1String("sklearn")   ? QStringLiteral("scikit-learn")
                    : framework == QLatin1String("xgboost") ? QStringLiteral("XGBoost")
                    : framework == QLatin1String("tf2")     ? QStringLiteral("TensorFlow")
                    : framework == QLatin1String("pytorch") ? QStringLiteral("PyTorch")
                                                            : framework;
    return QStringLiteral("%1 %2").arg(title, model.image->version);
}

QVariant ModelListModel::data(const QModelIndex &index, int role) const
{
    const Model *model = at(index.row());
    if (!model)
        return {};
    if (role == Qt::ToolTipRole && index.column() == Artifact)
        return model->artifactUri;
    if (role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return model->displayName;
    case Framework:
        return frameworkTitle(*model);
    case Artifact:
        return model->artifactUri;
    case Created:
        return shortTime(model->createTime);
    case DeployedTo: {
        QStringList endpoints;
        for (const QString &endpoint : model->deployedTo)
            endpoints << lastSegment(endpoint);
        return endpoints.isEmpty() ? QStringLiteral("—") : endpoints.join(QStringLiteral(", "));
    }
    default:
        return {};
    }
}

QVariant ModelListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Framework:
        return tr("Framework");
    case Artifact:
        return tr("Artifact");
    case Created:
        return tr("Created");
    case DeployedTo:
        return tr("Deployed to");
    default:
        return {};
    }
}

QVariant EndpointListModel::data(const QModelIndex &index, int role) const
{
    const ServingEndpoint *endpoint = at(index.row());
    if (!endpoint || role != Qt::DisplayRole)
        return {};
    switch (index.column()) {
    case Name:
        return endpoint->displayName;
    case Models: {
        QStringList names;
        for (const auto &deployed : endpoint->deployedModels)
            names << deployed.displayName;
        return names.isEmpty() ? tr("No model deployed") : names.join(QStringLiteral(", "));
    }
    case Traffic: {
        QStringList parts;
        for (const auto &deployed : endpoint->deployedModels) {
            const auto it = endpoint->trafficSplit.find(deployed.id);
            parts << QStringLiteral("%1 %2%")
                         .arg(deployed.displayName)
                         .arg(it == endpoint->trafficSplit.end() ? 0 : it->second);
        }
        return parts.join(QStringLiteral(" · "));
    }
    case Replicas: {
        int available = 0, minimum = 0, maximum = 0;
        for (const auto &deployed : endpoint->deployedModels) {
            available += deployed.availableReplicas;
            minimum += deployed.minReplicas;
            maximum += deployed.maxReplicas;
        }
        if (endpoint->deployedModels.empty())
            return QString();
        return tr("%1 (%2–%3)").arg(available).arg(minimum).arg(maximum);
    }
    case Created:
        return shortTime(endpoint->createTime);
    default:
        return {};
    }
}

QVariant EndpointListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Name");
    case Models:
        return tr("Deployed models");
    case Traffic:
        return tr("Traffic split");
    case Replicas:
        return tr("Replicas");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

TrafficSplit rebalanceSplit(const TrafficSplit &split, const QString &id, int percent)
{
    percent = std::clamp(percent, 0, 100);
    TrafficSplit result = split;
    result[id] = percent;
    std::vector<QString> others;
    for (const auto &[other, value] : split)
        if (other != id)
            others.push_back(other);
    if (others.empty()) {
        result[id] = 100;
        return result;
    }
    const int rest = 100 - percent;
    int before = 0;
    for (const QString &other : others)
        before += split.at(other);
    // In proportion to what they had (equally when they had nothing), by largest remainder.
    std::vector<std::pair<double, QString>> remainders;
    int given = 0;
    for (const QString &other : others) {
        const double share = before > 0 ? double(rest) * split.at(other) / before
                                        : double(rest) / double(others.size());
        const int whole = int(std::floor(share));
        result[other] = whole;
        given += whole;
        remainders.push_back({share - whole, other});
    }
    std::stable_sort(remainders.begin(), remainders.end(),
                     [](const auto &a, const auto &b) { return a.first > b.first; });
    for (size_t i = 0; given < rest; ++i, ++given)
        ++result[remainders[i % remainders.size()].second];
    return result;
}

std::optional<ServingCost> servingCost(const catalog::MachineCatalog &machines,
                                       const QString &machineType, int minReplicas, int maxReplicas)
{
    const auto price = machines.nodeUsdPerHour(machineType, {}, 0);
    if (!price)
        return std::nullopt;
    return ServingCost{*price * minReplicas, *price * std::max(minReplicas, maxReplicas)};
}

double endpointCostPerHour(const catalog::MachineCatalog &machines, const ServingEndpoint &endpoint)
{
    double total = 0;
    for (const auto &deployed : endpoint.deployedModels) {
        if (const auto cost = servingCost(machines, deployed.machineType, deployed.minReplicas,
                                          deployed.maxReplicas))
            total += cost->atMinimum;
    }
    return total;
}

QString exampleRequest(int features)
{
    QStringList zeros;
    for (int i = 0; i < std::max(1, features); ++i)
        zeros << QStringLiteral("0.0");
    return QStringLiteral("{\n  \"instances\": [\n    [%1]\n  ]\n}")
        .arg(zeros.join(QStringLiteral(", ")));
}

std::vector<PanelSpec> endpointPanels(const QStringList &deployedModelIds)
{
    // dm-<id>-<hash>: the applications of these deployed models, and no other's.
    QStringList ids;
    for (const QString &id : deployedModelIds)
        ids << QRegularExpression::escape(id);
    const QString apps =
        QStringLiteral("application=~\"%1(%2)-.*\",{F}")
            .arg(QLatin1String(api::vertex::serving::kServeAppPrefix),
                 ids.isEmpty() ? QStringLiteral("none") : ids.join(QLatin1Char('|')));
    const auto selector = [&apps](const char *metric) {
        return QStringLiteral("%1{%2}").arg(QLatin1String(metric), apps);
    };
    PanelSpec requests;
    requests.id = QStringLiteral("endpointRequests");
    requests.title = QT_TRANSLATE_NOOP("Panels", "Requests per second");
    requests.description = QT_TRANSLATE_NOOP("Panels", "Predictions answered, by deployed model");
    requests.queries = {{QStringLiteral("sum by (application) (rate(%1[1m]))")
                             .arg(selector("ray_serve_num_http_requests_total")),
                         QStringLiteral("{application}")}};
    requests.whenEmpty = QT_TRANSLATE_NOOP("Panels", "No predictions yet");
    PanelSpec latency;
    latency.id = QStringLiteral("endpointLatency");
    latency.title = QT_TRANSLATE_NOOP("Panels", "Latency");
    latency.unit = PanelSpec::Unit::Milliseconds;
    latency.description =
        QT_TRANSLATE_NOOP("Panels", "Half of the predictions took less (p50), 99 in 100 (p99)");
    for (const char *quantile : {"0.5", "0.99"})
        latency.queries.push_back(
            {QStringLiteral("histogram_quantile(%1, sum by (le) (rate(%2[1m])))")
                 .arg(QLatin1String(quantile),
                      selector("ray_serve_http_request_latency_ms_bucket")),
             QString::fromLatin1(quantile[2] == '5' ? QT_TRANSLATE_NOOP("Panels", "p50")
                                                    : QT_TRANSLATE_NOOP("Panels", "p99"))});
    latency.whenEmpty = requests.whenEmpty;
    PanelSpec errors;
    errors.id = QStringLiteral("endpointErrors");
    errors.title = QT_TRANSLATE_NOOP("Panels", "Errors per second");
    errors.description = QT_TRANSLATE_NOOP("Panels", "Predictions that ended in an error");
    errors.queries = {{QStringLiteral("sum(rate(%1[1m]))")
                           .arg(selector("ray_serve_num_http_error_requests_total")),
                       QString::fromLatin1(QT_TRANSLATE_NOOP("Panels", "Errors"))}};
    errors.whenEmpty = QT_TRANSLATE_NOOP("Panels", "No errors");
    PanelSpec replicas;
    replicas.id = QStringLiteral("endpointReplicas");
    replicas.title = QT_TRANSLATE_NOOP("Panels", "Replicas");
    replicas.description = QT_TRANSLATE_NOOP("Panels", "Healthy replicas, by deployed model");
    replicas.queries = {{QStringLiteral("sum by (application) (%1)")
                             .arg(selector("ray_serve_deployment_replica_healthy")),
                         QStringLiteral("{application}")}};
    return {requests, latency, errors, replicas};
}

QString modelArtifactIn(const QString &jobLog)
{
    static const QRegularExpression line(
        QStringLiteral("^model artifact: (gs://[a-z0-9][a-z0-9._-]*[a-z0-9](?:/\\S*)?)\\s*$"),
        QRegularExpression::MultilineOption);
    QString found;
    for (auto it = line.globalMatch(jobLog); it.hasNext();)
        found = it.next().captured(1);
    while (found.endsWith(QLatin1Char('/')))
        found.chop(1);
    return found;
}

QString modelNameFor(const QString &entrypoint, const QString &artifactUri)
{
    const QStringList words = entrypoint.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    for (qsizetype i = 0; i < words.size(); ++i) {
        if (words[i] == QLatin1String("-m") && i + 1 < words.size())
            return words[i + 1].left(128);
        if (words[i].endsWith(QLatin1String(".py"))) {
            const QString file = words[i].section(QLatin1Char('/'), -1);
            return file.left(file.size() - 3).left(128);
        }
    }
    QString folder = artifactUri;
    while (folder.endsWith(QLatin1Char('/')))
        folder.chop(1);
    return folder.section(QLatin1Char('/'), -1).left(128); // Vertex AI's limit is 128
}

namespace {

// The API's base without trailing slashes (QUrl keeps the root path's).
QString baseText(const QUrl &apiBase)
{
    QString text = apiBase.toString();
    while (text.endsWith(QLatin1Char('/')))
        text.chop(1);
    return text;
}

QString curlPost(const QString &base, const QString &path, const nlohmann::json &body)
{
    return QStringLiteral("curl -X POST -H \"Authorization: Bearer $TOKEN\" -H \"Content-Type: "
                          "application/json\" \\\n  %1/v1/%2 \\\n  -d '%3'")
        .arg(base, path, QString::fromStdString(body.dump()));
}

// aiplatform.init for the resource's project and location, pointed at `base`.
QString pythonInit(const QString &resource, const QString &base)
{
    return QStringLiteral("from google.cloud import aiplatform\n\n"
                          "aiplatform.init(project=\"%1\", location=\"%2\", api_endpoint=\"%3\",\n"
                          "                api_transport=\"rest\")\n")
        .arg(resource.section(QLatin1Char('/'), 1, 1), resource.section(QLatin1Char('/'), 3, 3),
             base);
}

// endpoint.deploy(...) in Google's Python SDK, on a variable `endpoint`.
QString pythonDeploy(const api::vertex::DeploySpec &spec)
{
    QString split;
    for (const auto &[id, percent] : spec.trafficSplit)
        split += QStringLiteral("\"%1\": %2, ").arg(id).arg(percent);
    split.chop(2);
    return QStringLiteral("endpoint.deploy(\n"
                          "    model=aiplatform.Model(\"%1\"),\n"
                          "    deployed_model_display_name=\"%2\",\n"
                          "    machine_type=\"%3\",\n"
                          "    min_replica_count=%4,\n"
                          "    max_replica_count=%5,\n"
                          "    traffic_split={%6},\n"
                          ")\n")
        .arg(spec.modelName, spec.displayName, spec.machineType)
        .arg(spec.minReplicas)
        .arg(spec.maxReplicas)
        .arg(split);
}

} // namespace

RequestSnippets deployToNewEndpointSnippets(const QUrl &apiBase, const QString &parent,
                                            const QString &endpointDisplayName,
                                            const api::vertex::DeploySpec &spec)
{
    const QString base = baseText(apiBase);
    const nlohmann::json create = {{"displayName", endpointDisplayName.toStdString()}};
    // The create answers an operation named {endpoint}/operations/{id}: the endpoint's name is
    // what comes before "/operations/".
    const QString curl =
        QStringLiteral("ENDPOINT=$(%1 \\\n  | python3 -c 'import json,sys; "
                       "print(json.load(sys.stdin)[\"name\"].split(\"/operations/\")[0])')\n")
            .arg(curlPost(base, parent + QStringLiteral("/endpoints"), create)) +
        curlPost(base, QStringLiteral("$ENDPOINT:deployModel"), spec.toJson())
            .replace(QStringLiteral("%1/v1/$ENDPOINT:deployModel").arg(base),
                     QStringLiteral("\"%1/v1/$ENDPOINT:deployModel\"").arg(base));
    return {QStringLiteral(
                "POST %1/v1/%2/endpoints\n%3\n\nPOST %1/v1/{the new endpoint}:deployModel\n%4")
                .arg(base, parent, QString::fromStdString(create.dump(2)),
                     QString::fromStdString(spec.toJson().dump(2))),
            pythonInit(parent, base) +
                QStringLiteral("endpoint = aiplatform.Endpoint.create(display_name=\"%1\")\n")
                    .arg(endpointDisplayName) +
                pythonDeploy(spec),
            curl};
}

RequestSnippets deploySnippets(const QUrl &apiBase, const QString &endpointName,
                               const api::vertex::DeploySpec &spec)
{
    const QString base = baseText(apiBase);
    return {QString::fromStdString(spec.toJson().dump(2)),
            pythonInit(endpointName, base) +
                QStringLiteral("endpoint = aiplatform.Endpoint(\"%1\")\n").arg(endpointName) +
                pythonDeploy(spec),
            curlPost(base, endpointName + QStringLiteral(":deployModel"), spec.toJson())};
}

RequestSnippets uploadSnippets(const QUrl &apiBase, const QString &parent,
                               const QString &displayName, const QString &artifactUri,
                               const QString &imageUri)
{
    const QString base = baseText(apiBase);
    const nlohmann::json body = api::vertex::uploadModelBody(displayName, artifactUri, imageUri);
    return {QString::fromStdString(body.dump(2)),
            pythonInit(parent, base) + QStringLiteral("model = aiplatform.Model.upload(\n"
                                                      "    display_name=\"%1\",\n"
                                                      "    artifact_uri=\"%2\",\n"
                                                      "    serving_container_image_uri=\"%3\",\n"
                                                      ")\n")
                                           .arg(displayName, artifactUri, imageUri),
            curlPost(base, parent + QStringLiteral("/models:upload"), body)};
}

RequestSnippets predictSnippets(const QUrl &apiBase, const QString &endpointName,
                                const nlohmann::json &body)
{
    const QString base = baseText(apiBase);
    return {
        QString::fromStdString(body.dump(2)),
        pythonInit(endpointName, base) +
            QStringLiteral("endpoint = aiplatform.Endpoint(\"%1\")\n"
                           "print(endpoint.predict(instances=%2).predictions)\n")
                .arg(endpointName, QString::fromStdString(
                                       body.value("instances", nlohmann::json::array()).dump())),
        curlPost(base, endpointName + QStringLiteral(":predict"), body)};
}

RequestSnippets batchSnippets(const QUrl &apiBase, const QString &parent,
                              const api::vertex::BatchJobSpec &spec)
{
    const QString base = baseText(apiBase);
    QStringList sources;
    for (const QString &uri : spec.inputUris)
        sources << QStringLiteral("\"%1\"").arg(uri);
    const bool table = spec.instancesFormat == QLatin1String("bigquery");
    const QString source =
        table ? QStringLiteral("    bigquery_source=\"%1\",\n").arg(spec.inputUris.value(0))
              : QStringLiteral("    gcs_source=[%1],\n    instances_format=\"%2\",\n")
                    .arg(sources.join(QStringLiteral(", ")), spec.instancesFormat);
    const QString destination =
        table ? QStringLiteral("    bigquery_destination_prefix=\"%1\",\n").arg(spec.outputPrefix)
              : QStringLiteral("    gcs_destination_prefix=\"%1\",\n").arg(spec.outputPrefix);
    const QString python = pythonInit(parent, base) +
                           QStringLiteral("model = aiplatform.Model(\"%1\")\n"
                                          "job = model.batch_predict(\n"
                                          "    job_display_name=\"%2\",\n")
                               .arg(spec.model, spec.displayName) +
                           source + destination +
                           QStringLiteral("    machine_type=\"%1\",\n"
                                          "    starting_replica_count=%2,\n"
                                          "    max_replica_count=%3,\n"
                                          "    batch_size=%4,\n"
                                          "    sync=False,\n"
                                          ")\n"
                                          "job.wait()\n"
                                          "print(job.state, job.output_info)\n")
                               .arg(spec.machineType)
                               .arg(spec.startingReplicas)
                               .arg(spec.maxReplicas)
                               .arg(spec.batchSize);
    return {QString::fromStdString(spec.toJson().dump(2)), python,
            curlPost(base, parent + QStringLiteral("/batchPredictionJobs"), spec.toJson())};
}

} // namespace rov::core
