#pragma once

#include <QObject>

class QWidget;

namespace rov::ui {

// Windows remember their size, their splitters and their table columns and sort order, and a
// window seen for the first time opens centred on the window it belongs to. It acts on every
// window with an object name (the key), and inside it on every named splitter and every named
// table's header. Installed once on the application.
class WindowMemory : public QObject
{
public:
    // Installs the application's memory (again: nothing happens).
    static void install();
    // The settings group of a window: "windows/<object name>".
    static QString groupOf(const QWidget *window);

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    using QObject::QObject;
    static void restore(QWidget *window);
    static void save(const QWidget *window);
};

} // namespace rov::ui
