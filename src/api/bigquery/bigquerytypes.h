#pragma once

#include <QDateTime>
#include <QMap>
#include <QString>
#include <QStringList>
#include <nlohmann/json.hpp>
#include <optional>
#include <vector>

namespace rov::api::bigquery {

// BigQuery's resources as the console reads them (REST API v2). Unknown fields are ignored;
// int64 fields come as strings, as BigQuery sends them.

struct TableRef
{
    QString project;
    QString dataset;
    QString table;
    // `project.dataset.table`, as GoogleSQL names it.
    QString sqlName() const;
    bool operator==(const TableRef &) const = default;
    static TableRef fromJson(const nlohmann::json &json);
    nlohmann::json toJson() const;
};

struct Dataset
{
    QString project;
    QString id;
    QString location;
    QMap<QString, QString> labels;
    static Dataset fromJson(const nlohmann::json &json);
};

struct Field
{
    QString name;
    QString type; // INTEGER, STRING, RECORD ... (BigQuery's legacy names, as tables.get says)
    QString mode; // NULLABLE, REQUIRED, REPEATED
    QString description;
    std::vector<Field> fields; // a RECORD's
    static Field fromJson(const nlohmann::json &json);
    static std::vector<Field> listFromJson(const nlohmann::json &schema); // {"fields": [...]}
};

struct Table
{
    TableRef ref;
    QString type; // TABLE, VIEW
    qint64 numRows = -1;
    qint64 numBytes = -1;
    QDateTime created;
    QDateTime modified;
    QString location;
    QString description;
    QString viewQuery;
    QMap<QString, QString> labels;
    std::vector<Field> schema;
    static Table fromJson(const nlohmann::json &json);
};

// A page of rows: each cell as text (nested values as compact JSON), as the grid shows them.
struct RowPage
{
    std::vector<Field> schema;
    std::vector<QStringList> rows;
    qint64 totalRows = 0;
    QString pageToken;
    bool jobComplete = true;
};
RowPage parseRowPage(const nlohmann::json &json);
// One cell of BigQuery's row format ({"v": ...}) as text for `field`: TIMESTAMP as UTC, nested
// values as JSON, NULL as a null QString (which isNull() tells from an empty string).
QString cellText(const nlohmann::json &cell, const Field &field);

struct JobRef
{
    QString project;
    QString id;
    QString location;
    static JobRef fromJson(const nlohmann::json &json);
};

struct JobError
{
    QString reason;
    QString message;
    // "[line:column]" of a query error, when the message has one (1-based; 0 when none).
    int line = 0;
    int column = 0;
};
JobError parseJobError(const nlohmann::json &errorProto);
// The [line:column] in a BigQuery message ("Syntax error: ... at [3:7]").
std::pair<int, int> errorPosition(const QString &message);

struct QueryJob
{
    JobRef ref;
    QString state; // PENDING, RUNNING, DONE
    std::optional<JobError> error;
    QString statementType;
    qint64 bytesProcessed = 0;
    qint64 bytesBilled = 0;
    qint64 slotMs = 0;
    qint64 affectedRows = -1;
    bool cacheHit = false;
    QDateTime created;
    QDateTime started;
    QDateTime ended;
    QString query;
    QString jobType; // QUERY, LOAD, COPY, EXTRACT (configuration.jobType)
    std::optional<TableRef> destination;
    bool done() const { return state == QLatin1String("DONE"); }
    static QueryJob fromJson(const nlohmann::json &json);
};

// A dry run's answer: what the query would read, and the result's columns.
struct DryRun
{
    qint64 bytesProcessed = 0;
    QString statementType;
    std::vector<Field> schema;
    static DryRun fromJson(const nlohmann::json &json);
};

} // namespace rov::api::bigquery
