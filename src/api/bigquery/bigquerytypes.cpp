#include "bigquerytypes.h"

#include "api/vertex/wire.h"

#include <QRegularExpression>

namespace rov::api::bigquery {

using nlohmann::json;

namespace {

QString text(const json &object, const char *key)
{
    if (!object.is_object())
        return {};
    const auto it = object.find(key);
    return it != object.end() && it->is_string() ? QString::fromStdString(it->get<std::string>())
                                                 : QString();
}

// An int64 field: BigQuery sends it as a string; a number is taken too. -1 when absent.
qint64 int64Of(const json &object, const char *key)
{
    if (!object.is_object())
        return -1;
    const auto it = object.find(key);
    return it == object.end() ? -1 : vertex::wire::readInt64(*it).value_or(-1);
}

// Milliseconds since the epoch, as a string: creationTime, lastModifiedTime, startTime ...
QDateTime timeOf(const json &object, const char *key)
{
    const qint64 ms = int64Of(object, key);
    return ms < 0 ? QDateTime() : QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

QMap<QString, QString> labelsOf(const json &object)
{
    QMap<QString, QString> labels;
    if (!object.is_object())
        return labels;
    const auto it = object.find("labels");
    if (it == object.end() || !it->is_object())
        return labels;
    for (const auto &[key, value] : it->items()) {
        if (value.is_string())
            labels.insert(QString::fromStdString(key),
                          QString::fromStdString(value.get<std::string>()));
    }
    return labels;
}

const json &member(const json &object, const char *key)
{
    static const json none;
    if (!object.is_object())
        return none;
    const auto it = object.find(key);
    return it == object.end() ? none : *it;
}

QString scalarText(const json &value, const QString &type)
{
    if (value.is_null())
        return {};
    const QString raw = value.is_string() ? QString::fromStdString(value.get<std::string>())
                                          : QString::fromStdString(value.dump());
    if (type == QLatin1String("TIMESTAMP")) {
        // Seconds as a float ("1.7E9"), or microseconds with useInt64Timestamp.
        bool ok = false;
        const double seconds = raw.toDouble(&ok);
        if (!ok)
            return raw;
        const qint64 ms = raw.contains(QLatin1Char('.')) || raw.contains(QLatin1Char('E'))
                              ? qint64(seconds * 1000.0)
                              : raw.toLongLong() / 1000;
        return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC)
            .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz 'UTC'"));
    }
    return raw;
}

json plain(const json &cell, const Field &field);

// A nested value as plain JSON (what a person reads), from BigQuery's {"v": ...} wrapping.
json plainValue(const json &value, const Field &field)
{
    if (value.is_null())
        return nullptr;
    if (field.type == QLatin1String("RECORD") && value.is_object()) {
        json record = json::object();
        const json &cells = member(value, "f");
        for (size_t i = 0; i < field.fields.size() && cells.is_array() && i < cells.size(); ++i)
            record[field.fields[i].name.toStdString()] = plain(cells[i], field.fields[i]);
        return record;
    }
    return value;
}

json plain(const json &cell, const Field &field)
{
    const json &value = member(cell, "v");
    if (field.mode == QLatin1String("REPEATED") && value.is_array()) {
        Field element = field;
        element.mode = QStringLiteral("NULLABLE");
        json items = json::array();
        for (const json &item : value)
            items.push_back(plain(item, element));
        return items;
    }
    return plainValue(value, field);
}

} // namespace

QString TableRef::sqlName() const
{
    return QStringLiteral("%1.%2.%3").arg(project, dataset, table);
}

TableRef TableRef::fromJson(const json &object)
{
    return {text(object, "projectId"), text(object, "datasetId"), text(object, "tableId")};
}

json TableRef::toJson() const
{
    return {{"projectId", project.toStdString()},
            {"datasetId", dataset.toStdString()},
            {"tableId", table.toStdString()}};
}

Dataset Dataset::fromJson(const json &object)
{
    const json &reference = member(object, "datasetReference");
    return {text(reference, "projectId"), text(reference, "datasetId"), text(object, "location"),
            labelsOf(object)};
}

Field Field::fromJson(const json &object)
{
    Field field{text(object, "name"),
                text(object, "type"),
                text(object, "mode"),
                text(object, "description"),
                {}};
    if (field.mode.isEmpty())
        field.mode = QStringLiteral("NULLABLE");
    static const QMap<QString, QString> legacy{
        {QStringLiteral("INT64"), QStringLiteral("INTEGER")},
        {QStringLiteral("FLOAT64"), QStringLiteral("FLOAT")},
        {QStringLiteral("BOOL"), QStringLiteral("BOOLEAN")},
        {QStringLiteral("STRUCT"), QStringLiteral("RECORD")}};
    field.type = legacy.value(field.type.toUpper(), field.type.toUpper());
    field.fields = listFromJson(object);
    return field;
}

std::vector<Field> Field::listFromJson(const json &schema)
{
    std::vector<Field> fields;
    const json &list = member(schema, "fields");
    if (list.is_array()) {
        for (const json &item : list)
            fields.push_back(fromJson(item));
    }
    return fields;
}

Table Table::fromJson(const json &object)
{
    Table table;
    table.ref = TableRef::fromJson(member(object, "tableReference"));
    table.type = text(object, "type");
    table.numRows = int64Of(object, "numRows");
    table.numBytes = int64Of(object, "numBytes");
    table.created = timeOf(object, "creationTime");
    table.modified = timeOf(object, "lastModifiedTime");
    table.location = text(object, "location");
    table.description = text(object, "description");
    table.viewQuery = text(member(object, "view"), "query");
    table.labels = labelsOf(object);
    table.schema = Field::listFromJson(member(object, "schema"));
    return table;
}

QString cellText(const json &cell, const Field &field)
{
    const json &value = member(cell, "v");
    if (field.mode == QLatin1String("REPEATED") || field.type == QLatin1String("RECORD"))
        return value.is_null() ? QString() : QString::fromStdString(plain(cell, field).dump());
    return scalarText(value, field.type);
}

RowPage parseRowPage(const json &object)
{
    RowPage page;
    page.schema = Field::listFromJson(member(object, "schema"));
    page.totalRows = std::max<qint64>(0, int64Of(object, "totalRows"));
    page.pageToken = text(object, "pageToken");
    const json &complete = member(object, "jobComplete");
    page.jobComplete = !complete.is_boolean() || complete.get<bool>();
    const json &rows = member(object, "rows");
    if (!rows.is_array())
        return page;
    for (const json &row : rows) {
        const json &cells = member(row, "f");
        QStringList values;
        for (size_t i = 0; i < page.schema.size(); ++i)
            values << (cells.is_array() && i < cells.size() ? cellText(cells[i], page.schema[i])
                                                            : QString());
        page.rows.push_back(std::move(values));
    }
    return page;
}

JobRef JobRef::fromJson(const json &object)
{
    return {text(object, "projectId"), text(object, "jobId"), text(object, "location")};
}

std::pair<int, int> errorPosition(const QString &message)
{
    static const QRegularExpression position(QStringLiteral("\\[(\\d+):(\\d+)\\]"));
    const auto match = position.match(message);
    if (!match.hasMatch())
        return {0, 0};
    return {match.captured(1).toInt(), match.captured(2).toInt()};
}

JobError parseJobError(const json &proto)
{
    JobError error{text(proto, "reason"), text(proto, "message"), 0, 0};
    std::tie(error.line, error.column) = errorPosition(error.message);
    return error;
}

QueryJob QueryJob::fromJson(const json &object)
{
    QueryJob job;
    job.ref = JobRef::fromJson(member(object, "jobReference"));
    const json &status = member(object, "status");
    job.state = text(status, "state");
    if (const json &error = member(status, "errorResult"); error.is_object())
        job.error = parseJobError(error);
    const json &statistics = member(object, "statistics");
    const json &query = member(statistics, "query");
    job.statementType = text(query, "statementType");
    job.bytesProcessed = std::max<qint64>(0, int64Of(query, "totalBytesProcessed"));
    job.bytesBilled = std::max<qint64>(0, int64Of(query, "totalBytesBilled"));
    job.slotMs = std::max<qint64>(0, int64Of(query, "totalSlotMs"));
    job.affectedRows = int64Of(query, "numDmlAffectedRows");
    const json &hit = member(query, "cacheHit");
    job.cacheHit = hit.is_boolean() && hit.get<bool>();
    job.created = timeOf(statistics, "creationTime");
    job.started = timeOf(statistics, "startTime");
    job.ended = timeOf(statistics, "endTime");
    job.jobType = text(member(object, "configuration"), "jobType");
    const json &configuration = member(member(object, "configuration"), "query");
    job.query = text(configuration, "query");
    if (job.jobType.isEmpty() && !job.query.isEmpty())
        job.jobType = QStringLiteral("QUERY");
    if (const json &destination = member(configuration, "destinationTable");
        destination.is_object())
        job.destination = TableRef::fromJson(destination);
    return job;
}

DryRun DryRun::fromJson(const json &object)
{
    const json &query = member(member(object, "statistics"), "query");
    return {std::max<qint64>(0, int64Of(query, "totalBytesProcessed")),
            text(query, "statementType"), Field::listFromJson(member(query, "schema"))};
}

} // namespace rov::api::bigquery
