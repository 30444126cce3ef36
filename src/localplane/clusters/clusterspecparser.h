#pragma once

#include "catalog/machinecatalog.h"
#include "clusterspec.h"
#include "rest/apierror.h"

#include <variant>

namespace rov::localplane {

// What this machine can run; the parser refuses the rest with a reason.
struct RuntimeSupport
{
    QString rayVersion = QStringLiteral("2.47");
    QString pythonVersion = QStringLiteral("3.11");
    int maxNodesPerCluster = 8;
};

// Reads a PersistentResource body (Google's wire rules: enums as names or numbers, int64 as
// strings or numbers, camelCase or snake_case) into a ClusterSpec, or says what is wrong with it
// in a Google error that a person can act on.
class ClusterSpecParser
{
public:
    ClusterSpecParser(const catalog::MachineCatalog &catalog, RuntimeSupport support);

    std::variant<ClusterSpec, rest::ApiError> parse(const nlohmann::json &resource,
                                                    bool v1beta1) const;

    // The id rule for persistentResourceId: ^[a-z]([a-z0-9-]{0,61}[a-z0-9])?$. Empty when valid.
    static QString checkResourceId(const QString &id);
    const RuntimeSupport &support() const { return m_support; }
    // The prebuilt image of the Ray and Python versions this machine runs.
    QString runtimeImage() const;

private:
    void readPool(const nlohmann::json &pool, size_t index, PoolSpec &spec) const;
    void readImages(const nlohmann::json &raySpec, ClusterSpec &spec) const;
    void readVersions(ClusterSpec &spec) const;
    void checkNetworking(const nlohmann::json &resource, ClusterSpec &spec) const;
    void checkLabels(const nlohmann::json &labels) const;

    const catalog::MachineCatalog &m_catalog;
    RuntimeSupport m_support;
};

} // namespace rov::localplane
