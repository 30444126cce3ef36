#include "navigation.h"

#include <QAction>
#include <QActionGroup>
#include <QStackedWidget>

namespace rov::ui {

QString guideSection(Page page)
{
    // No default: a page added to the enum without its section does not compile (-Werror).
    switch (page) {
    case Page::Clusters:
        return QStringLiteral("clusters");
    case Page::JobHistory:
        return QStringLiteral("job-history");
    case Page::Monitoring:
        return QStringLiteral("monitoring");
    case Page::Logs:
        return QStringLiteral("logs");
    case Page::Models:
        return QStringLiteral("models");
    case Page::Endpoints:
        return QStringLiteral("endpoints");
    case Page::Batch:
        return QStringLiteral("batch");
    case Page::Data:
        return QStringLiteral("data");
    }
    return QStringLiteral("window");
}

Navigation::Navigation(QStackedWidget *pages, QWidget *parent)
    : QListWidget(parent), m_pages(pages), m_group(new QActionGroup(this))
{
    setObjectName(QStringLiteral("navigation"));
    setIconSize(QSize(22, 22));
    setSpacing(2);
    setUniformItemSizes(true);
    setSelectionMode(QAbstractItemView::SingleSelection);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    setFrameShape(QFrame::NoFrame);
    setStyleSheet(QStringLiteral("QListWidget#navigation { background: palette(window); }"
                                 "QListWidget#navigation::item { padding: 6px 8px; }"));
    connect(this, &QListWidget::currentRowChanged, this, [this](int row) {
        if (row < 0 || row >= int(m_order.size()))
            return;
        m_pages->setCurrentIndex(row);
        m_actions[row]->setChecked(true);
        Q_EMIT pageChanged(m_order[row]);
    });
}

QAction *Navigation::addPage(Page page, QWidget *widget, const QIcon &icon)
{
    const int row = int(m_order.size());
    m_order.push_back(page);
    m_pages->addWidget(widget);
    auto *item = new QListWidgetItem(icon, QString(), this);
    item->setSizeHint(QSize(0, 36));
    auto *action = new QAction(icon, QString(), this);
    action->setObjectName(QStringLiteral("goToPage%1").arg(row + 1));
    action->setCheckable(true);
    action->setActionGroup(m_group);
    if (row < kMaxShortcuts)
        action->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + row)));
    action->setShortcutContext(Qt::WindowShortcut);
    connect(action, &QAction::triggered, this, [this, page] { show(page); });
    m_actions.push_back(action);
    if (row == 0)
        setCurrentRow(0);
    return action;
}

void Navigation::setTitle(Page page, const QString &title, const QString &toolTip)
{
    const int row = rowOf(page);
    if (row < 0)
        return;
    item(row)->setText(title);
    item(row)->setToolTip(toolTip);
    m_actions[row]->setText(title);
    const QString shortcut = m_actions[row]->shortcut().toString(QKeySequence::NativeText);
    m_actions[row]->setToolTip(
        shortcut.isEmpty() ? toolTip : QStringLiteral("%1 (%2)").arg(toolTip, shortcut));
}

void Navigation::show(Page page)
{
    const int row = rowOf(page);
    if (row >= 0)
        setCurrentRow(row);
}

Page Navigation::current() const
{
    const int row = currentRow();
    return row >= 0 && row < int(m_order.size()) ? m_order[row] : Page::Clusters;
}

QWidget *Navigation::widget(Page page) const
{
    const int row = rowOf(page);
    return row >= 0 ? m_pages->widget(row) : nullptr;
}

int Navigation::rowOf(Page page) const
{
    for (int row = 0; row < int(m_order.size()); ++row) {
        if (m_order[row] == page)
            return row;
    }
    return -1;
}

} // namespace rov::ui
