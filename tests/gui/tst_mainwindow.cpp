#include "core/languagemanager.h"
#include "mainwindow.h"

#include <QApplication>
#include <QDir>
#include <QFontDatabase>
#include <QLabel>
#include <QMenuBar>
#include <QTest>

using rov::core::LanguageManager;
using rov::ui::MainWindow;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void showsTheProductNameInEnglish()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.windowTitle(), QStringLiteral("Ray on Vertex AI Console"));
        QCOMPARE(window.findChild<QAction *>(QStringLiteral("createCluster"))->text(),
                 QStringLiteral("&Create cluster…"));
        save(window, QStringLiteral("mainwindow_en.png"));
    }

    void switchesToChineseWhileRunning()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_COMPARE(window.windowTitle(), QStringLiteral("Vertex AI 上的 Ray 控制台"));
        QAction *fileMenu = window.menuBar()->actions().first();
        QCOMPARE(fileMenu->text(), QStringLiteral("文件(&F)"));
        // Chinese glyphs are taller: the menu bar grows to fit them instead of folding its titles.
        QTRY_COMPARE(window.menuBar()->height(), window.menuBar()->sizeHint().height());
        save(window, QStringLiteral("mainwindow_zh_CN.png"));
    }

    void aChineseFontIsInstalled()
    {
        QVERIFY2(
            !QFontDatabase::families(QFontDatabase::SimplifiedChinese).isEmpty(),
            "no font can show Simplified Chinese (scripts/setup.sh installs fonts-wqy-microhei)");
    }

private:
    static void save(QWidget &window, const QString &name)
    {
        // scripts/screenshots.sh points this at docs/screenshots.
        const QString dir =
            qEnvironmentVariable("ROV_SCREENSHOT_DIR", QStringLiteral(ROV_SCREENSHOT_DIR));
        QDir().mkpath(dir);
        QVERIFY(window.grab().save(dir + QLatin1Char('/') + name));
    }

    LanguageManager m_languages;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
