// A query's results as files (core/resultexport.h): CSV as RFC 4180 quotes it, NULL as an empty
// field; JSON lines with BigQuery's export types (INT64 as a string, FLOAT a number, BOOL a
// boolean, nested fields as JSON, NULL as null).
#include "core/resultexport.h"

#include <QStandardItemModel>
#include <QTest>
#include <nlohmann/json.hpp>

using rov::api::bigquery::Field;
using rov::core::ResultExport;

class TestResultExport : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    // What Ctrl+C puts on the clipboard: the selection's rectangle, a line a row, tabs between
    // cells, gaps for cells left out, and no tab or line end from inside a value.
    void copiedCellsAreTabSeparated()
    {
        QStandardItemModel model(3, 3);
        for (int row = 0; row < 3; ++row)
            for (int column = 0; column < 3; ++column)
                model.setItem(row, column,
                              new QStandardItem(QStringLiteral("r%1c%2").arg(row).arg(column)));
        model.item(1, 1)->setText(QStringLiteral("two\tparts\nand lines"));
        QCOMPARE(rov::core::cellsAsTsv({}), QString());
        QCOMPARE(rov::core::cellsAsTsv(
                     {model.index(1, 1), model.index(1, 2), model.index(2, 2), model.index(2, 1)}),
                 QStringLiteral("two parts and lines\tr1c2\nr2c1\tr2c2"));
        QCOMPARE(rov::core::cellsAsTsv({model.index(0, 0), model.index(2, 2)}),
                 QStringLiteral("r0c0\t\t\n\t\t\n\t\tr2c2"));
    }

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
