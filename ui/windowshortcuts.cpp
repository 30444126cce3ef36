#include "windowshortcuts.h"

#include <QAction>
#include <QKeyEvent>
#include <QRegularExpression>
#include <QWidget>

namespace rov::ui {

WindowShortcutsFirst::WindowShortcutsFirst(QWidget *box) : QObject(box)
{
    box->installEventFilter(this);
}

bool WindowShortcutsFirst::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() != QEvent::ShortcutOverride)
        return false;
    const auto *key = static_cast<QKeyEvent *>(event);
    if (!(key->modifiers() & (Qt::ControlModifier | Qt::AltModifier)))
        return false;
    const QKeySequence pressed(key->keyCombination());
    const QWidget *window = static_cast<QWidget *>(watched)->window();
    for (const QAction *action : window->findChildren<QAction *>()) {
        if (action->isEnabled() && action->shortcuts().contains(pressed))
            return true; // not accepted: the shortcut map gives the key to the action
    }
    return false;
}

QString withoutMnemonic(const QString &text)
{
    static const QRegularExpression bracketed(QStringLiteral("\\(&[^&]\\)"));
    QString plain = text;
    plain.remove(bracketed);
    plain.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    plain.remove(QLatin1Char('&'));
    plain.replace(QLatin1Char('\x01'), QLatin1Char('&'));
    return plain;
}

} // namespace rov::ui
