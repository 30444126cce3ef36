#include "rest/linesplitter.h"

#include <QTest>

using rov::rest::LineSplitter;

class TestLineSplitter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void linesAcrossChunkBorders()
    {
        LineSplitter splitter;
        QList<QByteArray> lines;
        for (const QByteArray &chunk :
             {QByteArray("fir"), QByteArray("st\nsec"), QByteArray("ond\r"),
              QByteArray("\nthird\n\nfou"), QByteArray("rth")})
            lines += splitter.push(chunk);
        QCOMPARE(lines, (QList<QByteArray>{"first", "second", "third", ""}));
        QCOMPARE(splitter.finish(), QByteArray("fourth"));
        QCOMPARE(splitter.finish(), QByteArray());
    }

    void oneChunkManyLines()
    {
        LineSplitter splitter;
        QByteArray chunk;
        for (int i = 0; i < 1000; ++i)
            chunk += "line " + QByteArray::number(i) + '\n';
        const QList<QByteArray> lines = splitter.push(chunk);
        QCOMPARE(lines.size(), 1000);
        QCOMPARE(lines.last(), QByteArray("line 999"));
    }
};

QTEST_APPLESS_MAIN(TestLineSplitter)
#include "tst_linesplitter.moc"
