#include "texts.h"

#include <QEvent>
#include <QFormLayout>
#include <QLabel>
#include <QTimer>
#include <QWidget>

namespace rov::ui {

Texts::Texts(QWidget *owner) : QObject(owner)
{
    owner->installEventFilter(this);
}

void Texts::bind(std::function<void(const QString &)> apply, Text text)
{
    apply(text());
    m_bindings.push_back({std::move(apply), std::move(text)});
}

void Texts::apply()
{
    m_pending = false;
    for (const auto &binding : m_bindings)
        binding.apply(binding.text());
    for (const auto &refresh : m_refreshes)
        refresh();
}

QLabel *Texts::row(QFormLayout *form, QWidget *field, Text label)
{
    auto *shown = new QLabel(form->parentWidget());
    shown->setBuddy(field);
    bind(shown, &QLabel::setText, std::move(label));
    form->addRow(shown, field);
    return shown;
}

QLabel *Texts::row(QFormLayout *form, QLayout *fields, Text label)
{
    auto *shown = new QLabel(form->parentWidget());
    bind(shown, &QLabel::setText, std::move(label));
    form->addRow(shown, fields);
    return shown;
}

bool Texts::eventFilter(QObject *watched, QEvent *event)
{
    if (event->type() == QEvent::LanguageChange && watched == parent() && !m_pending) {
        m_pending = true;
        QTimer::singleShot(0, this, &Texts::apply);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace rov::ui
