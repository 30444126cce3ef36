#pragma once

#include <QAbstractTableModel>
#include <algorithm>
#include <functional>
#include <vector>

namespace rov::core {

// A table whose rows are values with a key (a cluster name, a job id). Replacing the list keeps
// rows that come back in their place and signals only real changes, so selections and scroll
// positions survive live refreshes.
template <typename T> class KeyedTableModel : public QAbstractTableModel
{
public:
    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override
    {
        return parent.isValid() ? 0 : int(m_rows.size());
    }

    const T *at(int row) const
    {
        return row >= 0 && row < int(m_rows.size()) ? &m_rows[size_t(row)] : nullptr;
    }

    int rowOfKey(const QString &key) const
    {
        for (size_t row = 0; row < m_rows.size(); ++row) {
            if (keyOf(m_rows[row]) == key)
                return int(row);
        }
        return -1;
    }

    const std::vector<T> &rows() const { return m_rows; }

protected:
    virtual QString keyOf(const T &row) const = 0;
    // Whether a refresh of `row` would look the same; by default any refresh counts as a change.
    virtual bool sameForUser(const T &, const T &) const { return false; }

    // Replaces the rows; true when anything a user sees changed.
    bool replaceRows(std::vector<T> fresh)
    {
        bool changed = false;
        // Rows that went away, from the bottom so indexes stay valid.
        for (int row = int(m_rows.size()) - 1; row >= 0; --row) {
            const QString key = keyOf(m_rows[size_t(row)]);
            if (std::none_of(fresh.begin(), fresh.end(),
                             [&](const T &item) { return keyOf(item) == key; })) {
                beginRemoveRows({}, row, row);
                m_rows.erase(m_rows.begin() + row);
                endRemoveRows();
                changed = true;
            }
        }
        for (auto &item : fresh) {
            const int row = rowOfKey(keyOf(item));
            if (row < 0) {
                beginInsertRows({}, int(m_rows.size()), int(m_rows.size()));
                m_rows.push_back(std::move(item));
                endInsertRows();
                changed = true;
            } else if (!sameForUser(m_rows[size_t(row)], item)) {
                m_rows[size_t(row)] = std::move(item);
                Q_EMIT dataChanged(index(row, 0), index(row, columnCount() - 1));
                changed = true;
            }
        }
        return changed;
    }

private:
    std::vector<T> m_rows;
};

} // namespace rov::core
