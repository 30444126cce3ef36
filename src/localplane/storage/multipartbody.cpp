#include "multipartbody.h"

#include <QList>

namespace rov::localplane::storage {

namespace {

constexpr int kMaxParts = 16;

QByteArray unquoted(QByteArray value)
{
    value = value.trimmed();
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') &&
        value.back() == value.front())
        return value.mid(1, value.size() - 2);
    return value;
}

// The end of the line that starts at `from` (its LF), or -1.
qsizetype lineEnd(const QByteArray &body, qsizetype from)
{
    return body.indexOf('\n', from);
}

// Reads one part's headers, from `from` up to the empty line; `end` is where the data starts.
std::optional<QByteArray> partHeaders(const QByteArray &body, qsizetype from, qsizetype limit,
                                      qsizetype *dataStart)
{
    QByteArray headers;
    qsizetype at = from;
    while (at < limit) {
        const qsizetype eol = lineEnd(body, at);
        if (eol < 0 || eol >= limit)
            return std::nullopt;
        QByteArray line = body.mid(at, eol - at);
        if (line.endsWith('\r'))
            line.chop(1);
        at = eol + 1;
        if (line.isEmpty()) {
            *dataStart = at;
            return headers;
        }
        headers += line + '\n';
    }
    return std::nullopt;
}

QByteArray headerValue(const QByteArray &headers, const QByteArray &name)
{
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

std::optional<QByteArray> headerParameter(const QByteArray &value, const QByteArray &parameter)
{
    const QList<QByteArray> fields = value.split(';');
    for (qsizetype i = 1; i < fields.size(); ++i) {
        const QByteArray field = fields[i].trimmed();
        const qsizetype equals = field.indexOf('=');
        if (equals > 0 && field.left(equals).trimmed().toLower() == parameter.toLower())
            return unquoted(field.mid(equals + 1));
    }
    return std::nullopt;
}

std::variant<std::vector<BodyPart>, QString> readMultipartBody(const QByteArray &contentType,
                                                               const QByteArray &body)
{
    if (!contentType.trimmed().toLower().startsWith("multipart/"))
        return QStringLiteral("a multipart upload needs Content-Type multipart/related with a "
                              "boundary, not \"%1\"")
            .arg(QString::fromLatin1(contentType.left(80)));
    const auto boundary = headerParameter(contentType, "boundary");
    if (!boundary || boundary->isEmpty() || boundary->size() > 200)
        return QStringLiteral("the multipart Content-Type names no boundary (boundary=...)");
    const QByteArray delimiter = "--" + *boundary;
    std::vector<BodyPart> parts;
    qsizetype at = body.startsWith(delimiter) ? 0 : body.indexOf("\n" + delimiter);
    if (at < 0)
        return QStringLiteral("the body does not contain its boundary");
    if (at > 0)
        ++at; // past the LF that precedes the first delimiter
    for (;;) {
        qsizetype after = at + delimiter.size();
        if (body.mid(after, 2) == "--")
            return parts; // the close delimiter
        const qsizetype eol = lineEnd(body, after);
        if (eol < 0)
            return QStringLiteral("the body ends inside a boundary line");
        // The next delimiter ends this part; the line break before it belongs to it.
        const qsizetype next = body.indexOf("\n" + delimiter, eol);
        if (next < 0)
            return QStringLiteral("the body ends without its closing boundary (--%1--)")
                .arg(QString::fromLatin1(boundary->left(80)));
        qsizetype dataStart = 0;
        const auto headers = partHeaders(body, eol + 1, next + 1, &dataStart);
        if (!headers)
            return QStringLiteral("part %1 has no empty line after its headers")
                .arg(parts.size() + 1);
        qsizetype dataEnd = next;
        if (dataEnd > dataStart && body.at(dataEnd - 1) == '\r')
            --dataEnd;
        BodyPart part;
        part.contentType = headerValue(*headers, "content-type").toLower();
        part.data = body.mid(dataStart, std::max<qsizetype>(0, dataEnd - dataStart));
        const QByteArray encoding = headerValue(*headers, "content-transfer-encoding").toLower();
        if (encoding == "base64") {
            const auto decoded =
                QByteArray::fromBase64Encoding(part.data, QByteArray::AbortOnBase64DecodingErrors);
            if (!decoded)
                return QStringLiteral("part %1 says base64 but is not").arg(parts.size() + 1);
            part.data = *decoded;
        } else if (!encoding.isEmpty() && encoding != "binary" && encoding != "8bit" &&
                   encoding != "7bit") {
            return QStringLiteral("part %1 has Content-Transfer-Encoding %2; rovd reads binary "
                                  "and base64")
                .arg(parts.size() + 1)
                .arg(QString::fromLatin1(encoding.left(40)));
        }
        parts.push_back(std::move(part));
        if (parts.size() > kMaxParts)
            return QStringLiteral("a multipart upload has two parts, not more");
        at = next + 1;
    }
}

} // namespace rov::localplane::storage
