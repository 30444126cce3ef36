#include "resourceapi.h"

#include "rest/jsonfields.h"

namespace rov::api::vertex {

ResourceApi::ResourceApi(rest::RestClient *client, Endpoint endpoint)
    : m_client(client), m_endpoint(std::move(endpoint))
{}

QUrl ResourceApi::url(const QString &resourcePath) const
{
    return QUrl(
        Endpoint::join(m_endpoint.baseUrl, m_endpoint.version + QLatin1Char('/') + resourcePath));
}

rest::Call ResourceApi::sendForOperation(rest::HttpRequest request, QObject *context,
                                         OperationDone done)
{
    return rest::send(m_client, std::move(request), context,
                      [done = std::move(done)](const rest::HttpResponse &response) {
                          if (!response.ok())
                              done({{}, response.error});
                          else
                              done({rest::stringMember(response.json(), "name"), std::nullopt});
                      });
}

} // namespace rov::api::vertex
