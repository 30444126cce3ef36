// Streams 1,000,000 log lines at full speed into our LogView and, in the same run, into a
// QPlainTextEdit (the obvious alternative); then searches them. The last line:
// logs: ours_lines_per_s=<n> plain_lines_per_s=<n> ratio=<x> search_ms=<n> peak_rss_mb=<n>
// max_stall_ms=<n>
#include "core/logmodel.h"
#include "logview.h"
#include "testsupport.h"

#include <QApplication>
#include <QElapsedTimer>
#include <QFile>
#include <QPlainTextEdit>
#include <QTableView>
#include <QTimer>
#include <algorithm>
#include <cstdio>
#include <functional>

namespace {

constexpr int kLines = 1000000;
constexpr qint64 kPlainBudgetMs = 60000; // QPlainTextEdit gets a minute, then its rate counts

std::vector<QByteArray> makeChunks()
{
    std::vector<QByteArray> chunks;
    QByteArray chunk;
    for (int i = 0; i < kLines; ++i) {
        chunk += "2026-11-25 12:00:00,123 INFO worker.py:" + QByteArray::number(i % 500) +
                 " -- task " + QByteArray::number(i) + " finished in " +
                 QByteArray::number((i * 7) % 1000) + " ms" +
                 (i % 997 == 0 ? " WARNING slow" : "") + "\n";
        if (chunk.size() >= 64 * 1024) {
            chunks.push_back(chunk);
            chunk.clear();
        }
    }
    chunks.push_back(chunk);
    return chunks;
}

qint64 peakRssMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong() / 1024;
    }
    return -1;
}

// Hands one chunk to `feed` per event-loop turn, as a network stream would, until all are in
// or the budget is spent; returns the lines fed and the time taken.
std::pair<qint64, qint64> stream(const std::vector<QByteArray> &chunks,
                                 const std::function<void(const QByteArray &)> &feed,
                                 const std::function<void()> &flush, qint64 budgetMs)
{
    QElapsedTimer clock;
    clock.start();
    size_t next = 0;
    qint64 lines = 0;
    QEventLoop loop;
    QTimer pump;
    pump.setInterval(0);
    QObject::connect(&pump, &QTimer::timeout, [&] {
        if (next == chunks.size() || clock.elapsed() > budgetMs) {
            pump.stop();
            flush();
            loop.quit();
            return;
        }
        feed(chunks[next]);
        lines += chunks[next].count('\n');
        ++next;
    });
    pump.start();
    loop.exec();
    QCoreApplication::processEvents(); // the last repaint
    return {lines, clock.elapsed()};
}

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const auto chunks = makeChunks();

    rov::core::LogModel model;
    rov::ui::LogView view(&model);
    view.resize(1000, 700);
    view.show();
    // The first paint loads fonts; that is not streaming.
    QEventLoop settle;
    QTimer::singleShot(300, &settle, &QEventLoop::quit);
    settle.exec();
    rov::test::StallMeter stalls;
    const auto [ourLines, ourMs] = stream(
        chunks, [&](const QByteArray &chunk) { model.append(chunk); }, [&] { model.finish(); },
        1000000);
    const qint64 maxStall = stalls.maxLateMs();
    std::vector<qint64> searches;
    qsizetype hits = 0;
    for (int round = 0; round < 5; ++round) {
        QElapsedTimer clock;
        clock.start();
        hits = model.search(QStringLiteral("warning"), Qt::CaseInsensitive);
        searches.push_back(clock.elapsed());
    }
    std::sort(searches.begin(), searches.end());
    const qint64 peak = peakRssMiB();
    std::printf("ours: %lld lines in %lld ms, %lld rows in the view, search hits %lld\n",
                static_cast<long long>(ourLines), static_cast<long long>(ourMs),
                static_cast<long long>(model.rowCount()), static_cast<long long>(hits));
    view.hide();

    QPlainTextEdit plain;
    plain.setReadOnly(true);
    plain.resize(1000, 700);
    plain.show();
    const auto [plainLines, plainMs] = stream(
        chunks,
        [&](const QByteArray &chunk) {
            plain.appendPlainText(QString::fromUtf8(chunk.chopped(1)));
        },
        [] {}, kPlainBudgetMs);
    std::printf("plain: %lld lines in %lld ms (budget %lld ms)\n",
                static_cast<long long>(plainLines), static_cast<long long>(plainMs),
                static_cast<long long>(kPlainBudgetMs));

    const double ours = double(ourLines) * 1000.0 / double(std::max<qint64>(1, ourMs));
    const double theirs = double(plainLines) * 1000.0 / double(std::max<qint64>(1, plainMs));
    std::printf("logs: ours_lines_per_s=%.0f plain_lines_per_s=%.0f ratio=%.1f search_ms=%lld "
                "peak_rss_mb=%lld max_stall_ms=%lld\n",
                ours, theirs, ours / std::max(1.0, theirs),
                static_cast<long long>(searches[searches.size() / 2]), static_cast<long long>(peak),
                static_cast<long long>(maxStall));
    return 0;
}
