#pragma once

#include "api/monitoring/alerts.h"
#include "keyedtablemodel.h"

namespace rov::core {

// The alerts that fire or are about to (pending), firing first, for the Monitoring page.
class AlertListModel : public KeyedTableModel<api::monitoring::Alert>
{
    Q_OBJECT
public:
    enum Column
    {
        State,
        Name,
        Cluster,
        Since,
        Summary,
        ColumnCount
    };
    static constexpr int ClusterRole = Qt::UserRole + 1;

    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    // Takes the alerts of `rules`; true when anything a user sees changed.
    bool setRules(const std::vector<api::monitoring::AlertRule> &rules);

    // After a language change: every text is made again.
    void retranslate();

    static QColor stateColor(const api::monitoring::Alert &alert);
    static QString stateText(const api::monitoring::Alert &alert);
    // The alert in the console's language for the rules rovd ships, the rule's own summary for
    // others.
    static QString summaryText(const api::monitoring::Alert &alert);

protected:
    QString keyOf(const api::monitoring::Alert &alert) const override { return alert.key(); }
    bool sameForUser(const api::monitoring::Alert &a,
                     const api::monitoring::Alert &b) const override;
};

} // namespace rov::core
