#pragma once

#include <QUrl>

class QWidget;

namespace rov::ui::webdashboard {

// Whether this build embeds Ray's web dashboard (Qt WebEngine was found at configure time).
bool available();
// Call before the QApplication exists: Qt WebEngine needs shared OpenGL contexts, and Chromium
// refuses to start its sandbox as root (containers, CI), so it runs without one there.
void prepareApplication();
// A tab that shows the dashboard at `url` once it is first shown; null when not available.
QWidget *createTab(const QUrl &url, QWidget *parent);

} // namespace rov::ui::webdashboard
