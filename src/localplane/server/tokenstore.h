#pragma once

#include <QByteArray>
#include <QString>
#include <map>
#include <optional>

namespace rov::localplane {

enum class Role
{
    User,
    Admin,
    Node // a cluster's Ray nodes (NodeTokens): Cloud Storage and reading models only
};

// Whether two tokens are the same, in a time that does not tell where they first differ.
bool sameToken(const QByteArray &a, const QByteArray &b);

// Bearer tokens and their roles, kept in a file (mode 0600) that rovd creates on first start with
// one admin and one user token. Lines: "<role> <token>".
class TokenStore
{
public:
    // Reads `path`, creating it first when it does not exist. nullopt with `error` set on failure.
    static std::optional<TokenStore> openOrCreate(const QString &path, QString *error);

    // The role of `token`; nullopt for a token that is not in the file.
    std::optional<Role> roleOf(const QByteArray &token) const;
    // The token of an Authorization header: "Bearer <token>", the scheme in any case (RFC 9110),
    // any amount of space between. nullopt when the header is not that.
    static std::optional<QByteArray> bearerToken(const QByteArray &authorization);
    QByteArray tokenFor(Role role) const;
    QString path() const { return m_path; }

private:
    QString m_path;
    std::map<QByteArray, Role> m_roles;
};

} // namespace rov::localplane
