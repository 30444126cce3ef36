#include "durablefile.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace rov::localplane {

namespace {

FileFault fault(const char *step, const QString &path, int error = errno)
{
    return {error, QString::fromLatin1(step), path};
}

QString reason(int error)
{
    return QString::fromLocal8Bit(std::strerror(error));
}

} // namespace

bool isFullDiskError(int error)
{
    return error == ENOSPC || error == EDQUOT || error == EFBIG;
}

bool FileFault::isFull() const
{
    return isFullDiskError(error);
}

rest::ApiError FileFault::toApiError(const QString &what) const
{
    if (isFull())
        return rest::ApiError::withStatus(
            QStringLiteral("RESOURCE_EXHAUSTED"),
            // EFBIG and EDQUOT too: to the client each is a disk without room, in one wording.
            QStringLiteral("No space left on device: rovd could not store %1; free space on "
                           "the disk of its data directory and try again (what was stored "
                           "before is kept)")
                .arg(what));
    if (error == EROFS)
        return rest::ApiError::withStatus(
            QStringLiteral("UNAVAILABLE"),
            QStringLiteral("%1: rovd could not store %2; its data directory is on a read-only "
                           "file system")
                .arg(reason(error), what));
    return rest::ApiError::withStatus(
        QStringLiteral("UNAVAILABLE"),
        QStringLiteral("rovd could not store %1 (%2 failed: %3)").arg(what, step, reason(error)));
}

QString FileFault::describe() const
{
    return QStringLiteral("%1 %2: %3").arg(step, path, reason(error));
}

DurableFile::DurableFile(QString path) : m_path(std::move(path)) {}

DurableFile::~DurableFile()
{
    discard();
}

void DurableFile::discard()
{
    if (m_fd >= 0)
        ::close(m_fd);
    m_fd = -1;
    if (!m_temp.isEmpty())
        ::unlink(QFile::encodeName(m_temp).constData());
    m_temp.clear();
}

std::optional<FileFault> DurableFile::open()
{
    discard();
    m_written = 0;
    const QFileInfo target(m_path);
    if (auto problem = makeDirectories(target.absolutePath()))
        return problem;
    // Hidden, beside the target: the rename stays on one file system, and listings skip it.
    QByteArray name = QFile::encodeName(
        QDir(target.absolutePath())
            .filePath(QStringLiteral(".%1.rov-XXXXXX").arg(target.fileName().left(100))));
    const int fd = ::mkostemp(name.data(), O_CLOEXEC); // mode 0600
    if (fd < 0)
        return fault("create", m_path);
    m_fd = fd;
    m_temp = QFile::decodeName(name);
    return std::nullopt;
}

std::optional<FileFault> DurableFile::append(const char *data, qint64 size)
{
    if (m_fd < 0)
        return fault("write", m_path, EBADF);
    while (size > 0) {
        const ssize_t wrote = ::write(m_fd, data, size_t(size));
        if (wrote < 0 && errno == EINTR)
            continue;
        if (wrote < 0)
            return fault("write", m_path);
        if (wrote == 0)
            return fault("write", m_path, ENOSPC);
        data += wrote;
        size -= wrote;
        m_written += wrote;
    }
    return std::nullopt;
}

std::optional<FileFault> DurableFile::commit()
{
    if (m_fd < 0)
        return fault("commit", m_path, EBADF);
    if (auto problem = syncDescriptor(m_fd, m_path))
        return problem;
    const int closed = ::close(m_fd);
    m_fd = -1;
    if (closed != 0)
        return fault("close", m_path);
    if (::rename(QFile::encodeName(m_temp).constData(), QFile::encodeName(m_path).constData()) != 0)
        return fault("rename", m_path);
    m_temp.clear();
    return syncDirectory(QFileInfo(m_path).absolutePath());
}

std::optional<FileFault> writeFileDurably(const QString &path, const QByteArray &data)
{
    DurableFile file(path);
    if (auto problem = file.open())
        return problem;
    if (auto problem = file.append(data))
        return problem;
    return file.commit();
}

std::optional<FileFault> copyFileDurably(const QString &from, const QString &to)
{
    const int in = ::open(QFile::encodeName(from).constData(), O_RDONLY | O_CLOEXEC);
    if (in < 0)
        return fault("open", from);
    DurableFile out(to);
    std::optional<FileFault> problem = out.open();
    std::vector<char> block(1 << 20);
    while (!problem) {
        const ssize_t got = ::read(in, block.data(), block.size());
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            problem = fault("read", from);
        else if (got == 0)
            break;
        else
            problem = out.append(block.data(), got);
    }
    ::close(in);
    return problem ? problem : out.commit();
}

std::optional<FileFault> syncDescriptor(int fd, const QString &path)
{
    while (::fsync(fd) != 0) {
        if (errno != EINTR)
            return fault("fsync", path);
    }
    return std::nullopt;
}

std::optional<FileFault> syncDirectory(const QString &path)
{
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0)
        return fault("open", path);
    auto problem = syncDescriptor(fd, path);
    ::close(fd);
    return problem;
}

std::optional<FileFault> makeDirectories(const QString &path)
{
    const QString absolute = QDir::cleanPath(QDir(path).absolutePath());
    if (QFileInfo(absolute).isDir())
        return std::nullopt;
    QString made;
    for (const QString &part : absolute.split(QLatin1Char('/'), Qt::SkipEmptyParts)) {
        made += QLatin1Char('/') + part;
        if (::mkdir(QFile::encodeName(made).constData(), 0700) != 0 && errno != EEXIST)
            return fault("mkdir", made);
    }
    if (!QFileInfo(absolute).isDir())
        return fault("mkdir", absolute, ENOTDIR);
    return std::nullopt;
}

} // namespace rov::localplane
