#pragma once

#include "localplane/state/clustertopology.h"
#include "logfilereader.h"
#include "logstore.h"
#include "logvolume.h"

#include <QObject>
#include <QTimer>
#include <chrono>
#include <map>
#include <memory>
#include <vector>

namespace rov::localplane::logs {

// What the collector follows of one cluster.
struct LogCluster
{
    QString project;
    QString clusterId;
    QString tempDir;       // Ray's --temp-dir: every node's session logs are below it
    QString nodeOutputDir; // where rovd writes each node's `ray start` output, <node>.log
    struct Node
    {
        QString name; // rovd's name for the node: "<pool>-<ordinal>"
        QString pool;
        QString nodeId; // Ray's, once the node joined
        qint64 pid = 0; // of its `ray start --block`; Ray's processes of the node descend from it
        bool head = false;
    };
    std::vector<Node> nodes;
    bool collect = true; // false: rayLogsSpec.disabled

    bool operator==(const LogCluster &) const = default;
};
inline bool operator==(const LogCluster::Node &a, const LogCluster::Node &b)
{
    return a.name == b.name && a.pool == b.pool && a.nodeId == b.nodeId && a.pid == b.pid &&
           a.head == b.head;
}

// What the collector follows of the clusters: each one's temp dir, node output folder and nodes.
std::vector<LogCluster> logClustersOf(const std::vector<ClusterTopology> &clusters);

struct LogRetention
{
    std::chrono::hours maxAge{24 * 30};
    qint64 maxBytes = 2048LL * 1024 * 1024;
};

// Follows every log file of every cluster into the LogStore: Ray's session logs (raylet,
// gcs_server, dashboard, monitor, runtime_env, workers, core workers, job drivers, Serve) and
// the node output files rovd writes; and rovd's own access and event logs. Files are known by
// device and inode, so a rotated file goes on where it was; a file that shrank is read again from
// its start. Each file's offset is stored with its entries in one transaction. Lives on a thread of
// its own.
class LogCollector : public QObject
{
    Q_OBJECT
public:
    LogCollector(LogStore &store, LogVolume &volume, LogRetention retention);

    // Follows rovd's own access and event logs in `folder` too (DIR/logs; see rovdlogs.h): their
    // entries have no project and no cluster. Before start().
    void followRovdLogs(const QString &folder) { m_rovdLogs = folder; }

    // How often the files are looked at when they are quiet.
    static constexpr std::chrono::milliseconds kSweepInterval{500};
    // An entry held back is stored once its file has been quiet this long.
    static constexpr std::chrono::milliseconds kQuietFlush{1000};

public Q_SLOTS:
    void start();
    void setClusters(const std::vector<rov::localplane::logs::LogCluster> &clusters);
    // Reads the cluster's files to their ends and stops following them: its files are about
    // to be removed. Called with a blocking connection.
    void drain(const QString &clusterId);
    void stop();

Q_SIGNALS:
    void failed(const QString &message);

private:
    using FileKey = std::pair<qint64, qint64>; // device, inode
    struct Tail
    {
        std::unique_ptr<LogFileReader> reader;
        LogSource stored; // as the store has it: where to read again when a write failed
        qint64 modifiedNs = 0;
        bool seen = false;
    };

    void sweep();
    void sweepCluster(const LogCluster &cluster, const QDateTime &now, bool final, bool &more,
                      std::vector<NewLogEntry> &entries);
    void follow(const LogCluster &cluster, const QString &path, const QString &fileName,
                FileKey key, qint64 size, qint64 modifiedNs, const QDateTime &now, bool final,
                bool &more, std::vector<NewLogEntry> &entries);
    void sweepRovdLogs(const QDateTime &now, bool &more, std::vector<NewLogEntry> &entries);
    LogSource newSource(const LogCluster &cluster, const QString &path,
                        const QString &fileName) const;
    // Stores the entries with the offsets of the files they came from; false (and the readers
    // back at their stored offsets) when the store refused.
    bool commit(std::vector<NewLogEntry> &entries);
    void finishUnseen(const QString &clusterId, const QDateTime &now,
                      std::vector<NewLogEntry> &entries);

    LogStore &m_store;
    LogVolume &m_volume;
    LogRetention m_retention;
    std::vector<LogCluster> m_clusters;
    QString m_rovdLogs; // the folder of rovd's own logs, or empty
    std::map<FileKey, Tail> m_tails;
    std::map<FileKey, bool> m_changed; // files whose offsets moved since the last commit
    QTimer m_sweepTimer;
    QTimer m_pruneTimer;
    bool m_failing = false;
    qint64 m_storedSinceStatistics = 0; // the planner's samples are refreshed as the store grows
    qint64 m_storedAtStatistics = 0;
};

} // namespace rov::localplane::logs

Q_DECLARE_METATYPE(std::vector<rov::localplane::logs::LogCluster>)
