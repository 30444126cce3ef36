#pragma once

#include "api/result.h"
#include "rest/call.h"
#include "rest/httprequest.h"
#include "rest/restclient.h"

#include <QPointer>
#include <QUrl>
#include <functional>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace rov::api {

// A Google collection's list, every page of it: GET {url}?pageSize=N, then again with each
// nextPageToken until a page has none (AIP-158). Written once for clusters, models, endpoints and
// those to come. The one Call covers every page: cancelling it ends the list CANCELLED, and so
// does a client that goes away between two pages. `key` is the collection's field in a page
// ("persistentResources", "models"); T::fromJson reads one item.
template <class T> class PagedList
{
public:
    using Done = std::function<void(Result<std::vector<T>>)>;

    static rest::Call fetch(QPointer<rest::RestClient> client, QUrl url, std::string key,
                            int pageSize, QObject *context, Done done)
    {
        const rest::Call call = rest::Call::begin();
        page(std::move(client), std::move(url), std::move(key), pageSize, {}, {}, context,
             std::move(done), call);
        return call;
    }

private:
    static void page(QPointer<rest::RestClient> client, QUrl url, std::string key, int pageSize,
                     const QString &token, std::vector<T> collected, QObject *context, Done done,
                     rest::Call call)
    {
        auto request = rest::HttpRequest::get(url);
        request.query.addQueryItem(QStringLiteral("pageSize"), QString::number(pageSize));
        if (!token.isEmpty())
            request.query.addQueryItem(QStringLiteral("pageToken"), token);
        rest::send(
            client, std::move(request), context,
            [client, url, key, pageSize, context, call, done = std::move(done),
             collected = std::move(collected)](const rest::HttpResponse &response) mutable {
                if (!response.ok()) {
                    done({{}, response.error});
                    return;
                }
                const nlohmann::json body = response.json();
                if (const auto items = body.find(key); items != body.end() && items->is_array()) {
                    for (const auto &item : *items)
                        collected.push_back(T::fromJson(item));
                }
                const auto next = body.find("nextPageToken");
                const QString token = next != body.end() && next->is_string()
                                          ? QString::fromStdString(next->get<std::string>())
                                          : QString();
                if (token.isEmpty())
                    done({std::move(collected), std::nullopt});
                else if (!client)
                    done({{}, rest::ApiError::cancelled()});
                else
                    page(client, url, key, pageSize, token, std::move(collected), context,
                         std::move(done), call);
            },
            call);
    }
};

} // namespace rov::api
