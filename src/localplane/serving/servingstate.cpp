#include "servingstate.h"

#include "api/vertex/servingwire.h"
#include "localplane/clusters/operationdoc.h"
#include "rest/jsonfields.h"

#include <QDateTime>
#include <random>

namespace rov::localplane::serving {

using nlohmann::json;
using namespace docs;

void ServingState::apply(const std::vector<Store::Write> &writes)
{
    for (const Store::Write &write : writes) {
        std::map<QString, json> *docs = write.kind == Store::Kind::Model       ? &models
                                        : write.kind == Store::Kind::Endpoint  ? &endpoints
                                        : write.kind == Store::Kind::Operation ? &operations
                                                                               : nullptr;
        if (!docs)
            continue;
        if (write.type == Store::Write::Type::Put)
            (*docs)[write.name] = write.document;
        else if (write.type == Store::Write::Type::Remove)
            docs->erase(write.name);
    }
}

std::vector<ServeApp> ServingState::desiredApps() const
{
    std::vector<ServeApp> apps;
    for (const auto &[name, endpoint] : endpoints) {
        json all = endpoint.value("rovDeleting", false)
                       ? json::array()
                       : endpoint.value("deployedModels", json::array());
        for (const json &item : endpoint.value("rovPending", json::array()))
            all.push_back(item);
        for (const json &deployed : all) {
            const auto model = models.find(qtext(deployed, "model"));
            if (model == models.end())
                continue;
            apps.push_back({qtext(deployed, "rovApp"), qtext(model->second, "rovArtifactDir"),
                            qtext(model->second, "rovFramework"), qtext(model->second, "rovFile"),
                            replicasOf(deployed)});
        }
    }
    return apps;
}

json ServingState::modelView(const json &doc) const
{
    const QString name = qtext(doc, "name");
    json model = publicView(doc);
    json deployed = json::array();
    for (const auto &[endpointName, endpoint] : endpoints) {
        for (const json &item : endpoint.value("deployedModels", json::array())) {
            if (qtext(item, "model") == name)
                deployed.push_back({{"endpoint", text(endpointName)},
                                    {"deployedModelId", item.value("id", std::string())}});
        }
    }
    if (!deployed.empty())
        model["deployedModels"] = deployed;
    return model;
}

QStringList ServingState::openOperations() const
{
    std::vector<std::pair<std::string, QString>> open;
    for (const auto &[name, operation] : operations) {
        if (!operationdoc::isDone(operation) && operation.contains(kWork))
            open.emplace_back(operation.value("metadata", json::object())
                                  .value("genericMetadata", json::object())
                                  .value("createTime", std::string()),
                              name);
    }
    std::sort(open.begin(), open.end());
    QStringList names;
    for (const auto &[time, name] : open)
        names << name;
    return names;
}

std::vector<Store::Write> ServingState::withoutOrphanedDeployments() const
{
    std::set<std::pair<QString, QString>> deploying; // endpoint, deployed model id
    for (const QString &name : openOperations()) {
        const json work = operations.at(name).value(kWork, json::object());
        if (work.value("kind", std::string()) == "deploy")
            deploying.emplace(qtext(work, "endpoint"), qtext(work, "deployedModelId"));
    }
    std::vector<Store::Write> writes;
    for (const auto &[name, endpoint] : endpoints) {
        json kept = json::array();
        const json pending = endpoint.value("rovPending", json::array());
        for (const json &item : pending) {
            if (deploying.count({name, qtext(item, "id")}))
                kept.push_back(item);
        }
        if (kept.size() == pending.size())
            continue;
        json changed = endpoint;
        changed["rovPending"] = kept;
        writes.push_back(Store::Write::put(Store::Kind::Endpoint, name, changed));
    }
    return writes;
}

namespace docs {

std::string text(const QString &value)
{
    return value.toStdString();
}

QString qtext(const json &object, const char *key)
{
    return rest::stringMember(object, key);
}

QString now()
{
    return operationdoc::timestamp(QDateTime::currentDateTimeUtc());
}

QString randomId()
{
    thread_local std::mt19937_64 random{std::random_device{}()};
    std::uniform_int_distribution<quint64> digits(1000000000000000000ULL, 9223372036854775807ULL);
    return QString::number(digits(random));
}

json publicView(json doc)
{
    if (doc.is_object()) {
        for (auto it = doc.begin(); it != doc.end();) {
            if (it.key().rfind("rov", 0) == 0)
                it = doc.erase(it);
            else
                *it = publicView(std::move(*it)), ++it;
        }
    } else if (doc.is_array()) {
        for (json &item : doc)
            item = publicView(std::move(item));
    }
    return doc;
}

json replicasJson(const Replicas &replicas)
{
    return {{"machineType", text(replicas.machineType)},
            {"cpus", replicas.cpusPerReplica},
            {"min", replicas.minReplicas},
            {"max", replicas.maxReplicas}};
}

Replicas replicasOf(const json &deployed)
{
    const json stored = deployed.value("rovReplicas", json::object());
    Replicas replicas;
    replicas.machineType = qtext(stored, "machineType");
    replicas.cpusPerReplica = stored.value("cpus", 1);
    replicas.minReplicas = stored.value("min", 1);
    replicas.maxReplicas = stored.value("max", 1);
    return replicas;
}

QStringList deployedIds(const json &endpoint)
{
    QStringList ids;
    for (const json &deployed : endpoint.value("deployedModels", json::array()))
        ids << qtext(deployed, "id");
    return ids;
}

TrafficSplit splitOf(const json &endpoint)
{
    const auto split = readTrafficSplit(endpoint.value("trafficSplit", json()));
    return std::holds_alternative<TrafficSplit>(split) ? std::get<TrafficSplit>(split)
                                                       : TrafficSplit{};
}

json finishedOperation(json operation, const json &response,
                       const std::optional<rest::ApiError> &error)
{
    namespace wire = api::vertex::serving;
    operation.erase(kWork);
    if (operation["metadata"].contains("deploymentStage"))
        operation["metadata"]["deploymentStage"] =
            text(wire::stageName(error ? wire::DeploymentStage::FailedToDeploy
                                       : wire::DeploymentStage::SuccessfullyDeployed));
    json status = nullptr;
    if (error)
        status = {{"code", rest::ApiError::rpcCodeForName(error->status)},
                  {"message", text(error->message)}};
    return operationdoc::finished(operation, response, status, QDateTime::currentDateTimeUtc());
}

ApiResult notFound(const QString &what, const QString &name)
{
    return ApiResult::error(QStringLiteral("NOT_FOUND"),
                            QStringLiteral("%1 %2 not found").arg(what, name.left(300)));
}

namespace {

constexpr int kMaxPageSize = 1000;

std::optional<int> readPageSize(const QString &text, ApiResult *error)
{
    if (text.isEmpty())
        return 0;
    bool ok = false;
    const int size = text.toInt(&ok);
    if (!ok || size < 0 || size > kMaxPageSize) {
        *error = ApiResult::error(rest::ApiError::invalidArgument(
            QStringLiteral("pageSize must be a whole number from 0 to %1").arg(kMaxPageSize)));
        return std::nullopt;
    }
    return size;
}

} // namespace

// One page of `docs` (ordered by name) under `parent`: the names after the token's.
ApiResult listPage(const std::map<QString, json> &docs, const QString &parent, const char *field,
                   const QString &pageSize, const QString &pageToken,
                   const std::function<json(const json &)> &view,
                   const std::function<bool(const json &)> &keep)
{
    ApiResult error;
    const auto size = readPageSize(pageSize, &error);
    if (!size)
        return error;
    const QString after = pageToken.isEmpty()
                              ? QString()
                              : QString::fromUtf8(QByteArray::fromBase64(pageToken.toLatin1()));
    if (!pageToken.isEmpty() && !after.startsWith(parent + QLatin1Char('/')))
        return ApiResult::error(rest::ApiError::invalidArgument(
            QStringLiteral("pageToken \"%1\" is not one this list gave out")
                .arg(pageToken.left(80))));
    const int limit = *size == 0 ? kMaxPageSize : *size;
    json items = json::array();
    QString last;
    bool more = false;
    for (auto it = docs.upper_bound(after.isEmpty() ? parent : after); it != docs.end(); ++it) {
        if (!it->first.startsWith(parent + QLatin1Char('/')) || (keep && !keep(it->second)))
            continue;
        if (int(items.size()) == limit) {
            more = true;
            break;
        }
        items.push_back(view(it->second));
        last = it->first;
    }
    json page = {{field, items}};
    if (more)
        page["nextPageToken"] = text(QString::fromLatin1(last.toUtf8().toBase64()));
    return ApiResult::ok(page);
}

ApiResult ownerBusy(std::chrono::milliseconds patience)
{
    // The clusters' words, which rovd's Localizer knows.
    ApiResult busy = ApiResult::error(
        QStringLiteral("UNAVAILABLE"),
        QStringLiteral("rovd is busy and did not get to this change within %1 s; nothing was "
                       "changed. Try again")
            .arg(patience.count() / 1000));
    busy.headers.push_back({"Retry-After", "5"});
    return busy;
}

} // namespace docs

} // namespace rov::localplane::serving
