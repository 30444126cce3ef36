#include "connectionsnippets.h"

#include "api/vertex/vertexclient.h"

namespace rov::core {

ConnectionSnippets ConnectionSnippets::of(const api::vertex::PersistentResource &cluster,
                                          bool localBackend, const QUrl &apiBase)
{
    ConnectionSnippets snippets;
    const auto dashboard = cluster.accessUris.find(QStringLiteral("RAY_DASHBOARD_URI"));
    if (dashboard != cluster.accessUris.end()) {
        const QString address = dashboard->second;
        snippets.dashboard =
            QUrl(address.startsWith(QLatin1String("http")) ? address
                                                           : QStringLiteral("http://") + address);
        snippets.jobSubmit =
            QStringLiteral("ray job submit --address %1 --working-dir . -- python my_script.py")
                .arg(snippets.dashboard.toString(QUrl::StripTrailingSlash));
    }
    // On Google Cloud a client connects through the resource name (vertex_ray); locally through
    // the Ray Client port of the head.
    const auto head = cluster.accessUris.find(QStringLiteral("RAY_HEAD_NODE_INTERNAL_IP"));
    if (localBackend && head != cluster.accessUris.end())
        snippets.rayInit = QStringLiteral("import ray\nray.init(\"ray://%1\")").arg(head->second);
    else
        snippets.rayInit = QStringLiteral("import ray\nfrom google.cloud.aiplatform import "
                                          "vertex_ray  # noqa: F401\nray.init(\"vertex_ray://%1\")")
                               .arg(cluster.name);
    snippets.restUrl =
        api::vertex::Endpoint::join(apiBase, QStringLiteral("v1beta1/") + cluster.name);
    return snippets;
}

} // namespace rov::core
