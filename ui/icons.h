#pragma once

#include <QIcon>

// The console's icons, in one place: names of the freedesktop icon naming specification, drawn by
// the Adwaita theme that Debian packages (adwaita-icon-theme, in scripts/debian-packages.txt) when
// the desktop names no theme of its own.
namespace rov::ui::icons {

enum class Icon
{
    Application,
    Clusters,
    JobHistory,
    Monitoring,
    Logs,
    Models,
    Endpoints,
    Batch,
    Data,
    Create,
    Details,
    CopySnippet,
    Dashboard,
    Notebook,
    Stop,
    Scale,
    Reboot,
    Delete,
    Refresh,
    ProjectSetup,
    Settings,
    Quit,
    About,
    Shortcuts,
    SwitchBackend,
    Guide,
    Back,
    Forward,
};

// The theme name behind an icon (the freedesktop name).
const char *themeName(Icon icon);
// The icon from the current theme; Adwaita's when the current theme lacks it.
QIcon icon(Icon icon);
// Chooses Adwaita as the fallback theme, and as the theme when the platform names none (bare X
// servers, xvfb, offscreen). Idempotent.
void useThemeFallback();

} // namespace rov::ui::icons
