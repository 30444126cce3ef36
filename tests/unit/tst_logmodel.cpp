#include "core/logmodel.h"

#include <QAbstractItemModelTester>
#include <QElapsedTimer>
#include <QFile>
#include <QTemporaryDir>
#include <QTest>

using rov::core::LogLineStore;
using rov::core::LogModel;
using rov::core::LogSearch;

namespace {

qint64 residentKiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    status.open(QIODevice::ReadOnly);
    for (const QByteArray &line : status.readAll().split('\n')) {
        if (line.startsWith("VmRSS:"))
            return line.mid(6).trimmed().split(' ').first().toLongLong();
    }
    return -1;
}

} // namespace

class TestLogModel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linesSplitAcrossChunksAreJoined()
    {
        LogLineStore store;
        QCOMPARE(store.append("first li"), 0);
        QCOMPARE(store.append("ne\r\nsecond\nthi"), 2);
        QCOMPARE(store.finish(), 1);
        QCOMPARE(store.lineCount(), 3);
        QCOMPARE(store.lineText(0), QStringLiteral("first line"));
        QCOMPARE(store.lineText(1), QStringLiteral("second"));
        QCOMPARE(store.lineText(2), QStringLiteral("thi"));
        QVERIFY(store.line(3).isEmpty());
    }

    void findsEveryMatchingLineOnce()
    {
        LogLineStore store;
        store.append("Error: disk\nok\nerror error twice\nmiddle ERROR\n");
        store.append(QByteArray(LogLineStore::kBlockBytes, 'x') + "\nerror in a new block\n");
        QVERIFY((store.find(LogSearch(QStringLiteral("error"), Qt::CaseInsensitive)) ==
                 std::vector<qsizetype>{0, 2, 3, 5}));
        QVERIFY((store.find(LogSearch(QStringLiteral("error"), Qt::CaseSensitive)) ==
                 std::vector<qsizetype>{2, 5}));
        QVERIFY(store.find(LogSearch(QStringLiteral("absent"), Qt::CaseInsensitive)).empty());
        QVERIFY(LogSearch(QStringLiteral("error"), Qt::CaseInsensitive).matches("An ERROR here"));
        QVERIFY(!LogSearch(QStringLiteral("error"), Qt::CaseSensitive).matches("An ERROR here"));
    }

    void aMillionLinesStayCheapAndSearchable()
    {
        const qint64 before = residentKiB();
        LogModel model;
        QAbstractItemModelTester tester(&model,
                                        QAbstractItemModelTester::FailureReportingMode::QtTest);
        QByteArray chunk;
        for (int i = 0; i < 1000000; ++i) {
            chunk += "2026-11-25 12:00:00 INFO worker " + QByteArray::number(i % 97) +
                     " processed item " + QByteArray::number(i) + (i % 1000 == 0 ? " needle" : "") +
                     "\n";
            if (chunk.size() > 65536) {
                model.append(chunk);
                chunk.clear();
            }
        }
        model.append(chunk);
        model.finish();
        QCOMPARE(model.rowCount(), 1000000);
        QCOMPARE(model.index(999999, 0).data().toString(),
                 QStringLiteral("2026-11-25 12:00:00 INFO worker 26 processed item 999999"));
        QCOMPARE(model.search(QStringLiteral("NEEDLE"), Qt::CaseInsensitive), 1000);
        model.setOnlyMatching(true);
        QCOMPARE(model.rowCount(), 1000);
        QCOMPARE(model.lineOfRow(1), 1000);
        QCOMPARE(model.rowOfLine(2000), 2);
        QCOMPARE(model.rowOfLine(2001), -1);
        // About 60 bytes of text and 12 of index per line; never a copy of the whole text.
        const qint64 grownMiB = (residentKiB() - before) / 1024;
        QVERIFY2(grownMiB < 150, qPrintable(QStringLiteral("grew by %1 MiB").arg(grownMiB)));
    }

    void savesWhatItHolds()
    {
        LogModel model;
        model.append("one\ntwo\n");
        model.finish();
        QTemporaryDir dir;
        QString error;
        QVERIFY(model.saveTo(dir.filePath(QStringLiteral("log.txt")), &error));
        QFile saved(dir.filePath(QStringLiteral("log.txt")));
        QVERIFY(saved.open(QIODevice::ReadOnly));
        QCOMPARE(saved.readAll(), QByteArray("one\ntwo\n"));
    }
};

QTEST_GUILESS_MAIN(TestLogModel)
#include "tst_logmodel.moc"
