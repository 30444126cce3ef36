// The window an installed console shows while its first start makes the Python environment
// (issue 29), over real pip with a small list of packages: it says where and how far, the bar
// reaches its end and the window closes when the environment is ready; a failure closes it with
// the reason said to the session; Esc cancels and nothing is left; it speaks Chinese.
#include "core/languagemanager.h"
#include "install/pythonenvironment.h"
#include "pythonsetupwindow.h"
#include "screenshots.h"

#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QTemporaryDir>
#include <QTest>

using rov::install::PythonEnvironment;
using rov::ui::PythonSetupWindow;

class TestPythonSetup : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US")))); }

    void showsHowFarThenClosesWhenReady()
    {
        PythonEnvironment environment(m_temp.filePath(QStringLiteral("env")),
                                      {"six==1.16.0\n", {}});
        QPointer<PythonSetupWindow> window(new PythonSetupWindow(&environment, {}));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        // Where it goes, for the user alone.
        QVERIFY(window->findChild<QLabel *>(QStringLiteral("pythonSetupWhere"))
                    ->text()
                    .contains(environment.dir()));
        QString error = QStringLiteral("-");
        connect(&environment, &PythonEnvironment::finished, [&](const QString &e) { error = e; });
        QString lastDetail;
        connect(&environment, &PythonEnvironment::progress, window, [&] {
            if (window && window->detail()->text().contains(QStringLiteral("six")) &&
                lastDetail.isEmpty()) {
                lastDetail = window->detail()->text();
                screenshots::save(*window, QStringLiteral("python_setup_en.png"));
            }
        });
        environment.prepare();
        QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("-"), 240000);
        QCOMPARE(error, QString());
        QVERIFY2(lastDetail.startsWith(QStringLiteral("Downloading six")), qPrintable(lastDetail));
        QTRY_VERIFY(!window); // closed and deleted
    }

    void aFailureClosesItAndSaysWhy()
    {
        PythonEnvironment environment(m_temp.filePath(QStringLiteral("bad")),
                                      {"rov-no-such-package==0.0.0\n", {}});
        QPointer<PythonSetupWindow> window(new PythonSetupWindow(&environment, {}));
        window->show();
        QString error;
        connect(&environment, &PythonEnvironment::finished, [&](const QString &e) { error = e; });
        environment.prepare();
        QTRY_VERIFY_WITH_TIMEOUT(!error.isEmpty(), 240000);
        QVERIFY2(error.contains(QStringLiteral("rov-no-such-package")), qPrintable(error));
        QTRY_VERIFY(!window);
        QVERIFY(!QFileInfo::exists(m_temp.filePath(QStringLiteral("bad"))));
    }

    void escapeCancelsAndLeavesNothing()
    {
        const QString dir = m_temp.filePath(QStringLiteral("cancelled"));
        PythonEnvironment environment(dir, {"six==1.16.0\n", {}});
        QPointer<PythonSetupWindow> window(
            new PythonSetupWindow(&environment, [&environment] { environment.cancel(); }));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QString error;
        connect(&environment, &PythonEnvironment::finished, [&](const QString &e) { error = e; });
        environment.prepare();
        QTRY_VERIFY(QFileInfo::exists(dir));
        QTest::keyClick(window, Qt::Key_Escape);
        QCOMPARE(error, QStringLiteral("Cancelled"));
        QTRY_VERIFY(!window);
        QVERIFY(!QFileInfo::exists(dir));
    }

    void inChinese()
    {
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("zh_CN"))));
        PythonEnvironment environment(m_temp.filePath(QStringLiteral("zh")), {"six==1.16.0\n", {}});
        QPointer<PythonSetupWindow> window(
            new PythonSetupWindow(&environment, [&environment] { environment.cancel(); }));
        window->show();
        QVERIFY(QTest::qWaitForWindowExposed(window));
        QTRY_VERIFY(window->windowTitle().contains(QStringLiteral("Python")) &&
                    !window->windowTitle().startsWith(QStringLiteral("Setting")));
        environment.prepare();
        QTRY_VERIFY_WITH_TIMEOUT(
            !window || window->detail()->text().contains(QStringLiteral("six")), 240000);
        // pip may finish first (its cache warm): the window then closes itself, ready.
        if (window) {
            screenshots::save(*window, QStringLiteral("python_setup_zh_CN.png"));
            window->close(); // cancels
        }
        QTRY_VERIFY(!environment.isRunning());
        QVERIFY(m_languages.apply(QLocale(QStringLiteral("en_US"))));
    }

private:
    rov::core::LanguageManager m_languages;
    QTemporaryDir m_temp;
};

QTEST_MAIN(TestPythonSetup)
#include "tst_pythonsetup.moc"
