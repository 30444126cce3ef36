#pragma once

#include "api/result.h"
#include "persistentresource.h"
#include "resourceapi.h"
#include "rest/apierror.h"
#include "rest/call.h"
#include "rest/restclient.h"

#include <QObject>
#include <QPointer>
#include <QUrl>
#include <functional>
#include <map>
#include <optional>

namespace rov::api::vertex {

using api::Result;

// What a backend can run (rovd's rayRuntimes extension); `known` is false for backends without it.
struct BackendCapabilities
{
    bool known = false;
    QStringList rayVersions;
    QStringList pythonVersions;
    QStringList machineTypes;
    QStringList acceleratorTypes;
    int maxNodesPerCluster = 2000;
    int maxNodesTotal = 2000;
    int nodesInUse = 0;
};

// One state change of a cluster with its reason (rovd's events extension).
struct ClusterEvent
{
    QDateTime time;
    QString state;
    QString reason;
    // Set on a change of the live node counts: pool id to live nodes (empty: none live).
    std::optional<std::map<QString, qint64>> liveNodes;
};

// The persistentResources API as typed calls. Every call is asynchronous and returns its handle;
// `done` runs once in `context`'s thread (with CANCELLED when the call is cancelled or the REST
// client is gone), and not at all when `context` is gone.
class VertexClient : public QObject, public ResourceApi
{
    Q_OBJECT
public:
    VertexClient(rest::RestClient *client, Endpoint endpoint, QObject *parent = nullptr);

    using ClustersDone = std::function<void(Result<std::vector<PersistentResource>>)>;
    using ClusterDone = std::function<void(Result<PersistentResource>)>;
    using CapabilitiesDone = std::function<void(Result<BackendCapabilities>)>;
    using EventsDone = std::function<void(Result<std::vector<ClusterEvent>>)>;

    rest::Call listClusters(QObject *context, ClustersDone done);
    rest::Call getCluster(const QString &name, QObject *context, ClusterDone done);
    rest::Call createCluster(const QString &id, const PersistentResource &cluster, QObject *context,
                             OperationDone done);
    // Manual scaling: new replica counts of existing worker pools.
    rest::Call scaleCluster(const QString &name, const std::map<QString, qint64> &replicas,
                            QObject *context, OperationDone done);
    rest::Call rebootCluster(const QString &name, QObject *context, OperationDone done);
    rest::Call deleteCluster(const QString &name, QObject *context, OperationDone done);
    rest::Call capabilities(QObject *context, CapabilitiesDone done);
    rest::Call events(const QString &name, QObject *context, EventsDone done);
};

} // namespace rov::api::vertex
