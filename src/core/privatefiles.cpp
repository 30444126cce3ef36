#include "privatefiles.h"

#include <QDir>
#include <QFile>

namespace rov::core {

namespace {
constexpr QFileDevice::Permissions kOwnerOnly = QFileDevice::ReadOwner | QFileDevice::WriteOwner;
} // namespace

bool privateFolder(const QString &path)
{
    return QDir().mkpath(path) && QFile::setPermissions(path, kOwnerOnly | QFileDevice::ExeOwner);
}

bool privateFile(const QString &path)
{
    QFile file(path);
    // Created with 0600 from the start (no moment with the umask's mode); an existing file is
    // opened as it is and closed below.
    if (!file.open(QIODevice::Append, kOwnerOnly) || !file.setPermissions(kOwnerOnly))
        return false;
    for (const char *suffix : {"-wal", "-shm"}) {
        const QString beside = path + QLatin1String(suffix);
        if (QFile::exists(beside) && !QFile::setPermissions(beside, kOwnerOnly))
            return false;
    }
    return true;
}

} // namespace rov::core
