#pragma once

#include "api/pagedlist.h"
#include "api/result.h"
#include "rest/call.h"
#include "rest/httprequest.h"
#include "rest/restclient.h"

#include <QPointer>
#include <QString>
#include <QUrl>
#include <functional>

namespace rov::api::vertex {

using api::Result;

// Where the API is: https://{region}-aiplatform.googleapis.com or rovd's http://127.0.0.1:port.
struct Endpoint
{
    QUrl baseUrl;
    QString project;
    QString location;
    QString version = QStringLiteral("v1beta1");

    QString parent() const
    {
        return QStringLiteral("projects/%1/locations/%2").arg(project, location);
    }
    // "{base}/{path}" as text, whether or not the base ends in slashes.
    static QString join(const QUrl &base, const QString &path)
    {
        QString text = base.toString();
        while (text.endsWith(QLatin1Char('/')))
            text.chop(1);
        return text + QLatin1Char('/') + path;
    }
};

// What every client of a Google resource API does the same way, written once for clusters,
// models, endpoints and those to come (AIP-121..136): resource URLs under {base}/{version}/,
// collections read whole (PagedList follows nextPageToken), and calls that start a long-running
// operation answering its name, which OperationPoller follows at operationUrl().
class ResourceApi
{
public:
    ResourceApi(rest::RestClient *client, Endpoint endpoint);

    const Endpoint &endpoint() const { return m_endpoint; }
    rest::RestClient *restClient() const { return m_client; }
    // {base}/{version}/{resourcePath}: a resource's name, or a parent and a collection.
    QUrl url(const QString &resourcePath) const;
    // Where an operation named by a call is polled (for rest::OperationPoller).
    QUrl operationUrl(const QString &operation) const { return url(operation); }

    using OperationDone = std::function<void(Result<QString>)>; // the operation's name

protected:
    // The request's answer is an operation: `done` gets its name (a body without one, or with
    // a name that is no string, gives "", which the poller reports as not found).
    rest::Call sendForOperation(rest::HttpRequest request, QObject *context, OperationDone done);
    // GET {parent}/{collection}, every page; `key` defaults to the collection's name.
    template <class T>
    rest::Call list(const QString &collection, int pageSize, QObject *context,
                    std::function<void(Result<std::vector<T>>)> done) const
    {
        return PagedList<T>::fetch(m_client,
                                   url(m_endpoint.parent() + QLatin1Char('/') + collection),
                                   collection.toStdString(), pageSize, context, std::move(done));
    }

    QPointer<rest::RestClient> m_client;
    Endpoint m_endpoint;
};

} // namespace rov::api::vertex
