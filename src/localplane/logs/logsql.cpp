#include "logsql.h"

#include "api/logging/logwire.h"

#include <QDateTime>
#include <QRegularExpression>
#include <QUrl>
#include <optional>

namespace rov::localplane::logs {

namespace lw = api::logging;
using Kind = FilterNode::Kind;
using Op = FilterNode::Op;

namespace {

// Where a field lives.
struct Column
{
    enum class Place
    {
        Entry,  // an expression over `e`
        Source, // an expression over `sources`
        Missing // no entry has it
    };
    enum class Type
    {
        Text,
        Severity,
        Time,
        InsertId
    };
    Place place = Place::Missing;
    Type type = Type::Text;
    QString expression; // Entry, Source: SQL
    bool message = false;
    // Source: true of nearly every file (the resource's type), so not a way into the index.
    bool broad = false;
};

Column entry(const char *sql, Column::Type type = Column::Type::Text)
{
    return {Column::Place::Entry, type, QLatin1String(sql)};
}
Column source(const char *sql)
{
    return {Column::Place::Source, Column::Type::Text, QLatin1String(sql)};
}
// A value that the clusters' files have and rovd's own logs (cluster '') do not, or the other
// way round: NULL matches nothing, and its negation everything.
Column bySource(const char *clusters, const char *rovd)
{
    const auto literal = [](const char *value) {
        return value ? QStringLiteral("'%1'").arg(QLatin1String(value)) : QStringLiteral("NULL");
    };
    Column column{Column::Place::Source, Column::Type::Text,
                  QStringLiteral("CASE WHEN cluster = '' THEN %1 ELSE %2 END")
                      .arg(literal(rovd), literal(clusters))};
    column.broad = true;
    return column;
}

Column columnOf(const QStringList &path)
{
    const QString first = path.value(0), second = path.value(1), third = path.value(2);
    if (path.size() == 1) {
        if (first == QLatin1String("severity"))
            return entry("e.severity", Column::Type::Severity);
        if (first == QLatin1String("timestamp"))
            return entry("e.ts", Column::Type::Time);
        if (first == QLatin1String("receiveTimestamp"))
            return entry("e.received", Column::Type::Time);
        if (first == QLatin1String("insertId"))
            return entry("e.id", Column::Type::InsertId);
        if (first == QLatin1String("logName"))
            return source("'projects/' || project || '/logs/' || replace(log, '/', '%2F')");
        if (first == QLatin1String("textPayload")) {
            Column column = entry("e.message");
            column.message = true;
            return column;
        }
        return {};
    }
    if (first == QLatin1String("resource")) {
        if (path.size() == 2 && second == QLatin1String("type"))
            return bySource(lw::kResourceType, lw::kRovdResourceType);
        if (path.size() != 3 || second != QLatin1String("labels"))
            return {};
        if (third == QLatin1String("task_name"))
            return bySource(lw::kTaskName, nullptr);
        if (third == QLatin1String("job_id"))
            return source("NULLIF(cluster, '')");
        if (third == QLatin1String("project_id"))
            return source("project");
        if (third == QLatin1String("namespace"))
            return bySource(nullptr, lw::kRovdNamespace);
        if (third == QLatin1String("location"))
            return bySource(nullptr, lw::kRovdLocation);
        if (third == QLatin1String("node_id"))
            return bySource(nullptr, lw::kRovdNodeId);
        return {};
    }
    if (first == QLatin1String("labels") && path.size() == 2) {
        if (second == QLatin1String(lw::labelkeys::kClusterId))
            return source("NULLIF(cluster, '')");
        if (second == QLatin1String(lw::labelkeys::kNodeId))
            return source("node_id");
        if (second == QLatin1String(lw::labelkeys::kNode))
            return source("node");
        if (second == QLatin1String(lw::labelkeys::kPool))
            return source("pool");
        if (second == QLatin1String(lw::labelkeys::kSubmission))
            return source("submission");
        if (second == QLatin1String(lw::labelkeys::kJob))
            return entry("coalesce(e.job, '')");
        return {};
    }
    if (first == QLatin1String("jsonPayload") && path.size() == 2) {
        if (second == QLatin1String("message")) {
            Column column = entry("e.message");
            column.message = true;
            return column;
        }
        if (second == QLatin1String("tailed_path"))
            return source("path");
    }
    return {};
}

const char *sqlOperator(Op op)
{
    switch (op) {
    case Op::Equal:
    case Op::Has:
        return "=";
    case Op::NotEqual:
        return "<>";
    case Op::Less:
        return "<";
    case Op::LessOrEqual:
        return "<=";
    case Op::Greater:
        return ">";
    case Op::GreaterOrEqual:
        return ">=";
    case Op::Regex:
    case Op::NotRegex:
        break;
    }
    return "=";
}

struct Failure
{
    FilterError error;
};

class Compiler
{
public:
    SqlFilter result;

