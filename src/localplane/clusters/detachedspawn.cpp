#include "detachedspawn.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace rov::localplane {

namespace {

// NUL-terminated copies that stay alive across fork, and the char* array exec wants.
struct CStrings
{
    explicit CStrings(const QStringList &strings)
    {
        for (const QString &string : strings)
            storage.push_back(QFile::encodeName(string));
        for (QByteArray &string : storage)
            pointers.push_back(string.data());
        pointers.push_back(nullptr);
    }
    std::vector<QByteArray> storage;
    std::vector<char *> pointers;
};

QString systemError(const QString &what, int error)
{
    return QStringLiteral("%1: %2").arg(what, QString::fromLocal8Bit(std::strerror(error)));
}

// In the forked children only async-signal-safe calls are made: the parent has threads.
[[noreturn]] void runGrandchild(int in, int log, int errorPipe, char *const argv[],
                                char *const envp[])
{
    ::setsid();
    // rovd ignores SIGPIPE and SIGXFSZ and may block signals; a Ray node starts with the defaults.
    sigset_t none;
    ::sigemptyset(&none);
    ::sigprocmask(SIG_SETMASK, &none, nullptr);
    ::signal(SIGPIPE, SIG_DFL);
    ::signal(SIGXFSZ, SIG_DFL);
    if (::dup2(in, STDIN_FILENO) < 0 || ::dup2(log, STDOUT_FILENO) < 0 ||
        ::dup2(log, STDERR_FILENO) < 0)
        ::_exit(127);
    // Everything else becomes close-on-exec; errorPipe closes itself when exec succeeds.
    ::close_range(3, ~0U, CLOSE_RANGE_CLOEXEC);
    ::execve(argv[0], argv, envp);
    const int error = errno;
    (void)!::write(errorPipe, &error, sizeof error);
    ::_exit(127);
}

} // namespace

std::variant<qint64, QString> spawnDetached(const DetachedCommand &command)
{
    if (!QDir::isAbsolutePath(command.program))
        return QStringLiteral("%1 is not an absolute path").arg(command.program);
    const CStrings argv(QStringList{command.program} + command.arguments);
    const CStrings envp(command.environment.toStringList());
    const int in = ::open("/dev/null", O_RDONLY | O_CLOEXEC);
    const int log = ::open(QFile::encodeName(command.logFile).constData(),
                           O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC, 0644);
    int pidPipe[2] = {-1, -1};
    int errorPipe[2] = {-1, -1};
    const auto closeAll = [&] {
        for (const int fd : {in, log, pidPipe[0], pidPipe[1], errorPipe[0], errorPipe[1]}) {
            if (fd >= 0)
                ::close(fd);
        }
    };
    if (in < 0 || log < 0 || ::pipe2(pidPipe, O_CLOEXEC) != 0 ||
        ::pipe2(errorPipe, O_CLOEXEC) != 0) {
        const int error = errno;
        closeAll();
        return systemError(log < 0
                               ? QStringLiteral("cannot open %1").arg(command.logFile)
                               : QStringLiteral("cannot prepare to start %1").arg(command.program),
                           error);
    }
    const pid_t child = ::fork();
    if (child < 0) {
        const int error = errno;
        closeAll();
        return systemError(QStringLiteral("cannot fork"), error);
    }
    if (child == 0) {
        const pid_t grandchild = ::fork();
        if (grandchild == 0)
            runGrandchild(in, log, errorPipe[1], argv.pointers.data(), envp.pointers.data());
        (void)!::write(pidPipe[1], &grandchild, sizeof grandchild);
        ::_exit(grandchild < 0 ? 1 : 0);
    }
    ::close(pidPipe[1]);
    ::close(errorPipe[1]);
    pidPipe[1] = errorPipe[1] = -1;
    pid_t pid = -1;
    const bool gotPid = ::read(pidPipe[0], &pid, sizeof pid) == ssize_t(sizeof pid) && pid > 0;
    ::waitpid(child, nullptr, 0);
    int execError = 0;
    // EOF here means exec succeeded (the pipe is close-on-exec); an int means it failed.
    const bool execFailed =
        gotPid && ::read(errorPipe[0], &execError, sizeof execError) == ssize_t(sizeof execError);
    closeAll();
    if (!gotPid)
        return QStringLiteral("cannot fork a second time to start %1").arg(command.program);
    if (execFailed)
        return systemError(QStringLiteral("cannot run %1").arg(command.program), execError);
    return qint64(pid);
}

} // namespace rov::localplane
