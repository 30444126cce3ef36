#include "icons.h"

#include <QStandardPaths>

namespace rov::ui::icons {

namespace {

const QString kFallbackTheme = QStringLiteral("Adwaita");

} // namespace

const char *themeName(Icon icon)
{
    switch (icon) {
    case Icon::Application:
        return "network-server";
    case Icon::Clusters:
        return "network-server";
    case Icon::JobHistory:
        return "document-open-recent";
    case Icon::Monitoring:
        return "utilities-system-monitor";
    case Icon::Logs:
        return "text-x-generic"; // a page of text
    case Icon::Models:
        return "package-x-generic"; // a packaged model
    case Icon::Endpoints:
        return "network-server"; // what serves it
    case Icon::Batch:
        return "system-run"; // work that runs to its end
    case Icon::Data:
        return "x-office-spreadsheet"; // tables of rows
    case Icon::Create:
        return "document-new";
    case Icon::Details:
        return "document-properties";
    case Icon::CopySnippet:
        return "edit-copy";
    case Icon::Dashboard:
        return "web-browser"; // Ray's web dashboard
    case Icon::Notebook:
        return "text-x-script"; // a notebook of code
    case Icon::Stop:
        return "process-stop";
    case Icon::Scale:
        return "zoom-fit-best";
    case Icon::Reboot:
        return "object-rotate-right";
    case Icon::Delete:
        return "edit-delete";
    case Icon::Refresh:
        return "view-refresh";
    case Icon::ProjectSetup:
        return "preferences-system";
    case Icon::Settings:
        return "preferences-desktop";
    case Icon::Quit:
        return "application-exit";
    case Icon::About:
        return "help-about";
    case Icon::Shortcuts:
        return "preferences-desktop-keyboard-shortcuts";
    case Icon::SwitchBackend:
        return "network-workgroup";
    case Icon::Guide:
        return "help-contents"; // the user guide, as desktop programs' Help menus show it
    case Icon::Back:
        return "go-previous";
    case Icon::Forward:
        return "go-next";
    }
    return "image-missing";
}

void useThemeFallback()
{
    // Platforms without a desktop theme (offscreen, minimal) search only Qt's resources.
    QStringList paths = QIcon::themeSearchPaths();
    const QStringList shared =
        QStandardPaths::locateAll(QStandardPaths::GenericDataLocation, QStringLiteral("icons"),
                                  QStandardPaths::LocateDirectory);
    for (const QString &path : shared) {
        if (!paths.contains(path))
            paths << path;
    }
    QIcon::setThemeSearchPaths(paths);
    QIcon::setFallbackThemeName(kFallbackTheme);
    const QString current = QIcon::themeName();
    if (current.isEmpty() || current == QLatin1String("hicolor"))
        QIcon::setThemeName(kFallbackTheme);
}

QIcon icon(Icon which)
{
    // Adwaita has no system monitor of its own; its "system" category stands in.
    const QIcon fallback = which == Icon::Monitoring
                               ? QIcon::fromTheme(QStringLiteral("applications-system"))
                               : QIcon();
    return QIcon::fromTheme(QString::fromLatin1(themeName(which)), fallback);
}

} // namespace rov::ui::icons
