#pragma once

#include "rest/apierror.h"

#include <QObject>
#include <QPointer>
#include <QSet>
#include <QTimer>
#include <chrono>
#include <optional>

namespace rov::api::vertex {
class VertexClient;
}

namespace rov::core {

class ClusterListModel;

// When to ask again: soon while a cluster is changing state, then less and less often while
// nothing changes (so an idle console costs the backend almost nothing).
class RefreshSchedule
{
public:
    using Millis = std::chrono::milliseconds;
    static constexpr Millis kChanging{2000};
    static constexpr Millis kFirstQuiet{5000};
    static constexpr Millis kMaxQuiet{60000};

    // After a refresh: did anything change, is anything on its way to another state?
    Millis next(bool changed, bool changing);

private:
    Millis m_quiet = kFirstQuiet;
};

// Keeps a ClusterListModel in step with the backend.
class ClusterRefresher : public QObject
{
    Q_OBJECT
public:
    ClusterRefresher(ClusterListModel *model, QObject *parent = nullptr);

    void setClient(api::vertex::VertexClient *client); // null: stop refreshing
    void refreshNow();
    bool isRefreshing() const { return m_inFlight; }
    // The model holds what the backend listed (not an empty model before the first answer).
    bool hasListed() const { return m_listed; }
    std::chrono::milliseconds nextInterval() const { return m_nextInterval; }

Q_SIGNALS:
    void refreshed();
    void failed(const rov::rest::ApiError &error);

private:
    void onListed(bool changed);
    // Asks once for the event record of each cluster seen for the first time (cost so far).
    void askForEventRecords();

    ClusterListModel *m_model;
    QPointer<api::vertex::VertexClient> m_client;
    QTimer m_timer;
    RefreshSchedule m_schedule;
    bool m_inFlight = false;
    bool m_again = false;
    bool m_listed = false;
    int m_generation = 0;
    QSet<QString> m_recordsAsked;
    std::chrono::milliseconds m_nextInterval{RefreshSchedule::kFirstQuiet};
};

} // namespace rov::core
