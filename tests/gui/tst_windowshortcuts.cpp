// A window's shortcuts work while a line edit has focus (issue 10, item 6). Under X11's key
// bindings QLineEdit claims Ctrl+E, Ctrl+D, Ctrl+H … for itself; the offscreen platform's
// bindings do not, so the box here claims them the way QLineEdit does under X11.
#include "windowshortcuts.h"

#include <QAction>
#include <QKeyEvent>
#include <QLineEdit>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

namespace {

class ClaimingLineEdit : public QLineEdit
{
public:
    using QLineEdit::QLineEdit;

protected:
    bool event(QEvent *event) override
    {
        if (event->type() == QEvent::ShortcutOverride) {
            auto *key = static_cast<QKeyEvent *>(event);
            if (key->modifiers() == Qt::ControlModifier || key->key() == Qt::Key_Delete) {
                event->accept(); // "end of line", "delete": the box's own
                return true;
            }
        }
        return QLineEdit::event(event);
    }
};

struct Window
{
    Window()
    {
        auto *layout = new QVBoxLayout(&widget);
        box = new ClaimingLineEdit(&widget);
        layout->addWidget(box);
        scale = new QAction(&widget);
        scale->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_E));
        remove = new QAction(&widget);
        remove->setShortcut(QKeySequence::Delete);
        widget.addAction(scale);
        widget.addAction(remove);
        widget.show();
        widget.activateWindow();
        box->setFocus();
    }
    QWidget widget;
    ClaimingLineEdit *box;
    QAction *scale;
    QAction *remove;
};

} // namespace

class TestWindowShortcuts : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aClaimingBoxSwallowsTheShortcut()
    {
        // The fault as users met it: without the filter, Ctrl+E never reaches the action.
        Window window;
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        QSignalSpy triggered(window.scale, &QAction::triggered);
        QTest::keyClick(window.box, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(triggered.count(), 0);
    }

    void theWindowsShortcutsComeFirst()
    {
        Window window;
        new rov::ui::WindowShortcutsFirst(window.box);
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        QSignalSpy scaled(window.scale, &QAction::triggered);
        QTest::keyClick(window.box, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(scaled.count(), 1);
        // A disabled action leaves the key to the box.
        window.scale->setEnabled(false);
        QTest::keyClick(window.box, Qt::Key_E, Qt::ControlModifier);
        QCOMPARE(scaled.count(), 1);
    }

    void editingKeysStayTheBoxs()
    {
        // Delete in the filter deletes a character, never a cluster.
        Window window;
        new rov::ui::WindowShortcutsFirst(window.box);
        QVERIFY(QTest::qWaitForWindowActive(&window.widget));
        window.box->setText(QStringLiteral("abc"));
        window.box->setCursorPosition(0);
        QSignalSpy removed(window.remove, &QAction::triggered);
        QTest::keyClick(window.box, Qt::Key_Delete);
        QCOMPARE(removed.count(), 0);
        QCOMPARE(window.box->text(), QStringLiteral("bc"));
    }
};

QTEST_MAIN(TestWindowShortcuts)
#include "tst_windowshortcuts.moc"
