#include "logquerytext.h"

#include "api/logging/logwire.h"

#include <QRegularExpression>
#include <QUrl>

namespace rov::core::logquery {

namespace lw = api::logging;

namespace {

// How each clause's line begins: the mark by which it is found again.
QString prefix(Clause clause)
{
    switch (clause) {
    case Clause::Cluster:
        return QStringLiteral("labels.\"%1\"=").arg(QLatin1String(lw::labelkeys::kClusterId));
    case Clause::Node:
        return QStringLiteral("labels.%1=").arg(QLatin1String(lw::labelkeys::kNode));
    case Clause::NodeId:
        return QStringLiteral("labels.%1=").arg(QLatin1String(lw::labelkeys::kNodeId));
    case Clause::Pool:
        return QStringLiteral("labels.%1=").arg(QLatin1String(lw::labelkeys::kPool));
    case Clause::MinSeverity:
        return QStringLiteral("severity>=");
    case Clause::Log:
        return QStringLiteral("logName=");
    case Clause::Job:
        return QStringLiteral("(labels.%1=").arg(QLatin1String(lw::labelkeys::kSubmission));
    case Clause::From:
        return QStringLiteral("timestamp>=");
    case Clause::To:
        return QStringLiteral("timestamp<");
    }
    return {};
}

QString quoted(const QString &value)
{
    QString escaped = value;
    escaped.replace(QLatin1Char('\\'), QStringLiteral("\\\\"));
    escaped.replace(QLatin1Char('"'), QStringLiteral("\\\""));
    return QLatin1Char('"') + escaped + QLatin1Char('"');
}

QString unquoted(QString text)
{
    text = text.trimmed();
    if (text.size() >= 2 && text.startsWith(QLatin1Char('"')) && text.endsWith(QLatin1Char('"'))) {
        text = text.mid(1, text.size() - 2);
        text.replace(QStringLiteral("\\\""), QStringLiteral("\""));
        text.replace(QStringLiteral("\\\\"), QStringLiteral("\\"));
    }
    return text;
}

} // namespace

QString clauseLine(Clause clause, const QString &value, const QString &project)
{
    if (value.isEmpty())
        return {};
    switch (clause) {
    case Clause::MinSeverity:
        return prefix(clause) + value.toUpper();
    case Clause::Log:
        return prefix(clause) +
               quoted(QStringLiteral("projects/%1/logs/%2")
                          .arg(project, QString::fromLatin1(QUrl::toPercentEncoding(value))));
    case Clause::Job:
        // A submission id or a job id: the driver's lines have the one, the workers' the other.
        return value.startsWith(prefix(clause)) ? value : jobLine(value, value);
    default:
        return prefix(clause) + quoted(value);
    }
}

QString jobLine(const QString &submissionId, const QString &jobId)
{
    return QStringLiteral("(labels.%1=%2 OR labels.%3=%4)")
        .arg(QLatin1String(lw::labelkeys::kSubmission), quoted(submissionId),
             QLatin1String(lw::labelkeys::kJob), quoted(jobId));
}

QString setClause(const QString &query, Clause clause, const QString &line)
{
    QStringList lines = query.split(QLatin1Char('\n'));
    const QString mark = prefix(clause);
    qsizetype at = -1;
    for (qsizetype i = 0; i < lines.size(); ++i) {
        if (lines[i].trimmed().startsWith(mark)) {
            at = i;
            break;
        }
    }
    if (at >= 0 && line.isEmpty())
        lines.removeAt(at);
    else if (at >= 0)
        lines[at] = line;
    else if (!line.isEmpty())
        lines.append(line);
    while (!lines.isEmpty() && lines.last().trimmed().isEmpty())
        lines.removeLast();
    return lines.join(QLatin1Char('\n'));
}

QString clauseValue(const QString &query, Clause clause)
{
    const QString mark = prefix(clause);
    for (const QString &raw : query.split(QLatin1Char('\n'))) {
        const QString line = raw.trimmed();
        if (!line.startsWith(mark))
            continue;
        const QString rest = line.mid(mark.size());
        switch (clause) {
        case Clause::Log: {
            const QString name = unquoted(rest);
            const qsizetype logs = name.indexOf(QLatin1String("/logs/"));
            return logs < 0 ? QString() : QUrl::fromPercentEncoding(name.mid(logs + 6).toUtf8());
        }
        case Clause::Job: {
            static const QRegularExpression submission(QStringLiteral("^\"([^\"]*)\""));
            const auto match = submission.match(rest);
            return match.hasMatch() ? match.captured(1) : QString();
        }
        default:
            return unquoted(rest);
        }
    }
    return {};
}

QString withLog(const QString &query, const QString &logId, const QString &project)
{
    QString text = query;
    if (lw::isRovdLog(logId)) {
        QStringList lines = text.split(QLatin1Char('\n'));
        lines.removeIf([](const QString &line) { return line.trimmed() == defaultQuery(); });
        text = lines.join(QLatin1Char('\n'));
        for (Clause clause :
             {Clause::Cluster, Clause::Node, Clause::NodeId, Clause::Pool, Clause::Job})
            text = setClause(text, clause, {});
    }
    return setClause(text, Clause::Log, clauseLine(Clause::Log, logId, project));
}

QString defaultQuery()
{
    return QStringLiteral("resource.labels.task_name=\"%1\"").arg(QLatin1String(lw::kTaskName));
}

QString clusterQuery(const QString &clusterId)
{
    return setClause(defaultQuery(), Clause::Cluster, clauseLine(Clause::Cluster, clusterId));
}

QString nodeQuery(const QString &clusterId, const QString &rayNodeId)
{
    return setClause(clusterQuery(clusterId), Clause::NodeId,
                     clauseLine(Clause::NodeId, rayNodeId));
}

QString jobQuery(const QString &clusterId, const QString &submissionId, const QString &jobId)
{
    const QString line =
        submissionId.isEmpty()
            ? QStringLiteral("labels.%1=%2").arg(QLatin1String(lw::labelkeys::kJob), quoted(jobId))
            : jobLine(submissionId, jobId);
    return clusterQuery(clusterId) + QLatin1Char('\n') + line;
}

QString surroundingQuery(const QString &clusterId, const QString &tailedPath, const QDateTime &time)
{
    // rovd's own logs have no cluster (and not the clusters' task name).
    QString query = clusterId.isEmpty() ? QString() : clusterQuery(clusterId) + QLatin1Char('\n');
    query += QStringLiteral("jsonPayload.tailed_path=") + quoted(tailedPath);
    query =
        setClause(query, Clause::From,
                  clauseLine(Clause::From, time.addSecs(-60).toUTC().toString(Qt::ISODateWithMs)));
    return setClause(query, Clause::To,
                     clauseLine(Clause::To, time.addSecs(60).toUTC().toString(Qt::ISODateWithMs)));
}

int errorOffset(const QString &query, const QString &message)
{
    // rovd says where in English or, for a Chinese reader, as "第 N 行第 M 列".
    static const QRegularExpression where(
        QStringLiteral("(?:line (\\d+), column (\\d+))|(?:第 (\\d+) 行第 (\\d+) 列)"));
    const auto match = where.match(message);
    if (!match.hasMatch())
        return -1;
    const bool english = !match.captured(1).isEmpty();
    const int line = match.captured(english ? 1 : 3).toInt();
    const int column = match.captured(english ? 2 : 4).toInt();
    int offset = 0;
    const QStringList lines = query.split(QLatin1Char('\n'));
    for (int i = 0; i < line - 1 && i < lines.size(); ++i)
        offset += int(lines[i].size()) + 1;
    return std::clamp(offset + column - 1, 0, int(query.size()));
}

} // namespace rov::core::logquery
