#include "core/languagemanager.h"
#include "core/profile.h"
#include "core/settingskeys.h"
#include "dashboard/webdashboard.h"
#include "mainwindow.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QSettings>

namespace {

void nameTheApplication()
{
    QCoreApplication::setApplicationName(QStringLiteral("rov-console"));
    QCoreApplication::setOrganizationName(QStringLiteral("rov"));
    QCoreApplication::setApplicationVersion(QStringLiteral(ROV_VERSION));
}

// --help and --version print and exit before any window system is needed (they work over SSH
// without a display). Other arguments, Qt's own (-platform, -style) included, go on to Qt.
void answerHelpOrVersion(int argc, char *argv[])
{
    QCoreApplication probe(argc, argv);
    nameTheApplication();
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Ray on Vertex AI console: create Ray clusters, run jobs and watch them, on "
                       "Google Cloud or on this computer (rovd). Qt's own options (-platform, "
                       "-style) are accepted too."));
    const QCommandLineOption help = parser.addHelpOption();
    const QCommandLineOption version = parser.addVersionOption();
    parser.parse(QCoreApplication::arguments());
    if (parser.isSet(help) || parser.isSet(QStringLiteral("help-all")))
        parser.process(probe); // prints the help (with Qt's options for --help-all) and exits
    if (parser.isSet(version))
        parser.showVersion();
}

} // namespace

int main(int argc, char *argv[])
{
    rov::ui::webdashboard::prepareApplication(); // before any application object
    answerHelpOrVersion(argc, argv);
    QApplication app(argc, argv);
    nameTheApplication();
    // The desktop entry's name (Wayland and the task bar match windows to it) and its icon: the
    // theme's when the package installed it, the one built in otherwise (a build tree).
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.rovconsole.Console"));
    QApplication::setWindowIcon(
        QIcon::fromTheme(QStringLiteral("io.github.rovconsole.Console"),
                         QIcon(QStringLiteral(":/desktop/io.github.rovconsole.Console.svg"))));
    rov::core::LanguageManager languages;
    const QString chosen = QSettings().value(rov::core::settingskeys::language()).toString();
    languages.apply(chosen.isEmpty() ? QLocale::system() : QLocale(chosen));
    rov::ui::MainWindow window;
    window.setLanguageManager(&languages);
    window.show();
    window.useProfile(rov::core::ProfileStore().current());
    return app.exec();
}
