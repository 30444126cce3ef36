#pragma once

// The user guide window a test opened (Help → User guide, a dialog's Help): a top-level window
// of its own, not a child of the window that opened it.

#include "help/guidewindow.h"

#include <QApplication>

namespace shownguide {

inline rov::ui::GuideWindow *find()
{
    for (QWidget *top : QApplication::topLevelWidgets()) {
        if (auto *guide = qobject_cast<rov::ui::GuideWindow *>(top); guide && guide->isVisible())
            return guide;
    }
    return nullptr;
}

} // namespace shownguide
