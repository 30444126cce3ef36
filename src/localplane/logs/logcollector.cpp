#include "logcollector.h"

#include "lognodes.h"
#include "rovdlogs.h"

#include <QDir>
#include <QFileInfo>
#include <QRegularExpression>
#include <QSet>
#include <sys/stat.h>

namespace rov::localplane::logs {

namespace {

// How much of one file a sweep reads: enough for 100,000 lines a second, little enough that a
// busy file does not starve the others.
constexpr qint64 kChunkBytes = 1024 * 1024;

// Ray's logs worth reading: text that grows. Not the debug state it rewrites every few seconds,
// and not its event and profile folders.
// Rotated copies too (raylet.out.1): a line written just before the rotation is in them.
bool isLogFile(const QString &name)
{
    if (name.startsWith(QLatin1String("debug_state")))
        return false;
    static const QRegularExpression log(QStringLiteral("\\.(?:out|err|log)(?:\\.\\d+)?$"));
    return log.match(name).hasMatch();
}

} // namespace

LogCollector::LogCollector(LogStore &store, LogVolume &volume, LogRetention retention)
    : m_store(store), m_volume(volume), m_retention(retention), m_sweepTimer(this),
      m_pruneTimer(this)
{
    qRegisterMetaType<std::vector<LogCluster>>();
    m_sweepTimer.setSingleShot(true);
    connect(&m_sweepTimer, &QTimer::timeout, this, &LogCollector::sweep);
    m_pruneTimer.setInterval(std::chrono::minutes(5));
    connect(&m_pruneTimer, &QTimer::timeout, this, [this] {
        m_store.prune(m_retention.maxAge, m_retention.maxBytes);
        m_store.refreshStatistics();
    });
}

void LogCollector::start()
{
    for (LogSource &source : m_store.openSources()) {
        const FileKey key{source.device, source.inode};
        m_tails[key].stored = source;
        m_tails[key].reader = std::make_unique<LogFileReader>(std::move(source));
    }
    m_store.prune(m_retention.maxAge, m_retention.maxBytes);
    m_store.refreshStatistics();
    m_pruneTimer.start();
    m_sweepTimer.start(0);
}

void LogCollector::stop()
{
    m_sweepTimer.stop();
    m_pruneTimer.stop();
}

void LogCollector::setClusters(const std::vector<LogCluster> &clusters)
{
    // A node's first files (its raylet's, the GCS's) come before Ray gives it an id.
    std::vector<LogCluster> remembered = clusters;
    for (LogCluster &cluster : remembered) {
        const auto before =
            std::find_if(m_clusters.begin(), m_clusters.end(),
                         [&](const LogCluster &c) { return c.clusterId == cluster.clusterId; });
        for (LogCluster::Node &node : cluster.nodes) {
            const bool known =
                before != m_clusters.end() &&
                std::any_of(before->nodes.begin(), before->nodes.end(), [&](const auto &n) {
                    return n.name == node.name && n.nodeId == node.nodeId;
                });
            if (node.nodeId.isEmpty() || known ||
                m_store.setNodeId(cluster.clusterId, node.name, node.nodeId))
                continue;
            Q_EMIT failed(QStringLiteral("cannot store the id of node %1 of %2: %3")
                              .arg(node.name, cluster.clusterId, m_store.lastError()));
            node.nodeId.clear(); // not known yet: the next call tries again
        }
    }
    m_clusters = std::move(remembered);
}

LogSource LogCollector::newSource(const LogCluster &cluster, const QString &path,
                                  const QString &fileName) const
{
    LogSource source;
    source.project = cluster.project;
    source.cluster = cluster.clusterId;
    source.log = fileName;
    source.path = path;
    if (cluster.clusterId.isEmpty())
        return source; // rovd's own log: no node, no job
    source.submission = submissionOfFile(fileName);
    if (const auto *node =
            nodeOfFile(cluster, QFileInfo(path).absolutePath(), fileName, parentFromProc)) {
        source.node = node->name;
        source.pool = node->pool;
        source.nodeId = node->nodeId;
    }
    return source;
}

void LogCollector::follow(const LogCluster &cluster, const QString &path, const QString &fileName,
                          FileKey key, qint64 size, qint64 modifiedNs, const QDateTime &now,
                          bool final, bool &more, std::vector<NewLogEntry> &entries)
{
    Tail &tail = m_tails[key];
    if (!tail.reader) {
        LogSource source = newSource(cluster, path, fileName);
        source.device = key.first;
        source.inode = key.second;
        if (!m_store.addSource(source)) {
            m_tails.erase(key);
            return;
        }
        tail.stored = source;
        tail.reader = std::make_unique<LogFileReader>(std::move(source));
    }
    tail.seen = true;
    LogFileReader &reader = *tail.reader;
    reader.setLocation(path);
    bool left = false;
    // A file rewritten to the same size is told by its time (and then by its first bytes).
    const bool touched = std::exchange(tail.modifiedNs, modifiedNs) != modifiedNs;
    if (size != reader.readOffset() || touched || final) {
        if (reader.poll(size, kChunkBytes, now, entries, &left))
            m_changed[key] = true;
        more = more || left;
    }
    const bool quiet =
        !reader.lastGrowth().isValid() || reader.lastGrowth().msecsTo(now) >= kQuietFlush.count();
    // The entry held back once the file is quiet; at the end, that and a last unended line.
    if (!left && (final || (reader.holdsBack() && quiet))) {
        reader.flush(now, entries, final);
        m_changed[key] = true;
    }
}

void LogCollector::sweepCluster(const LogCluster &cluster, const QDateTime &now, bool final,
                                bool &more, std::vector<NewLogEntry> &entries)
{
    const QString session = QDir(cluster.tempDir).filePath(QStringLiteral("session_latest/logs"));
    for (const QString &directory :
         {session, QDir(session).filePath(QStringLiteral("old")), cluster.nodeOutputDir}) {
        const QDir dir(directory);
        for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot)) {
            if (!isLogFile(name))
                continue;
            const QString path = dir.filePath(name);
            struct stat info
            {};
            if (::stat(QFile::encodeName(path).constData(), &info) != 0)
                continue;
            follow(cluster, path, name, {qint64(info.st_dev), qint64(info.st_ino)},
                   qint64(info.st_size),
                   qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec, now, final,
                   more, entries);
        }
    }
}

