#include "codebox.h"

#include "texts.h"

#include <QClipboard>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace rov::ui {

CodeBox::CodeBox(const QString &title, QWidget *parent)
    : QGroupBox(title, parent), m_editor(new QPlainTextEdit(this))
{
    m_editor->setReadOnly(true);
    m_editor->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    setTitle(title);
    auto *copy = new QPushButton(this);
    (new Texts(this))->bind(copy, &QAbstractButton::setText, [] { return tr("Copy"); });
    connect(copy, &QPushButton::clicked, this,
            [this] { QGuiApplication::clipboard()->setText(text()); });
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_editor);
    layout->addWidget(copy, 0, Qt::AlignRight);
}

void CodeBox::setTitle(const QString &title)
{
    QGroupBox::setTitle(title);
    m_editor->setAccessibleName(title);
}

void CodeBox::setText(const QString &text)
{
    m_editor->setPlainText(text);
}

QString CodeBox::text() const
{
    return m_editor->toPlainText();
}

} // namespace rov::ui
