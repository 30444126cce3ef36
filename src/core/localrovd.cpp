#include "localrovd.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

namespace rov::core::localrovd {

namespace {

QString lockPath(const QString &dataDir)
{
    return QDir(dataDir).filePath(QStringLiteral(".rovd.lock"));
}

} // namespace

std::optional<qint64> runningPid(const QString &dataDir)
{
    const QByteArray path = QFile::encodeName(lockPath(dataDir));
    const int fd = ::open(path.constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return std::nullopt; // no lock file: no rovd ever used the directory
    std::optional<qint64> pid;
    if (::flock(fd, LOCK_SH | LOCK_NB) == 0) {
        ::flock(fd, LOCK_UN); // nobody holds it: no rovd runs
    } else {
        char text[32] = {};
        if (::pread(fd, text, sizeof text - 1, 0) > 0) {
            bool ok = false;
            const qint64 read = QByteArray(text).trimmed().toLongLong(&ok);
            if (ok && read > 0)
                pid = read;
        }
    }
    ::close(fd);
    return pid;
}

std::variant<qint64, rest::ApiError> stop(const QString &dataDir)
{
    const auto pid = runningPid(dataDir);
    if (!pid)
        return rest::ApiError::withStatus(
            QStringLiteral("FAILED_PRECONDITION"),
            QCoreApplication::translate("LocalRovd", "No rovd runs for %1").arg(dataDir));
    if (::kill(pid_t(*pid), SIGTERM) != 0)
        return rest::ApiError::withStatus(
            QStringLiteral("FAILED_PRECONDITION"),
            QCoreApplication::translate("LocalRovd", "Could not stop rovd (pid %1): %2")
                .arg(*pid)
                .arg(QString::fromLocal8Bit(std::strerror(errno))));
    return *pid;
}

bool reapIfChild(qint64 pid)
{
    int status = 0;
    const pid_t answer = ::waitpid(pid_t(pid), &status, WNOHANG);
    return answer != 0; // reaped, or not ours to reap (ECHILD): nothing more to wait for
}

bool serviceServes(const QUrl &rovdUrl, const QString &rovdDataDir)
{
    // The unit's command line: rovd --listen 127.0.0.1:8788, its data in the default folder.
    return rovdDataDir.isEmpty() && rovdUrl.host() == QLatin1String("127.0.0.1") &&
           rovdUrl.port(8788) == 8788;
}

bool cgroupIsUserService(const QByteArray &cgroup)
{
    // cgroup v2: "0::/user.slice/user-1000.slice/user@1000.service/app.slice/rovd.service";
    // v1 has a line per controller, the unified one among them.
    for (const QByteArray &line : cgroup.split('\n')) {
        const QByteArray path = line.mid(line.lastIndexOf(':') + 1).trimmed();
        if (path.contains("/user@") && path.endsWith(QByteArray("/") + kUserService))
            return true;
    }
    return false;
}

bool runsAsUserService(qint64 pid)
{
    QFile cgroup(QStringLiteral("/proc/%1/cgroup").arg(pid));
    return cgroup.open(QIODevice::ReadOnly) && cgroupIsUserService(cgroup.readAll());
}

} // namespace rov::core::localrovd
