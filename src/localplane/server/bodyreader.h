#pragma once

#include "rest/apierror.h"
#include "routetable.h"

#include <QByteArray>
#include <nlohmann/json.hpp>
#include <variant>

namespace rov::localplane {

// How a request's body arrives, read from its headers before any of it is read. An empty body
// is an empty body: a POST without Content-Length and without chunked encoding has none, and is
// answered at once instead of waiting for the client to close the connection.
struct BodyFraming
{
    enum class Kind
    {
        Empty,
        Length,
        Chunked
    };
    Kind kind = Kind::Empty;
    quint64 length = 0; // Kind::Length
};

struct BodyHeaders
{
    bool hasContentLength = false;
    QByteArray contentLength;
    QByteArray transferEncoding;
};

// The framing, or the error to answer with: 400 for a Content-Length that is not a number, 411
// when the route needs a body and the request gives no length, 413 when the length is over
// `limit`, 501 for a Transfer-Encoding other than chunked.
std::variant<BodyFraming, rest::ApiError> frameBody(const BodyHeaders &headers, BodyRule rule,
                                                    qint64 limit);

// Collects a body as it arrives and refuses bytes past the limit.
class BodyCollector
{
public:
    explicit BodyCollector(qint64 limit) : m_limit(limit) {}
    // False once the body is over the limit; nothing more is kept after that.
    bool append(const char *data, size_t size);
    bool overflowed() const { return m_overflowed; }
    const QByteArray &body() const { return m_body; }
    static rest::ApiError tooLarge(qint64 limit);

private:
    qint64 m_limit;
    QByteArray m_body;
    bool m_overflowed = false;
};

// The JSON object a body carries; an empty body is an empty object where the rule allows it.
std::variant<nlohmann::json, rest::ApiError>
decodeJsonBody(const QByteArray &body, const QByteArray &contentType, BodyRule rule);

} // namespace rov::localplane
