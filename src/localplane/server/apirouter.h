#pragma once

#include "localplane/apiresult.h"
#include "localplane/clusters/callview.h"
#include "nodetokens.h"
#include "routetable.h"
#include "tokenstore.h"

#include <QByteArray>
#include <QString>
#include <functional>
#include <map>
#include <mutex>
#include <variant>

namespace rov::localplane {

class ClusterGateway;
class StateView;
namespace metrics {
class PrometheusSupervisor;
class RovdMetrics;
} // namespace metrics
namespace logs {
class LogStore;
} // namespace logs
namespace serving {
class ServingManager;
} // namespace serving
namespace batch {
class BatchManager;
} // namespace batch
namespace storage {
class ObjectStore;
} // namespace storage
namespace bigquery {
class BigQuerySupervisor;
} // namespace bigquery

struct ApiRequest
{
    QByteArray method;
    QString path;
    std::multimap<QString, QString> query;
    QByteArray contentType;
    QByteArray body;
    QByteArray contentRange; // resumable uploads
    QByteArray range;        // downloads: the Range header
    // "/t/<token>" when the client put its token in the path (Cloud Storage's emulator clients).
    QString pathToken;
    // Whether the client has gone (closed its connection): long waits end early then. Empty:
    // never known.
    std::function<bool()> clientGone;
};

// A request that passed the checks made before its body is read.
struct Admission
{
    RouteMatch route;
    MethodSpec method;
    Role role = Role::User;
    // A Ray node's: its cluster and its token (the metadata server answers with them).
    QString nodeCluster;
    QByteArray nodeToken;
};

// Maps rovd's REST routes to the gateway: checks the bearer token and its role, reads the body
// and the query, and answers in Google's shapes. Safe to call from any thread.
class ApiRouter
{
public:
    ApiRouter(ClusterGateway &gateway, const TokenStore &tokens, QByteArray openApi);

    // In this order, so that nothing is told to a caller without a valid token: 401 without one,
    // 404 for a path that is no route, 405 (with Allow) for a method the route does not take,
    // 403 for a role that may not. A chunk PUT to an open upload session is admitted without a
    // token (`uploadId`: the query's upload_id), as Cloud Storage admits it: the session's URL is
    // its credential.
    std::variant<Admission, ApiResult> admit(const QByteArray &method, const QString &path,
                                             const QByteArray &authorization,
                                             const QString &uploadId = {}) const;
    ApiResult handle(const Admission &admission, const ApiRequest &request);
    // 404 when `path` is no route, else 405 with Allow. Also for a request whose method the HTTP
    // library cannot parse (QUERY, FOO): its headers, token included, are never read, and the
    // answer tells no more than the route table in the OpenAPI document.
    static ApiResult wrongPathOrMethod(const QByteArray &method, const QString &path);
    // The persistentResources routes, their operations and events, and the OpenAPI document.
    ApiResult handleClusters(const Admission &admission, const ApiRequest &request,
                             const nlohmann::json &body, const ApiCall &call);
    // The PromQL API (passed to Prometheus) and rovd's own /metrics.
    ApiResult handleMetrics(const Admission &admission, const ApiRequest &request);
    // The Model Registry and endpoint routes.
    ApiResult handleServing(const Admission &admission, const ApiRequest &request,
                            const nlohmann::json &body, const ApiCall &call);
    ApiResult handleStorage(const Admission &admission, const ApiRequest &request,
                            const nlohmann::json &body);
    // batchPredictionJobs.
    ApiResult handleBatch(const Admission &admission, const ApiRequest &request,
                          const nlohmann::json &body, const ApiCall &call);
    // BigQuery's REST API, passed to rovd's BigQuery service with the caller's role.
    ApiResult handleBigQuery(const Admission &admission, const ApiRequest &request);
    // Requests still in flight end at once (changes not yet started are refused).
    void stop();
    // How clients reach rovd, once it listens: the OpenAPI document's `servers`.
    void setPublicUrl(const QString &url);
    // Where the Prometheus API routes go; without one they answer 503. Set before serving.
    void setPrometheus(const metrics::PrometheusSupervisor *prometheus)
    {
        m_prometheus = prometheus;
    }
    // What /metrics renders: the counters and the state they are read with. Set before serving.
    void setLogs(const logs::LogStore *logs) { m_logs = logs; }
    // Where the Model Registry and endpoint routes go; without one they answer 503.
    void setServing(serving::ServingManager *serving) { m_serving = serving; }
    // Where the batchPredictionJobs routes go; without it they answer 503.
    void setBatch(batch::BatchManager *batch) { m_batch = batch; }
    // Where the Cloud Storage routes go; without one they answer 503.
    void setStorage(storage::ObjectStore *storage) { m_storage = storage; }
    // Where the BigQuery routes go; without it they answer 503.
    void setBigQuery(const bigquery::BigQuerySupervisor *service) { m_bigQuery = service; }
    // Who may carry a Ray node's token: clusters that exist in `clusters`. Without it, node
    // tokens are refused (401). Set before serving.
    void setNodeTokens(const NodeTokens *tokens, const StateView *clusters)
    {
        m_nodeTokens = tokens;
        m_nodeClusters = clusters;
    }
    void setMetrics(const metrics::RovdMetrics *metrics, const StateView *view)
    {
        m_metrics = metrics;
        m_view = view;
    }

private:
    std::optional<Role> roleOf(const QByteArray &token) const;
    // The cluster a node's token was issued to, while it exists.
    std::optional<QString> nodeCluster(const QByteArray &token) const;
    // A Ray node's metadata server (nodemetadata.h).
    ApiResult handleNodeMetadata(const Admission &admission) const;
    // BigQuery's discovery document for `version` (v2), from the OpenAPI document.
    ApiResult bigQueryDiscovery(const QString &version) const;

    ClusterGateway &m_gateway;
    const TokenStore &m_tokens;
    QByteArray m_openApi;
    mutable std::mutex m_urlMutex;
    QString m_publicUrl;
    const metrics::PrometheusSupervisor *m_prometheus = nullptr;
    const logs::LogStore *m_logs = nullptr;
    serving::ServingManager *m_serving = nullptr;
    batch::BatchManager *m_batch = nullptr;
    storage::ObjectStore *m_storage = nullptr;
    const bigquery::BigQuerySupervisor *m_bigQuery = nullptr;
    const metrics::RovdMetrics *m_metrics = nullptr;
    const StateView *m_view = nullptr;
    const NodeTokens *m_nodeTokens = nullptr;
    const StateView *m_nodeClusters = nullptr;
};

} // namespace rov::localplane
