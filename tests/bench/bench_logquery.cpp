// rovd's log store against grep. Writes 2,000,000 lines in Ray's formats across 20 files (C++
// and Python components, mixed severities, tracebacks every few hundred lines), lets rovd's
// collector ingest them (on its own thread, as in rovd), then runs 200 mixed queries through the
// entries:list handler (in-process, without HTTP: the store and the query language are measured):
// a word, a phrase, severity >= WARNING with a cluster and a time range, newest-first paging. In
// the same run, `grep -c -F` looks for the same words and phrases over the files. The last line:
// logquery: entries=<n> ingest_lines_per_s=<n> query_p50_ms=<x> query_p99_ms=<x> grep_ms=<x>
// ratio_grep=<x> db_mb=<n> raw_mb=<n>
#include "localplane/logs/entrieslist.h"
#include "localplane/logs/logcollector.h"
#include "localplane/logs/logstore.h"
#include "localplane/logs/logvolume.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QThread>
#include <algorithm>
#include <cstdio>
#include <map>

using namespace rov::localplane;
using namespace rov::localplane::logs;
using nlohmann::json;

namespace {

constexpr int kFiles = 20;
constexpr int kLinesPerFile = 100'000;
constexpr int kQueries = 200;

const char *const kWords[] = {"lease",     "granted", "worker",    "object",   "spilled",
                              "placement", "group",   "heartbeat", "resource", "scheduling",
                              "pending",   "actor",   "task",      "finished", "submitted",
                              "memory",    "store",   "node",      "gcs",      "raylet"};

struct Generated
{
    qint64 entries = 0;
    qint64 bytes = 0;
    qint64 firstMs = 0, lastMs = 0;
};

// One file: C++ (raylet-like) or Python (worker-like) lines over the last two hours, with a
// "needle" word once in 1,000 lines and a traceback once in 400.
Generated writeFile(const QString &path, int index, bool cpp)
{
    QRandomGenerator random(quint32(index + 1));
    Generated made;
    const qint64 endMs = QDateTime::currentMSecsSinceEpoch();
    made.firstMs = endMs - 2 * 3600 * 1000;
    made.lastMs = endMs;
    QFile file(path);
    file.open(QIODevice::WriteOnly);
    QByteArray chunk;
    for (int i = 0; i < kLinesPerFile; ++i) {
        const qint64 ms = made.firstMs + qint64(i) * (made.lastMs - made.firstMs) / kLinesPerFile;
        const QByteArray time = QDateTime::fromMSecsSinceEpoch(ms)
                                    .toString(QStringLiteral("yyyy-MM-dd HH:mm:ss,zzz"))
                                    .toLatin1();
        const quint32 roll = random.bounded(100);
        const char level = roll < 2 ? 'E' : roll < 10 ? 'W' : roll < 30 ? 'D' : 'I';
        QByteArray words;
        for (int w = 0; w < 7; ++w)
            words += QByteArray(" ") + kWords[random.bounded(int(std::size(kWords)))];
        if (i % 1000 == 500)
            words += " needle" + QByteArray::number(i / 1000 % 20);
        const QByteArray id = QByteArray::number(random.generate64(), 16);
        if (cpp) {
            chunk += '[' + time + ' ' + level + " 30601 30611] (raylet) node_manager.cc:" +
                     QByteArray::number(random.bounded(3000)) + ':' + words + " id=" + id + '\n';
        } else {
            const char *name = level == 'E'   ? "ERROR"
                               : level == 'W' ? "WARNING"
                               : level == 'D' ? "DEBUG"
                                              : "INFO";
            chunk += time + '\t' + name + " worker.py:" + QByteArray::number(random.bounded(900)) +
                     " --" + words + " task_id=" + id + '\n';
            if (i % 400 == 399) {
                chunk += "Traceback (most recent call last):\n"
                         "  File \"/tmp/job.py\", line 12, in run\n"
                         "ValueError: bad input " +
                         id + '\n';
                i += 3; // the traceback's lines count as lines
            }
        }
        ++made.entries;
        if (chunk.size() > (1 << 20)) {
            file.write(chunk);
            made.bytes += chunk.size();
            chunk.clear();
        }
    }
    file.write(chunk);
    made.bytes += chunk.size();
    return made;
}

double percentile(std::vector<double> values, double p)
{
    std::sort(values.begin(), values.end());
    return values[std::min(values.size() - 1, size_t(p * double(values.size() - 1) + 0.5))];
}

double median(std::vector<double> values)
{
    return percentile(std::move(values), 0.5);
}

QString rfc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

} // namespace

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QTemporaryDir dir;
    dir.setAutoRemove(qEnvironmentVariableIsEmpty("ROV_BENCH_KEEP"));
    if (!dir.autoRemove())
        std::fprintf(stderr, "keeping %s\n", qPrintable(dir.path()));
    const QString logs = dir.filePath(QStringLiteral("t/session_latest/logs"));
    QDir().mkpath(logs);
    std::fprintf(stderr, "writing %d lines in %d files...\n", kFiles * kLinesPerFile, kFiles);
    Generated total;
    QStringList files;
    for (int i = 0; i < kFiles; ++i) {
        const bool cpp = i % 2 == 0;
        const QString path = QDir(logs).filePath(cpp ? QStringLiteral("raylet.%1.out").arg(i)
                                                     : QStringLiteral("worker-%1.log").arg(i));
        const Generated made = writeFile(path, i, cpp);
        total.entries += made.entries;
        total.bytes += made.bytes;
        total.firstMs = made.firstMs;
        total.lastMs = made.lastMs;
        files << path;
    }
    const qint64 lines = qint64(kFiles) * kLinesPerFile;

    QString error;
    const auto store = LogStore::open(dir.filePath(QStringLiteral("logs.db")), &error);
    if (!store) {
        std::fprintf(stderr, "%s\n", qPrintable(error));
        return 1;
    }
    LogVolume volume;
    LogCollector collector(*store, volume, LogRetention{});
    QThread thread;
    collector.moveToThread(&thread);
    LogCluster cluster;
    cluster.project = QStringLiteral("bench");
    cluster.clusterId = QStringLiteral("c1");
    cluster.tempDir = dir.filePath(QStringLiteral("t"));
    cluster.nodeOutputDir = dir.filePath(QStringLiteral("out"));
    cluster.nodes = {{QStringLiteral("head-0"), QStringLiteral("head"), {}, 0, true}};
    QElapsedTimer ingest;
    ingest.start();
    thread.start();
    QMetaObject::invokeMethod(&collector, [&] {
        collector.start();
        collector.setClusters({cluster});
    });
    while (store->entryCount() < total.entries)
        QThread::msleep(100);
    const double ingestSeconds = double(ingest.elapsed()) / 1000.0;
    QMetaObject::invokeMethod(&collector, &LogCollector::stop, Qt::BlockingQueuedConnection);
    thread.quit();
    thread.wait();
    std::fprintf(stderr, "ingested %lld entries in %.1f s\n", total.entries, ingestSeconds);

    // The queries: text ones are timed against grep too.
    struct Query
    {
        QString filter;
        QByteArray grep; // empty: not a text search
        bool newestFirst = false;
        int pages = 1;
    };
    std::vector<Query> queries;
    QRandomGenerator random(7);
    for (int i = 0; i < kQueries; ++i) {
        const int needle = int(random.bounded(20));
        const qint64 from = total.firstMs + qint64(random.bounded(90)) * 60 * 1000;
        switch (i % 4) {
        case 0: {
            // Half rare words, half words in most lines.
            const QByteArray word = i % 8 == 0
                                        ? QByteArray(kWords[random.bounded(int(std::size(kWords)))])
                                        : "needle" + QByteArray::number(needle);
            queries.push_back({QString::fromLatin1(word), word});
            break;
        }
        case 1: {
            const QByteArray a = kWords[random.bounded(int(std::size(kWords)))];
            const QByteArray b = kWords[random.bounded(int(std::size(kWords)))];
            queries.push_back({QStringLiteral("\"%1 %2 needle%3\"")
                                   .arg(QString::fromLatin1(a), QString::fromLatin1(b))
                                   .arg(needle),
                               a + ' ' + b + " needle" + QByteArray::number(needle)});
            break;
        }
        case 2:
            queries.push_back(
                {QStringLiteral(
                     "severity>=WARNING labels.\"ml.googleapis.com/ray_cluster_id\"=\"c1\" "
                     "timestamp>=\"%1\" timestamp<\"%2\"")
                     .arg(rfc(from), rfc(from + 10 * 60 * 1000)),
                 {}});
            break;
        default:
            queries.push_back({QStringLiteral("severity>=INFO"), {}, true, 3});
            break;
        }
    }
    std::vector<double> ours, ourText;
    std::map<int, std::vector<double>> byKind;
    for (const Query &query : queries) {
        QElapsedTimer timer;
        timer.start();
        json body = {{"resourceNames", {"projects/bench"}},
                     {"filter", query.filter.toStdString()},
                     {"orderBy", query.newestFirst ? "timestamp desc" : "timestamp asc"},
                     {"pageSize", 100}};
        for (int page = 0; page < query.pages; ++page) {
            const ApiResult result = listEntries(*store, body);
            if (result.status != 200) {
                std::fprintf(stderr, "%s: %s\n", qPrintable(query.filter),
                             result.body.dump().c_str());
                return 1;
            }
            if (!result.body.contains("nextPageToken"))
                break;
            body["pageToken"] = result.body["nextPageToken"];
        }
        const double ms = double(timer.nsecsElapsed()) / 1e6;
        ours.push_back(ms);
        byKind[int(&query - queries.data()) % 4].push_back(ms);
        if (!query.grep.isEmpty())
            ourText.push_back(ms);
    }
    const char *const kinds[] = {"word (half of them common)", "phrase",
                                 "severity, cluster and time", "paging"};
    for (const auto &[kind, times] : byKind)
        std::fprintf(stderr, "%s: p50 %.2f ms, max %.2f ms\n", kinds[kind], median(times),
                     *std::max_element(times.begin(), times.end()));
    std::vector<double> grep;
    for (const Query &query : queries) {
        if (query.grep.isEmpty())
            continue;
        QElapsedTimer timer;
        timer.start();
        QProcess::execute(QStringLiteral("sh"),
                          QStringList{QStringLiteral("-c"),
                                      QStringLiteral("grep -c -F \"$0\" \"$@\" > /dev/null"),
                                      QString::fromLatin1(query.grep)} +
                              files);
        grep.push_back(double(timer.nsecsElapsed()) / 1e6);
        if (grep.size() >= 20)
            break; // grep's median is steady after a few runs
    }
    const qint64 dbBytes = QFileInfo(dir.filePath(QStringLiteral("logs.db"))).size() +
                           QFileInfo(dir.filePath(QStringLiteral("logs.db-wal"))).size();
    const double grepMedian = median(grep), ourMedian = median(ourText);
    std::printf(
        "logquery: entries=%lld ingest_lines_per_s=%.0f query_p50_ms=%.2f query_p99_ms=%.2f "
        "grep_ms=%.1f ratio_grep=%.1f db_mb=%.0f raw_mb=%.0f\n",
        store->entryCount(), double(lines) / ingestSeconds, percentile(ours, 0.5),
        percentile(ours, 0.99), grepMedian, grepMedian / ourMedian, double(dbBytes) / 1e6,
        double(total.bytes) / 1e6);
    std::fflush(stdout);
    return 0;
}
