#pragma once

// Where the GUI tests leave their screenshots: build/screenshots, or ROV_SCREENSHOT_DIR
// (scripts/screenshots.sh points it at docs/screenshots).

#include <QDir>
#include <QString>
#include <QTest>
#include <QWidget>

namespace screenshots {

inline bool save(QWidget &widget, const QString &name)
{
    const QString dir =
        qEnvironmentVariable("ROV_SCREENSHOT_DIR", QStringLiteral(ROV_SCREENSHOT_DIR));
    QDir().mkpath(dir);
    QTest::qWait(50); // let a new text or a hidden bar lay the window out again
    return widget.grab().save(dir + QLatin1Char('/') + name);
}

} // namespace screenshots
