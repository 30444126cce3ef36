#include "bodyreader.h"

#include <QByteArrayList>

namespace rov::localplane {

using rest::ApiError;

std::variant<BodyFraming, ApiError> frameBody(const BodyHeaders &headers, BodyRule rule,
                                              qint64 limit)
{
    if (!headers.transferEncoding.isEmpty()) {
        if (headers.transferEncoding.trimmed().toLower() != "chunked")
            return ApiError::withHttpStatus(
                501, QStringLiteral("UNIMPLEMENTED"),
                QStringLiteral("Transfer-Encoding \"%1\" is not supported; send the body with "
                               "Content-Length or chunked")
                    .arg(QString::fromLatin1(headers.transferEncoding.left(40))));
        return BodyFraming{BodyFraming::Kind::Chunked, 0};
    }
    if (!headers.hasContentLength) {
        if (rule == BodyRule::JsonRequired)
            return ApiError::withHttpStatus(
                411, QStringLiteral("INVALID_ARGUMENT"),
                QStringLiteral("This request needs a JSON body, and it has no Content-Length"));
        return BodyFraming{};
    }
    const QByteArray text = headers.contentLength.trimmed();
    bool ok = !text.isEmpty() && text.size() <= 19;
    for (const char c : text)
        ok = ok && c >= '0' && c <= '9';
    const qulonglong length = ok ? text.toULongLong(&ok) : 0;
    if (!ok)
        return ApiError::invalidArgument(
            QStringLiteral("Content-Length \"%1\" is not a number of bytes")
                .arg(QString::fromLatin1(headers.contentLength.left(40))));
    if (length > quint64(limit))
        return BodyCollector::tooLarge(limit);
    if (length == 0)
        return BodyFraming{};
    return BodyFraming{BodyFraming::Kind::Length, length};
}

bool BodyCollector::append(const char *data, size_t size)
{
    if (m_overflowed)
        return false;
    if (qint64(size) > m_limit - m_body.size()) {
        m_overflowed = true;
        m_body.clear();
        return false;
    }
    m_body.append(data, qsizetype(size));
    return true;
}

ApiError BodyCollector::tooLarge(qint64 limit)
{
    return ApiError::withHttpStatus(
        413, QStringLiteral("INVALID_ARGUMENT"),
        QStringLiteral("The request body is larger than %1 bytes, the most this route takes")
            .arg(limit));
}

std::variant<nlohmann::json, ApiError> decodeJsonBody(const QByteArray &body,
                                                      const QByteArray &contentType, BodyRule rule)
{
    if (body.trimmed().isEmpty()) {
        if (rule == BodyRule::JsonRequired)
            return ApiError::invalidArgument(
                QStringLiteral("The request body is empty; it must be a JSON object"));
        return nlohmann::json::object();
    }
    if (rule == BodyRule::None)
        return nlohmann::json::object(); // read and ignored
    const QByteArray type = contentType.split(';').value(0).trimmed().toLower();
    if (type != "application/json")
        return ApiError::invalidArgument(
            QStringLiteral("Content-Type must be application/json, not \"%1\"")
                .arg(QString::fromLatin1(contentType.left(80))));
    nlohmann::json parsed;
    try {
        parsed = nlohmann::json::parse(body.constBegin(), body.constEnd());
    } catch (const nlohmann::json::exception &error) { // parse_error, and out_of_range for 1e999
        return ApiError::invalidArgument(QStringLiteral("The request body is not valid JSON: %1")
                                             .arg(QString::fromUtf8(error.what())));
    }
    if (!parsed.is_object())
        return ApiError::invalidArgument(QStringLiteral("The request body must be a JSON object"));
    return parsed;
}

} // namespace rov::localplane
