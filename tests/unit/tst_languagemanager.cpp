#include "core/languagemanager.h"

#include <QCoreApplication>
#include <QSignalSpy>
#include <QTest>

using rov::core::LanguageManager;

class TestLanguageManager : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void chineseForAnyChineseLocale()
    {
        QCOMPARE(LanguageManager::closestSupported(QLocale(QStringLiteral("zh_TW"))).name(),
                 QStringLiteral("zh_CN"));
        QCOMPARE(LanguageManager::closestSupported(QLocale(QStringLiteral("de_DE"))).name(),
                 QStringLiteral("en_US"));
    }

    void switchesTheProductNameAndQtsOwnStrings()
    {
        LanguageManager languages;
        QSignalSpy changed(&languages, &LanguageManager::languageChanged);
        QVERIFY(languages.apply(QLocale(QStringLiteral("zh_CN"))));
        QCOMPARE(QCoreApplication::translate("rov::ui::MainWindow", "Ray on Vertex AI Console"),
                 QStringLiteral("Vertex AI 上的 Ray 控制台"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("取消"));
        QCOMPARE(QLocale().name(), QStringLiteral("zh_CN"));

        QVERIFY(languages.apply(QLocale(QStringLiteral("en_US"))));
        QCOMPARE(QCoreApplication::translate("rov::ui::MainWindow", "Ray on Vertex AI Console"),
                 QStringLiteral("Ray on Vertex AI Console"));
        QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
        QCOMPARE(changed.count(), 2);
    }
};

QTEST_GUILESS_MAIN(TestLanguageManager)
#include "tst_languagemanager.moc"
