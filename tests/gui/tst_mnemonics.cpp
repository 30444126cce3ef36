// No two things a person can reach with the same Alt+letter in one window, in English and in
// Chinese (where a translation puts the letter in brackets): every button, label, group box and
// tab that is on screen, page by page of the main window, the menu bar's titles, each menu's
// items, and the dialogs and windows one opens (Deploy model once had two Alt+N; the Ray
// dashboard window's Jobs menu and tab both took Alt+J). The File menu's dialogs too.
#include "core/languagemanager.h"
#include "dashboard/dashboardwindow.h"
#include "mainwindow.h"
#include "monitoring/customchartdialog.h"
#include "navigation.h"
#include "rest/restclient.h"
#include "screenshots.h"
#include "serving/deploydialog.h"
#include "serving/registermodeldialog.h"

#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QGroupBox>
#include <QLabel>
#include <QMap>
#include <QMenu>
#include <QMenuBar>
#include <QTabBar>
#include <QTest>

using rov::ui::Page;

namespace {

// Alt+letter → what takes it, among `texts`; a clash per letter taken twice.
void check(QStringList &clashes, const QString &where, const QStringList &texts)
{
    QMap<QString, QString> taken;
    for (const QString &text : texts) {
        const QString key = QKeySequence::mnemonic(text).toString();
        if (key.isEmpty())
            continue;
        if (taken.contains(key))
            clashes << QStringLiteral("%1: \"%2\" and \"%3\" both %4")
                           .arg(where, taken[key], text, key);
        taken[key] = text;
    }
}

// What is on screen in `window` now (pages of a stack that are not shown do not count), and its
// menus, each on its own.
void checkWindow(QStringList &clashes, QWidget *window, const QString &where)
{
    QStringList texts;
    const auto shown = [window](const QWidget *widget) { return widget->isVisibleTo(window); };
    for (const auto *button : window->findChildren<QAbstractButton *>())
        if (shown(button))
            texts << button->text();
    for (const auto *label : window->findChildren<QLabel *>())
        if (shown(label))
            texts << label->text();
    for (const auto *box : window->findChildren<QGroupBox *>())
        if (shown(box))
            texts << box->title();
    for (const auto *tabs : window->findChildren<QTabBar *>())
        if (shown(tabs))
            for (int i = 0; i < tabs->count(); ++i)
                texts << tabs->tabText(i);
    for (const auto *bar : window->findChildren<QMenuBar *>()) {
        for (QAction *menu : bar->actions()) {
            texts << menu->text();
            if (menu->menu()) {
                QStringList items;
                for (QAction *action : menu->menu()->actions())
                    items << action->text();
                check(clashes, where + QStringLiteral(" › ") + menu->text(), items);
            }
        }
    }
    check(clashes, where, texts);
}

} // namespace

class TestMnemonics : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void noTwoShareALetter_data()
    {
        QTest::addColumn<QString>("language");
        QTest::newRow("English") << QStringLiteral("en_US");
        QTest::newRow("Chinese") << QStringLiteral("zh_CN");
    }

    void noTwoShareALetter()
    {
        QFETCH(QString, language);
        QVERIFY(m_languages.apply(QLocale(language)));
        QStringList clashes;
        {
            rov::ui::MainWindow window;
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            for (const Page page : {Page::Clusters, Page::JobHistory, Page::Monitoring, Page::Logs,
                                    Page::Models, Page::Endpoints, Page::Data}) {
                window.navigation()->show(page);
                QTest::qWait(20);
                checkWindow(clashes, &window,
                            QStringLiteral("main window, page %1").arg(int(page)));
            }
            // The Clusters menu, with the JupyterLab actions, as a picture to look at.
            for (QMenu *menu : window.findChildren<QMenu *>()) {
                const auto actions = menu->actions();
                if (std::none_of(actions.begin(), actions.end(), [](QAction *item) {
                        return item->objectName() == QLatin1String("openJupyterLab");
                    }))
                    continue;
                window.navigation()->show(Page::Clusters);
                menu->popup(window.mapToGlobal(QPoint(0, 0)));
                QTest::qWait(100);
                QVERIFY(
                    screenshots::save(*menu, QStringLiteral("clusters_menu_%1.png").arg(language)));
                menu->hide();
            }
            // The dialogs of the File menu.
            for (const char *action : {"settings", "projectSetup"}) {
                window.findChild<QAction *>(QString::fromLatin1(action))->trigger();
                QTRY_VERIFY(QApplication::activeModalWidget());
                QWidget *dialog = QApplication::activeModalWidget();
                QTest::qWait(50);
                checkWindow(clashes, dialog, dialog->windowTitle());
                if (QLatin1String(action) == QLatin1String("settings"))
                    QVERIFY(screenshots::save(*dialog,
                                              QStringLiteral("settings_%1.png").arg(language)));
                static_cast<QDialog *>(dialog)->reject();
                QTRY_VERIFY(!QApplication::activeModalWidget());
            }
        }
        rov::ui::DeployDialog deploy(nullptr, {}, {});
        rov::ui::RegisterModelDialog registerModel(nullptr);
        rov::ui::CustomChartDialog chart(nullptr, QString());
        rov::rest::RestClient rest;
        rov::ui::DashboardWindow dashboard(&rest, QUrl(QStringLiteral("http://127.0.0.1:9")),
                                           QStringLiteral("c1"), QStringLiteral("c1"), nullptr);
        for (QWidget *window :
             std::initializer_list<QWidget *>{&deploy, &registerModel, &chart, &dashboard}) {
            window->show();
            QVERIFY(QTest::qWaitForWindowExposed(window));
            checkWindow(clashes, window, QString::fromLatin1(window->metaObject()->className()));
            window->hide();
        }
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
        QVERIFY2(clashes.isEmpty(), qPrintable(clashes.join(QLatin1Char('\n'))));
    }

private:
    rov::core::LanguageManager m_languages;
};

QTEST_MAIN(TestMnemonics)
#include "tst_mnemonics.moc"
