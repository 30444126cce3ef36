#pragma once

#include "rest/credentialsprovider.h"
#include "rest/httprequest.h"
#include "rest/httpresponse.h"
#include "rest/restclient.h"
#include "tokenresponse.h"

#include <QObject>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <variant>
#include <vector>

namespace rov::auth {

// How one kind of Google credentials gets an access token: the request to make, and what to say
// about it. Built by the functions in googlecredentials.h.
struct TokenSource
{
    enum class Kind
    {
        ServiceAccountKey,
        AuthorizedUser, // gcloud's application-default login
        MetadataServer
    };
    Kind kind = Kind::ServiceAccountKey;
    QString identity;        // "sa@p.iam.gserviceaccount.com", a user, "the VM's service account"
    QString project;         // the project the credentials name, when they name one
    QString origin;          // where they were found, for Project setup
    QByteArray quotaProject; // sent as x-goog-user-project (a user's quota_project_id)
    QString endpoint;        // what is asked, in messages
    QString hint;            // added to a failure: what the user can do about it
    // Made afresh for every refresh (a JWT carries the time it was signed).
    std::function<std::variant<rest::HttpRequest, rest::ApiError>()> makeRequest;
    // Refuses an answer that is not from the server asked (the metadata server's flavor).
    std::function<std::optional<rest::ApiError>(const rest::HttpResponse &)> checkAnswer;
    // Asked once beside the first token; its body names the identity (the metadata server's
    // e-mail of the service account).
    std::optional<rest::HttpRequest> identityRequest;
};

// Google OAuth 2.0 access tokens, cached until shortly before they expire. One refresh at a time:
// every request that arrives meanwhile waits for it. The tokens live only in memory.
class OAuthCredentials : public rest::CredentialsProvider
{
public:
    using Clock = std::chrono::steady_clock;

    explicit OAuthCredentials(TokenSource source, rest::RestClientOptions options = {});
    // A refresh under way is cancelled; its waiting callers hear `false`.
    ~OAuthCredentials() override;

    QByteArray authorizationHeader() const override;
    void refresh(std::function<void(bool refreshed)> done) override;
    bool needsRefresh() const override;
    rest::HeaderList extraHeaders() const override;
    QString refreshError() const override { return m_error; }

    const TokenSource &source() const { return m_source; }
    QString identity() const;
    // Called when identity() changes (a user's e-mail learned from a token).
    void setIdentityListener(std::function<void()> listener)
    {
        m_identityListener = std::move(listener);
    }
    // Token requests sent so far.
    int tokenRequests() const { return m_tokenRequests; }

private:
    void finishRefresh(std::variant<AccessToken, rest::ApiError> outcome);
    void askIdentity();
    void learnIdentity(const QString &identity);

    TokenSource m_source;
    QByteArray m_token;
    Clock::time_point m_refreshAt;
    QString m_error;
    QString m_learnedIdentity;
    std::function<void()> m_identityListener;
    int m_tokenRequests = 0;
    bool m_askedIdentity = false;
    std::vector<std::function<void(bool)>> m_waiting;
    // The client of the token endpoint, and the context of its callbacks, which goes first so
    // that no callback reaches a half-destroyed object.
    std::unique_ptr<rest::RestClient> m_client;
    std::unique_ptr<QObject> m_context;
};

} // namespace rov::auth
