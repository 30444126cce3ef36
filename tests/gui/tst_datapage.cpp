// The Data page as an analyst uses it, against a real rovd and its BigQuery service (DuckDB): the
// explorer lists a dataset's tables and filters them, a table's details, schema and rows (paged as
// the grid scrolls), the query editor's dry run says what a query will process and marks a bad
// one at its column, Ctrl+Enter runs a query and its results and statistics show, a running query
// is cancelled; in English and in Chinese, with screenshots of both.
#include "core/datacontroller.h"
#include "core/languagemanager.h"
#include "core/queryhistorymodel.h"
#include "core/queryresultsmodel.h"
#include "core/resultexport.h"
#include "data/datapage.h"
#include "data/queryhistoryview.h"
#include "data/sqledit.h"
#include "mainwindow.h"
#include "navigation.h"
#include "rest/restclient.h"
#include "rovdfixture.h"
#include "screenshots.h"
#include "serving/snippettabs.h"
#include "testsupport.h"

#include <QAbstractItemView>
#include <QClipboard>
#include <QCompleter>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QProcess>
#include <QPushButton>
#include <QRegularExpression>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace rov;
using nlohmann::json;
using rov::ui::Page;

class TestDataPage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QSettings().clear();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        makeShop();
        core::Profile profile = core::Profile::thisComputer();
        profile.rovdUrl = m_rovd.url(QString());
        profile.rovdDataDir = m_data.path();
        m_window.setLanguageManager(&m_languages);
        m_window.resize(1280, 760);
        m_window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&m_window));
        m_window.useProfile(profile);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window.session()->status() == core::BackendSession::Status::Ready, 20000);
        QTest::keyClick(&m_window, Qt::Key_8, Qt::ControlModifier);
        QCOMPARE(m_window.navigation()->current(), Page::Data);
        m_page = m_window.showData();
    }

    void cleanupTestCase()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        m_rovd.terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        rov::test::killProcessesUnder(m_data.path());
    }

    void theExplorerListsTheDatasetsTablesAndFiltersThem()
    {
        auto *explorer = m_page->explorer();
        QTRY_VERIFY_WITH_TIMEOUT(explorer->model()->rowCount() == 1 &&
                                     explorer->model()->rowCount(explorer->model()->index(0, 0)) ==
                                         2,
                                 20000);
        QCOMPARE(explorer->model()->index(0, 0).data().toString(), QStringLiteral("shop"));
        QVERIFY(m_page->explorerStatus()->text().contains(QStringLiteral("1 dataset")));
        auto *filter = m_page->findChild<QLineEdit *>(QStringLiteral("explorerFilter"));
        QTest::keyClicks(filter, QStringLiteral("big"));
        const QModelIndex shop = explorer->model()->index(0, 0);
        QCOMPARE(explorer->model()->rowCount(shop), 1);
        QCOMPARE(explorer->model()->index(0, 0, shop).data().toString(),
                 QStringLiteral("big_orders"));
        filter->clear();
        QCOMPARE(explorer->model()->rowCount(explorer->model()->index(0, 0)), 2);
    }

    void aTablesDetailsSchemaAndRowsShowWithoutAQuery()
    {
        auto *explorer = m_page->explorer();
        const QModelIndex shop = explorer->model()->index(0, 0);
        QModelIndex orders;
        for (int row = 0; row < explorer->model()->rowCount(shop); ++row) {
            if (explorer->model()->index(row, 0, shop).data().toString() == QLatin1String("orders"))
                orders = explorer->model()->index(row, 0, shop);
        }
        QVERIFY(orders.isValid());
        explorer->setCurrentIndex(orders);
        explorer->setFocus();
        QTest::keyClick(explorer, Qt::Key_Return);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->controller()->table().has_value(), 10000);
        QCOMPARE(m_page->tabs()->currentIndex(), 1); // Details
        QCOMPARE(m_page->findChild<QLabel *>(QStringLiteral("detail2"))->text(),
                 QLocale().toString(2000));
        save(QStringLiteral("data_details_en.png"));
        // Schema: the RECORD's fields under it.
        QTRY_COMPARE(m_page->schema()->topLevelItemCount(), 4);
        QTreeWidgetItem *address = m_page->schema()->topLevelItem(3);
        QCOMPARE(address->text(1), QStringLiteral("RECORD"));
        QCOMPARE(address->childCount(), 2);
        // Preview: the first page, then the next as the grid scrolls to its end.
        auto *preview = m_page->controller()->preview();
        QTRY_COMPARE_WITH_TIMEOUT(preview->rowCount(), core::DataController::kPageRows, 10000);
        QCOMPARE(preview->totalRows(), 2000);
        m_page->tabs()->setCurrentIndex(3);
        save(QStringLiteral("data_preview_en.png"));
        m_page->preview()->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(preview->rowCount() >= 2 * core::DataController::kPageRows, 10000);
        QCOMPARE(preview->data(preview->index(0, 0), Qt::DisplayRole).toString(),
                 QStringLiteral("1"));
    }

    void theDryRunSaysWhatAQueryWillProcessAndMarksABadOne()
    {
        m_page->tabs()->setCurrentIndex(0);
        auto *editor = m_page->editor();
        editor->setPlainText(QStringLiteral("SELECT customer, COUNT(*) AS orders, SUM(price) AS "
                                            "total\nFROM shop.orders\nGROUP BY customer\nORDER "
                                            "BY customer"));
        // customer (2,000 strings of 2 bytes and their 2-byte headers) and price (8 bytes each).
        QTRY_VERIFY_WITH_TIMEOUT(m_page->validation()->text().contains(QStringLiteral("process")),
                                 10000);
        QVERIFY2(m_page->validation()->text().contains(QLocale().formattedDataSize(
                     2000 * 4 + 2000 * 8, 1, QLocale::DataSizeTraditionalFormat)),
                 qPrintable(m_page->validation()->text()));
        editor->setPlainText(QStringLiteral("SELECT id\nFROM shop.orders\nWHERE nope > 3"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->validation()->text().contains(QStringLiteral("nope")),
                                 10000);
        editor->setPlainText(QStringLiteral("SELECT id FROM shop.orders WHERE"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->validation()->text().contains(QStringLiteral("[1:")),
                                 10000);
        QVERIFY(editor->hasErrorMark());
        save(QStringLiteral("data_error_en.png"));
    }

    void ctrlEnterRunsTheQueryAndItsResultsShow()
    {
        auto *editor = m_page->editor();
        editor->setPlainText(QStringLiteral(
            "SELECT customer, COUNT(*) AS orders, SUM(price) AS total, "
            "ARRAY_AGG(id ORDER BY id LIMIT 3) AS first\nFROM shop.orders\nGROUP BY customer\n"
            "ORDER BY customer"));
        editor->setFocus();
        QTest::keyClick(editor, Qt::Key_Return, Qt::ControlModifier);
        auto *results = m_page->controller()->results();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->controller()->running() && results->rowCount() == 3,
                                 20000);
        QCOMPARE(results->columnCount(), 4);
        QCOMPARE(results->headerData(0, Qt::Horizontal, Qt::DisplayRole).toString(),
                 QStringLiteral("customer"));
        QCOMPARE(results->data(results->index(0, 0), Qt::DisplayRole).toString(),
                 QStringLiteral("c0"));
        QCOMPARE(results->data(results->index(0, 3), Qt::DisplayRole).toString(),
                 QStringLiteral("[\"3\",\"6\",\"9\"]"));
        QTRY_VERIFY(m_page->jobInfo()->text().contains(QStringLiteral("processed")));
        QVERIFY(m_page->jobInfo()->text().contains(QStringLiteral("3 of 3 rows")));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->validation()->text().contains(QStringLiteral("process")),
                                 10000);
        save(QStringLiteral("data_query_en.png"));
        // Ctrl+C copies the selected cells, tab-separated, as a spreadsheet pastes them.
        auto *grid = m_page->results();
        grid->setFocus();
        grid->selectionModel()->select(QItemSelection(results->index(0, 0), results->index(1, 1)),
                                       QItemSelectionModel::ClearAndSelect);
        QGuiApplication::clipboard()->clear();
        QTest::keyClick(grid, Qt::Key_C, Qt::ControlModifier);
        QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("c0\t666\nc1\t667"));
    }

    // Names complete as they are typed: a dataset's table, then a column of a table opened in
    // the explorer; Enter takes the first offer.
    void namesCompleteInTheEditor()
    {
        auto *editor = m_page->editor();
        m_page->tabs()->setCurrentIndex(0);
        editor->clear();
        editor->setFocus();
        QTest::keyClicks(editor, QStringLiteral("SELECT * FROM shop.ord"));
        QCompleter *completer = editor->completer();
        QTRY_VERIFY(completer->popup()->isVisible());
        QCOMPARE(completer->currentCompletion(), QStringLiteral("shop.orders"));
        QTest::keyClick(completer->popup(), Qt::Key_Return);
        QCOMPARE(editor->toPlainText(), QStringLiteral("SELECT * FROM shop.orders"));
        // The orders table was opened before: its columns complete, a record's fields too.
        QTest::keyClicks(editor, QStringLiteral(" WHERE cust"));
        QTRY_VERIFY(completer->popup()->isVisible());
        QTest::keyClick(completer->popup(), Qt::Key_Tab);
        QVERIFY2(editor->toPlainText().endsWith(QStringLiteral("WHERE customer")),
                 qPrintable(editor->toPlainText()));
        QTest::keyClicks(editor, QStringLiteral(" AND address.ci"));
        QTRY_COMPARE(completer->currentCompletion(), QStringLiteral("address.city"));
        QTest::keyClick(completer->popup(), Qt::Key_Escape);
        QVERIFY(!completer->popup()->isVisible());
        QVERIFY(editor->toPlainText().endsWith(QStringLiteral("address.ci")));
    }

    // The Code tab shows the query and the open table as code that runs: its Python (Google's
    // client) and its curl line, run here against the same rovd, print the query's rows.
    void theCodeTabsQueryAndTableCodeRun()
    {
        m_page->editor()->setPlainText(
            QStringLiteral("SELECT customer, COUNT(*) AS n\nFROM shop.orders\nWHERE customer = "
                           "'c1' -- it's \"quoted\"\nGROUP BY customer"));
        m_page->openTable({core::Profile::thisComputer().project, QStringLiteral("shop"),
                           QStringLiteral("orders")});
        QTRY_VERIFY_WITH_TIMEOUT(m_page->controller()->table().has_value(), 10000);
        m_page->tabs()->setCurrentIndex(4);
        QTRY_VERIFY(m_page->queryCode()->isVisible() && m_page->tableCode()->isVisible());
        const QString python = m_page->queryCode()->text(1);
        QVERIFY2(python.contains(QStringLiteral("client.query(sql)")), qPrintable(python));
        QVERIFY(m_page->queryCode()->text(3).contains(QStringLiteral("ray.data.read_bigquery(")));
        QVERIFY(m_page->tableCode()->text(3).contains(QStringLiteral("dataset=\"shop.orders\"")));
        const auto run = [this](const QString &program, const QStringList &arguments) {
            QProcess process;
            process.setProcessChannelMode(QProcess::MergedChannels);
            auto environment = QProcessEnvironment::systemEnvironment();
            environment.insert(QStringLiteral("TOKEN"), QString::fromLatin1(m_rovd.userToken()));
            process.setProcessEnvironment(environment);
            process.start(program, arguments);
            process.waitForFinished(120000);
            return std::pair{process.exitCode(), QString::fromUtf8(process.readAll())};
        };
        const auto [queryExit, queryOut] =
            run(QStringLiteral(ROV_PYTHON_VENV "/bin/python"), {QStringLiteral("-c"), python});
        QVERIFY2(queryExit == 0 && queryOut.contains(QStringLiteral("'customer': 'c1'")),
                 qPrintable(queryOut.right(3000)));
        const auto [tableExit, tableOut] =
            run(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                {QStringLiteral("-c"), m_page->tableCode()->text(1)});
        QVERIFY2(tableExit == 0 && tableOut.count(QStringLiteral("'id': ")) == 10,
                 qPrintable(tableOut.right(3000)));
        const auto [curlExit, curlOut] =
            run(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), m_page->queryCode()->text(0)});
        static const QRegularExpression complete(QStringLiteral("\"jobComplete\":\\s*true"));
        QVERIFY2(curlExit == 0 && curlOut.contains(complete) &&
                     curlOut.contains(QStringLiteral("\"c1\"")),
                 qPrintable(curlOut.right(3000)));
        m_page->queryCode()->setCurrentIndex(3); // Ray: the query in a job on a cluster
        m_page->tableCode()->setCurrentIndex(1);
        save(QStringLiteral("data_code_en.png"));
        m_page->tabs()->setCurrentIndex(0);
    }

    // Export writes a query's results to CSV and JSON lines, every page of them; a cancelled
    // or failed export leaves no file and says why.
    void theResultsAreExportedAndAnExportCanBeCancelled()
    {
        m_page->tabs()->setCurrentIndex(0);
        m_page->editor()->setPlainText(QStringLiteral(
            "SELECT id, IF(MOD(id, 5) = 0, NULL, customer) AS customer, CONCAT('a,\"b\"', "
            "CAST(id AS STRING)) AS text, address FROM shop.orders ORDER BY id"));
        m_page->run();
        QTRY_VERIFY_WITH_TIMEOUT(
            !m_page->controller()->running() && m_page->exportButton()->isEnabled(), 20000);
        QTemporaryDir out;
        const QString csv = out.filePath(QStringLiteral("orders.csv"));
        m_page->exportResults(csv, core::ResultExport::Format::Csv);
        QTRY_VERIFY_WITH_TIMEOUT(
            m_page->exportStatus()->text().contains(QStringLiteral("Exported 2,000 rows")), 30000);
        QFile csvFile(csv);
        QVERIFY(csvFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> lines = csvFile.readAll().split('\n');
        QCOMPARE(lines.size(), 2002); // the header, 2,000 rows (over the grid's pages), the end
        QCOMPARE(lines[0], QByteArray("id,customer,text,address"));
        QCOMPARE(lines[1], QByteArray("1,c1,\"a,\"\"b\"\"1\",\"{\"\"city\"\":\"\"city1\"\","
                                      "\"\"zip\"\":\"\"75001\"\"}\""));
        QVERIFY2(lines[5].startsWith("5,,"), lines[5].constData()); // NULL: an empty field
        const QString jsonl = out.filePath(QStringLiteral("orders.jsonl"));
        m_page->exportResults(jsonl, core::ResultExport::Format::JsonLines);
        QTRY_VERIFY_WITH_TIMEOUT(m_page->exportStatus()->text().contains(QStringLiteral("jsonl")),
                                 30000);
        QFile jsonFile(jsonl);
        QVERIFY(jsonFile.open(QIODevice::ReadOnly));
        const QList<QByteArray> objects = jsonFile.readAll().trimmed().split('\n');
        QCOMPARE(objects.size(), 2000);
        const auto fifth = nlohmann::json::parse(objects[4].toStdString());
        QVERIFY(fifth["customer"].is_null() && fifth["id"] == "5" &&
                fifth["address"]["city"] == "city5");
        // A file that cannot be written: said, and nothing is left.
        m_page->exportResults(QStringLiteral("/proc/no/such/place.csv"),
                              core::ResultExport::Format::Csv);
        QTRY_VERIFY(m_page->exportStatus()->text().contains(QStringLiteral("The export failed")));
        // Cancelled before its first page came: no file.
        const QString cancelled = out.filePath(QStringLiteral("cancelled.csv"));
        m_page->exportResults(cancelled, core::ResultExport::Format::Csv);
        QVERIFY(m_page->runningExport());
        QVERIFY(!m_page->exportButton()->isEnabled()); // one export at a time
        m_page->runningExport()->cancel();
        QTRY_VERIFY(m_page->exportStatus()->text().contains(QStringLiteral("cancelled")));
        QVERIFY(!QFile::exists(cancelled));
        QTRY_VERIFY(m_page->exportButton()->isEnabled());

        // Save to a table: the results, all of them, in a new table the explorer lists.
        m_page->saveResults(QStringLiteral("shop.saved"));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->exportStatus()->text().contains(QStringLiteral(
                                     "Saved the results to local-project.shop.saved")),
                                 30000);
        const auto saved = get(QStringLiteral("/bigquery/v2/projects/%1/datasets/shop/tables/saved")
                                   .arg(core::Profile::thisComputer().project));
        QVERIFY2(saved.status == 200 && saved.json()["numRows"] == "2000", saved.body.constData());
        auto *explorer = m_page->controller()->explorer();
        QTRY_VERIFY_WITH_TIMEOUT(explorer->rowCount() == 1 && explorer->item(0)->rowCount() == 3,
                                 10000);
        // A table that has rows is kept as it is, and the page says why nothing was saved.
        m_page->saveResults(QStringLiteral("shop.saved"));
        QTRY_VERIFY_WITH_TIMEOUT(
            m_page->exportStatus()->text().contains(QStringLiteral("Could not save")), 30000);
        m_page->saveResults(QStringLiteral("nodots"));
        QVERIFY(m_page->exportStatus()->text().contains(QStringLiteral("dataset.table")));
    }

    void aRunningQueryIsCancelled()
    {
        auto *editor = m_page->editor();
        editor->setPlainText(QStringLiteral("SELECT SUM(a.id * b.id * c.id) FROM shop.orders a, "
                                            "shop.orders b, shop.orders c"));
        m_page->run();
        auto *cancel = m_page->findChild<QPushButton *>(QStringLiteral("cancelQuery"));
        QTRY_VERIFY_WITH_TIMEOUT(cancel->isEnabled(), 5000);
        QTest::qWait(700); // the job is known and runs
        QTest::mouseClick(cancel, Qt::LeftButton);
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->controller()->running(), 20000);
        QVERIFY2(m_page->jobInfo()->text().contains(QStringLiteral("Cancelled")),
                 qPrintable(m_page->jobInfo()->text()));
    }

    // The History tab lists the queries this test ran, newest first, and follows each new one;
    // a query opens again in the editor. Saved queries are kept per profile and come back.
    void theHistoryAndSavedQueriesBringAQueryBack()
    {
        auto *history = m_page->history();
        m_page->tabs()->setCurrentIndex(5);
        auto *table = history->table();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() >= 4, 20000);
        // Newest first: the query cancelled a moment ago.
        QCOMPARE(table->model()->index(0, core::QueryHistoryModel::State).data().toString(),
                 QStringLiteral("Cancelled"));
        QVERIFY(table->model()
                    ->index(0, core::QueryHistoryModel::Query)
                    .data()
                    .toString()
                    .startsWith(QStringLiteral("SELECT SUM(a.id * b.id * c.id)")));
        int succeeded = -1;
        for (int row = 0; row < table->model()->rowCount() && succeeded < 0; ++row) {
            if (table->model()->index(row, core::QueryHistoryModel::State).data() ==
                QStringLiteral("Succeeded"))
                succeeded = row;
        }
        QVERIFY(succeeded > 0);
        const QString sql =
            table->model()->index(succeeded, 0).data(core::QueryHistoryModel::QueryRole).toString();
        QVERIFY(!sql.isEmpty());
        save(QStringLiteral("data_history_en.png"));
        table->setFocus();
        table->setCurrentIndex(table->model()->index(succeeded, 0));
        QTest::keyClick(table, Qt::Key_Return);
        QCOMPARE(m_page->tabs()->currentIndex(), 0);
        QCOMPARE(m_page->editor()->toPlainText(), sql);
        // A query that ends is the history's newest row.
        const int before = table->model()->rowCount();
        m_page->editor()->setPlainText(QStringLiteral("SELECT COUNT(*) AS n FROM shop.orders"));
        m_page->run();
        QTRY_VERIFY_WITH_TIMEOUT(table->model()->rowCount() == before + 1, 20000);
        QTRY_COMPARE(table->model()->index(0, core::QueryHistoryModel::State).data().toString(),
                     QStringLiteral("Succeeded"));

        // Saved queries: saved under a name, replaced under the same name, opened from the menu.
        m_page->saveQuery(QStringLiteral("order count"));
        m_page->editor()->setPlainText(
            QStringLiteral("SELECT COUNT(*) AS orders FROM shop.orders"));
        m_page->saveQuery(QStringLiteral("order count"));
        m_page->editor()->clear();
        QMenu *menu = m_page->savedButton()->menu();
        QAction *open = nullptr;
        int named = 0;
        for (QAction *action : menu->actions()) {
            if (action->text() == QLatin1String("order count")) {
                open = action;
                ++named;
            }
        }
        QCOMPARE(named, 1);
        open->trigger();
        QCOMPARE(m_page->editor()->toPlainText(),
                 QStringLiteral("SELECT COUNT(*) AS orders FROM shop.orders"));
        // They belong to the profile: kept in its settings group.
        QSettings settings;
        QVERIFY(settings.childGroups().contains(QStringLiteral("profiles")));
    }

    void everythingIsInChinese()
    {
        m_page->editor()->setPlainText(QStringLiteral("SELECT customer, COUNT(*) AS orders\nFROM "
                                                      "shop.orders\nGROUP BY customer"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_VERIFY_WITH_TIMEOUT(m_page->validation()->text().contains(QStringLiteral("处理")),
                                 10000);
        QCOMPARE(m_page->tabs()->tabText(0), QStringLiteral("查询"));
        QCOMPARE(m_window.navigation()->item(7)->text(), QStringLiteral("数据"));
        m_page->run();
        QTRY_VERIFY_WITH_TIMEOUT(!m_page->controller()->running() &&
                                     m_page->controller()->results()->rowCount() == 3,
                                 20000);
        QTRY_VERIFY(m_page->jobInfo()->text().contains(QStringLiteral("处理")));
        save(QStringLiteral("data_query_zh.png"));
        m_page->tabs()->setCurrentIndex(2);
        save(QStringLiteral("data_schema_zh.png"));
        m_page->tabs()->setCurrentIndex(4);
        QTRY_COMPARE(m_page->tabs()->tabText(4), QStringLiteral("代码"));
        QVERIFY(m_page->findChild<QLabel *>(QStringLiteral("queryCodeTitle"))
                    ->text()
                    .contains(QStringLiteral("查询")));
        save(QStringLiteral("data_code_zh.png"));
        m_page->tabs()->setCurrentIndex(5);
        QTRY_COMPARE(m_page->tabs()->tabText(5), QStringLiteral("历史记录"));
        QTRY_VERIFY(m_page->history()->table()->model()->headerData(0, Qt::Horizontal).toString() ==
                    QStringLiteral("创建时间"));
        save(QStringLiteral("data_history_zh.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QTRY_COMPARE(m_page->tabs()->tabText(0), QStringLiteral("Query"));
    }

private:
    void save(const QString &name) { QVERIFY(screenshots::save(m_window, name)); }

    rest::HttpResponse call(const QString &path, const json &body)
    {
        rest::HttpRequest request =
            rest::HttpRequest::withJson(rest::HttpMethod::Post, m_rovd.url(path), body);
        request.setHeader("Authorization", "Bearer " + m_rovd.adminToken());
        return rov::test::sendAndWait(m_client, request, 60000);
    }

    rest::HttpResponse get(const QString &path)
    {
        rest::HttpRequest request = rest::HttpRequest::get(m_rovd.url(path));
        request.setHeader("Authorization", "Bearer " + m_rovd.adminToken());
        return rov::test::sendAndWait(m_client, request, 10000);
    }

    // A dataset "shop": a table of 2,000 orders (with a RECORD) and a view of it.
    void makeShop()
    {
        const QString api =
            QStringLiteral("/bigquery/v2/projects/%1/").arg(core::Profile::thisComputer().project);
        // The service starts beside rovd: asked until it answers (a list changes nothing).
        QTRY_VERIFY_WITH_TIMEOUT(get(api + QStringLiteral("datasets")).status == 200, 30000);
        QCOMPARE(
            call(api + QStringLiteral("datasets"), {{"datasetReference", {{"datasetId", "shop"}}}})
                .status,
            200);
        const auto made = call(
            api + QStringLiteral("queries"),
            {{"query", "CREATE TABLE shop.orders AS SELECT x AS id, CONCAT('c', CAST(MOD(x, 3) AS "
                       "STRING)) AS customer, x * 1.5 AS price, STRUCT(CONCAT('city', CAST(MOD(x, "
                       "7) AS STRING)) AS city, 75000 + x AS zip) AS address FROM "
                       "UNNEST(GENERATE_ARRAY(1, 2000)) AS x"},
             {"useLegacySql", false}});
        QVERIFY2(made.status == 200, made.body.constData());
        const auto view = call(api + QStringLiteral("queries"),
                               {{"query", "CREATE VIEW shop.big_orders AS SELECT * FROM "
                                          "shop.orders WHERE price > 100"},
                                {"useLegacySql", false}});
        QVERIFY2(view.status == 200, view.body.constData());
    }

    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovdp-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
    rest::RestClient m_client;
    core::LanguageManager m_languages;
    ui::MainWindow m_window;
    ui::DataPage *m_page = nullptr;
};

QTEST_MAIN(TestDataPage)
#include "tst_datapage.moc"
