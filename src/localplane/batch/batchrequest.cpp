#include "batchrequest.h"

#include "api/vertex/wire.h"
#include "catalog/machinecatalog.h"
#include "localplane/serving/servingrequests.h"
#include "rest/jsonfields.h"

#include <QDateTime>
#include <QRegularExpression>

namespace rov::localplane::batch {

using nlohmann::json;
using rest::ApiError;
using rest::member;
using rest::stringMember;

namespace {

ApiError invalid(const QString &message)
{
    return ApiError::invalidArgument(message);
}

// A whole number in [low, high] (Google's clients send int64 as strings), `fallback` if absent.
std::variant<int, ApiError> readNumber(const json &object, const char *camel, const char *snake,
                                       const QString &where, int low, int high, int fallback)
{
    const json *value = member(object, camel, snake);
    if (!value)
        return fallback;
    const auto number = api::vertex::wire::readInt64(*value);
    if (!number || *number < low || *number > high)
        return invalid(QStringLiteral("%1.%2 must be a whole number from %3 to %4")
                           .arg(where, QLatin1String(camel))
                           .arg(low)
                           .arg(high));
    return int(*number);
}

std::optional<ApiError> readInput(const json &body, BatchDraft &draft)
{
    const json *input = member(body, "inputConfig", "input_config");
    if (!input || !input->is_object())
        return invalid(QStringLiteral("The request needs inputConfig: where the instances are"));
    const QString format = stringMember(*input, "instancesFormat").isEmpty()
                               ? stringMember(*input, "instances_format")
                               : stringMember(*input, "instancesFormat");
    static const QStringList formats{QStringLiteral("jsonl"), QStringLiteral("csv"),
                                     QStringLiteral("file-list"), QStringLiteral("bigquery")};
    if (!formats.contains(format))
        return invalid(QStringLiteral("inputConfig.instancesFormat \"%1\" is not one rovd reads: "
                                      "jsonl, csv, file-list (or bigquery)")
                           .arg(format.left(40)));
    if (member(*input, "bigquerySource", "bigquery_source") || format == QLatin1String("bigquery"))
        return ApiError::withStatus(
            QStringLiteral("UNIMPLEMENTED"),
            QStringLiteral("rovd reads batch instances from gs:// files (jsonl, csv, file-list); "
                           "bq:// tables are not read yet: extract the table to gs:// first"));
    draft.format = format;
    const json *gcs = member(*input, "gcsSource", "gcs_source");
    const json *uris = gcs ? member(*gcs, "uris") : nullptr;
    if (!uris || !uris->is_array() || uris->empty())
        return invalid(QStringLiteral("inputConfig.gcsSource.uris needs at least one gs:// URI"));
    for (const json &uri : *uris) {
        const QString text =
            uri.is_string() ? QString::fromStdString(uri.get<std::string>()) : QString();
        if (!serving::splitGsUri(text) || text.count(QLatin1Char('*')) > 1)
            return invalid(QStringLiteral("inputConfig.gcsSource.uris: \"%1\" is not a "
                                          "gs://bucket/object URI")
                               .arg(text.left(200)));
        draft.inputUris << text;
    }
    return std::nullopt;
}

std::optional<ApiError> readOutput(const json &body, BatchDraft &draft)
{
    const json *output = member(body, "outputConfig", "output_config");
    if (!output || !output->is_object())
        return invalid(QStringLiteral("The request needs outputConfig: where the predictions go"));
    if (member(*output, "bigqueryDestination", "bigquery_destination"))
        return ApiError::withStatus(
            QStringLiteral("UNIMPLEMENTED"),
            QStringLiteral("rovd writes batch predictions to gs:// (outputConfig.gcsDestination); "
                           "bigqueryDestination is not written yet"));
    QString format = stringMember(*output, "predictionsFormat");
    if (format.isEmpty())
        format = stringMember(*output, "predictions_format");
    if (!format.isEmpty() && format != QLatin1String("jsonl"))
        return invalid(QStringLiteral("outputConfig.predictionsFormat \"%1\": rovd writes jsonl")
                           .arg(format.left(40)));
    const json *gcs = member(*output, "gcsDestination", "gcs_destination");
    draft.outputPrefix = gcs ? stringMember(*gcs, "outputUriPrefix") : QString();
    if (gcs && draft.outputPrefix.isEmpty())
        draft.outputPrefix = stringMember(*gcs, "output_uri_prefix");
    if (!serving::splitGsUri(draft.outputPrefix) || draft.outputPrefix.contains(QLatin1Char('*')))
        return invalid(QStringLiteral("outputConfig.gcsDestination.outputUriPrefix must be a "
                                      "gs://bucket/folder URI (\"%1\" is not)")
                           .arg(draft.outputPrefix.left(200)));
    return std::nullopt;
}

std::optional<ApiError> readResources(const json &body, const catalog::MachineCatalog &machines,
                                      BatchDraft &draft)
{
    const json *resources = member(body, "dedicatedResources", "dedicated_resources");
    const json empty = json::object();
    const json &given = resources ? *resources : empty;
    const json *spec = member(given, "machineSpec", "machine_spec");
    draft.machineType = spec ? stringMember(*spec, "machineType") : QString();
    if (spec && draft.machineType.isEmpty())
        draft.machineType = stringMember(*spec, "machine_type");
    if (draft.machineType.isEmpty())
        draft.machineType = QStringLiteral("n1-standard-2");
    const auto machine = machines.machine(draft.machineType);
    if (!machine)
        return invalid(QStringLiteral("dedicatedResources.machineSpec.machineType \"%1\" is not a "
                                      "machine type rovd knows")
                           .arg(draft.machineType.left(80)));
    draft.cpusPerReplica = std::max(1, machine->vcpu);
    const QString where = QStringLiteral("dedicatedResources");
    const auto max = readNumber(given, "maxReplicaCount", "max_replica_count", where, 1, 1000, 10);
    if (const auto *error = std::get_if<ApiError>(&max))
        return *error;
    draft.maxReplicas = std::get<int>(max);
    const auto start =
        readNumber(given, "startingReplicaCount", "starting_replica_count", where, 1, 1000, 1);
    if (const auto *error = std::get_if<ApiError>(&start))
        return *error;
    draft.startingReplicas = std::get<int>(start);
    if (draft.startingReplicas > draft.maxReplicas)
        return invalid(QStringLiteral("dedicatedResources.startingReplicaCount (%1) is more than "
                                      "maxReplicaCount (%2)")
                           .arg(draft.startingReplicas)
                           .arg(draft.maxReplicas));
    const json *tuning =
        member(body, "manualBatchTuningParameters", "manual_batch_tuning_parameters");
    const auto batchSize = readNumber(tuning ? *tuning : empty, "batchSize", "batch_size",
                                      QStringLiteral("manualBatchTuningParameters"), 1, 100000, 64);
    if (const auto *error = std::get_if<ApiError>(&batchSize))
        return *error;
    draft.batchSize = std::get<int>(batchSize);
    return std::nullopt;
}

std::optional<ApiError> readInstanceConfig(const json &body, BatchDraft &draft)
{
    const json *config = member(body, "instanceConfig", "instance_config");
    if (!config)
        return std::nullopt;
    if (!config->is_object())
        return invalid(QStringLiteral("instanceConfig must be an object"));
    QString type = stringMember(*config, "instanceType");
    if (type.isEmpty())
        type = stringMember(*config, "instance_type");
    if (!type.isEmpty() && type != QLatin1String("object") && type != QLatin1String("array"))
        return invalid(QStringLiteral("instanceConfig.instanceType must be object or array"));
    QString key = stringMember(*config, "keyField");
    if (key.isEmpty())
        key = stringMember(*config, "key_field");
    json kept = json::object();
    if (!type.isEmpty())
        kept["instanceType"] = type.toStdString();
    if (!key.isEmpty())
        kept["keyField"] = key.toStdString();
    for (const auto &[camel, snake] : {std::pair{"includedFields", "included_fields"},
                                       std::pair{"excludedFields", "excluded_fields"}}) {
        const json *fields = member(*config, camel, snake);
        if (!fields)
            continue;
        if (!fields->is_array() || std::any_of(fields->begin(), fields->end(),
                                               [](const json &f) { return !f.is_string(); }))
            return invalid(QStringLiteral("instanceConfig.%1 must be a list of field names")
                               .arg(QLatin1String(camel)));
        if (!fields->empty())
            kept[camel] = *fields;
    }
    if (kept.contains("includedFields") && kept.contains("excludedFields"))
        return invalid(QStringLiteral("instanceConfig: includedFields and excludedFields cannot "
                                      "both be given"));
    draft.instanceConfig = kept;
    return std::nullopt;
}

} // namespace

std::variant<BatchDraft, ApiError> readCreateRequest(const json &body,
                                                     const catalog::MachineCatalog &machines)
{
    BatchDraft draft;
    const json *name = member(body, "displayName", "display_name");
    if (!name || !name->is_string() ||
        QString::fromStdString(name->get<std::string>()).trimmed().isEmpty())
        return invalid(QStringLiteral("displayName is required"));
    draft.displayName = QString::fromStdString(name->get<std::string>());
    if (draft.displayName.size() > 128)
        return invalid(QStringLiteral("displayName must be at most 128 characters"));
    draft.modelName = stringMember(body, "model");
    static const QRegularExpression modelName(
        QStringLiteral("^projects/[^/]+/locations/[^/]+/models/([^/@]+)(@[^/]+)?$"));
    const auto match = modelName.match(draft.modelName);
    if (!match.hasMatch())
        return invalid(QStringLiteral("model must name a model: projects/P/locations/L/models/M "
                                      "(\"%1\" does not)")
                           .arg(draft.modelName.left(200)));
    draft.modelName = draft.modelName.left(match.capturedStart(2) < 0 ? draft.modelName.size()
                                                                      : match.capturedStart(2));
    if (const json *labels = member(body, "labels")) {
        if (!labels->is_object() || std::any_of(labels->begin(), labels->end(),
                                                [](const json &v) { return !v.is_string(); }))
            return invalid(QStringLiteral("labels must map names to strings"));
    }
    for (auto problem : {readInput(body, draft), readOutput(body, draft),
                         readResources(body, machines, draft), readInstanceConfig(body, draft)}) {
        if (problem)
            return *problem;
    }
    for (const char *key : {"displayName", "labels"}) {
        if (const json *value = member(body, key))
            draft.kept[key] = *value;
    }
    draft.kept["model"] = draft.modelName.toStdString();
    json uris = json::array();
    for (const QString &uri : draft.inputUris)
        uris.push_back(uri.toStdString());
    draft.kept["inputConfig"] = {{"instancesFormat", draft.format.toStdString()},
                                 {"gcsSource", {{"uris", uris}}}};
    draft.kept["outputConfig"] = {
        {"predictionsFormat", "jsonl"},
        {"gcsDestination", {{"outputUriPrefix", draft.outputPrefix.toStdString()}}}};
    draft.kept["dedicatedResources"] = {
        {"machineSpec", {{"machineType", draft.machineType.toStdString()}}},
        {"startingReplicaCount", draft.startingReplicas},
        {"maxReplicaCount", draft.maxReplicas}};
    draft.kept["manualBatchTuningParameters"] = {{"batchSize", draft.batchSize}};
    if (!draft.instanceConfig.empty())
        draft.kept["instanceConfig"] = draft.instanceConfig;
    return draft;
}

bool isFinalState(const QString &state)
{
    return state == QLatin1String(states::kSucceeded) || state == QLatin1String(states::kFailed) ||
           state == QLatin1String(states::kCancelled) ||
           state == QLatin1String(states::kPartiallySucceeded);
}

QString outputFolderName(const QString &modelDisplayName, const QString &createTime)
{
    QDateTime time = QDateTime::fromString(createTime, Qt::ISODateWithMs);
    if (!time.isValid())
        time = QDateTime::currentDateTimeUtc();
    const QString stamp = time.toUTC().toString(QStringLiteral("yyyy_MM_ddTHH_mm_ss_zzzZ"));
    QString name = modelDisplayName;
    name.replace(QRegularExpression(QStringLiteral("[^A-Za-z0-9_.-]")), QStringLiteral("_"));
    return QStringLiteral("prediction-%1-%2").arg(name.left(100), stamp);
}

std::variant<JobFilter, ApiError> JobFilter::parse(const QString &text)
{
    JobFilter filter;
    if (text.trimmed().isEmpty())
        return filter;
    static const QRegularExpression term(
        QStringLiteral(R"re(^\s*([A-Za-z_]+)\s*(!=|=)\s*"([^"]*)"\s*$)re"));
    static const std::map<QString, QString> fields{
        {QStringLiteral("state"), QStringLiteral("state")},
        {QStringLiteral("display_name"), QStringLiteral("displayName")},
        {QStringLiteral("displayName"), QStringLiteral("displayName")},
        {QStringLiteral("model_display_name"), QStringLiteral("rovModelDisplayName")},
        {QStringLiteral("modelDisplayName"), QStringLiteral("rovModelDisplayName")}};
    for (const QString &alternative : text.split(QStringLiteral(" OR "))) {
        std::vector<Term> all;
        for (const QString &part : alternative.split(QStringLiteral(" AND "))) {
            const auto match = term.match(part);
            const auto field = fields.find(match.captured(1));
            if (!match.hasMatch() || field == fields.end())
                return invalid(QStringLiteral("filter: \"%1\" is not a term rovd reads "
                                              "(state, display_name or model_display_name, "
                                              "= or !=, a quoted value; AND, OR)")
                                   .arg(part.trimmed().left(120)));
            all.push_back(
                {field->second, match.captured(2) == QLatin1String("="), match.captured(3)});
        }
        filter.m_anyOf.push_back(std::move(all));
    }
    return filter;
}

bool JobFilter::matches(const json &job) const
{
    if (m_anyOf.empty())
        return true;
    return std::any_of(m_anyOf.begin(), m_anyOf.end(), [&](const std::vector<Term> &all) {
        return std::all_of(all.begin(), all.end(), [&](const Term &term) {
            const bool same = stringMember(job, term.field.toUtf8().constData()) == term.value;
            return same == term.equal;
        });
    });
}

} // namespace rov::localplane::batch
