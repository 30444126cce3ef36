#include "logmodel.h"

#include <QSaveFile>

namespace rov::core {

LogModel::LogModel(QObject *parent) : QAbstractListModel(parent)
{
    m_publishTimer.setSingleShot(true);
    m_publishTimer.setInterval(kPublishIntervalMs);
    connect(&m_publishTimer, &QTimer::timeout, this, &LogModel::publishNow);
}

int LogModel::rowCount(const QModelIndex &parent) const
{
    if (parent.isValid())
        return 0;
    return m_onlyMatching ? int(m_hits.size()) : int(m_published);
}

QVariant LogModel::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || (role != Qt::DisplayRole && role != Qt::ToolTipRole))
        return {};
    return m_store.lineText(lineOfRow(index.row()));
}

qsizetype LogModel::lineOfRow(int row) const
{
    if (m_onlyMatching)
        return row >= 0 && size_t(row) < m_hits.size() ? m_hits[size_t(row)] : -1;
    return row;
}

int LogModel::rowOfLine(qsizetype line) const
{
    if (!m_onlyMatching)
        return line < m_published ? int(line) : -1;
    const auto it = std::lower_bound(m_hits.begin(), m_hits.end(), line);
    return it != m_hits.end() && *it == line ? int(it - m_hits.begin()) : -1;
}

void LogModel::append(QByteArrayView chunk)
{
    if (m_store.append(chunk) > 0 && !m_publishTimer.isActive())
        m_publishTimer.start();
}

void LogModel::finish()
{
    m_store.finish();
    publishNow();
}

void LogModel::publishNow()
{
    m_publishTimer.stop();
    const qsizetype total = m_store.lineCount();
    if (total == m_published)
        return;
    const qsizetype from = m_published;
    if (m_onlyMatching) {
        // New lines that match become rows; the others stay in the store.
        std::vector<qsizetype> fresh;
        for (qsizetype line = from; line < total; ++line) {
            if (m_search.matches(m_store.line(line)))
                fresh.push_back(line);
        }
        m_published = total;
        if (!fresh.empty()) {
            beginInsertRows({}, int(m_hits.size()), int(m_hits.size() + fresh.size() - 1));
            m_hits.insert(m_hits.end(), fresh.begin(), fresh.end());
            endInsertRows();
        }
    } else {
        // The matches among the new lines are counted before the rows are announced: a view
        // that shows "n matches" when rows arrive reads the count then.
        if (!m_search.isEmpty()) {
            for (qsizetype line = from; line < total; ++line) {
                if (m_search.matches(m_store.line(line)))
                    m_hits.push_back(line);
            }
        }
        beginInsertRows({}, int(from), int(total - 1));
        m_published = total;
        endInsertRows();
    }
    Q_EMIT linesAdded(total);
}

void LogModel::clear()
{
    beginResetModel();
    m_store.clear();
    m_hits.clear();
    m_published = 0;
    endResetModel();
}

qsizetype LogModel::search(const QString &needle, Qt::CaseSensitivity sensitivity)
{
    publishNow();
    const bool reset = m_onlyMatching;
    if (reset)
        beginResetModel();
    m_search = LogSearch(needle, sensitivity);
    m_hits = m_store.find(m_search);
    if (reset)
        endResetModel();
    return qsizetype(m_hits.size());
}

void LogModel::setOnlyMatching(bool only)
{
    if (only == m_onlyMatching)
        return;
    publishNow();
    beginResetModel();
    m_onlyMatching = only;
    endResetModel();
}

bool LogModel::saveTo(const QString &path, QString *error) const
{
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        *error = file.errorString();
        return false;
    }
    for (qsizetype line = 0; line < m_store.lineCount(); ++line) {
        const QByteArrayView text = m_store.line(line);
        if (file.write(text.data(), text.size()) < 0 || !file.putChar('\n')) {
            *error = file.errorString();
            return false;
        }
    }
    if (!file.commit()) {
        *error = file.errorString();
        return false;
    }
    return true;
}

} // namespace rov::core
