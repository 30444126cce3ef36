#include "snippettabs.h"

#include "texts.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>

namespace rov::ui {

SnippetTabs::SnippetTabs(QWidget *parent)
    : SnippetTabs({QStringLiteral("REST"), QStringLiteral("Python"), QStringLiteral("curl")},
                  parent)
{}

SnippetTabs::SnippetTabs(const QStringList &names, QWidget *parent)
    : QTabWidget(parent), m_copy(new QPushButton(this))
{
    setObjectName(QStringLiteral("requestSnippets"));
    for (const QString &name : names) {
        auto *view = new QPlainTextEdit(this);
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        view->setObjectName(QStringLiteral("snippet") + name);
        m_views.append(view);
        addTab(view, name);
    }
    m_copy->setObjectName(QStringLiteral("copySnippet"));
    setCornerWidget(m_copy);
    auto *texts = new Texts(this);
    texts->bind(m_copy, &QAbstractButton::setText, [] { return tr("Copy"); });
    texts->bind(m_copy, &QWidget::setToolTip, [] { return tr("Copy the request shown"); });
    connect(m_copy, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(text(currentIndex())); });
}

void SnippetTabs::show(const core::RequestSnippets &snippets)
{
    show(QStringList{snippets.rest, snippets.python, snippets.curl});
}

void SnippetTabs::show(const QStringList &texts)
{
    for (qsizetype i = 0; i < m_views.size() && i < texts.size(); ++i) {
        if (m_views[i]->toPlainText() != texts[i])
            m_views[i]->setPlainText(texts[i]);
    }
}

QString SnippetTabs::text(int tab) const
{
    return tab >= 0 && tab < m_views.size() ? m_views[tab]->toPlainText() : QString();
}

} // namespace rov::ui
