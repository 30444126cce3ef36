#pragma once

// The words of open windows that stayed in English after a switch to Chinese (issue 10, item 9):
// a walk over every visible widget of every visible window, reading what a user reads (labels,
// buttons, group boxes, tabs, window and page titles, placeholders, column headers, menus).
// Data (log lines, code, ids, what a user typed) is not read.

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QTabBar>
#include <QTextDocumentFragment>
#include <QWizard>

namespace languagewalk {

// Two English words in a row and no Chinese character: "Create cluster", not "gui-c1" or
// "Ray 集群". Product and protocol names alone are not sentences, nor is code.
inline bool looksEnglish(const QString &text)
{
    // An example command ("python main.py --epochs 3") is code in every language.
    static const QRegularExpression code(QStringLiteral("\\.py\\b|--|://"));
    if (text.contains(code))
        return false;
    static const QRegularExpression chinese(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    static const QRegularExpression words(QStringLiteral("\\b[A-Za-z][a-z]+ [a-z]{2,}\\b"));
    return !text.contains(chinese) && text.contains(words);
}

inline bool looksChinese(const QString &text)
{
    static const QRegularExpression chinese(QStringLiteral("[\\x{4e00}-\\x{9fff}]"));
    return text.contains(chinese);
}

inline QString plain(const QString &text)
{
    QString shown =
        Qt::mightBeRichText(text) ? QTextDocumentFragment::fromHtml(text).toPlainText() : text;
    return shown.remove(QLatin1Char('&'));
}

inline void note(QStringList &found, const QWidget *where, const QString &what, const QString &text)
{
    const QString shown = plain(text);
    if (looksEnglish(shown))
        found << QStringLiteral("%1 %2 [%3]: %4")
                     .arg(QString::fromLatin1(where->metaObject()->className()),
                          where->objectName(), what, shown.left(120));
}

inline void readMenu(QStringList &found, const QWidget *owner, const QList<QAction *> &actions)
{
    for (const QAction *action : actions) {
        if (action->isSeparator())
            continue;
        note(found, owner, QStringLiteral("action"), action->text());
        if (action->menu())
            readMenu(found, owner, action->menu()->actions());
    }
}

inline void readWidget(QStringList &found, const QWidget *widget)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget))
        note(found, widget, QStringLiteral("text"), label->text());
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        note(found, widget, QStringLiteral("text"), button->text());
    if (const auto *box = qobject_cast<const QGroupBox *>(widget))
        note(found, widget, QStringLiteral("title"), box->title());
    if (const auto *edit = qobject_cast<const QLineEdit *>(widget))
        note(found, widget, QStringLiteral("placeholder"), edit->placeholderText());
    if (const auto *tabs = qobject_cast<const QTabBar *>(widget)) {
        for (int i = 0; i < tabs->count(); ++i)
            note(found, widget, QStringLiteral("tab"), tabs->tabText(i));
    }
    if (const auto *header = qobject_cast<const QHeaderView *>(widget);
        header && header->orientation() == Qt::Horizontal && header->model()) {
        for (int column = 0; column < header->count(); ++column)
            note(found, widget, QStringLiteral("header"),
                 header->model()->headerData(column, Qt::Horizontal).toString());
    }
    if (const auto *bar = qobject_cast<const QMenuBar *>(widget))
        readMenu(found, widget, bar->actions());
    if (const auto *wizard = qobject_cast<const QWizard *>(widget);
        wizard && wizard->currentPage()) {
        note(found, widget, QStringLiteral("page title"), wizard->currentPage()->title());
        note(found, widget, QStringLiteral("page subtitle"), wizard->currentPage()->subTitle());
    }
}

// Every English text of the visible windows.
inline QStringList englishTexts()
{
    QStringList found;
    for (QWidget *window : QApplication::topLevelWidgets()) {
        if (!window->isVisible())
            continue;
        note(found, window, QStringLiteral("window title"), window->windowTitle());
        readWidget(found, window);
        for (const QWidget *child : window->findChildren<QWidget *>()) {
            if (child->isVisible())
                readWidget(found, child);
        }
    }
    found.removeDuplicates();
    return found;
}

} // namespace languagewalk
