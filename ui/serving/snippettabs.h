#pragma once

#include "core/servingmodels.h"

#include <QTabWidget>

class QPlainTextEdit;
class QPushButton;

namespace rov::ui {

// A request as REST, Python and curl (or the tabs named), one tab each, with Copy for the tab
// shown.
class SnippetTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit SnippetTabs(QWidget *parent = nullptr);
    // Tabs of these names (names of things: the same in every language).
    SnippetTabs(const QStringList &names, QWidget *parent);
    void show(const core::RequestSnippets &snippets);
    // One text a tab, in their order.
    void show(const QStringList &texts);
    QString text(int tab) const;

private:
    QList<QPlainTextEdit *> m_views;
    QPushButton *m_copy;
};

} // namespace rov::ui
