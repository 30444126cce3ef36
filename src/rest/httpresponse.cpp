#include "httpresponse.h"

namespace rov::rest {

QByteArray HttpResponse::header(const QByteArray &name) const
{
    QByteArray value;
    for (const auto &[key, headerValue] : headers) {
        if (key.compare(name, Qt::CaseInsensitive) == 0)
            value = headerValue;
    }
    return value;
}

nlohmann::json HttpResponse::json() const
{
    return nlohmann::json::parse(body.constBegin(), body.constEnd(), nullptr, false);
}

} // namespace rov::rest
