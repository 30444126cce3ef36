#include "statesummarymodel.h"

#include <QStringList>

namespace rov::core {

using api::ray::StateSummary;
using api::ray::StateSummaryRow;

QString StateSummaryModel::typeText(const QString &type)
{
    if (type == QLatin1String("NORMAL_TASK"))
        return tr("Task");
    if (type == QLatin1String("ACTOR_TASK"))
        return tr("Actor method");
    if (type == QLatin1String("ACTOR_CREATION_TASK"))
        return tr("Actor creation");
    if (type.isEmpty())
        return tr("Actor");
    return type;
}

int StateSummaryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant StateSummaryModel::data(const QModelIndex &index, int role) const
{
    const StateSummaryRow *row = at(index.row());
    if (!row || index.column() >= ColumnCount)
        return {};
    if (role == SortRole && index.column() == Total)
        return row->total();
    if (role != Qt::DisplayRole && role != SortRole)
        return {};
    switch (index.column()) {
    case Name:
        return row->name;
    case Type:
        return typeText(row->type);
    case Total:
        return row->total();
    case States: {
        QStringList parts;
        for (const auto &[state, count] : row->stateCounts)
            parts << QStringLiteral("%1 %2").arg(state).arg(count);
        return parts.join(QStringLiteral(" · "));
    }
    }
    return {};
}

QVariant StateSummaryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return {};
    switch (section) {
    case Name:
        return tr("Function or class");
    case Type:
        return tr("Kind");
    case Total:
        return tr("Total");
    case States:
        return tr("By state");
    }
    return {};
}

void StateSummaryModel::setSummary(StateSummary summary)
{
    m_summary = std::move(summary);
    apply();
}

void StateSummaryModel::setFilter(const QString &text, const QString &state)
{
    m_text = text;
    m_state = state;
    apply();
}

void StateSummaryModel::apply()
{
    std::vector<StateSummaryRow> visible;
    for (const auto &row : m_summary.rows) {
        if (!m_text.isEmpty() && !row.name.contains(m_text, Qt::CaseInsensitive))
            continue;
        if (!m_state.isEmpty() && row.stateCounts.count(m_state) == 0)
            continue;
        visible.push_back(row);
    }
    replaceRows(std::move(visible));
}

std::map<QString, qint64> StateSummaryModel::totalsByState() const
{
    std::map<QString, qint64> totals;
    for (const auto &row : m_summary.rows) {
        for (const auto &[state, count] : row.stateCounts)
            totals[state] += count;
    }
    return totals;
}

} // namespace rov::core
