#include "clusterspage.h"
#include "contextbar.h"
#include "core/backendsession.h"
#include "core/clusterlistmodel.h"
#include "core/languagemanager.h"
#include "icons.h"
#include "jobhistorypage.h"
#include "mainwindow.h"
#include "monitoring/customchartdialog.h"
#include "navigation.h"
#include "screenshots.h"
#include "serving/deploydialog.h"
#include "serving/registermodeldialog.h"
#include "shownguide.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QDir>
#include <QFileInfo>
#include <QFontDatabase>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollBar>
#include <QSettings>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTextBlock>
#include <QTextBrowser>
#include <QTextDocument>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>

using rov::core::LanguageManager;
using rov::ui::MainWindow;
using rov::ui::Page;
namespace icons = rov::ui::icons;

class TestMainWindow : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);      // job history and profiles of a test user
        QSettings().remove(QStringLiteral("windows")); // every run starts at the default sizes
    }

    void pagesAreOnTheLeftAndCtrlDigitSwitchesWhereverFocusIs()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto *navigation = window.navigation();
        QCOMPARE(navigation->count(), 8); // no placeholders for pages still to come
        QCOMPARE(navigation->item(0)->text(), QStringLiteral("Ray clusters"));
        QCOMPARE(navigation->item(1)->text(), QStringLiteral("Job history"));
        QCOMPARE(navigation->item(2)->text(), QStringLiteral("Monitoring"));
        QVERIFY(!navigation->item(2)->icon().isNull());
        QCOMPARE(navigation->item(3)->text(), QStringLiteral("Logs"));
        QVERIFY(!navigation->item(3)->icon().isNull());
        QCOMPARE(navigation->item(4)->text(), QStringLiteral("Model Registry"));
        QCOMPARE(navigation->item(5)->text(), QStringLiteral("Endpoints"));
        QCOMPARE(navigation->item(6)->text(), QStringLiteral("Batch predictions"));
        QCOMPARE(navigation->item(7)->text(), QStringLiteral("Data"));
        for (int row = 4; row < 8; ++row)
            QVERIFY(!navigation->item(row)->icon().isNull());
        QCOMPARE(navigation->current(), Page::Clusters);
        auto *history = navigation->widget(Page::JobHistory);
        // The filter box has focus at start and claims Ctrl+letters for itself; Ctrl+2 still
        // switches.
        auto *filter =
            window.clustersPage()->findChild<QLineEdit *>(QStringLiteral("clusterFilter"));
        filter->setFocus();
        QTRY_VERIFY(filter->hasFocus());
        QTest::keyClick(filter, Qt::Key_2, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::JobHistory);
        QVERIFY(history->isVisible());
        QVERIFY(!window.clustersPage()->isVisible());
        // The cluster toolbar belongs to the clusters page; the selection actions rest.
        QVERIFY(!window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->isVisible());
        QVERIFY(!window.findChild<QAction *>(QStringLiteral("scale"))->isEnabled());
        auto *historyFilter = history->findChild<QLineEdit *>(QStringLiteral("historyFilter"));
        historyFilter->setFocus();
        QTRY_VERIFY(historyFilter->hasFocus());
        QTest::keyClick(historyFilter, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Monitoring);
        QTest::keyClick(&window, Qt::Key_4, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Logs);
        // Its query editor takes Ctrl+Enter; Ctrl+3 still leaves.
        auto *query =
            navigation->widget(Page::Logs)->findChild<QWidget *>(QStringLiteral("logQuery"));
        query->setFocus();
        QTRY_VERIFY(query->hasFocus());
        QTest::keyClick(query, Qt::Key_3, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Monitoring);
        QVERIFY(navigation->widget(Page::Monitoring)->isVisible());
        QTest::keyClick(navigation->widget(Page::Monitoring), Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Clusters);
        QVERIFY(window.clustersPage()->isVisible());
        QVERIFY(window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->isVisible());
        // A click on the list does the same.
        const QRect row = navigation->visualItemRect(navigation->item(1));
        QTest::mouseClick(navigation->viewport(), Qt::LeftButton, {}, row.center());
        QCOMPARE(navigation->current(), Page::JobHistory);
        // Ctrl+5 and Ctrl+6: the Model Registry and Endpoints, even from the Test panel's editor.
        QTest::keyClick(&window, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Models);
        QTest::keyClick(&window, Qt::Key_6, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Endpoints);
        auto *request = navigation->widget(Page::Endpoints)
                            ->findChild<QWidget *>(QStringLiteral("predictRequest"));
        request->setFocus();
        QTRY_VERIFY(request->hasFocus());
        QTest::keyClick(request, Qt::Key_5, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Models);
        QTest::keyClick(&window, Qt::Key_7, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Batch);
        // Ctrl+8: Data, whose query editor takes Ctrl+Enter but not Ctrl+digits.
        QTest::keyClick(&window, Qt::Key_8, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Data);
        auto *sql = navigation->widget(Page::Data)->findChild<QWidget *>(QStringLiteral("sqlEdit"));
        sql->setFocus();
        QTRY_VERIFY(sql->hasFocus());
        QTest::keyClick(sql, Qt::Key_1, Qt::ControlModifier);
        QCOMPARE(navigation->current(), Page::Clusters);
    }

    void iconsComeFromAFreedesktopTheme()
    {
        MainWindow window;
        // Adwaita draws them (adwaita-icon-theme in scripts/debian-packages.txt).
        for (auto which : {icons::Icon::Clusters, icons::Icon::JobHistory, icons::Icon::Create,
                           icons::Icon::Delete, icons::Icon::Refresh, icons::Icon::Reboot,
                           icons::Icon::Dashboard, icons::Icon::Scale}) {
            const QIcon icon = icons::icon(which);
            QVERIFY2(
                !icon.pixmap(22).isNull(),
                qPrintable(QStringLiteral("no icon \"%1\" in the theme \"%2\"")
                               .arg(QLatin1String(icons::themeName(which)), QIcon::themeName())));
        }
        QVERIFY(!window.windowIcon().isNull());
        for (int row = 0; row < window.navigation()->count(); ++row)
            QVERIFY(!window.navigation()->item(row)->icon().pixmap(22).isNull());
        for (QAction *action :
             window.findChild<QToolBar *>(QStringLiteral("mainToolBar"))->actions()) {
            if (!action->isSeparator())
                QVERIFY2(!action->icon().pixmap(20).isNull(), qPrintable(action->objectName()));
        }
    }

    void theProjectRegionAndBackendAreAlwaysShown()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCOMPARE(window.contextBar()->text(),
                 QStringLiteral("Project: — · Region: — · Backend: not connected"));
        rov::core::Profile staging;
        staging.id = QStringLiteral("staging");
        staging.name = QStringLiteral("Staging");
        staging.backend = rov::core::Profile::Backend::GoogleCloud;
        staging.project = QStringLiteral("demo-project");
        staging.region = QStringLiteral("europe-west4");
        staging.baseUrl = QStringLiteral("http://127.0.0.1:9"); // nothing listens: no real call
        staging.credentials = rov::core::Profile::Credentials::TokenCommand;
        staging.tokenCommand = QStringLiteral("echo test-token");
        window.useProfile(staging);
        QCOMPARE(window.contextBar()->text(),
                 QStringLiteral("Project: demo-project · Region: europe-west4 · Backend: Staging "
                                "(Google Cloud, 127.0.0.1)"));
        // On every page.
        window.navigation()->show(Page::JobHistory);
        QVERIFY(window.contextBar()->isVisible());
        QVERIFY(window.contextBar()->switcher()->isVisible());
        QVERIFY(window.contextBar()->switcher()->menu() != nullptr);
        save(window, QStringLiteral("shell_job_history_en.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_VERIFY(window.contextBar()->text().startsWith(QStringLiteral("项目")));
        QCOMPARE(window.navigation()->item(1)->text(), QStringLiteral("作业历史"));
        save(window, QStringLiteral("shell_job_history_zh_CN.png"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
    }

    void helpListsTheKeyboardShortcuts()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("keyboardShortcuts"))->trigger();
        auto *list = window.findChild<QTreeWidget *>(QStringLiteral("shortcutList"));
        QVERIFY(list);
        QStringList lines;
        for (QTreeWidgetItemIterator it(list); *it; ++it)
            lines << (*it)->text(0) + QLatin1Char('=') + (*it)->text(1);
        QVERIFY2(lines.contains(QStringLiteral("Ray clusters=Ctrl+1")),
                 qPrintable(lines.join(u'|')));
        QVERIFY(lines.contains(QStringLiteral("Job history=Ctrl+2")));
        QVERIFY(lines.contains(QStringLiteral("Scale…=Ctrl+E")));
        QVERIFY(lines.contains(QStringLiteral("Create cluster…=Ctrl+N")));
        // A page's own keys too.
        QVERIFY2(lines.contains(QStringLiteral("Live tail on or off=Ctrl+L")),
                 qPrintable(lines.join(u'|')));
        QVERIFY(lines.contains(QStringLiteral("Run the query=Ctrl+Return")));
        QVERIFY(
            lines.contains(QStringLiteral("Send the request (in the request's box)=Ctrl+Return")));
        save(*list->window(), QStringLiteral("shortcuts_en.png"));
        list->window()->close();
        // Ctrl+L turns the live tail on and off wherever the focus is on the Logs page (the
        // button's mnemonic once took its shortcut away).
        window.navigation()->show(Page::Logs);
        QWidget *logs = window.navigation()->widget(Page::Logs);
        auto *tail = logs->findChild<QPushButton *>(QStringLiteral("liveTail"));
        auto *editor = logs->findChild<QPlainTextEdit *>();
        QVERIFY(tail && editor);
        window.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&window));
        editor->setFocus();
        QTRY_VERIFY(editor->hasFocus());
        QTest::keyClick(editor, Qt::Key_L, Qt::ControlModifier);
        QVERIFY(tail->isChecked());
        QTest::keyClick(logs->findChild<QTableView *>(), Qt::Key_L, Qt::ControlModifier);
        QVERIFY(!tail->isChecked());
    }

    void helpOpensTheGuideAtThePageShownInItsLanguage()
    {
        // Every row of the real navigation (so a page added later is checked too), in English
        // and in Chinese: Shift+F1 opens the guide from the build's copy at that page's section.
        QSettings().remove(QStringLiteral("windows"));
        for (const QString &language : {QStringLiteral("en_US"), QStringLiteral("zh_CN")}) {
            QVERIFY(m_languages.apply(QLocale(language)));
            MainWindow window;
            window.setLanguageManager(&m_languages);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            auto *action = window.findChild<QAction *>(QStringLiteral("userGuide"));
            QVERIFY(action);
            QCOMPARE(action->shortcut(), QKeySequence(Qt::SHIFT | Qt::Key_F1));
            QVERIFY(window.menuBar()->actions().last()->menu()->actions().contains(action));
            // F1 is still the list of keys.
            QCOMPARE(window.findChild<QAction *>(QStringLiteral("keyboardShortcuts"))->shortcut(),
                     QKeySequence(Qt::Key_F1));
            const QString file = language.startsWith(QLatin1String("zh"))
                                     ? QStringLiteral("user-guide.zh_CN.md")
                                     : QStringLiteral("user-guide.md");
            auto *navigation = window.navigation();
            rov::ui::GuideWindow *guide = nullptr;
            for (int row = 0; row < navigation->count(); ++row) {
                navigation->actions()[size_t(row)]->trigger();
                window.activateWindow();
                QVERIFY(QTest::qWaitForWindowActive(&window));
                QTest::keyClick(&window, Qt::Key_F1, Qt::ShiftModifier);
                QTRY_VERIFY(guide = shownguide::find());
                QVERIFY(QTest::qWaitForWindowExposed(guide));
                QCOMPARE(QFileInfo(guide->shownFile()).fileName(), file);
                const QString section = rov::ui::guideSection(navigation->current());
                QTRY_COMPARE(guide->currentSection(), section);
                // The section's heading is at the top of the view, not merely passed.
                auto *contents = guide->findChild<QListWidget *>(QStringLiteral("guideContents"));
                QVERIFY(contents->currentItem());
                QCOMPARE(contents->currentItem()->data(Qt::UserRole).toString(), section);
                // …and it is the page's by name: "Logs and the query language" for Logs.
                QVERIFY2(contents->currentItem()->text().startsWith(navigation->item(row)->text(),
                                                                    Qt::CaseInsensitive),
                         qPrintable(contents->currentItem()->text()));
                QVERIFY(guide->browser()->verticalScrollBar()->value() > 0 || row == 0);
                if (navigation->current() == Page::Logs)
                    save(*guide, QStringLiteral("guide_%1.png")
                                     .arg(language == QLatin1String("en_US") ? QStringLiteral("en")
                                                                             : language));
            }
            QCOMPARE(topLevelGuides(), 1); // one window, opened again at each section
            // Its images were found (a screenshot's width, not the missing-image box).
            bool image = false;
            for (QTextBlock b = guide->browser()->document()->begin(); b.isValid(); b = b.next())
                for (auto it = b.begin(); !it.atEnd(); ++it)
                    image = image || it.fragment().charFormat().isImageFormat();
            QVERIFY(image);
            guide->close();
        }
    }

    void theGuideFollowsTheLanguageAndGoesBack()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.setLanguageManager(&m_languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.navigation()->show(Page::Logs);
        window.findChild<QAction *>(QStringLiteral("userGuide"))->trigger();
        rov::ui::GuideWindow *guide = shownguide::find();
        QVERIFY(guide);
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("logs"));
        // A link of the guide's own table of contents, then Back.
        Q_EMIT guide->browser()->anchorClicked(QUrl(QStringLiteral("#data-bigquery")));
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("data"));
        guide->findChild<QAction *>(QStringLiteral("guideBack"))->trigger();
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("logs"));
        // A double click in the contents (clicked, then activated) is one step: one Back returns.
        auto *contents = guide->findChild<QListWidget *>(QStringLiteral("guideContents"));
        const auto rows = contents->findItems(QStringLiteral("Endpoints"), Qt::MatchStartsWith);
        QCOMPARE(rows.size(), 1);
        Q_EMIT contents->itemClicked(rows.first());
        Q_EMIT contents->itemActivated(rows.first());
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("endpoints"));
        guide->findChild<QAction *>(QStringLiteral("guideBack"))->trigger();
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("logs"));
        // Find: Ctrl+F, a word, Return selects it further down.
        auto *find = guide->findChild<QLineEdit *>(QStringLiteral("guideFind"));
        QTest::keyClicks(find, QStringLiteral("JupyterLab"));
        QTest::keyClick(find, Qt::Key_Return);
        QCOMPARE(guide->browser()->textCursor().selectedText(), QStringLiteral("JupyterLab"));
        // The language changes while it is open: the same section, in Chinese.
        window.findChild<QAction *>(QStringLiteral("userGuide"))->trigger();
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("logs"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QTRY_COMPARE(QFileInfo(guide->shownFile()).fileName(),
                     QStringLiteral("user-guide.zh_CN.md"));
        QTRY_COMPARE(guide->currentSection(), QStringLiteral("logs"));
        QCOMPARE(guide->windowTitle(), QStringLiteral("用户指南"));
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QTRY_COMPARE(QFileInfo(guide->shownFile()).fileName(), QStringLiteral("user-guide.md"));
        guide->close();
    }

    void theDialogsHelpOpensTheirSection()
    {
        // Project setup and Settings block the main window; their Help button (and Shift+F1 in
        // them) still opens the guide, at their own sections.
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.setLanguageManager(&m_languages);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        const std::pair<const char *, const char *> dialogs[] = {{"settings", "settings"},
                                                                 {"projectSetup", "project-setup"}};
        for (const auto &[action, section] : dialogs) {
            window.findChild<QAction *>(QLatin1String(action))->trigger();
            QDialog *dialog = nullptr;
            QTRY_VERIFY(dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget()));
            auto *help = dialog->findChild<QAbstractButton *>(QStringLiteral("guideButton"));
            QVERIFY2(help && help->isVisible(), action);
            QTest::mouseClick(help, Qt::LeftButton);
            rov::ui::GuideWindow *guide = nullptr;
            QTRY_VERIFY(guide = shownguide::find());
            QTRY_COMPARE(guide->currentSection(), QLatin1String(section));
            guide->close();
            QTRY_VERIFY(!shownguide::find());
            dialog->activateWindow(); // as a desktop's window manager gives it back to the dialog
            QTRY_COMPARE(QApplication::activeWindow(), dialog);
            QTest::keyClick(dialog, Qt::Key_F1, Qt::ShiftModifier);
            QTRY_VERIFY(guide = shownguide::find());
            QTRY_COMPARE(guide->currentSection(), QLatin1String(section));
            guide->close();
            dialog->reject();
            QTRY_VERIFY(!QApplication::activeModalWidget());
        }
    }

    void everyDialogHasHelpAtItsSection()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        MainWindow window;
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.findChild<QAction *>(QStringLiteral("keyboardShortcuts"))->trigger();
        auto *shortcuts = window.findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        rov::ui::DeployDialog deploy(nullptr, {}, {});
        rov::ui::RegisterModelDialog registerModel(nullptr);
        rov::ui::CustomChartDialog chart(nullptr, QString());
        const std::pair<QDialog *, const char *> dialogs[] = {{shortcuts, "shortcuts"},
                                                              {&deploy, "models"},
                                                              {&registerModel, "models"},
                                                              {&chart, "monitoring"}};
        for (const auto &[dialog, section] : dialogs) {
            QVERIFY(dialog);
            dialog->show();
            QVERIFY(QTest::qWaitForWindowExposed(dialog));
            auto *help = dialog->findChild<QAbstractButton *>(QStringLiteral("guideButton"));
            QVERIFY2(help && help->isVisible(), section);
            help->click();
            rov::ui::GuideWindow *guide = nullptr;
            QTRY_VERIFY(guide = shownguide::find());
            QTRY_COMPARE(guide->currentSection(), QLatin1String(section));
            // The guide does not keep the console running once the main window is closed.
            QVERIFY(!guide->testAttribute(Qt::WA_QuitOnClose));
            guide->close();
            QTRY_VERIFY(!shownguide::find());
            dialog->hide();
        }
    }

    void windowsRememberTheirSizeAndTheirTablesSort()
    {
        QSettings().remove(QStringLiteral("windows"));
        {
            MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            window.resize(1000, 640);
            window.clustersPage()->table()->sortByColumn(rov::core::ClusterListModel::Name,
                                                         Qt::AscendingOrder);
            window.close();
        }
        MainWindow again;
        again.show();
        QVERIFY(QTest::qWaitForWindowExposed(&again));
        QCOMPARE(again.size(), QSize(1000, 640));
        const auto *header = again.clustersPage()->table()->horizontalHeader();
        QCOMPARE(header->sortIndicatorSection(), int(rov::core::ClusterListModel::Name));
        QCOMPARE(header->sortIndicatorOrder(), Qt::AscendingOrder);
        // The Job history page was never opened: its splitters keep their own sizes instead of
        // the ones a hidden page had (its cluster list collapsed to a sliver once).
        again.navigation()->show(Page::JobHistory);
        auto *clusters = again.findChild<QWidget *>(QStringLiteral("historyClusters"));
        QTRY_VERIFY2(clusters->width() > 150, qPrintable(QString::number(clusters->width())));
        // A window seen for the first time opens centred on its own.
        again.findChild<QAction *>(QStringLiteral("keyboardShortcuts"))->trigger();
        auto *dialog = again.findChild<QDialog *>(QStringLiteral("shortcutsDialog"));
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        const QPoint off = dialog->frameGeometry().center() - again.frameGeometry().center();
        QVERIFY2(off.manhattanLength() < 40,
                 qPrintable(QStringLiteral("%1, %2").arg(off.x()).arg(off.y())));
        dialog->close();
        again.close();
        QSettings().remove(QStringLiteral("windows")); // the next tests start at the defaults
    }

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
    static int topLevelGuides()
    {
        int count = 0;
        for (QWidget *top : QApplication::topLevelWidgets())
            count += qobject_cast<rov::ui::GuideWindow *>(top) ? 1 : 0;
        return count;
    }

    static void save(QWidget &window, const QString &name)
    {
        QVERIFY(screenshots::save(window, name));
    }

    LanguageManager m_languages;
};

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
