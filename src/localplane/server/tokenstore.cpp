#include "tokenstore.h"

#include "localplane/state/durablefile.h"

#include <QFile>
#include <QRandomGenerator>
#include <fcntl.h>
#include <unistd.h>

namespace rov::localplane {

namespace {

QByteArray newToken()
{
    QByteArray bytes(32, Qt::Uninitialized);
    QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(bytes.data()),
                                          bytes.size() / 4);
    return bytes.toHex();
}

bool createFile(const QString &path, QString *error)
{
    // Written to a 0600 temporary file, synced and renamed into place: the file is never
    // readable by others, not even briefly, and never half there.
    const QByteArray content = "admin " + newToken() + "\nuser " + newToken() + "\n";
    if (const auto fault = writeFileDurably(path, content)) {
        *error = QStringLiteral("cannot create the token file %1: %2")
                     .arg(path, QString::fromLocal8Bit(strerror(fault->error)));
        return false;
    }
    return true;
}

} // namespace

bool sameToken(const QByteArray &a, const QByteArray &b)
{
    if (a.size() != b.size())
        return false;
    unsigned char difference = 0;
    for (qsizetype i = 0; i < a.size(); ++i)
        difference |= static_cast<unsigned char>(a[i] ^ b[i]);
    return difference == 0;
}

std::optional<QByteArray> TokenStore::bearerToken(const QByteArray &authorization)
{
    const QByteArray header = authorization.trimmed();
    const qsizetype space = header.indexOf(' ');
    if (space <= 0 || header.left(space).toLower() != "bearer")
        return std::nullopt;
    const QByteArray token = header.mid(space + 1).trimmed();
    if (token.isEmpty() || token.contains(' '))
        return std::nullopt;
    return token;
}

std::optional<TokenStore> TokenStore::openOrCreate(const QString &path, QString *error)
{
    if (!QFile::exists(path) && !createFile(path, error))
        return std::nullopt;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the token file %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    TokenStore store;
    store.m_path = path;
    while (!file.atEnd()) {
        const QList<QByteArray> parts = file.readLine().simplified().split(' ');
        if (parts.size() != 2)
            continue;
        if (parts[0] == "admin")
            store.m_roles.emplace(parts[1], Role::Admin);
        else if (parts[0] == "user")
            store.m_roles.emplace(parts[1], Role::User);
    }
    if (store.m_roles.empty()) {
        *error =
            QStringLiteral("the token file %1 holds no \"admin <token>\" or \"user <token>\" line")
                .arg(path);
        return std::nullopt;
    }
    return store;
}

std::optional<Role> TokenStore::roleOf(const QByteArray &token) const
{
    std::optional<Role> found;
    for (const auto &[known, role] : m_roles) {
        if (sameToken(known, token))
            found = role;
    }
    return found;
}

QByteArray TokenStore::tokenFor(Role role) const
{
    for (const auto &[token, known] : m_roles) {
        if (known == role)
            return token;
    }
    return {};
}

} // namespace rov::localplane
