#include "diagnostics.h"

#include <QRegularExpression>
#include <cstdio>
#include <mutex>
#include <unistd.h>
#include <vector>

namespace rov::localplane::diagnostics {

namespace {

std::mutex &secretsMutex()
{
    static std::mutex mutex;
    return mutex;
}

std::vector<QString> &secrets()
{
    static std::vector<QString> known;
    return known;
}

} // namespace

void addSecret(const QByteArray &secret)
{
    if (secret.size() < 8)
        return; // nothing that short is a token, and replacing it would garble words
    std::lock_guard lock(secretsMutex());
    secrets().push_back(QString::fromUtf8(secret));
}

QString redact(QString text)
{
    {
        std::lock_guard lock(secretsMutex());
        for (const QString &secret : secrets())
            text.replace(secret, QStringLiteral("<token>"));
    }
    static const QRegularExpression pathToken(QStringLiteral("/t/[^/\\s\"']+"));
    static const QRegularExpression bearer(QStringLiteral("(Bearer)\\s+[^\\s\"',;]+"),
                                           QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression query(
        QStringLiteral("([?&](?:access_token|token|password|key|upload_id)=)[^&\\s\"']+"),
        QRegularExpression::CaseInsensitiveOption);
    text.replace(pathToken, QStringLiteral("/t/<token>"));
    text.replace(bearer, QStringLiteral("\\1 <token>"));
    text.replace(query, QStringLiteral("\\1<token>"));
    return text;
}

void warn(const QString &message)
{
    // One write(2) a line: lines of several threads never interleave.
    const QByteArray line = "rovd: " + redact(message).toUtf8().replace('\n', ' ') + '\n';
    [[maybe_unused]] const ssize_t wrote = ::write(STDERR_FILENO, line.constData(), line.size());
}

} // namespace rov::localplane::diagnostics
