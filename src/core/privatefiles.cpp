#include "privatefiles.h"

#include <QDir>
#include <QFile>
#include <QLoggingCategory>

namespace rov::core {

namespace {

Q_LOGGING_CATEGORY(lcFiles, "rov.files")

constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;

// A file system without modes (FAT, some network mounts) refuses chmod: said, not fatal, as the
// file is then as private as that file system lets it be.
void restrict(const QString &path, QFileDevice::Permissions permissions)
{
    if (!QFile::setPermissions(path, permissions))
        qCWarning(lcFiles).noquote() << "cannot make" << path << "private to you (chmod refused)";
}

} // namespace

bool privateFolder(const QString &path)
{
    if (!QDir().mkpath(path))
        return false;
    restrict(path, kOwnerOnly | QFileDevice::ExeOwner);
    return true;
}

bool privateFile(const QString &path)
{
    QFile file(path);
    // Created with 0600 from the start (no moment with the umask's mode); an existing file is
    // opened as it is and closed below.
    if (!file.open(QIODevice::Append, kOwnerOnly))
        return false;
    restrict(path, kOwnerOnly);
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString beside = path + QLatin1String(suffix);
        if (QFile::exists(beside))
            restrict(beside, kOwnerOnly);
    }
    return true;
}

} // namespace rov::core
