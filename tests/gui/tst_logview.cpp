// The live log view: follows the end while new lines arrive, stops following when the user
// scrolls up, and moves between search matches, also with only the matching lines shown.
#include "core/languagemanager.h"
#include "core/logmodel.h"
#include "logview.h"

#include <QCheckBox>
#include <QLabel>
#include <QLineEdit>
#include <QScrollBar>
#include <QTableView>
#include <QTest>

using rov::core::LogModel;
using rov::ui::LogView;

namespace {

QByteArray lines(int from, int count)
{
    QByteArray text;
    for (int i = from; i < from + count; ++i)
        text += "line " + QByteArray::number(i) + (i % 100 == 7 ? " Traceback here" : "") + "\n";
    return text;
}

} // namespace

class TestLogView : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US")))); // plural forms
    }

    void theBarFollowsALanguageSwitch()
    {
        LogModel model;
        LogView view(&model);
        view.show();
        model.append(lines(0, 3));
        model.finish();
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        auto *hits = view.findChild<QLabel *>(QStringLiteral("logHits"));
        QTRY_COMPARE(hits->text(), QStringLiteral("3 行"));
        QVERIFY(!view.findChild<QLineEdit *>(QStringLiteral("logSearch"))
                     ->placeholderText()
                     .contains(QLatin1String("Search")));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QTRY_COMPARE(hits->text(), QStringLiteral("3 lines"));
    }

    void followsTheEndUntilTheUserScrollsUp()
    {
        LogModel model;
        LogView view(&model);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        model.append(lines(0, 5000));
        QTRY_COMPARE(model.rowCount(), 5000);
        QScrollBar *bar = view.list()->verticalScrollBar();
        QTRY_COMPARE(bar->value(), bar->maximum());
        bar->setValue(bar->maximum() / 2); // the user reads something above
        QVERIFY(!view.isFollowing());
        const int kept = bar->value();
        model.append(lines(5000, 5000));
        QTRY_COMPARE(model.rowCount(), 10000);
        QCOMPARE(bar->value(), kept);
        bar->setValue(bar->maximum()); // back at the end: following again
        model.append(lines(10000, 100));
        QTRY_COMPARE(model.rowCount(), 10100);
        QTRY_COMPARE(bar->value(), bar->maximum());
    }

    void anEmptiedLogSaysSo()
    {
        // Issue 10, item 8: after a reboot the Jobs tab's log was empty but said "29 lines".
        LogModel model;
        LogView view(&model);
        view.show();
        model.append(lines(0, 29));
        model.finish();
        auto *hits = view.findChild<QLabel *>(QStringLiteral("logHits"));
        QTRY_VERIFY2(hits->text().startsWith(QLatin1String("29 line")), qPrintable(hits->text()));
        model.clear();
        QVERIFY2(hits->text().startsWith(QLatin1String("0 line")), qPrintable(hits->text()));
    }

    void aSearchCountsTheLinesThatArriveAfterIt()
    {
        // A job chosen again with the search box still filled: its log arrives after the search
        // and the count said "0 matches" beside a matching line.
        LogModel model;
        LogView view(&model);
        view.show();
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("logSearch")),
                         QStringLiteral("TRACEBACK"));
        auto *hits = view.findChild<QLabel *>(QStringLiteral("logHits"));
        QCOMPARE(hits->text(), QStringLiteral("0 matches"));
        model.append(lines(0, 1000));
        model.finish();
        QTRY_COMPARE(hits->text(), QStringLiteral("10 matches"));
        model.clear();
        QCOMPARE(hits->text(), QStringLiteral("0 matches"));
        model.append(lines(0, 20));
        model.finish();
        QTRY_COMPARE(hits->text(), QStringLiteral("1 match"));
        view.nextHit();
        QCOMPARE(view.list()->currentIndex().row(), 7);
    }

    void searchMovesBetweenMatches()
    {
        LogModel model;
        LogView view(&model);
        view.show();
        model.append(lines(0, 1000));
        model.finish();
        QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("logSearch")),
                         QStringLiteral("traceback"));
        auto *hits = view.findChild<QLabel *>(QStringLiteral("logHits"));
        QCOMPARE(hits->text(), QStringLiteral("10 matches"));
        view.nextHit();
        QCOMPARE(view.list()->currentIndex().row(), 7);
        view.nextHit();
        QCOMPARE(view.list()->currentIndex().row(), 107);
        view.previousHit();
        view.previousHit(); // wraps to the last
        QCOMPARE(view.list()->currentIndex().row(), 907);
        QCOMPARE(hits->text(), QStringLiteral("10 of 10"));
        view.setOnlyMatching(true);
        QCOMPARE(model.rowCount(), 10);
        view.nextHit();
        QCOMPARE(view.list()->currentIndex().data().toString(),
                 QStringLiteral("line 7 Traceback here"));
    }

private:
    rov::core::LanguageManager m_languages;
};

QTEST_MAIN(TestLogView)
#include "tst_logview.moc"
