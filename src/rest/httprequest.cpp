#include "httprequest.h"

namespace rov::rest {

QByteArray methodName(HttpMethod method)
{
    switch (method) {
    case HttpMethod::Get:
        return QByteArrayLiteral("GET");
    case HttpMethod::Head:
        return QByteArrayLiteral("HEAD");
    case HttpMethod::Post:
        return QByteArrayLiteral("POST");
    case HttpMethod::Put:
        return QByteArrayLiteral("PUT");
    case HttpMethod::Patch:
        return QByteArrayLiteral("PATCH");
    case HttpMethod::Delete:
        return QByteArrayLiteral("DELETE");
    }
    return QByteArrayLiteral("GET");
}

HttpRequest HttpRequest::get(const QUrl &url)
{
    HttpRequest request;
    request.url = url;
    return request;
}

HttpRequest HttpRequest::withJson(HttpMethod method, const QUrl &url, const nlohmann::json &body)
{
    HttpRequest request;
    request.method = method;
    request.url = url;
    request.setJsonBody(body);
    return request;
}

void HttpRequest::setJsonBody(const nlohmann::json &json)
{
    body = QByteArray::fromStdString(json.dump());
    contentType = QByteArrayLiteral("application/json");
}

void HttpRequest::setFormBody(const QList<std::pair<QByteArray, QByteArray>> &fields)
{
    body.clear();
    for (const auto &[name, value] : fields) {
        if (!body.isEmpty())
            body += '&';
        body += QUrl::toPercentEncoding(QString::fromUtf8(name)) + '=' +
                QUrl::toPercentEncoding(QString::fromUtf8(value));
    }
    contentType = QByteArrayLiteral("application/x-www-form-urlencoded");
}

void HttpRequest::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &header : headers) {
        if (header.first.compare(name, Qt::CaseInsensitive) == 0) {
            header.second = value;
            return;
        }
    }
    headers.append({name, value});
}

bool HttpRequest::isIdempotent() const
{
    switch (method) {
    case HttpMethod::Get:
    case HttpMethod::Head:
    case HttpMethod::Put:
    case HttpMethod::Delete:
        return true;
    case HttpMethod::Post:
    case HttpMethod::Patch:
        return markedIdempotent;
    }
    return false;
}

QUrl HttpRequest::effectiveUrl() const
{
    if (query.isEmpty())
        return url;
    QUrl merged = url;
    QUrlQuery all(url);
    for (const auto &[key, value] : query.queryItems(QUrl::FullyDecoded))
        all.addQueryItem(key, value);
    merged.setQuery(all);
    return merged;
}

} // namespace rov::rest
