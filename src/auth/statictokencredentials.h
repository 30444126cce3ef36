#pragma once

#include "rest/credentialsprovider.h"

#include <functional>
#include <memory>

namespace rov::auth {

// A bearer token that is read, not issued: rovd's token file, a pasted token in the secret
// store. A refresh reads it again, so a token rotated on disk is picked up after one 401.
class StaticTokenCredentials : public rest::CredentialsProvider
{
public:
    using Give = std::function<void(QByteArray token)>;
    // Reads the token and gives it, now or later, exactly once.
    using Reader = std::function<void(Give give)>;

    // A token read at once (rovd's token file).
    explicit StaticTokenCredentials(std::function<QByteArray()> readToken);
    // A token read asynchronously (the keyring). `whenMissing` is the error when none is stored.
    StaticTokenCredentials(Reader reader, QString whenMissing);
    // A read under way is forgotten; its waiting callers hear `false`.
    ~StaticTokenCredentials() override;

    QByteArray authorizationHeader() const override;
    void refresh(std::function<void(bool refreshed)> done) override;
    bool needsRefresh() const override;
    QString refreshError() const override;

private:
    // Shared with a read under way, which may answer after this object is gone.
    struct State
    {
        QByteArray token;
        QString error;
        bool readOnce = false;
        std::vector<std::function<void(bool)>> waiting;
    };
    Reader m_reader;
    QString m_whenMissing;
    std::shared_ptr<State> m_state = std::make_shared<State>();
};

} // namespace rov::auth
