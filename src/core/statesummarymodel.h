#pragma once

#include "api/ray/statesummary.h"
#include "keyedtablemodel.h"

namespace rov::core {

// Tasks by function or actors by class, counted by state, with a name and a state filter.
class StateSummaryModel : public KeyedTableModel<api::ray::StateSummaryRow>
{
    Q_OBJECT
public:
    enum Column
    {
        Name,
        Type,
        Total,
        States,
        ColumnCount
    };
    static constexpr int SortRole = Qt::UserRole + 1;

    using KeyedTableModel::KeyedTableModel;

    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void setSummary(api::ray::StateSummary summary);
    // Rows whose name contains `text` (any case) and, unless `state` is empty, that have some
    // in that state.
    void setFilter(const QString &text, const QString &state);
    // Every state seen, with its count over all rows (ignoring the filter).
    std::map<QString, qint64> totalsByState() const;

    static QString typeText(const QString &type);

protected:
    QString keyOf(const api::ray::StateSummaryRow &row) const override
    {
        return row.type + QLatin1Char('/') + row.name;
    }
    bool sameForUser(const api::ray::StateSummaryRow &a,
                     const api::ray::StateSummaryRow &b) const override
    {
        return a.stateCounts == b.stateCounts;
    }

private:
    void apply();

    api::ray::StateSummary m_summary;
    QString m_text;
    QString m_state;
};

} // namespace rov::core
