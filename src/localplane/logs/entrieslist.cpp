#include "entrieslist.h"

#include "api/logging/logwire.h"
#include "logfilter.h"
#include "logsql.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QUrl>

namespace rov::localplane::logs {

using nlohmann::json;
namespace lw = api::logging;

namespace {

ApiResult invalid(const QString &message)
{
    return ApiResult::error(QStringLiteral("INVALID_ARGUMENT"), message);
}

QString text(const json &value)
{
    return value.is_string() ? QString::fromStdString(value.get<std::string>()) : QString();
}

// What a page token stands for is tied to the request it came from.
QByteArray requestDigest(const QStringList &projects, const QString &filter, bool newestFirst)
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(projects.join(QLatin1Char('\n')).toUtf8());
    hash.addData(QByteArrayView("\x1f"));
    hash.addData(filter.toUtf8());
    hash.addData(QByteArrayView(newestFirst ? "\x1f"
                                              "desc"
                                            : "\x1f"
                                              "asc"));
    return hash.result().left(8).toHex();
}

QString pageToken(const LogStore::Cursor &cursor, const QByteArray &digest)
{
    const QByteArray token =
        QByteArray::number(cursor.timestampUs) + '.' + QByteArray::number(cursor.id) + '.' + digest;
    return QString::fromLatin1(
        token.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<LogStore::Cursor> readPageToken(const QString &token, const QByteArray &digest)
{
    const auto decoded = QByteArray::fromBase64Encoding(
        token.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split('.');
    bool timeOk = false, idOk = false;
    if (parts.size() != 3 || parts[2] != digest)
        return std::nullopt;
    LogStore::Cursor cursor{parts[0].toLongLong(&timeOk), parts[1].toLongLong(&idOk)};
    if (!timeOk || !idOk)
        return std::nullopt;
    return cursor;
}

// resourceNames → projects. Organizations, folders and billing accounts are valid parents that
// hold nothing here.
std::variant<QStringList, QString> projectsOf(const json &body)
{
    json names = body.contains("resourceNames") ? body["resourceNames"] : json();
    if (names.is_null() && body.contains("resource_names"))
        names = body["resource_names"];
    // projectIds: the field that resourceNames replaced, which older clients still send.
    QStringList projects;
    if (body.contains("projectIds") && body["projectIds"].is_array())
        for (const json &id : body["projectIds"])
            if (!text(id).isEmpty())
                projects << text(id);
    if (!names.is_null() && !names.is_array())
        return QStringLiteral("resourceNames must be a list of names like \"projects/P\"");
    if (names.is_array() && names.size() > 100)
        return QStringLiteral("resourceNames may hold at most 100 names, not %1").arg(names.size());
    bool anyParent = !projects.isEmpty();
    for (const json &value : names.is_array() ? names : json::array()) {
        const QStringList parts = text(value).split(QLatin1Char('/'));
        static const QStringList others{QStringLiteral("organizations"), QStringLiteral("folders"),
                                        QStringLiteral("billingAccounts")};
        if (parts.size() >= 2 && !parts[1].isEmpty() && parts[0] == QLatin1String("projects")) {
            projects << parts[1];
        } else if (parts.size() >= 2 && !parts[1].isEmpty() && others.contains(parts[0])) {
            // a parent of its own, with none of rovd's entries
        } else {
            return QStringLiteral("\"%1\" in resourceNames is not a parent: write "
                                  "\"projects/PROJECT_ID\"")
                .arg(text(value).left(200));
        }
        anyParent = true;
    }
    if (!anyParent)
        return QStringLiteral("resourceNames is required: the projects to read, like "
                              "[\"projects/PROJECT_ID\"]");
    return projects;
}

std::variant<int, QString> pageSizeOf(const json &body)
{
    const json size =
        body.contains("pageSize") ? body["pageSize"] : body.value("page_size", json());
    qint64 value = 0;
    if (size.is_number_integer()) {
        value = size.get<qint64>();
    } else if (size.is_string()) {
        bool ok = false;
        value = text(size).toLongLong(&ok);
        if (!ok)
            return QStringLiteral("pageSize must be a whole number, not \"%1\"").arg(text(size));
    } else if (!size.is_null()) {
        return QStringLiteral("pageSize must be a whole number");
    }
    if (value < 0 || value > lw::kMaxPageSize)
        return QStringLiteral("pageSize must be between 0 and %1, not %2")
            .arg(lw::kMaxPageSize)
            .arg(value);
    return value == 0 ? 50 : int(value);
}

// "line 1, column 24" (both from 1), as Cloud Logging words a filter's error.
QString where(const QString &filter, int position)
{
    const QStringView before = QStringView(filter).left(position);
    const qsizetype lastBreak = before.lastIndexOf(u'\n');
    return QStringLiteral("line %1, column %2")
        .arg(before.count(u'\n') + 1)
        .arg(position - lastBreak);
}

} // namespace

QString rfc3339(qint64 microsecondsSinceEpoch)
{
    const qint64 ms = microsecondsSinceEpoch >= 0 ? microsecondsSinceEpoch / 1000
                                                  : (microsecondsSinceEpoch - 999) / 1000;
    const QDateTime time = QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
    const int micro = int(microsecondsSinceEpoch - ms * 1000);
    return time.toString(QStringLiteral("yyyy-MM-ddTHH:mm:ss.zzz")) +
           QStringLiteral("%1Z").arg(micro, 3, 10, QLatin1Char('0'));
}

namespace {

std::string logNameOf(const QString &project, const QString &logId)
{
    return QStringLiteral("projects/%1/logs/%2")
        .arg(project, QString::fromLatin1(QUrl::toPercentEncoding(logId)))
        .toStdString();
}

// One of rovd's own logs: it is this rovd's, whichever project asks.
void describeRovdLog(json &out, const QString &project)
{
    out["resource"] = {{"type", lw::kRovdResourceType},
                       {"labels",
                        {{"project_id", project.toStdString()},
                         {"location", lw::kRovdLocation},
                         {"namespace", lw::kRovdNamespace},
                         {"node_id", lw::kRovdNodeId}}}};
}

// A cluster's file: Ray on Vertex's resource and labels.
void describeClusterLog(json &out, const StoredLogEntry &entry)
{
    const LogSource &source = entry.source;
    json labels = {{lw::labelkeys::kClusterId, source.cluster.toStdString()}};
    const auto label = [&](const char *key, const QString &value) {
        if (!value.isEmpty())
            labels[key] = value.toStdString();
    };
    label(lw::labelkeys::kNode, source.node);
    label(lw::labelkeys::kNodeId, source.nodeId);
    label(lw::labelkeys::kPool, source.pool);
    label(lw::labelkeys::kSubmission, source.submission);
    label(lw::labelkeys::kJob, entry.jobId);
    out["resource"] = {{"type", lw::kResourceType},
                       {"labels",
                        {{"project_id", source.project.toStdString()},
                         {"job_id", source.cluster.toStdString()},
                         {"task_name", lw::kTaskName}}}};
    out["labels"] = labels;
}

} // namespace

json toLogEntry(const StoredLogEntry &entry, const QString &project)
{
    const LogSource &source = entry.source;
    const bool rovd = source.cluster.isEmpty();
    const QString owner = rovd && !project.isEmpty() ? project : source.project;
    json out = {
        {"logName", logNameOf(owner, source.log)},
        {"jsonPayload",
         {{"message", entry.message.toStdString()}, {"tailed_path", source.path.toStdString()}}},
        {"timestamp", rfc3339(entry.timestampUs).toStdString()},
        {"receiveTimestamp", rfc3339(entry.receivedUs).toStdString()},
        {"severity", lw::severityName(entry.severity).toStdString()},
        {"insertId", QStringLiteral("%1").arg(entry.id, 16, 16, QLatin1Char('0')).toStdString()}};
    if (rovd)
        describeRovdLog(out, owner);
    else
        describeClusterLog(out, entry);
    return out;
}

namespace {

// A request read and checked: the query to run and what its page token is tied to; or the 400
// that says what is wrong.
struct CheckedRequest
{
    LogStore::Query query;
    QByteArray digest;
};

// The filter's text as bound SQL, or why not (with the line and column).
std::variant<SqlFilter, QString> compileFilter(const QString &filter)
{
    if (filter.size() > 20000)
        return QStringLiteral("filter is %1 characters long; at most 20000 are allowed")
            .arg(filter.size());
    auto parsed = parseLogFilter(filter);
    if (auto *error = std::get_if<FilterError>(&parsed))
        return QStringLiteral("Unparseable filter: %1 at %2")
            .arg(error->message, where(filter, error->position));
    auto sql = toSql(std::get<FilterNode>(parsed));
    if (auto *error = std::get_if<FilterError>(&sql))
        return QStringLiteral("Invalid filter: %1 at %2")
            .arg(error->message, where(filter, error->position));
    return std::get<SqlFilter>(std::move(sql));
}

std::variant<CheckedRequest, QString> readRequest(const json &body)
{
    auto projects = projectsOf(body);
    if (auto *problem = std::get_if<QString>(&projects))
        return *problem;
    const QString orderBy =
        text(body.contains("orderBy") ? body["orderBy"] : body.value("order_by", json("")))
            .simplified();
    if (!orderBy.isEmpty() &&
        orderBy.compare(QLatin1String("timestamp asc"), Qt::CaseInsensitive) &&
        orderBy.compare(QLatin1String("timestamp desc"), Qt::CaseInsensitive))
        return QStringLiteral("orderBy must be \"timestamp asc\" or \"timestamp desc\", not "
                              "\"%1\"")
            .arg(orderBy.left(100));
    auto pageSize = pageSizeOf(body);
    if (auto *problem = std::get_if<QString>(&pageSize))
        return *problem;
    const json filterValue = body.value("filter", json(""));
    if (!filterValue.is_string())
        return QStringLiteral("filter must be a string");
    const QString filter = text(filterValue);
    auto compiled = compileFilter(filter);
    if (auto *problem = std::get_if<QString>(&compiled))
        return *problem;
    CheckedRequest request;
    LogStore::Query &query = request.query;
    query.filter = std::get<SqlFilter>(std::move(compiled));
    query.projects = std::get<QStringList>(projects);
    query.newestFirst = orderBy.endsWith(QLatin1String("desc"), Qt::CaseInsensitive);
    query.pageSize = std::get<int>(pageSize);
    request.digest = requestDigest(query.projects, filter, query.newestFirst);
    const QString token =
        text(body.contains("pageToken") ? body["pageToken"] : body.value("page_token", json("")));
    if (!token.isEmpty()) {
        query.after = readPageToken(token, request.digest);
        if (!query.after)
            return QStringLiteral("pageToken does not belong to this request: send the same "
                                  "resourceNames, filter and orderBy as the page it came with");
    }
    return request;
}

} // namespace

ApiResult listLogNames(const LogStore &store, const QString &project, const QString &pageSize,
                       const QString &pageToken)
{
    bool ok = pageSize.isEmpty();
    const qint64 size = ok ? 0 : pageSize.toLongLong(&ok);
    if (!ok || size < 0 || size > lw::kMaxPageSize)
        return invalid(QStringLiteral("pageSize must be a whole number between 0 and %1, not "
                                      "\"%2\"")
                           .arg(QString::number(lw::kMaxPageSize), pageSize.left(40)));
    // The token is the last log id of the page before: it holds nothing a client may not see.
    QString after;
    if (!pageToken.isEmpty()) {
        const auto decoded = QByteArray::fromBase64Encoding(
            pageToken.toLatin1(),
            QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
        if (!decoded || !decoded.decoded.startsWith("logs:"))
            return invalid(QStringLiteral("pageToken is not one that logs.list gave"));
        after = QString::fromUtf8(decoded.decoded.mid(5));
    }
    const int limit = size == 0 ? lw::kMaxPageSize : int(size);
    QString error;
    const auto ids = store.logIds(project, after, limit, &error);
    if (!ids)
        return ApiResult::error(QStringLiteral("INTERNAL"),
                                QStringLiteral("The log store failed: %1").arg(error));
    json names = json::array();
    for (qsizetype i = 0; i < std::min<qsizetype>(ids->size(), limit); ++i)
        names.push_back(logNameOf(project, ids->at(i)));
    json result = {{"logNames", names}};
    if (ids->size() > limit)
        result["nextPageToken"] = QString::fromLatin1(("logs:" + ids->at(limit - 1).toUtf8())
                                                          .toBase64(QByteArray::Base64UrlEncoding |
                                                                    QByteArray::OmitTrailingEquals))
                                      .toStdString();
    return ApiResult::ok(result);
}

ApiResult listEntries(const LogStore &store, const json &body)
{
    auto checked = readRequest(body);
    if (auto *problem = std::get_if<QString>(&checked))
        return invalid(*problem);
    const CheckedRequest &request = std::get<CheckedRequest>(checked);
    json entries = json::array();
    if (request.query.projects.isEmpty())
        return ApiResult::ok({{"entries", entries}});

    const LogStore::Answer answer = store.query(request.query);
    const LogStore::Page &page = answer.page;
    if (answer.status == LogStore::QueryStatus::Failed)
        return ApiResult::error(QStringLiteral("INTERNAL"),
                                QStringLiteral("The log store failed: %1").arg(answer.error));
    const bool tooSlow = answer.status == LogStore::QueryStatus::TooSlow;
    if (tooSlow && page.entries.empty())
        return ApiResult::error(
            QStringLiteral("DEADLINE_EXCEEDED"),
            QStringLiteral("The query found nothing in %1 s: narrow it with a time range "
                           "(timestamp>=\"…\") or a field, such as the cluster")
                .arg(std::chrono::duration_cast<std::chrono::seconds>(request.query.budget)
                         .count()));
    for (const StoredLogEntry &entry : page.entries)
        entries.push_back(toLogEntry(entry, request.query.projects.front()));
    json result = {{"entries", entries}};
    // A page cut short by time goes on from its last entry too.
    if ((page.more || tooSlow) && !page.entries.empty()) {
        const StoredLogEntry &last = page.entries.back();
        result["nextPageToken"] =
            pageToken({last.timestampUs, last.id}, request.digest).toStdString();
    }
    return ApiResult::ok(result);
}

} // namespace rov::localplane::logs
