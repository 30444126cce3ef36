// Ray's log lines as they are in a session's logs/ (Ray 2.47.1, copied from this machine's
// clusters): severity and time from each of Ray's formats, tracebacks as one entry, prints at the
// time they were read, and the job a worker file's lines belong to.
#include "localplane/logs/raylogparser.h"

#include <QTest>
#include <ctime>

using namespace rov::localplane::logs;

namespace {

const QDateTime kReadAt(QDate(2026, 12, 1), QTime(9, 0), Qt::UTC);

std::vector<RayLogRecord> parseAll(const QStringList &lines)
{
    RayLogParser parser;
    auto records = parser.feed(lines, kReadAt);
    if (auto last = parser.flush())
        records.push_back(*last);
    return records;
}

} // namespace

class TestRayLogParser : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // Ray writes local time: the machine's zone decides what it means.
    void initTestCase()
    {
        qputenv("TZ", "Asia/Shanghai");
        tzset();
    }

    void pythonLoggingLines()
    {
        const auto records = parseAll(
            {QStringLiteral("2026-12-01 11:01:52,932\tINFO utils.py:303 -- Get all modules by "
                            "type: DashboardHeadModule"),
             QStringLiteral("2026-12-01 11:24:32,741\tWARNING monitor.py:591 -- slow"),
             QStringLiteral("2026-12-01 11:24:33,000\tDEBUG a.py:1 -- d"),
             QStringLiteral("2026-12-01 11:24:34,000\tCRITICAL a.py:1 -- c")});
        QCOMPARE(records.size(), size_t(4));
        QCOMPARE(records[0].severity, 200);
        QCOMPARE(records[0].timestamp,
                 QDateTime(QDate(2026, 12, 1), QTime(3, 1, 52, 932), Qt::UTC)); // +08:00
        QVERIFY(records[0].timeFromLine);
        QVERIFY(records[0].text.endsWith(QStringLiteral("DashboardHeadModule")));
        // The time and level are fields of the entry; its message begins after them.
        QCOMPARE(records[0].text.mid(records[0].headerLength),
                 QStringLiteral("utils.py:303 -- Get all modules by type: DashboardHeadModule"));
        QCOMPARE(records[1].severity, 400);
        QCOMPARE(records[2].severity, 100);
        QCOMPARE(records[3].severity, 600);
    }

    void cppLines()
    {
        const auto records = parseAll(
            {QStringLiteral("[2026-12-01 11:01:55,688 I 30601 30601] (raylet) main.cc:226: "
                            "Setting cluster ID to: 1051794c"),
             QStringLiteral("[2026-12-01 11:01:56,001 W 30601 30610] (raylet) "
                            "node_manager.cc:1:  slow"),
             QStringLiteral("[2026-12-01 11:01:57,002 E 30277 30277] (gcs_server) x.cc:9: bad"),
             QStringLiteral("[2026-12-01 11:01:58,003 C 30277 30277] (gcs_server) x.cc:9: dead")});
        QCOMPARE(records.size(), size_t(4));
        QCOMPARE(records[0].severity, 200);
        QCOMPARE(records[0].timestamp,
                 QDateTime(QDate(2026, 12, 1), QTime(3, 1, 55, 688), Qt::UTC));
        QCOMPARE(records[0].text.mid(records[0].headerLength),
                 QStringLiteral("(raylet) main.cc:226: Setting cluster ID to: 1051794c"));
        QCOMPARE(records[1].severity, 400);
        QCOMPARE(records[2].severity, 500);
        QCOMPARE(records[3].severity, 600);
    }

    // A file only a logger writes: a multi-line message (the autoscaler's status) is one entry.
    void aLoggersMultiLineMessageIsOneEntry()
    {
        RayLogParser parser;
        parser.setLoggerOnly(true);
        auto records = parser.feed(
            {QStringLiteral("2026-12-01 11:01:52,932\tINFO autoscaler.py:408 -- "),
             QStringLiteral("======== Autoscaler status ========"), QStringLiteral("Node status"),
             QStringLiteral("2026-12-01 11:01:53,000\tINFO a.py:1 -- next")},
            kReadAt);
        QCOMPARE(records.size(), size_t(1));
        QCOMPARE(records[0].text.count(QLatin1Char('\n')), 2);
        QCOMPARE(records[0].severity, 200);
        // Elsewhere the same lines are prints of their own.
        QCOMPARE(parseAll({QStringLiteral("2026-12-01 11:01:52,932\tINFO a.py:1 -- x"),
                           QStringLiteral("Node status")})
                     .size(),
                 size_t(2));
    }

    // Not a header: a bracket or a date that is not Ray's.
    void almostHeadersArePrints()
    {
        const auto records = parseAll({QStringLiteral("[2026-13-01 11:01:55,688 I 1 1] x"),
                                       QStringLiteral("2026-12-01 11:01:52,932 INFO no tab"),
                                       QStringLiteral("[note] something")});
        QCOMPARE(records.size(), size_t(3));
        for (const auto &record : records) {
            QCOMPARE(record.severity, 0);
            QCOMPARE(record.headerLength, 0);
            QVERIFY(!record.timeFromLine);
        }
    }

    // logger.exception(): the message, then its traceback, is one entry.
    void aLoggedTracebackIsOneEntry()
    {
        const auto records = parseAll(
            {QStringLiteral("2026-12-01 11:24:30,755\tINFO autoscaler.py:463 -- took 0.001 s"),
             QStringLiteral("2026-12-01 11:24:32,741\tERROR monitor.py:591 -- Monitor: Failure "
                            "in signal handler."),
             QStringLiteral("Traceback (most recent call last):"),
             QStringLiteral("  File \"ray/autoscaler/_private/monitor.py\", line 586, in "
                            "_signal_handler"),
             QStringLiteral("    self._handle_failure("),
             QStringLiteral("           ^^^^^^^^^^^^^"),
             QStringLiteral("ray.exceptions.RpcError: failed to connect to all addresses"),
             QStringLiteral("2026-12-01 11:24:33,000\tINFO monitor.py:600 -- next")});
        QCOMPARE(records.size(), size_t(3));
        QCOMPARE(records[1].severity, 500);
        QCOMPARE(records[1].text.count(QLatin1Char('\n')), 5);
        QVERIFY(records[1].text.endsWith(QStringLiteral("to all addresses")));
        QCOMPARE(records[2].text, QStringLiteral("2026-12-01 11:24:33,000\tINFO monitor.py:600 -- "
                                                 "next"));
    }

    // A worker's stderr: Ray's markers, prints, and a traceback of its own with a chained one.
    void aWorkerFile()
    {
        const auto records =
            parseAll({QStringLiteral(":job_id:02000000"), QStringLiteral(":task_name:<lambda>"),
                      QStringLiteral("marker-7f3a printed by the task"), QStringLiteral(""),
                      QStringLiteral("Traceback (most recent call last):"),
                      QStringLiteral("  File \"t.py\", line 3, in f"),
                      QStringLiteral("KeyError: 'x'"), QStringLiteral(""),
                      QStringLiteral("During handling of the above exception, another exception "
                                     "occurred:"),
                      QStringLiteral(""), QStringLiteral("Traceback (most recent call last):"),
                      QStringLiteral("  File \"t.py\", line 5, in f"),
                      QStringLiteral("ValueError: bad value"), QStringLiteral("after the crash"),
                      QStringLiteral(":job_id:03000000"), QStringLiteral("from another job")});
        QCOMPARE(records.size(), size_t(4));
        QCOMPARE(records[0].text, QStringLiteral("marker-7f3a printed by the task"));
        QCOMPARE(records[0].severity, 0);
        QCOMPARE(records[0].timestamp, kReadAt);
        QVERIFY(!records[0].timeFromLine);
        QCOMPARE(records[0].jobId, QStringLiteral("02000000"));
        QCOMPARE(records[1].severity, 500);
        QVERIFY(records[1].text.startsWith(QStringLiteral("Traceback")));
        QVERIFY2(records[1].text.endsWith(QStringLiteral("ValueError: bad value")),
                 qPrintable(records[1].text));
        QVERIFY(records[1].text.contains(QStringLiteral("KeyError: 'x'")));
        QCOMPARE(records[2].text, QStringLiteral("after the crash"));
        QCOMPARE(records[3].jobId, QStringLiteral("03000000"));
    }

    // The last entry waits for the next line, which may continue it; fed in pieces, the same
    // entries come out.
    void theLastEntryWaitsForWhatFollows()
    {
        RayLogParser parser;
        QVERIFY(
            parser
                .feed({QStringLiteral("2026-12-01 11:24:32,741\tERROR m.py:1 -- failed")}, kReadAt)
                .empty());
        QVERIFY(parser
                    .feed({QStringLiteral("Traceback (most recent call last):"),
                           QStringLiteral("  File \"m.py\", line 1")},
                          kReadAt)
                    .empty());
        const auto done =
            parser.feed({QStringLiteral("OSError: gone"),
                         QStringLiteral("2026-12-01 11:24:33,000\tINFO m.py:2 -- ok")},
                        kReadAt);
        QCOMPARE(done.size(), size_t(1));
        QCOMPARE(done[0].text.count(QLatin1Char('\n')), 3);
        const auto last = parser.flush();
        QVERIFY(last && last->text.endsWith(QStringLiteral("-- ok")));
        QVERIFY(!parser.flush());
    }
};

QTEST_GUILESS_MAIN(TestRayLogParser)
#include "tst_raylogparser.moc"
