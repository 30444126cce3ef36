#pragma once

#include "api/logging/logentry.h"

#include <QAbstractTableModel>
#include <deque>

namespace rov::core {

// The Logs page's results: entries oldest first, older ones put before, newer ones after (a
// live tail), the oldest dropped past kMaxEntries. Not a KeyedTableModel: entries arrive in
// pages at either end and never change, where that model diffs whole lists by key.
class LogEntryModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column
    {
        Time,
        Severity,
        Where,
        Log,
        Message,
        ColumnCount
    };
    enum Role
    {
        SeverityRole = Qt::UserRole + 1 // the rank, for the severity's colour
    };
    static constexpr int kMaxEntries = 20000;

    using QAbstractTableModel::QAbstractTableModel;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role) const override;

    void replace(const std::vector<api::logging::LogEntry> &entries);
    void prepend(const std::vector<api::logging::LogEntry> &entries);
    void append(const std::vector<api::logging::LogEntry> &entries);
    const api::logging::LogEntry &entry(int row) const { return m_entries[size_t(row)]; }
    const std::deque<api::logging::LogEntry> &entries() const { return m_entries; }

    // The headers follow the language.
    void retranslate();

private:
    std::deque<api::logging::LogEntry> m_entries;
};

} // namespace rov::core
