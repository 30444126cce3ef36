#pragma once

#include "retrypolicy.h"

#include <QByteArray>
#include <QList>
#include <QUrl>
#include <QUrlQuery>
#include <chrono>
#include <nlohmann/json.hpp>
#include <utility>

namespace rov::rest {

enum class HttpMethod
{
    Get,
    Head,
    Post,
    Put,
    Patch,
    Delete
};

QByteArray methodName(HttpMethod method);

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

struct HttpRequest
{
    HttpMethod method = HttpMethod::Get;
    QUrl url;
    QUrlQuery query; // added to the query already in `url`
    HeaderList headers;
    QByteArray body;
    QString bodyFile; // when set, the body is streamed from this file (uploads)
    QByteArray contentType;

    std::chrono::milliseconds timeout{60000}; // per attempt, 0 = none
    int lowSpeedLimitBytesPerSecond = 1;      // abort when slower than this ...
    std::chrono::seconds lowSpeedTime{30};    // ... for this long; 0 = never
    RetryPolicy retry;
    bool markedIdempotent = false; // lets a POST be retried
    bool streaming = false;        // deliver chunks as they arrive instead of keeping the body
    bool sendCredentials = true;

    static HttpRequest get(const QUrl &url);
    static HttpRequest withJson(HttpMethod method, const QUrl &url, const nlohmann::json &body);

    void setJsonBody(const nlohmann::json &json);
    // application/x-www-form-urlencoded; every reserved byte escaped (a bare '+' reads as a space).
    void setFormBody(const QList<std::pair<QByteArray, QByteArray>> &fields);
    void setHeader(const QByteArray &name, const QByteArray &value);
    bool isIdempotent() const;
    QUrl effectiveUrl() const;
};

} // namespace rov::rest
