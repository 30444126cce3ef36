#pragma once

#include "api/vertex/persistentresource.h"
#include "costestimator.h"
#include "keyedtablemodel.h"

#include <QDateTime>
#include <map>
#include <vector>

namespace rov::core {

// The clusters of one project as a live table: rows keep their place when a refresh brings the
// same clusters back, so selections and scroll positions survive.
class ClusterListModel : public KeyedTableModel<api::vertex::PersistentResource>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        State,
        Region,
        RayVersion,
        PythonVersion,
        Nodes,
        Created,
        Uptime,
        Cost,
        ColumnCount
    };
    enum Role
    {
        SortRole = Qt::UserRole + 1, // raw values: dates, numbers
        ResourceNameRole,            // projects/.../persistentResources/id
        StateRole                    // int(api::vertex::ClusterState)
    };

    explicit ClusterListModel(const CostEstimator &costs, QObject *parent = nullptr);

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Replaces the list, as seen at `seenAt`; returns true when anything a user sees changed.
    bool setClusters(std::vector<api::vertex::PersistentResource> clusters,
                     const QDateTime &seenAt = QDateTime::currentDateTimeUtc());
    // The backend's event record of a cluster: its node counts since creation replace what the
    // console counted since it started watching.
    void setEventRecord(const QString &name, const std::vector<api::vertex::ClusterEvent> &events);
    struct CostSoFar
    {
        double dollars = 0;
        CostRecord::Source source = CostRecord::Source::Watched;
        QDateTime since; // when counting started
    };
    CostSoFar costSoFar(const QString &name) const;
    const CostEstimator &costs() const { return m_costs; }
    // Moves the clock of the uptime and cost columns.
    void setNow(const QDateTime &now);
    const api::vertex::PersistentResource *cluster(int row) const;
    const api::vertex::PersistentResource *cluster(const QString &name) const;
    int rowOf(const QString &name) const;
    bool anyChanging() const;

    static QString stateText(api::vertex::ClusterState state);
    static QColor stateColor(api::vertex::ClusterState state);
    static QString nodesText(const api::vertex::PersistentResource &cluster);
    static QString durationText(qint64 seconds);

protected:
    QString keyOf(const api::vertex::PersistentResource &cluster) const override
    {
        return cluster.name;
    }
    bool sameForUser(const api::vertex::PersistentResource &a,
                     const api::vertex::PersistentResource &b) const override;

private:
    QVariant display(const api::vertex::PersistentResource &cluster, int column) const;
    QVariant sortValue(const api::vertex::PersistentResource &cluster, int column) const;
    QString costText(const api::vertex::PersistentResource &cluster) const;
    QString costToolTip(const api::vertex::PersistentResource &cluster) const;

    const CostEstimator &m_costs;
    QDateTime m_now = QDateTime::currentDateTimeUtc();
    std::map<QString, CostRecord> m_costRecords; // by cluster name
};

} // namespace rov::core
