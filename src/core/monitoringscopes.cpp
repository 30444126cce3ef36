#include "monitoringscopes.h"

#include "api/vertex/servingwire.h"
#include "clusterlistmodel.h"

#include <QAbstractItemModel>
#include <algorithm>

namespace rov::core {

namespace {

bool isServing(const QString &id)
{
    return id == QLatin1String(api::vertex::serving::kServingScrapeId);
}

} // namespace

QString scopeName(const QString &clusterId)
{
    if (isServing(clusterId))
        return MonitoringScopes::tr("Model serving (endpoints)");
    return clusterId;
}

std::vector<MonitoringScope> monitoringScopes(const std::vector<LiveCluster> &live,
                                              const QStringList &withMetrics, const QString &asked)
{
    std::vector<MonitoringScope> scopes{
        {QString(), MonitoringScopes::tr("All clusters"), MonitoringScope::Kind::All}};
    std::vector<LiveCluster> sorted = live;
    std::sort(sorted.begin(), sorted.end(), [](const LiveCluster &a, const LiveCluster &b) {
        return QString::localeAwareCompare(a.displayName, b.displayName) < 0;
    });
    const auto listed = [&scopes](const QString &id) {
        return std::any_of(scopes.begin(), scopes.end(),
                           [&id](const MonitoringScope &scope) { return scope.id == id; });
    };
    for (const LiveCluster &cluster : sorted) {
        if (cluster.id.isEmpty() || listed(cluster.id))
            continue;
        const QString text = cluster.displayName.isEmpty() ? cluster.id : cluster.displayName;
        scopes.push_back({cluster.id, text, MonitoringScope::Kind::Live});
    }
    if (withMetrics.contains(QLatin1String(api::vertex::serving::kServingScrapeId)))
        scopes.push_back({QLatin1String(api::vertex::serving::kServingScrapeId),
                          scopeName(QLatin1String(api::vertex::serving::kServingScrapeId)),
                          MonitoringScope::Kind::Serving});
    QStringList deleted;
    for (const QString &id : withMetrics)
        if (!id.isEmpty() && !isServing(id) && !listed(id))
            deleted << id;
    deleted.sort();
    for (const QString &id : deleted)
        scopes.push_back(
            {id, MonitoringScopes::tr("%1 (deleted)").arg(id), MonitoringScope::Kind::Deleted});
    if (!asked.isEmpty() && !listed(asked))
        scopes.push_back(
            {asked, scopeName(asked),
             isServing(asked) ? MonitoringScope::Kind::Serving : MonitoringScope::Kind::Asked});
    return scopes;
}

MonitoringScopes::MonitoringScopes(QAbstractItemModel *clusters, QObject *parent)
    : QObject(parent), m_clusters(clusters)
{
    connect(m_clusters, &QAbstractItemModel::modelReset, this, &MonitoringScopes::rebuild);
    connect(m_clusters, &QAbstractItemModel::layoutChanged, this, &MonitoringScopes::rebuild);
    connect(m_clusters, &QAbstractItemModel::rowsInserted, this, &MonitoringScopes::rebuild);
    connect(m_clusters, &QAbstractItemModel::rowsRemoved, this, &MonitoringScopes::rebuild);
    connect(m_clusters, &QAbstractItemModel::dataChanged, this, &MonitoringScopes::rebuild);
    rebuild();
}

void MonitoringScopes::setClient(api::monitoring::MonitoringClient *client)
{
    m_call.cancel();
    m_client = client;
    m_withMetrics.clear();
    m_asked.clear();
    rebuild();
    refresh();
}

void MonitoringScopes::refresh()
{
    if (!m_client || m_call.isRunning())
        return;
    // Over the whole retention: a cluster deleted days ago still has its charts.
    m_call = m_client->labelValues(QStringLiteral("ray_io_cluster"), this,
                                   [this](api::Result<QStringList> result) {
                                       if (!result.ok())
                                           return; // the charts say what went wrong
                                       m_withMetrics = result.value;
                                       rebuild();
                                   });
}

void MonitoringScopes::ask(const QString &clusterId)
{
    m_asked = clusterId;
    rebuild();
}

void MonitoringScopes::rebuild()
{
    std::vector<LiveCluster> live;
    for (int row = 0; row < m_clusters->rowCount(); ++row) {
        const QModelIndex index = m_clusters->index(row, ClusterListModel::Name);
        live.push_back({index.data(ClusterListModel::ResourceNameRole)
                            .toString()
                            .section(QLatin1Char('/'), -1),
                        index.data(Qt::DisplayRole).toString()});
    }
    auto scopes = monitoringScopes(live, m_withMetrics, m_asked);
    // The texts follow the language; the list is only announced when it changed.
    if (scopes == m_scopes)
        return;
    m_scopes = std::move(scopes);
    Q_EMIT changed();
}

} // namespace rov::core
