#include "strayprocesses.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <csignal>
#include <unistd.h>

namespace rov::localplane {

QList<qint64> StrayProcesses::mentioning(const QString &text, const QString &alsoText)
{
    QList<qint64> pids;
    const QByteArray needle = text.toUtf8(), alsoNeedle = alsoText.toUtf8();
    const qint64 self = QCoreApplication::applicationPid();
    for (const QString &entry : QDir(QStringLiteral("/proc")).entryList(QDir::Dirs)) {
        bool isPid = false;
        const qint64 pid = entry.toLongLong(&isPid);
        if (!isPid || pid == self)
            continue;
        QFile cmdline(QStringLiteral("/proc/%1/cmdline").arg(entry));
        if (!cmdline.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = cmdline.readAll().replace('\0', ' ');
        if (line.contains(needle) && (alsoNeedle.isEmpty() || line.contains(alsoNeedle)))
            pids.append(pid);
    }
    return pids;
}

int StrayProcesses::kill(const QString &tempRoot, const QString &rayRoot,
                         const QSet<qint64> &keepGroups)
{
    if (tempRoot.isEmpty() || rayRoot.isEmpty())
        return 0;
    int killed = 0;
    const QString root = QDir::cleanPath(tempRoot) + QLatin1Char('/');
    for (qint64 pid : mentioning(root, QDir::cleanPath(rayRoot) + QLatin1Char('/'))) {
        const pid_t group = ::getpgid(pid_t(pid));
        if (group > 0 && keepGroups.contains(group))
            continue;
        if (::kill(pid_t(pid), SIGKILL) == 0)
            ++killed;
    }
    return killed;
}

QStringList StrayProcesses::removeDirectories(const QString &root, const QSet<QString> &keep)
{
    QStringList removed;
    // QDir("") is the working directory: never sweep that.
    if (root.isEmpty() || !QDir::isAbsolutePath(root))
        return removed;
    QSet<QString> kept;
    for (const QString &path : keep)
        kept.insert(QDir::cleanPath(path));
    const QDir dir(root);
    for (const QString &entry : dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot)) {
        const QString path = QDir::cleanPath(dir.filePath(entry));
        if (!kept.contains(path) && QDir(path).removeRecursively())
            removed.append(path);
    }
    return removed;
}

} // namespace rov::localplane
