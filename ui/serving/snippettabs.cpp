#include "snippettabs.h"

#include "texts.h"

#include <QApplication>
#include <QClipboard>
#include <QFontDatabase>
#include <QPlainTextEdit>
#include <QPushButton>

namespace rov::ui {

SnippetTabs::SnippetTabs(QWidget *parent) : QTabWidget(parent), m_copy(new QPushButton(this))
{
    setObjectName(QStringLiteral("requestSnippets"));
    const char *names[] = {"REST", "Python", "curl"};
    for (size_t i = 0; i < m_views.size(); ++i) {
        auto *view = new QPlainTextEdit(this);
        view->setReadOnly(true);
        view->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
        view->setLineWrapMode(QPlainTextEdit::NoWrap);
        view->setObjectName(QStringLiteral("snippet") + QLatin1String(names[i]));
        m_views[i] = view;
        addTab(view, QLatin1String(names[i])); // names of things: the same in every language
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
    const QString texts[] = {snippets.rest, snippets.python, snippets.curl};
    for (size_t i = 0; i < m_views.size(); ++i) {
        if (m_views[i]->toPlainText() != texts[i])
            m_views[i]->setPlainText(texts[i]);
    }
}

QString SnippetTabs::text(int tab) const
{
    return tab >= 0 && tab < int(m_views.size()) ? m_views[size_t(tab)]->toPlainText() : QString();
}

} // namespace rov::ui
