#pragma once

#include <QByteArray>
#include <QString>
#include <functional>
#include <optional>

namespace rov::localplane {

// The credentials a cluster's Ray nodes carry (in STORAGE_EMULATOR_HOST, for the jobs that run on
// them): what a cluster's service account may do on Vertex AI, here its gs:// objects and reading
// the Model Registry, never the clusters, the endpoints or the logs, and never the user's token,
// which any job could read from its environment and use for everything a user may.
//
// A token names its cluster and is signed with a secret of this rovd (HMAC-SHA256 over the
// cluster's name and creation time), so nothing is stored per cluster: the token holds while the
// cluster exists, dies with its delete (a cluster created again under the same name gets another),
// and survives a restart of rovd, which adopts nodes that still carry it. The secret is in a 0600
// file beside the token file.
class NodeTokens
{
public:
    // Reads the secret from `path`, creating it first when it does not exist.
    static std::optional<NodeTokens> openOrCreate(const QString &path, QString *error);

    // "rovn.<the cluster's name, base64url>.<signature, hex>": path-safe (it rides in
    // /t/<token>/storage/...) and a valid bearer token (RFC 6750).
    QByteArray issue(const QString &cluster, const QString &createTime) const;
    static bool isNodeToken(const QByteArray &token);
    // The cluster `token` was issued to, while that cluster exists: `createTimeOf` gives a
    // cluster's creation time, nullopt for one that does not exist (or no longer).
    std::optional<QString>
    verify(const QByteArray &token,
           const std::function<std::optional<QString>(const QString &cluster)> &createTimeOf) const;

private:
    QByteArray signature(const QString &cluster, const QString &createTime) const;

    QByteArray m_secret;
};

} // namespace rov::localplane
