#pragma once

#include <QIcon>
#include <QListWidget>
#include <QString>
#include <vector>

class QAction;
class QActionGroup;
class QStackedWidget;

namespace rov::ui {

// The console's pages, in the order of the navigation list and of Ctrl+1…Ctrl+8. A page joins
// when its issue lands (Monitoring, Logs, Model Registry, Endpoints), never as a placeholder.
enum class Page
{
    Clusters,
    JobHistory,
    Monitoring,
    Logs,
    Models,
    Endpoints,
    Batch,
    Data,
};

// The page's section of the user guide: its `<a id>` in docs/user-guide*.md, the same in every
// language (Help → User guide opens it; tst_docs checks that each is in both guides).
QString guideSection(Page page);

// The list on the left of the main window, in the manner of Google Cloud's console: one row
// per page, and an action per page (Ctrl+1…Ctrl+9) that the window's menu shows.
class Navigation : public QListWidget
{
    Q_OBJECT
public:
    static constexpr int kMaxShortcuts = 9;

    explicit Navigation(QStackedWidget *pages, QWidget *parent = nullptr);

    // Adds `widget` as the next page; its action takes the next Ctrl+digit.
    QAction *addPage(Page page, QWidget *widget, const QIcon &icon);
    void setTitle(Page page, const QString &title, const QString &toolTip);
    void show(Page page);
    Page current() const;
    QWidget *widget(Page page) const;
    const std::vector<QAction *> &actions() const { return m_actions; }

Q_SIGNALS:
    void pageChanged(rov::ui::Page page);

private:
    int rowOf(Page page) const;

    QStackedWidget *m_pages;
    QActionGroup *m_group;
    std::vector<Page> m_order;
    std::vector<QAction *> m_actions;
};

} // namespace rov::ui
