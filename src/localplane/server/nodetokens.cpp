#include "nodetokens.h"

#include "localplane/state/durablefile.h"
#include "tokenstore.h"

#include <QFile>
#include <QMessageAuthenticationCode>
#include <QRandomGenerator>
#include <cstring>

namespace rov::localplane {

namespace {

constexpr char kPrefix[] = "rovn.";

constexpr auto kBase64 = QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals;

} // namespace

std::optional<NodeTokens> NodeTokens::openOrCreate(const QString &path, QString *error)
{
    if (!QFile::exists(path)) {
        QByteArray secret(32, Qt::Uninitialized);
        QRandomGenerator::system()->fillRange(reinterpret_cast<quint32 *>(secret.data()),
                                              secret.size() / 4);
        if (const auto fault = writeFileDurably(path, secret.toHex() + '\n')) {
            *error = QStringLiteral("cannot create the node secret %1: %2")
                         .arg(path, QString::fromLocal8Bit(strerror(fault->error)));
            return std::nullopt;
        }
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read the node secret %1: %2").arg(path, file.errorString());
        return std::nullopt;
    }
    NodeTokens tokens;
    tokens.m_secret = QByteArray::fromHex(file.readAll().trimmed());
    if (tokens.m_secret.size() < 16) {
        *error = QStringLiteral("the node secret %1 is not 32 hexadecimal bytes; move it away and "
                                "restart rovd (running clusters' jobs then lose gs:// until they "
                                "are rebooted)")
                     .arg(path);
        return std::nullopt;
    }
    return tokens;
}

QByteArray NodeTokens::signature(const QString &cluster, const QString &createTime) const
{
    return QMessageAuthenticationCode::hash((cluster + QLatin1Char('\n') + createTime).toUtf8(),
                                            m_secret, QCryptographicHash::Sha256)
        .toHex();
}

QByteArray NodeTokens::issue(const QString &cluster, const QString &createTime) const
{
    return kPrefix + cluster.toUtf8().toBase64(kBase64) + '.' + signature(cluster, createTime);
}

bool NodeTokens::isNodeToken(const QByteArray &token)
{
    return token.startsWith(kPrefix);
}

std::optional<QString> NodeTokens::verify(
    const QByteArray &token,
    const std::function<std::optional<QString>(const QString &cluster)> &createTimeOf) const
{
    if (!isNodeToken(token))
        return std::nullopt;
    const QByteArray rest = token.mid(int(sizeof(kPrefix)) - 1);
    const qsizetype dot = rest.indexOf('.');
    if (dot <= 0 || dot > 1024)
        return std::nullopt;
    const auto decoded = QByteArray::fromBase64Encoding(
        rest.left(dot), kBase64 | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QString cluster = QString::fromUtf8(*decoded);
    const auto createTime = createTimeOf(cluster);
    if (!createTime || !sameToken(rest.mid(dot + 1), signature(cluster, *createTime)))
        return std::nullopt;
    return cluster;
}

} // namespace rov::localplane