// rovd's access and event logs, and their rotated copies: a copy goes on where its file was.
void LogCollector::sweepRovdLogs(const QDateTime &now, bool &more,
                                 std::vector<NewLogEntry> &entries)
{
    if (m_rovdLogs.isEmpty())
        return;
    const LogCluster rovd; // no project, no cluster, no nodes
    const QDir dir(m_rovdLogs);
    for (const QString &name : dir.entryList(QDir::Files | QDir::NoDotAndDotDot)) {
        const QString log = rovdlogs::logIdOf(name);
        if (log.isEmpty())
            continue;
        const QString path = dir.filePath(name);
        struct stat info
        {};
        if (::stat(QFile::encodeName(path).constData(), &info) != 0)
            continue;
        follow(rovd, path, log, {qint64(info.st_dev), qint64(info.st_ino)}, qint64(info.st_size),
               qint64(info.st_mtim.tv_sec) * 1'000'000'000 + info.st_mtim.tv_nsec, now, false, more,
               entries);
    }
}

// Files that were not seen in this sweep are gone: stored to their end and followed no more.
// Those of a cluster that rovd does not know (yet: it may be restoring) only once their folder
// is gone too; those of a cluster whose logs are not collected stay as they are.
void LogCollector::finishUnseen(const QString &clusterId, const QDateTime &now,
                                std::vector<NewLogEntry> &entries)
{
    std::map<QString, bool> collected;
    for (const LogCluster &cluster : m_clusters)
        collected[cluster.clusterId] = cluster.collect;
    if (!m_rovdLogs.isEmpty())
        collected[QString()] = true; // a rotated copy of rovd's logs that was removed
    for (auto it = m_tails.begin(); it != m_tails.end();) {
        LogFileReader &reader = *it->second.reader;
        const QString &cluster = reader.source().cluster;
        const auto known = collected.find(cluster);
        bool gone = !it->second.seen;
        if (!clusterId.isEmpty())
            gone = gone && cluster == clusterId;
        else if (known == collected.end())
            gone = gone && !QFileInfo(reader.source().path).absoluteDir().exists();
        else
            gone = gone && known->second;
        it->second.seen = false;
        if (!gone) {
            ++it;
            continue;
        }
        reader.flush(now, entries);
        m_changed[it->first] = true;
        // Its last entries first: a store that fails keeps the file for the next sweep.
        if (!commit(entries)) {
            ++it;
            continue;
        }
        // A store that fails keeps the file's tail: the next sweep finishes it again.
        if (!m_store.finishSource(reader.source().id)) {
            Q_EMIT failed(
                QStringLiteral("cannot mark a finished log file: %1").arg(m_store.lastError()));
            ++it;
            continue;
        }
        it = m_tails.erase(it);
    }
}

