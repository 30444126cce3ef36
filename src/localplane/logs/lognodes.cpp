#include "lognodes.h"

#include <QDir>
#include <QFile>
#include <QRegularExpression>

namespace rov::localplane::logs {

namespace {

const LogCluster::Node *byPid(const LogCluster &cluster, qint64 pid, const ParentOf &parentOf)
{
    // worker → raylet → ray start: a few steps at most.
    for (int step = 0; pid > 1 && step < 6; ++step) {
        for (const auto &node : cluster.nodes)
            if (node.pid == pid)
                return &node;
        pid = parentOf(pid);
    }
    return nullptr;
}

// The pid of the first C++ line: "[2026-12-01 11:01:55,688 I 30601 30611] ".
qint64 pidInCppLog(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return 0;
    static const QRegularExpression header(
        QStringLiteral(
            "^\\[\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d,\\d{3} [TDIWECF] (\\d+) \\d+\\] "),
        QRegularExpression::MultilineOption);
    const auto match = header.match(QString::fromUtf8(file.read(16 * 1024)));
    return match.hasMatch() ? match.captured(1).toLongLong() : 0;
}

const LogCluster::Node *head(const LogCluster &cluster)
{
    for (const auto &node : cluster.nodes)
        if (node.head)
            return &node;
    return cluster.nodes.empty() ? nullptr : &cluster.nodes.front();
}

} // namespace

qint64 parentFromProc(qint64 pid)
{
    QFile stat(QStringLiteral("/proc/%1/stat").arg(pid));
    if (!stat.open(QIODevice::ReadOnly))
        return 0;
    const QByteArray text = stat.readAll();
    // "pid (comm) state ppid …": comm may hold spaces and parentheses.
    const qsizetype close = text.lastIndexOf(')');
    const QList<QByteArray> fields = text.mid(close + 2).split(' ');
    return fields.size() > 1 ? fields[1].toLongLong() : 0;
}

QString submissionOfFile(const QString &fileName)
{
    static const QRegularExpression driver(QStringLiteral("^job-driver-(.+)\\.log$"));
    const auto match = driver.match(fileName);
    return match.hasMatch() ? match.captured(1) : QString();
}

const LogCluster::Node *nodeOfFile(const LogCluster &cluster, const QString &directory,
                                   const QString &fileName, const ParentOf &parentOf)
{
    if (QDir(directory) == QDir(cluster.nodeOutputDir)) {
        for (const auto &node : cluster.nodes)
            if (fileName == node.name + QStringLiteral(".log"))
                return &node;
    }
    // worker-<id>-<job>-<pid>.out, python-core-worker-<id>_<pid>.log
    static const QRegularExpression pidInName(QStringLiteral("[-_](\\d+)\\.(?:out|err|log)$"));
    if (fileName.startsWith(QLatin1String("worker-")) ||
        fileName.startsWith(QLatin1String("python-core-worker-")) ||
        fileName.startsWith(QLatin1String("python-core-driver-"))) {
        const auto match = pidInName.match(fileName);
        if (match.hasMatch())
            if (const auto *node = byPid(cluster, match.captured(1).toLongLong(), parentOf))
                return node;
    }
    // A node's own components: raylet[.N].out and its agents with the same N.
    static const QRegularExpression suffix(QStringLiteral("^[a-z_]+(\\.\\d+)?\\.(?:out|err|log)$"));
    const auto match = suffix.match(fileName);
    static const QStringList perNode{QStringLiteral("raylet"), QStringLiteral("dashboard_agent"),
                                     QStringLiteral("runtime_env_agent"),
                                     QStringLiteral("log_monitor")};
    const QString base = fileName.section(QLatin1Char('.'), 0, 0);
    if (match.hasMatch() && perNode.contains(base)) {
        const QString raylet =
            QDir(directory).filePath(QStringLiteral("raylet%1.out").arg(match.captured(1)));
        if (const auto *node = byPid(cluster, pidInCppLog(raylet), parentOf))
            return node;
    }
    return head(cluster);
}

} // namespace rov::localplane::logs
