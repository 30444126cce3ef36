#include "core/languagemanager.h"
#include "core/profile.h"
#include "dashboard/webdashboard.h"
#include "mainwindow.h"

#include <QApplication>
#include <QSettings>

int main(int argc, char *argv[])
{
    rov::ui::webdashboard::prepareApplication();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rov-console"));
    QApplication::setOrganizationName(QStringLiteral("rov"));
    QApplication::setApplicationVersion(QStringLiteral(ROV_VERSION));
    rov::core::LanguageManager languages;
    const QString chosen = QSettings().value(QStringLiteral("language")).toString();
    languages.apply(chosen.isEmpty() ? QLocale::system() : QLocale(chosen));
    rov::ui::MainWindow window;
    window.setLanguageManager(&languages);
    window.show();
    window.useProfile(rov::core::ProfileStore().current());
    return app.exec();
}