void LogCollector::sweep()
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<NewLogEntry> entries;
    bool more = false;
    for (const LogCluster &cluster : m_clusters)
        if (cluster.collect)
            sweepCluster(cluster, now, false, more, entries);
    sweepRovdLogs(now, more, entries);
    commit(entries);
    finishUnseen({}, now, entries);
    m_sweepTimer.start(more ? std::chrono::milliseconds(0) : kSweepInterval);
}

void LogCollector::drain(const QString &clusterId)
{
    const QDateTime now = QDateTime::currentDateTimeUtc();
    std::vector<NewLogEntry> entries;
    for (const LogCluster &cluster : m_clusters) {
        if (cluster.clusterId != clusterId || !cluster.collect)
            continue;
        bool more = true;
        for (int round = 0; more && round < 1000; ++round) {
            more = false;
            sweepCluster(cluster, now, true, more, entries);
            commit(entries);
        }
    }
    for (auto &[key, tail] : m_tails)
        tail.seen = false;
    finishUnseen(clusterId, now, entries);
    std::erase_if(m_clusters, [&](const LogCluster &c) { return c.clusterId == clusterId; });
}

bool LogCollector::commit(std::vector<NewLogEntry> &entries)
{
    if (entries.empty() && m_changed.empty())
        return true;
    std::vector<LogSource> offsets;
    offsets.reserve(m_changed.size());
    for (const auto &[key, changed] : m_changed)
        offsets.push_back(m_tails.at(key).reader->source());
    if (!m_store.append(entries, offsets)) {
        // Nothing is lost: the readers go back to the offsets that are stored and read the
        // same lines again next time.
        if (!m_failing)
            Q_EMIT failed(QStringLiteral("cannot store log entries: %1").arg(m_store.lastError()));
        m_failing = true;
        for (const auto &[key, changed] : m_changed) {
            Tail &tail = m_tails.at(key);
            tail.reader = std::make_unique<LogFileReader>(tail.stored);
        }
        entries.clear();
        m_changed.clear();
        return false;
    }
    m_failing = false;
    m_storedSinceStatistics += qint64(entries.size());
    if (m_storedSinceStatistics > std::max<qint64>(100'000, m_storedAtStatistics)) {
        m_storedAtStatistics += m_storedSinceStatistics;
        m_storedSinceStatistics = 0;
        m_store.refreshStatistics();
    }
    std::map<qint64, const LogSource *> sources;
    for (const auto &[key, changed] : m_changed) {
        Tail &tail = m_tails.at(key);
        tail.stored = tail.reader->source();
        sources[tail.stored.id] = &tail.stored;
    }
    // Counted by file and severity first: a batch holds thousands of entries of a few files.
    std::map<std::pair<qint64, int>, quint64> counts;
    for (const NewLogEntry &entry : entries)
        ++counts[{entry.sourceId, entry.severity}];
    for (const auto &[key, count] : counts) {
        const auto source = sources.find(key.first);
        // rovd's own entries are not the clusters' volume: its access log grows with every
        // request, the histogram's own included.
        if (source != sources.end() && !source->second->cluster.isEmpty())
            m_volume.add(source->second->cluster, key.second, source->second->log, count);
    }
    entries.clear();
    m_changed.clear();
    return true;
}

std::vector<LogCluster> logClustersOf(const std::vector<ClusterTopology> &clusters)
{
    std::vector<LogCluster> logClusters;
    for (const ClusterTopology &cluster : clusters) {
        LogCluster logCluster;
        logCluster.project = cluster.project();
        logCluster.clusterId = cluster.clusterId();
        logCluster.tempDir = cluster.tempDir;
        logCluster.nodeOutputDir = cluster.nodeOutputDir;
        logCluster.collect = !cluster.logsExportDisabled;
        for (const ClusterTopology::Node &node : cluster.nodes)
            logCluster.nodes.push_back({node.name, node.pool, node.nodeId, node.pid, node.head});
        logClusters.push_back(std::move(logCluster));
    }
    return logClusters;
}

} // namespace rov::localplane::logs
