// The Data page's code (core/datasnippets.h): what it quotes comes back unchanged from the shell
// and from Python, whatever the query holds, and rovd's address and token appear only when the
// backend is rovd (Google's samples name neither).
#include "core/datasnippets.h"

#include <QProcess>
#include <QTest>

using namespace rov::core;

namespace {

// What `program -c script` prints.
QString printed(const QString &program, const QString &script)
{
    QProcess process;
    process.start(program, {QStringLiteral("-c"), script});
    if (!process.waitForFinished(30000))
        return QStringLiteral("<no answer>");
    return QString::fromUtf8(process.readAllStandardOutput());
}

} // namespace

class TestDataSnippets : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void quotedTextComesBackUnchanged_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("plain") << QStringLiteral("SELECT 1");
        QTest::newRow("single quotes") << QStringLiteral("WHERE name = 'it''s' -- it's");
        QTest::newRow("double quotes") << QStringLiteral("SELECT \"a\" AS `b`");
        QTest::newRow("backslashes") << QStringLiteral("SELECT r'\\d+', '\\\\'");
        QTest::newRow("lines") << QStringLiteral("SELECT 1\nFROM t\n\nWHERE x > 2\n");
        QTest::newRow("triple quotes") << QStringLiteral("SELECT \"\"\"a\"\"\"\nFROM t");
        QTest::newRow("dollars") << QStringLiteral("SELECT '$HOME' AS `$x`, '`ls`'");
        QTest::newRow("ends in a double quote") << QStringLiteral("SELECT \"a\"\nFROM \"t\"");
        QTest::newRow("chinese") << QStringLiteral("SELECT '数据' AS 列");
        QTest::newRow("ends in backslash") << QStringLiteral("SELECT 'a\\\\'\n-- \\");
    }
    void quotedTextComesBackUnchanged()
    {
        QFETCH(QString, text);
        QCOMPARE(
            printed(QStringLiteral("/bin/sh"), QStringLiteral("printf %s ") + shellQuoted(text)),
            text);
        QCOMPARE(
            printed(QStringLiteral("/usr/bin/python3"),
                    QStringLiteral("import sys; sys.stdout.write(%1)").arg(pythonString(text))),
            text);
    }

    void rovdsAddressAndTokenOnlyForRovd()
    {
        const rov::api::bigquery::TableRef table{QStringLiteral("p"), QStringLiteral("d"),
                                                 QStringLiteral("t")};
        const QUrl rovd(QStringLiteral("http://127.0.0.1:8788/"));
        const QUrl google(QStringLiteral("https://bigquery.googleapis.com"));
        for (const DataSnippets &code :
             {querySnippets(rovd, QStringLiteral("p"), QStringLiteral("SELECT 1")),
              tableSnippets(rovd, table)}) {
            QVERIFY(code.python.contains(
                QStringLiteral("\"api_endpoint\": \"http://127.0.0.1:8788\"")));
            QVERIFY(code.python.contains(QStringLiteral("os.environ[\"TOKEN\"]")));
            QVERIFY(code.bq.contains(QStringLiteral("--api http://127.0.0.1:8788 ")));
            QVERIFY(code.rest.contains(
                QStringLiteral("http://127.0.0.1:8788/bigquery/v2/projects/p/")));
            // A Ray job on the cluster finds BigQuery itself, on rovd's nodes as on Vertex's.
            QVERIFY(!code.ray.contains(QStringLiteral("8788")));
        }
        for (const DataSnippets &code :
             {querySnippets(google, QStringLiteral("p"), QStringLiteral("SELECT 1")),
              tableSnippets(google, table)}) {
            QVERIFY(!code.python.contains(QStringLiteral("api_endpoint")));
            QVERIFY(!code.python.contains(QStringLiteral("TOKEN")));
            QVERIFY(!code.bq.contains(QStringLiteral("--api")));
            QVERIFY(code.rest.contains(
                QStringLiteral("https://bigquery.googleapis.com/bigquery/v2/projects/p/")));
        }
        QVERIFY(tableSnippets(google, table).ray.contains(QStringLiteral("dataset=\"d.t\"")));
        QVERIFY(tableSnippets(google, table).bq.contains(QStringLiteral("head -n 10 'd.t'")));
        QVERIFY(querySnippets(google, QStringLiteral("p"), QStringLiteral("SELECT 1"))
                    .ray.contains(QStringLiteral("query=\"SELECT 1\"")));
    }
};

QTEST_GUILESS_MAIN(TestDataSnippets)
#include "tst_datasnippets.moc"
