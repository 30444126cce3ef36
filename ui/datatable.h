#pragma once

#include <QTableView>

class QSortFilterProxyModel;

namespace rov::ui {

// A read-only, sortable table over a live model: whole-row single selection, columns sized to
// their contents, sorting by `sortRole` through its own proxy.
class DataTable : public QTableView
{
    Q_OBJECT
public:
    DataTable(QAbstractItemModel *model, int sortRole, QWidget *parent = nullptr);

    QSortFilterProxyModel *proxy() const { return m_proxy; }
    // `role` of the selected row's first column, or an invalid value.
    QVariant selectedValue(int role) const;
    QModelIndex selectedSourceIndex() const;

private:
    QSortFilterProxyModel *m_proxy;
};

} // namespace rov::ui