    QString node(const FilterNode &node)
    {
        switch (node.kind) {
        case Kind::And:
        case Kind::Or: {
            if (node.children.empty())
                return node.kind == Kind::And ? QStringLiteral("1") : QStringLiteral("0");
            QStringList parts;
            for (const FilterNode &child : node.children)
                parts << QLatin1Char('(') + this->node(child) + QLatin1Char(')');
            return parts.join(node.kind == Kind::And ? QStringLiteral(" AND ")
                                                     : QStringLiteral(" OR "));
        }
        case Kind::Not:
            return QStringLiteral("NOT (%1)").arg(this->node(node.children.front()));
        case Kind::Text:
            return text(node.value);
        case Kind::Compare:
            return compared(node);
        }
        return QStringLiteral("0");
    }

private:
    QString bind(std::variant<qint64, QString> value)
    {
        result.values.push_back(std::move(value));
        return QStringLiteral("?");
    }

    // A case-insensitive substring of the message. The FTS5 index is not asked here: the store
    // starts from it when the filter requires text (requiredText), and a row at hand is checked
    // faster by its text than by a lookup of every match of a common word.
    QString messageHas(const QString &value)
    {
        return QStringLiteral("instr(lower(e.message), lower(%1)) > 0").arg(bind(value));
    }

    // A bare word or phrase: Cloud Logging searches every field; the message is what holds
    // text here (labels have quick filters), and only it has a full-text index.
    QString text(const QString &value) { return messageHas(value); }

    QString compared(const FilterNode &node)
    {
        const Column column = columnOf(node.field);
        if (node.op == Op::Regex || node.op == Op::NotRegex) {
            const QRegularExpression regex(node.value);
            if (!regex.isValid())
                throw Failure{{node.position,
                               QStringLiteral("the regular expression \"%1\" does not compile: %2")
                                   .arg(node.value, regex.errorString())}};
        }
        switch (column.place) {
        case Column::Place::Missing:
            return QStringLiteral("0");
        case Column::Place::Entry:
            if (column.type != Column::Type::Text)
                return ordered(column, node);
            if (column.message && node.op == Op::Has)
                return messageHas(node.value);
            return textCompare(column.expression, node);
        case Column::Place::Source:
            if (node.field == QStringList{QStringLiteral("logName")})
                if (auto exact = logNameCompare(node))
                    return *exact;
            return QStringLiteral("%1e.source IN (SELECT id FROM sources WHERE %2)")
                .arg(column.broad ? QStringLiteral("+") : QString(),
                     textCompare(column.expression, node));
        }
        return QStringLiteral("0");
    }

    // logName="projects/P/logs/ID" (or !=) by its parts: ID as the file's log id (its %2F a
    // '/'), P as its project, or any project for rovd's own logs, which every project shows.
    std::optional<QString> logNameCompare(const FilterNode &node)
    {
        if (node.op != Op::Equal && node.op != Op::NotEqual)
            return std::nullopt;
        static const QRegularExpression name(QStringLiteral("^projects/([^/]+)/logs/([^/]+)$"));
        const auto match = name.match(node.value);
        if (!match.hasMatch())
            return std::nullopt;
        const QString project = bind(match.captured(1));
        const QString log = bind(QUrl::fromPercentEncoding(match.captured(2).toUtf8()));
        return QStringLiteral("%1e.source IN (SELECT id FROM sources WHERE (project = %2 COLLATE "
                              "NOCASE OR project = '') AND log = %3 COLLATE NOCASE)")
            .arg(node.op == Op::NotEqual ? QStringLiteral("NOT ") : QString(), project, log);
    }

