#include "batchmanager.h"

#include "batchrequest.h"
#include "catalog/machinecatalog.h"
#include "localplane/clusters/operationdoc.h"
#include "localplane/diagnostics.h"
#include "localplane/serving/servingrequests.h"
#include "localplane/serving/servingstate.h"
#include "localplane/state/durablefile.h"
#include "rest/jsonfields.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>

namespace rov::localplane::batch {

using nlohmann::json;
using rest::ApiError;
using rest::stringMember;
namespace docs = serving::docs;

namespace {

// JobState's numbers, for a caller that asks for enums as integers.
int stateNumber(const QString &state)
{
    static const std::vector<const char *> order{
        "JOB_STATE_UNSPECIFIED", states::kQueued,      states::kPending,
        states::kRunning,        states::kSucceeded,   states::kFailed,
        states::kCancelling,     states::kCancelled,   "JOB_STATE_PAUSED",
        "JOB_STATE_EXPIRED",     "JOB_STATE_UPDATING", states::kPartiallySucceeded};
    for (size_t index = 0; index < order.size(); ++index) {
        if (state == QLatin1String(order[index]))
            return int(index);
    }
    return 0;
}

json view(const json &job, const ApiCall &call)
{
    json shown = docs::publicView(job);
    if (call.enumsAsIntegers)
        shown["state"] = stateNumber(stringMember(job, "state"));
    return shown;
}

ApiError notFoundError(const QString &name)
{
    return ApiError::withStatus(
        QStringLiteral("NOT_FOUND"),
        QStringLiteral("BatchPredictionJob %1 not found").arg(name.left(300)));
}

} // namespace

BatchManager::BatchManager(BatchSettings settings, std::unique_ptr<Store> store, ModelLookup models)
    : m_settings(std::move(settings)), m_models(std::move(models)), m_owner(std::move(store)),
      m_worker(m_owner, m_settings)
{}

BatchManager::~BatchManager()
{
    stop();
    const auto state = m_owner.snapshot();
    if (m_settings.stopInstanceOnExit && state->instance)
        serving::stopInstance(*state->instance);
}

void BatchManager::start()
{
    // The driver and the loader it shares with the Serve deployments, as this rovd was built.
    for (const auto &[resource, file] :
         {std::pair{":/batch/rov_batch_predict.py", "rov_batch_predict.py"},
          std::pair{":/serving/rov_predictor.py", "rov_predictor.py"}}) {
        QFile source{QLatin1String(resource)};
        if (!source.open(QIODevice::ReadOnly))
            continue;
        const QString target = QDir(m_settings.instance.pythonPath).filePath(QLatin1String(file));
        if (const auto fault = writeFileDurably(target, source.readAll()))
            diagnostics::warn(diagnostics::lcServing(), fault->describe());
    }
    m_worker.start();
}

void BatchManager::stop()
{
    m_worker.stop();
    m_owner.stop();
}

qint64 BatchManager::instanceProcessGroup() const
{
    const auto state = m_owner.snapshot();
    return state->instance ? state->instance->pid : 0;
}

ApiResult BatchManager::change(const std::function<ApiResult(BatchOwner::Change &)> &change)
{
    if (auto result = m_owner.run(change, kPatience))
        return std::move(*result);
    return docs::ownerBusy(kPatience);
}

std::variant<QStringList, ApiError> BatchManager::inputFiles(const QStringList &uris) const
{
    QStringList files;
    for (const QString &uri : uris) {
        const auto parts = serving::splitGsUri(uri);
        const QString bucket = QDir(m_settings.storageRoot).filePath(parts->first);
        if (!QFileInfo(bucket).isDir())
            return ApiError::withStatus(
                QStringLiteral("NOT_FOUND"),
                QStringLiteral("inputConfig: bucket gs://%1 does not exist").arg(parts->first));
        const QString path = QDir(bucket).filePath(parts->second);
        const qsizetype star = parts->second.indexOf(QLatin1Char('*'));
        QStringList found;
        if (star >= 0) {
            // A wildcard: the files under the folder before it whose path matches.
            const QString folder =
                QFileInfo(QDir(bucket).filePath(parts->second.left(star))).path();
            // "*" matches any characters, slashes too, as in Vertex's gcsSource.uris.
            QString regex = QRegularExpression::escape(path);
            regex.replace(QStringLiteral("\\*"), QStringLiteral(".*"));
            const QRegularExpression pattern(QRegularExpression::anchoredPattern(regex));
            QDirIterator it(folder, QDir::Files, QDirIterator::Subdirectories);
            while (it.hasNext()) {
                const QString file = it.next();
                if (!QFileInfo(file).fileName().startsWith(QLatin1Char('.')) &&
                    pattern.match(file).hasMatch())
                    found << file;
            }
            found.sort();
        } else if (QFileInfo(path).isFile()) {
            found << path;
        }
        if (found.isEmpty())
            return ApiError::withStatus(
                QStringLiteral("NOT_FOUND"),
                QStringLiteral("inputConfig.gcsSource.uris: no object matches %1")
                    .arg(uri.left(300)));
        files << found;
    }
    return files;
}

ApiResult BatchManager::create(const QString &parent, const json &body, const ApiCall &call)
{
    const auto read = readCreateRequest(body, catalog::MachineCatalog::builtIn());
    if (const auto *error = std::get_if<ApiError>(&read))
        return ApiResult::error(*error);
    const BatchDraft &draft = std::get<BatchDraft>(read);
    if (!draft.modelName.startsWith(parent + QStringLiteral("/models/")))
        return ApiResult::error(ApiError::invalidArgument(
            QStringLiteral("model %1 is not in %2").arg(draft.modelName.left(200), parent)));
    const auto model = m_models(draft.modelName);
    if (!model)
        return ApiResult::error(
            ApiError::withStatus(QStringLiteral("NOT_FOUND"),
                                 QStringLiteral("Model %1 not found").arg(draft.modelName)));
    const auto files = inputFiles(draft.inputUris);
    if (const auto *error = std::get_if<ApiError>(&files))
        return ApiResult::error(*error);
    const auto output = serving::splitGsUri(draft.outputPrefix);
    if (!QFileInfo(QDir(m_settings.storageRoot).filePath(output->first)).isDir())
        return ApiResult::error(ApiError::withStatus(
            QStringLiteral("NOT_FOUND"),
            QStringLiteral("outputConfig: bucket gs://%1 does not exist").arg(output->first)));

    const QString id = docs::randomId();
    const QString name = parent + QStringLiteral("/batchPredictionJobs/") + id;
    const QString now = docs::now();
    const QString folder = outputFolderName(model->displayName, now);
    const QString outputUri = draft.outputPrefix + QLatin1Char('/') + folder;
    json job = draft.kept;
    job["name"] = name.toStdString();
    job["modelVersionId"] = "1";
    job["state"] = states::kQueued;
    job["createTime"] = now.toStdString();
    job["updateTime"] = now.toStdString();
    job["completionStats"] = {
        {"successfulCount", "0"}, {"failedCount", "0"}, {"incompleteCount", "0"}};
    job["outputInfo"] = {{"gcsOutputDirectory", outputUri.toStdString()}};
    job["rovModelDisplayName"] = model->displayName.toStdString();
    job["rovWork"] =
        QDir(m_settings.dataDir).filePath(QStringLiteral("batch/jobs/") + id).toStdString();
    json inputs = json::array();
    for (const QString &file : std::get<QStringList>(files))
        inputs.push_back(file.toStdString());
    job["rovSpec"] = {{"inputs", inputs},
                      {"format", draft.format.toStdString()},
                      {"storageRoot", m_settings.storageRoot.toStdString()},
                      {"model",
                       {{"artifactDir", model->artifactDir.toStdString()},
                        {"framework", model->framework.toStdString()},
                        {"file", model->file.toStdString()}}},
                      {"batchSize", draft.batchSize},
                      {"minReplicas", draft.startingReplicas},
                      {"maxReplicas", draft.maxReplicas},
                      {"cpusPerReplica", draft.cpusPerReplica},
                      {"outputDir", QDir(m_settings.storageRoot)
                                        .filePath(output->first + QLatin1Char('/') +
                                                  output->second + QLatin1Char('/') + folder)
                                        .toStdString()}};
    for (const auto &[key, value] : draft.instanceConfig.items())
        job["rovSpec"][key] = value;
    ApiResult result = change([&](BatchOwner::Change &step) {
        if (auto refused = step.commit({Store::Write::put(Store::Kind::BatchJob, name, job)}))
            return ApiResult::error(*refused);
        return ApiResult::ok(view(job, call));
    });
    m_worker.wake();
    return result;
}

ApiResult BatchManager::get(const QString &name, const ApiCall &call) const
{
    const auto state = m_owner.snapshot();
    const auto it = state->jobs.find(name);
    if (it == state->jobs.end())
        return ApiResult::error(notFoundError(name));
    return ApiResult::ok(view(it->second, call));
}

ApiResult BatchManager::list(const QString &parent, const QString &filter, const QString &pageSize,
                             const QString &pageToken, const ApiCall &call) const
{
    const auto parsed = JobFilter::parse(filter);
    if (const auto *error = std::get_if<ApiError>(&parsed))
        return ApiResult::error(*error);
    const JobFilter &keep = std::get<JobFilter>(parsed);
    const auto state = m_owner.snapshot();
    return docs::listPage(
        state->jobs, parent + QStringLiteral("/batchPredictionJobs"), "batchPredictionJobs",
        pageSize, pageToken, [&call](const json &job) { return view(job, call); },
        [&keep](const json &job) { return keep.matches(job); });
}

ApiResult BatchManager::cancel(const QString &name)
{
    ApiResult result = change([&](BatchOwner::Change &step) {
        const auto it = step.state().jobs.find(name);
        if (it == step.state().jobs.end())
            return ApiResult::error(notFoundError(name));
        const QString state = stringMember(it->second, "state");
        if (isFinalState(state))
            return ApiResult::error(ApiError::withStatus(
                QStringLiteral("FAILED_PRECONDITION"),
                QStringLiteral("BatchPredictionJob %1 has ended (%2): there is nothing to cancel")
                    .arg(name, state)));
        json job = it->second;
        job["state"] = states::kCancelling;
        job["updateTime"] = docs::now().toStdString();
        if (auto refused = step.commit({Store::Write::put(Store::Kind::BatchJob, name, job)}))
            return ApiResult::error(*refused);
        return ApiResult::ok(json::object());
    });
    m_worker.wake();
    return result;
}

ApiResult BatchManager::remove(const QString &name)
{
    return change([&](BatchOwner::Change &step) {
        const auto it = step.state().jobs.find(name);
        if (it == step.state().jobs.end())
            return ApiResult::error(notFoundError(name));
        const QString state = stringMember(it->second, "state");
        if (!isFinalState(state))
            return ApiResult::error(ApiError::withStatus(
                QStringLiteral("FAILED_PRECONDITION"),
                QStringLiteral("BatchPredictionJob %1 is %2: cancel it before deleting it")
                    .arg(name, state)));
        const QDateTime time = QDateTime::currentDateTimeUtc();
        json operation =
            operationdoc::make(name + QStringLiteral("/operations/") + docs::randomId(),
                               "DeleteOperationMetadata", QString(), false, time, time);
        operation["metadata"].erase("progressMessage");
        operation = operationdoc::finished(
            operation, {{"@type", "type.googleapis.com/google.protobuf.Empty"}}, nullptr, time);
        const QString opName = QString::fromStdString(operation.value("name", std::string()));
        if (auto refused =
                step.commit({Store::Write::remove(Store::Kind::BatchJob, name),
                             Store::Write::put(Store::Kind::Operation, opName, operation)}))
            return ApiResult::error(*refused);
        return ApiResult::ok(docs::publicView(operation));
    });
}

ApiResult BatchManager::operation(const QString &name) const
{
    const auto state = m_owner.snapshot();
    const auto it = state->operations.find(name);
    if (it == state->operations.end())
        return ApiResult::error(
            ApiError::withStatus(QStringLiteral("NOT_FOUND"),
                                 QStringLiteral("Operation %1 not found").arg(name.left(300))));
    return ApiResult::ok(docs::publicView(it->second));
}

} // namespace rov::localplane::batch
