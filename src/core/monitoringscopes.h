#pragma once

#include "api/monitoring/monitoringclient.h"
#include "rest/call.h"

#include <QObject>
#include <QPointer>
#include <QString>
#include <QStringList>
#include <vector>

class QAbstractItemModel;

namespace rov::core {

// What Monitoring's Cluster picker offers: every cluster of the profile (from the clusters list,
// so a new one is there as soon as the list has it, whether or not Prometheus has its series
// yet), the deleted ones whose metrics are still kept (the values of ray_io_cluster), and the
// serving instance under a name a person reads. "All clusters" comes first.
struct MonitoringScope
{
    enum class Kind
    {
        All,
        Live,
        Deleted, // its metrics are kept; the cluster is gone
        Serving, // rovd's serving instance (ray_io_cluster="_serving")
        Asked    // asked for by id (an alert's), not listed yet
    };
    QString id; // the ray_io_cluster value; empty for All
    QString text;
    Kind kind = Kind::All;

    bool operator==(const MonitoringScope &) const = default;
};

struct LiveCluster
{
    QString id;
    QString displayName; // as the clusters page names it: "id (display name)"
};

// The picker's entries: All, the live clusters by display name, the serving instance, then the
// deleted ones; `asked` (when not empty and not among them) last, so that a chosen id stays.
std::vector<MonitoringScope> monitoringScopes(const std::vector<LiveCluster> &live,
                                              const QStringList &withMetrics,
                                              const QString &asked = {});
// How a ray_io_cluster value is shown: the serving instance by name, a cluster by its id.
QString scopeName(const QString &clusterId);

// The picker's data, kept current: the clusters model's rows as they change, and Prometheus'
// label values on every refresh().
class MonitoringScopes : public QObject
{
    Q_OBJECT
public:
    // `clusters`: the profile's clusters (ClusterListModel: the id from ResourceNameRole, the
    // name from the first column).
    explicit MonitoringScopes(QAbstractItemModel *clusters, QObject *parent = nullptr);

    void setClient(api::monitoring::MonitoringClient *client);
    // Asks Prometheus which clusters it has series of; a failure keeps what was known.
    void refresh();
    // Keeps `clusterId` in the list although nothing lists it yet (an alert's cluster).
    void ask(const QString &clusterId);
    // The texts again, in the language now in use.
    void retranslate() { rebuild(); }
    const std::vector<MonitoringScope> &scopes() const { return m_scopes; }

Q_SIGNALS:
    void changed();

private:
    void rebuild();

    QAbstractItemModel *m_clusters;
    QPointer<api::monitoring::MonitoringClient> m_client;
    QStringList m_withMetrics;
    QString m_asked;
    rest::Call m_call;
    std::vector<MonitoringScope> m_scopes;
};

} // namespace rov::core
