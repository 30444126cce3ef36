#pragma once

#include <QObject>
#include <QString>

class QWidget;

namespace rov::ui {

// A line edit claims Ctrl+E (end of line), Ctrl+D, Ctrl+H, Ctrl+I … for itself, so the window's
// shortcuts did nothing while the filter box had focus (it has focus at start). Installed on
// such a box, this lets every Ctrl (or Alt) shortcut of an enabled action of the box's window
// through; plain editing keys (Delete, Home, arrows) stay the box's own.
class WindowShortcutsFirst : public QObject
{
public:
    explicit WindowShortcutsFirst(QWidget *box);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
};

// An action's text as a sentence: without its mnemonic, "&Scale…" and "缩放(&S)…" alike.
QString withoutMnemonic(const QString &text);

} // namespace rov::ui
