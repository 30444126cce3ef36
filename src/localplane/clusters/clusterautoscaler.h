#pragma once

#include "autoscalepolicy.h"

#include <QElapsedTimer>
#include <QObject>
#include <QPointer>
#include <QTimer>
#include <QUrl>
#include <functional>
#include <map>
#include <optional>

namespace rov::rest {
class RestClient;
}

namespace rov::localplane {

// Watches one cluster's load through its dashboard and proposes pool sizes. rovd reads Ray's
// demand itself instead of running Ray's autoscaler with an external node provider: the nodes are
// rovd's processes anyway, and one loop in rovd keeps scaling, restarts and persistence in one
// place.
class ClusterAutoscaler : public QObject
{
    Q_OBJECT
public:
    struct Settings
    {
        std::chrono::milliseconds interval{2000};
        std::chrono::milliseconds idleTimeout{60000};
        int demandPolls = 2; // pending work must be seen this many times in a row before growing
    };
    // The autoscaling pools as they are now, and how many more nodes the machine can host; nullopt
    // while the cluster cannot be resized (not RUNNING, or a change in progress).
    struct Snapshot
    {
        std::vector<ScalablePool> pools;
        qint64 spareNodes = 0;
    };
    using SnapshotSource = std::function<std::optional<Snapshot>()>;

    ClusterAutoscaler(Settings settings, QUrl dashboard, SnapshotSource snapshot,
                      rest::RestClient *client, QObject *parent = nullptr);

Q_SIGNALS:
    void decided(const rov::localplane::ScalingDecision &decision);

private:
    void poll();
    void onLoad(const RayLoad &load);

    Settings m_settings;
    QUrl m_dashboard;
    SnapshotSource m_snapshot;
    QPointer<rest::RestClient> m_client;
    QTimer m_timer;
    bool m_polling = false;
    int m_demandStreak = 0;
    std::map<QString, QElapsedTimer> m_idleSince; // by Ray node id
};

} // namespace rov::localplane
