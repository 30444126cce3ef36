#pragma once

#include "loglinestore.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QTimer>

namespace rov::core {

// A log as a list model over a LogLineStore. Chunks may arrive thousands of times a second; the
// view hears about new rows at most every `kPublishInterval`, in one batch, so it stays smooth.
// With a filter, only the matching lines are rows.
class LogModel : public QAbstractListModel
{
    Q_OBJECT
public:
    static constexpr int kPublishIntervalMs = 50;

    explicit LogModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;

    void append(QByteArrayView chunk);
    void finish(); // the stream ended
    void clear();
    void publishNow(); // tells the view about every line so far

    const LogLineStore &store() const { return m_store; }
    qsizetype lineCount() const { return m_store.lineCount(); }

    // Search: the lines that match, and whether the model shows only those.
    qsizetype search(const QString &needle, Qt::CaseSensitivity sensitivity);
    const std::vector<qsizetype> &hits() const { return m_hits; }
    void setOnlyMatching(bool only);
    bool onlyMatching() const { return m_onlyMatching; }
    // The row showing line `line`, or -1 when it is filtered out.
    int rowOfLine(qsizetype line) const;
    qsizetype lineOfRow(int row) const;
    bool saveTo(const QString &path, QString *error) const;

Q_SIGNALS:
    void linesAdded(qsizetype total);

private:
    qsizetype m_published = 0; // lines the view knows about
    LogLineStore m_store;
    std::vector<qsizetype> m_hits;
    LogSearch m_search;
    bool m_onlyMatching = false;
    QTimer m_publishTimer;
};

} // namespace rov::core
