#include "directorylock.h"

#include <QDir>
#include <QFile>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace rov::localplane {

DirectoryLock::~DirectoryLock()
{
    ::close(m_fd);
}

std::unique_ptr<DirectoryLock> DirectoryLock::acquire(const QString &directory, QString *why)
{
    const QString path = QDir(directory).filePath(QStringLiteral(".rovd.lock"));
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) {
        *why =
            QStringLiteral("cannot open %1: %2").arg(path, QString::fromLocal8Bit(strerror(errno)));
        return nullptr;
    }
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        char holder[32] = {};
        const ssize_t read = ::pread(fd, holder, sizeof holder - 1, 0);
        ::close(fd);
        *why = QStringLiteral("another rovd (pid %1) uses %2")
                   .arg(read > 0 ? QString::fromLatin1(holder).trimmed() : QStringLiteral("?"),
                        directory);
        return nullptr;
    }
    // The pid only helps a person read the message; the claim holds without it.
    const QByteArray pid = QByteArray::number(qint64(::getpid())) + '\n';
    if (::ftruncate(fd, 0) == 0)
        (void)!::pwrite(fd, pid.constData(), size_t(pid.size()), 0);
    return std::unique_ptr<DirectoryLock>(new DirectoryLock(fd));
}

} // namespace rov::localplane
