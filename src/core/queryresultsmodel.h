#pragma once

#include "api/bigquery/bigquerytypes.h"

#include <QAbstractTableModel>
#include <functional>
#include <vector>

namespace rov::core {

// Rows of a BigQuery table or query result, a page at a time: the view asks for more as it
// scrolls (canFetchMore/fetchMore), and the page that comes is appended. Columns are the schema's
// top-level fields; nested values show as compact JSON.
class QueryResultsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    // Asks for the rows from `start` on; the answer comes back through appendPage or failPage.
    using Fetch = std::function<void(qint64 start)>;

    explicit QueryResultsModel(QObject *parent = nullptr);

    // A new result: its columns, how many rows it has, and how to fetch them. Clears the rows.
    void reset(std::vector<api::bigquery::Field> schema, qint64 totalRows, Fetch fetch);
    void clear();
    void appendPage(const std::vector<QStringList> &rows);
    // The page did not come: fetching stops until the next reset (the view says why).
    void failPage();

    qint64 totalRows() const { return m_total; }
    const std::vector<api::bigquery::Field> &schema() const { return m_schema; }
    bool fetching() const { return m_fetching; }
    // The rows loaded so far, as the grid shows them (copy, export).
    const std::vector<QStringList> &loadedRows() const { return m_rows; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;
    bool canFetchMore(const QModelIndex &parent) const override;
    void fetchMore(const QModelIndex &parent) override;

private:
    std::vector<api::bigquery::Field> m_schema;
    std::vector<QStringList> m_rows;
    qint64 m_total = 0;
    Fetch m_fetch;
    bool m_fetching = false;
    bool m_failed = false;
};

} // namespace rov::core
