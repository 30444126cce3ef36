#pragma once

#include "api/logging/loggingclient.h"

#include <QDateTime>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <optional>
#include <vector>

namespace rov::core {

// The Logs page's conversation with entries:list. A search shows the newest entries that match
// (oldest first on screen), older ones are loaded on demand, and a live tail asks every few
// seconds for entries received since the last it saw (entries:tail is gRPC only). Pages that
// come back short or empty with a token are followed: Cloud Logging ran out of time looking.
// Every search ends with finished(), with an error, or after cancel(); a new search cancels the
// one under way, whose answers are then dropped.
class LogExplorer : public QObject
{
    Q_OBJECT
public:
    explicit LogExplorer(api::logging::LoggingClient *client, QObject *parent = nullptr);
    ~LogExplorer() override;

    static constexpr int kPage = 300;
    static constexpr std::chrono::seconds kTailInterval{2};

    void search(const QString &filter);
    void loadOlder();
    void cancel();
    void setTailing(bool on);

    bool isSearching() const { return m_call.isRunning(); }
    bool isTailing() const { return m_tailTimer.isActive() || m_tailCall.isRunning(); }
    bool hasOlder() const { return !m_olderToken.isEmpty(); }
    const QString &filter() const { return m_filter; }

    // The filter of a tail: the search's, for entries received at or after `since`.
    static QString tailFilter(const QString &filter, const QDateTime &since);

Q_SIGNALS:
    void started();
    void replaced(const std::vector<rov::api::logging::LogEntry> &entries); // oldest first
    void olderArrived(const std::vector<rov::api::logging::LogEntry> &entries);
    void newerArrived(const std::vector<rov::api::logging::LogEntry> &entries);
    // Pages read while looking (empty ones included), for "still searching…".
    void progressed(int pages, int found);
    void finished(const std::optional<rov::rest::ApiError> &error);
    void tailFailed(const rov::rest::ApiError &error);

private:
    void askPage(const QString &token, bool older);
    void tail();
    void noteReceived(const std::vector<api::logging::LogEntry> &entries);

    QPointer<api::logging::LoggingClient> m_client;
    QString m_filter;
    rest::Call m_call;
    rest::Call m_tailCall;
    QString m_olderToken;
    std::vector<api::logging::LogEntry> m_collecting; // newest first, while paging
    int m_pages = 0;
    quint64 m_generation = 0;
    QTimer m_tailTimer;
    QDateTime m_tailSince;       // the latest receiveTimestamp seen
    QSet<QString> m_seenAtSince; // insertIds received at m_tailSince: not shown twice
};

} // namespace rov::core