    QString textCompare(const QString &expression, const FilterNode &node)
    {
        switch (node.op) {
        case Op::Has:
            return QStringLiteral("instr(lower(%1), lower(%2)) > 0")
                .arg(expression, bind(node.value));
        case Op::Regex:
            return QStringLiteral("rov_regexp(%1, %2)").arg(bind(node.value), expression);
        case Op::NotRegex:
            return QStringLiteral("NOT rov_regexp(%1, %2)").arg(bind(node.value), expression);
        default:
            return QStringLiteral("%1 %2 %3 COLLATE NOCASE")
                .arg(expression, QLatin1String(sqlOperator(node.op)), bind(node.value));
        }
    }

    QString ordered(const Column &column, const FilterNode &node)
    {
        qint64 value = 0;
        switch (column.type) {
        case Column::Type::Severity:
            value = lw::severityRank(node.value);
            break;
        case Column::Type::Time:
            value = QDateTime::fromString(node.value, Qt::ISODateWithMs).toMSecsSinceEpoch() * 1000;
            break;
        case Column::Type::InsertId: {
            bool ok = false;
            value = node.value.toLongLong(&ok, 16);
            if (!ok)
                return node.op == Op::NotEqual ? QStringLiteral("1") : QStringLiteral("0");
            break;
        }
        case Column::Type::Text:
            break;
        }
        return QStringLiteral("%1 %2 %3")
            .arg(column.expression, QLatin1String(sqlOperator(node.op)), bind(value));
    }
};

} // namespace

QString ftsPhrase(const QString &text)
{
    QStringList tokens;
    QString token;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            token += c;
        } else if (!token.isEmpty()) {
            tokens << token;
            token.clear();
        }
    }
    if (!token.isEmpty())
        tokens << token;
    if (tokens.isEmpty())
        return {};
    // Tokens hold letters and digits only: nothing in them needs quoting.
    return QLatin1Char('"') + tokens.join(QLatin1Char(' ')) + QStringLiteral("\"*");
}

namespace {

// An FTS5 query that every match of the filter satisfies, or empty: a text term; for an AND,
// that of one of its terms (the longest, as a rule the rarest); for an OR, those of all its
// terms or nothing.
QString requiredText(const FilterNode &node)
{
    switch (node.kind) {
    case Kind::Text:
        return ftsPhrase(node.value);
    case Kind::Compare: {
        const bool message =
            node.op == Op::Has &&
            (node.field == QStringList{QStringLiteral("textPayload")} ||
             node.field == QStringList{QStringLiteral("jsonPayload"), QStringLiteral("message")});
        return message ? ftsPhrase(node.value) : QString();
    }
    case Kind::And: {
        QString longest;
        for (const FilterNode &child : node.children) {
            const QString phrase = requiredText(child);
            if (phrase.size() > longest.size())
                longest = phrase;
        }
        return longest;
    }
    case Kind::Or: {
        QStringList phrases;
        for (const FilterNode &child : node.children) {
            const QString phrase = requiredText(child);
            if (phrase.isEmpty())
                return {};
            phrases << QLatin1Char('(') + phrase + QLatin1Char(')');
        }
        return phrases.join(QStringLiteral(" OR "));
    }
    case Kind::Not:
        break;
    }
    return {};
}

} // namespace

std::variant<SqlFilter, FilterError> toSql(const FilterNode &filter)
{
    Compiler compiler;
    try {
        compiler.result.where = compiler.node(filter);
    } catch (const Failure &failure) {
        return failure.error;
    }
    compiler.result.requiredText = requiredText(filter);
    return compiler.result;
}

} // namespace rov::localplane::logs
