#include "queryresultsmodel.h"

#include "palette.h"

#include <QColor>

namespace rov::core {

QueryResultsModel::QueryResultsModel(QObject *parent) : QAbstractTableModel(parent) {}

void QueryResultsModel::reset(std::vector<api::bigquery::Field> schema, qint64 totalRows,
                              Fetch fetch)
{
    beginResetModel();
    m_schema = std::move(schema);
    m_rows.clear();
    m_total = totalRows;
    m_fetch = std::move(fetch);
    m_fetching = false;
    m_failed = false;
    endResetModel();
}

void QueryResultsModel::clear()
{
    reset({}, 0, {});
}

void QueryResultsModel::appendPage(const std::vector<QStringList> &rows)
{
    m_fetching = false;
    if (rows.empty()) {
        m_total = qint64(m_rows.size()); // no more come: what is here is all
        return;
    }
    const int first = int(m_rows.size());
    beginInsertRows({}, first, first + int(rows.size()) - 1);
    m_rows.insert(m_rows.end(), rows.begin(), rows.end());
    endInsertRows();
}

void QueryResultsModel::failPage()
{
    m_fetching = false;
    m_failed = true;
}

int QueryResultsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int QueryResultsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_schema.size());
}

QVariant QueryResultsModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || size_t(index.row()) >= m_rows.size())
        return {};
    const QStringList &row = m_rows[size_t(index.row())];
    if (index.column() >= row.size())
        return {};
    const QString &value = row[index.column()];
    if (value.isNull()) // NULL, as BigQuery's console shows it, in a muted colour
        return role == Qt::DisplayRole ? QVariant(QStringLiteral("NULL"))
               : role == Qt::ForegroundRole
                   ? QVariant(QColor(QLatin1String(palette::kChartNeutral)))
                   : QVariant();
    if (role == Qt::DisplayRole)
        return value.size() > 500 ? value.left(500) + QStringLiteral("…") : value;
    if (role == Qt::ToolTipRole && value.size() > 60)
        return value.left(4000);
    if (role == Qt::TextAlignmentRole) {
        static const QStringList numeric{QStringLiteral("INTEGER"), QStringLiteral("FLOAT"),
                                         QStringLiteral("NUMERIC"), QStringLiteral("BIGNUMERIC")};
        const auto &field = m_schema[size_t(index.column())];
        if (field.mode != QLatin1String("REPEATED") && numeric.contains(field.type))
            return QVariant(Qt::AlignRight | Qt::AlignVCenter);
    }
    if (role == Qt::UserRole)
        return value;
    return {};
}

QVariant QueryResultsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation == Qt::Vertical)
        return role == Qt::DisplayRole ? QVariant(section + 1) : QVariant();
    if (section < 0 || size_t(section) >= m_schema.size())
        return {};
    const auto &field = m_schema[size_t(section)];
    if (role == Qt::DisplayRole)
        return field.name;
    if (role == Qt::ToolTipRole)
        return field.mode == QLatin1String("REPEATED") ? QStringLiteral("ARRAY<%1>").arg(field.type)
                                                       : field.type;
    return {};
}

bool QueryResultsModel::canFetchMore(const QModelIndex &parent) const
{
    return !parent.isValid() && m_fetch && !m_fetching && !m_failed &&
           qint64(m_rows.size()) < m_total;
}

void QueryResultsModel::fetchMore(const QModelIndex &parent)
{
    if (!canFetchMore(parent))
        return;
    m_fetching = true;
    m_fetch(qint64(m_rows.size()));
}

} // namespace rov::core
