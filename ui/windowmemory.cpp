#include "windowmemory.h"

#include "core/settingskeys.h"

#include <QAbstractItemView>
#include <QApplication>
#include <QEvent>
#include <QHeaderView>
#include <QPointer>
#include <QScreen>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTreeView>
#include <QWidget>

namespace rov::ui {

namespace {

const char *const kRestored = "rovWindowRestored";
// A splitter or table that was never on screen (a page not opened yet) has no sizes a user chose:
// saving them would give it nonsense next time.
const char *const kShown = "rovShownOnce";

bool remembered(const QObject *object)
{
    const auto *widget = qobject_cast<const QWidget *>(object);
    return widget && widget->isWindow() && !widget->objectName().isEmpty() &&
           widget->windowType() != Qt::Popup && widget->windowType() != Qt::ToolTip;
}

void centreOn(QWidget *window)
{
    const QWidget *over = window->parentWidget() ? window->parentWidget()->window() : nullptr;
    const QRect area = over ? over->frameGeometry()
                            : (window->screen() ? window->screen()->availableGeometry() : QRect());
    if (area.isValid())
        window->move(area.center() - window->rect().center());
}

QHeaderView *columnsOf(QAbstractItemView *view)
{
    if (auto *table = qobject_cast<QTableView *>(view))
        return table->horizontalHeader();
    if (auto *tree = qobject_cast<QTreeView *>(view))
        return tree->header();
    return nullptr;
}

} // namespace

void WindowMemory::install()
{
    static QPointer<WindowMemory> installed;
    if (installed || !qApp)
        return;
    installed = new WindowMemory(qApp);
    qApp->installEventFilter(installed);
}

QString WindowMemory::groupOf(const QWidget *window)
{
    return core::settingskeys::window(window->objectName());
}

bool WindowMemory::eventFilter(QObject *watched, QEvent *event)
{
    const auto type = event->type();
    if (type == QEvent::Show &&
        (qobject_cast<QSplitter *>(watched) || qobject_cast<QAbstractItemView *>(watched)))
        watched->setProperty(kShown, true);
    if ((type == QEvent::Show || type == QEvent::Hide) && remembered(watched)) {
        auto *window = static_cast<QWidget *>(watched);
        if (type == QEvent::Show && !window->property(kRestored).toBool()) {
            window->setProperty(kRestored, true);
            restore(window);
        } else if (type == QEvent::Hide && window->property(kRestored).toBool()) {
            save(window);
        }
    }
    return QObject::eventFilter(watched, event);
}

void WindowMemory::restore(QWidget *window)
{
    QSettings settings;
    settings.beginGroup(groupOf(window));
    if (!window->restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray()))
        centreOn(window);
    for (auto *splitter : window->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty())
            splitter->restoreState(
                settings.value(QStringLiteral("splitters/") + splitter->objectName())
                    .toByteArray());
    }
    for (auto *view : window->findChildren<QAbstractItemView *>()) {
        QHeaderView *header = columnsOf(view);
        const QByteArray state =
            settings.value(QStringLiteral("headers/") + view->objectName()).toByteArray();
        if (header && !view->objectName().isEmpty() && !state.isEmpty())
            header->restoreState(state);
    }
}

void WindowMemory::save(const QWidget *window)
{
    QSettings settings;
    settings.beginGroup(groupOf(window));
    settings.setValue(QStringLiteral("geometry"), window->saveGeometry());
    for (const auto *splitter : window->findChildren<QSplitter *>()) {
        if (!splitter->objectName().isEmpty() && splitter->property(kShown).toBool())
            settings.setValue(QStringLiteral("splitters/") + splitter->objectName(),
                              splitter->saveState());
    }
    for (auto *view : window->findChildren<QAbstractItemView *>()) {
        const QHeaderView *header = columnsOf(view);
        if (header && !view->objectName().isEmpty() && view->property(kShown).toBool())
            settings.setValue(QStringLiteral("headers/") + view->objectName(), header->saveState());
    }
}

} // namespace rov::ui
