#pragma once

#include <QString>
#include <QUrl>
#include <map>
#include <string>

namespace rov::localplane {

// A query as name → values, percent-encoded for a request that rovd passes on to a child server
// (Prometheus, the BigQuery service).
inline std::string encodedQuery(const std::multimap<QString, QString> &query)
{
    std::string encoded;
    for (const auto &[name, value] : query) {
        if (!encoded.empty())
            encoded += '&';
        encoded += QUrl::toPercentEncoding(name).toStdString() + '=' +
                   QUrl::toPercentEncoding(value).toStdString();
    }
    return encoded;
}

} // namespace rov::localplane
