#pragma once

#include "core/servingmodels.h"

#include <QTabWidget>

class QPlainTextEdit;
class QPushButton;

namespace rov::ui {

// A request as REST, Python and curl, one tab each, with Copy for the tab shown.
class SnippetTabs : public QTabWidget
{
    Q_OBJECT
public:
    explicit SnippetTabs(QWidget *parent = nullptr);
    void show(const core::RequestSnippets &snippets);
    QString text(int tab) const;

private:
    std::array<QPlainTextEdit *, 3> m_views{};
    QPushButton *m_copy;
};

} // namespace rov::ui
