// A query's results as files (core/resultexport.h): CSV as RFC 4180 quotes it, NULL as an empty
// field; JSON lines with BigQuery's export types (INT64 as a string, FLOAT a number, BOOL a
// boolean, nested fields as JSON, NULL as null).
#include "core/resultexport.h"

#include <QTest>
#include <nlohmann/json.hpp>

using rov::api::bigquery::Field;
using rov::core::ResultExport;

class TestResultExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void csvQuotesWhatNeedsIt()
    {
        QCOMPARE(ResultExport::csvLine({QStringLiteral("plain"), QStringLiteral("a,b"),
                                        QStringLiteral("say \"hi\""), QStringLiteral("two\nlines"),
                                        QString(), QStringLiteral("")},
                                       {}),
                 QStringLiteral("plain,\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\",,"));
        QCOMPARE(ResultExport::csvHeader({Field{QStringLiteral("id"), {}, {}, {}, {}},
                                          Field{QStringLiteral("name"), {}, {}, {}, {}}}),
                 QStringLiteral("id,name"));
    }

    void jsonLinesKeepBigQuerysTypes()
    {
        const std::vector<Field> schema{
            {QStringLiteral("id"), QStringLiteral("INTEGER"), QStringLiteral("NULLABLE"), {}, {}},
            {QStringLiteral("price"), QStringLiteral("FLOAT"), QStringLiteral("NULLABLE"), {}, {}},
            {QStringLiteral("paid"), QStringLiteral("BOOLEAN"), QStringLiteral("NULLABLE"), {}, {}},
            {QStringLiteral("tags"), QStringLiteral("STRING"), QStringLiteral("REPEATED"), {}, {}},
            {QStringLiteral("note"), QStringLiteral("STRING"), QStringLiteral("NULLABLE"), {}, {}},
            {QStringLiteral("odd"), QStringLiteral("FLOAT"), QStringLiteral("NULLABLE"), {}, {}}};
        const auto line = nlohmann::json::parse(
            ResultExport::jsonLine({QStringLiteral("9007199254740993"), QStringLiteral("1.5"),
                                    QStringLiteral("true"), QStringLiteral("[\"a\",\"b\"]"),
                                    QString(), QStringLiteral("NaN")},
                                   schema)
                .toStdString());
        QVERIFY(line["id"] == "9007199254740993"); // no precision lost
        QVERIFY(line["price"] == 1.5);
        QVERIFY(line["paid"] == true);
        QVERIFY(line["tags"] == nlohmann::json::array({"a", "b"}));
        QVERIFY(line["note"].is_null());
        QVERIFY(line["odd"] == "NaN");
        // The fields in the schema's order; a row short of cells has nulls for the rest.
        QVERIFY(ResultExport::jsonLine({QStringLiteral("1")}, schema)
                    .startsWith(QStringLiteral("{\"id\":\"1\",\"price\":null")));
    }
};

QTEST_GUILESS_MAIN(TestResultExport)
#include "tst_resultexport.moc"
