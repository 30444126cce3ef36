#include "core/languagemanager.h"
#include "mainwindow.h"

#include <QApplication>

int main(int argc, char *argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("rov-console"));
    QApplication::setOrganizationName(QStringLiteral("rov"));
    QApplication::setApplicationVersion(QStringLiteral(ROV_VERSION));

    rov::core::LanguageManager languages;
    languages.apply(QLocale::system());

    rov::ui::MainWindow window;
    window.show();
    return app.exec();
}
