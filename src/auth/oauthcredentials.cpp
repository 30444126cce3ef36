#include "oauthcredentials.h"

#include "tokenresponse.h"

namespace rov::auth {

using rest::ApiError;
using rest::HttpRequest;
using rest::HttpResponse;

OAuthCredentials::OAuthCredentials(TokenSource source, rest::RestClientOptions options)
    : m_source(std::move(source)), m_client(std::make_unique<rest::RestClient>(options)),
      m_context(std::make_unique<QObject>())
{}

OAuthCredentials::~OAuthCredentials()
{
    m_context.reset();
    m_client.reset();
    for (auto &callback : std::exchange(m_waiting, {}))
        callback(false);
}

QByteArray OAuthCredentials::authorizationHeader() const
{
    return m_token.isEmpty() ? QByteArray() : "Bearer " + m_token;
}

bool OAuthCredentials::needsRefresh() const
{
    return m_token.isEmpty() || Clock::now() >= m_refreshAt;
}

rest::HeaderList OAuthCredentials::extraHeaders() const
{
    if (m_source.quotaProject.isEmpty())
        return {};
    return {{QByteArrayLiteral("x-goog-user-project"), m_source.quotaProject}};
}

QString OAuthCredentials::identity() const
{
    return m_learnedIdentity.isEmpty() ? m_source.identity : m_learnedIdentity;
}

void OAuthCredentials::refresh(std::function<void(bool refreshed)> done)
{
    m_waiting.push_back(std::move(done));
    if (m_waiting.size() > 1)
        return; // the refresh under way serves every caller
    auto request = m_source.makeRequest();
    if (auto *error = std::get_if<ApiError>(&request)) {
        finishRefresh(*error);
        return;
    }
    ++m_tokenRequests;
    askIdentity();
    m_client->send(std::get<HttpRequest>(std::move(request)), m_context.get(),
                   [this](const HttpResponse &response) {
                       if (m_source.checkAnswer && response.status != 0) {
                           if (auto refused = m_source.checkAnswer(response)) {
                               finishRefresh(*refused);
                               return;
                           }
                       }
                       finishRefresh(parseTokenResponse(response, m_source.endpoint));
                   });
}

void OAuthCredentials::finishRefresh(std::variant<AccessToken, ApiError> outcome)
{
    const bool ok = std::holds_alternative<AccessToken>(outcome);
    if (ok) {
        const AccessToken &token = std::get<AccessToken>(outcome);
        m_token = token.value;
        m_refreshAt = refreshTime(Clock::now(), token.lifetime);
        if (!token.email.isEmpty())
            learnIdentity(token.email);
        m_error.clear();
    } else {
        m_token.clear();
        const ApiError &error = std::get<ApiError>(outcome);
        m_error = m_source.hint.isEmpty()
                      ? error.message
                      : QStringLiteral("%1. %2").arg(error.message, m_source.hint);
    }
    for (auto &callback : std::exchange(m_waiting, {}))
        callback(ok);
}

void OAuthCredentials::learnIdentity(const QString &identity)
{
    if (identity == m_learnedIdentity)
        return;
    m_learnedIdentity = identity;
    if (m_identityListener)
        m_identityListener();
}

void OAuthCredentials::askIdentity()
{
    if (m_askedIdentity || !m_source.identityRequest)
        return;
    m_askedIdentity = true;
    m_client->send(*m_source.identityRequest, m_context.get(),
                   [this](const HttpResponse &response) {
                       const QString body = QString::fromUtf8(response.body).trimmed();
                       if (response.status == 200 && body.contains(QLatin1Char('@')) &&
                           !body.contains(QLatin1Char('\n')))
                           learnIdentity(body); // announced, like a token's e-mail
                       else
                           m_askedIdentity = false; // asked again with the next token
                   });
}

} // namespace rov::auth
