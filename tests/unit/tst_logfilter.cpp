// Cloud Logging's query language as Logs Explorer users type it: what each filter means, and
// where and why a bad one cannot be read (the position goes into the 400's message).
#include "localplane/logs/logfilter.h"

#include <QTest>

using namespace rov::localplane::logs;

class TestLogFilter : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void validFiltersAndTheirMeaning_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<QString>("meaning");
        const auto row = [](const char *name, const char *filter, const char *meaning) {
            QTest::newRow(name) << QString::fromUtf8(filter) << QString::fromUtf8(meaning);
        };
        row("empty matches all", "", "AND()");
        row("severity", "severity>=WARNING", "severity>=\"WARNING\"");
        row("severity quoted", "severity >= \"ERROR\"", "severity>=\"ERROR\"");
        row("a word", "Traceback", "\"Traceback\"");
        row("a phrase", "\"connection refused\"", "\"connection refused\"");
        row("implicit AND", "severity=ERROR raylet", "AND(severity=\"ERROR\", \"raylet\")");
        row("explicit AND", "a AND b", "AND(\"a\", \"b\")");
        // Cloud Logging's precedence: NOT, then OR, then AND.
        row("OR binds tighter than AND", "\"a\" OR NOT \"b\" AND NOT \"c\" OR \"d\"",
            "AND(OR(\"a\", NOT(\"b\")), OR(NOT(\"c\"), \"d\"))");
        row("parentheses", "a AND (b OR c)", "AND(\"a\", OR(\"b\", \"c\"))");
        row("minus is NOT", "-textPayload:robot", "NOT(textPayload:\"robot\")");
        row("a dash inside a word", "worker-pool1", "\"worker-pool1\"");
        row("lower-case words are terms", "a and b", "AND(\"a\", \"and\", \"b\")");
        row("resource label", "resource.labels.task_name=\"ray-cluster-logs\"",
            "resource.labels.task_name=\"ray-cluster-logs\"");
        row("label key with dots", "labels.\"ml.googleapis.com/ray_cluster_id\"=\"c1\"",
            "labels.\"ml.googleapis.com/ray_cluster_id\"=\"c1\"");
        row("regex", "jsonPayload.tailed_path=~\"raylet\\\\.(out|err)$\"",
            "jsonPayload.tailed_path=~\"raylet\\.(out|err)$\"");
        row("not regex", "logName!~\"worker\"", "logName!~\"worker\"");
        row("value list", "resource.type=(\"ml_job\" OR \"gce_instance\")",
            "OR(resource.type=\"ml_job\", resource.type=\"gce_instance\")");
        row("time range",
            "timestamp>=\"2026-12-01T17:00:00Z\" timestamp<\"2026-12-01T18:00:00.5Z\"",
            "AND(timestamp>=\"2026-12-01T17:00:00Z\", timestamp<\"2026-12-01T18:00:00.5Z\")");
        row("escaped quote", "\"say \\\"hi\\\"\"", "\"say \"hi\"\"");
        row("unicode", "textPayload:\"任务失败\"", "textPayload:\"任务失败\"");
    }

    void validFiltersAndTheirMeaning()
    {
        QFETCH(QString, filter);
        QFETCH(QString, meaning);
        const auto parsed = parseLogFilter(filter);
        if (const auto *error = std::get_if<FilterError>(&parsed))
            QFAIL(qPrintable(QStringLiteral("%1 at %2").arg(error->message).arg(error->position)));
        QCOMPARE(std::get<FilterNode>(parsed).toString(), meaning);
    }

    void invalidFiltersSayWhereAndWhy_data()
    {
        QTest::addColumn<QString>("filter");
        QTest::addColumn<int>("position");
        QTest::addColumn<QString>("says");
        const auto row = [](const char *filter, int position, const char *says) {
            QTest::newRow(filter) << QString::fromUtf8(filter) << position
                                  << QString::fromUtf8(says);
        };
        row("severity>=", 10, "expected a value");
        row("severity>=LOUD", 10, "unknown severity \"LOUD\"");
        row("severity:WARN", 8, "compares with");
        row("timestamp>\"yesterday\"", 10, "not a time");
        row("colour=\"red\"", 0, "unknown field \"colour\"");
        row("(a OR b", 7, "expected ')'");
        row("a OR b)", 6, "without its '('");
        row("AND b", 0, "expected a term before AND");
        row("a OR", 4, "expected a term at the end");
        row("=5", 0, "expected a field name");
        row("textPayload:\"open", 12, "never closed");
        row("\"x\"=1", 0, "a field name, not a quoted value");
        row("resource.type=(\"a\" \"b\")", 19, "expected OR or ')'");
        row("a !b", 2, "expected an operator");
    }

    void invalidFiltersSayWhereAndWhy()
    {
        QFETCH(QString, filter);
        QFETCH(int, position);
        QFETCH(QString, says);
        const auto parsed = parseLogFilter(filter);
        if (std::holds_alternative<FilterNode>(parsed))
            QFAIL(qPrintable(
                QStringLiteral("read as %1").arg(std::get<FilterNode>(parsed).toString())));
        const FilterError &error = std::get<FilterError>(parsed);
        QVERIFY2(error.message.contains(says), qPrintable(error.message));
        QCOMPARE(error.position, position);
    }

    // What the API fuzzer found: filters that are valid but so deep or long that reading or
    // running them overflowed a stack or took seconds. Now a 400 at the place that goes past.
    void filtersPastTheLimitsAreRefusedWhereTheyGoPast()
    {
        const auto refused = [](const QString &filter) {
            const auto parsed = parseLogFilter(filter);
            return std::holds_alternative<FilterError>(parsed) ? std::get<FilterError>(parsed)
                                                               : FilterError{-1, {}};
        };
        const QString deepest = QString(kMaxFilterDepth, QLatin1Char('-')) + QLatin1Char('x');
        QVERIFY(std::holds_alternative<FilterNode>(parseLogFilter(deepest)));
        const FilterError tooDeep = refused(QString(1000, QLatin1Char('-')) + QLatin1Char('x'));
        QCOMPARE(tooDeep.position, kMaxFilterDepth);
        QVERIFY2(tooDeep.message.contains(QString::number(kMaxFilterDepth)),
                 qPrintable(tooDeep.message));
        const FilterError parentheses = refused(QString(100, QLatin1Char('(')) + QLatin1Char('x') +
                                                QString(100, QLatin1Char(')')));
        QCOMPARE(parentheses.position, kMaxFilterDepth);

        QStringList words;
        for (int i = 0; i < kMaxFilterTerms; ++i)
            words << QStringLiteral("w%1").arg(i);
        QVERIFY(std::holds_alternative<FilterNode>(parseLogFilter(words.join(QLatin1Char(' ')))));
        for (int i = kMaxFilterTerms; i < 1000; ++i)
            words << QStringLiteral("w%1").arg(i);
        const QString many = words.join(QLatin1String(" AND "));
        const FilterError tooMany = refused(many);
        QVERIFY2(tooMany.message.contains(QString::number(kMaxFilterTerms)),
                 qPrintable(tooMany.message));
        QCOMPARE(tooMany.position, many.indexOf(QStringLiteral("w%1").arg(kMaxFilterTerms)));
    }

    void severitiesHaveTheirRanks()
    {
        QCOMPARE(severityRank(QStringLiteral("DEFAULT")), 0);
        QCOMPARE(severityRank(QStringLiteral("warning")), 400);
        QCOMPARE(severityRank(QStringLiteral("EMERGENCY")), 800);
        QCOMPARE(severityRank(QStringLiteral("450")), 450);
        QCOMPARE(severityRank(QStringLiteral("LOUD")), -1);
    }
};

QTEST_GUILESS_MAIN(TestLogFilter)
#include "tst_logfilter.moc"
