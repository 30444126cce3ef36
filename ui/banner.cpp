#include "banner.h"

#include "core/palette.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace rov::ui {

Banner::Banner(QWidget *parent) : QFrame(parent), m_text(new QLabel(this))
{
    setObjectName(QStringLiteral("banner"));
    m_text->setObjectName(QStringLiteral("bannerText"));
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(10, 6, 10, 6);
    layout->addWidget(m_text, 1);
    m_buttons = new QHBoxLayout;
    layout->addLayout(m_buttons);
    hide();
}

QPushButton *Banner::addButton(const QString &objectName)
{
    auto *button = new QPushButton(this);
    button->setObjectName(objectName);
    button->hide();
    m_buttons->addWidget(button);
    return button;
}

void Banner::say(const QString &text, Tone tone)
{
    const char *background =
        tone == Tone::Error ? palette::kErrorBackground : palette::kWarningBackground;
    const char *border = tone == Tone::Error ? palette::kErrorText : palette::kWarningBorder;
    setStyleSheet(QStringLiteral("rov--ui--Banner { background: %1; border: 1px solid %2; "
                                 "border-radius: 4px; } QLabel { color: %3; }")
                      .arg(QLatin1String(background), QLatin1String(border),
                           QLatin1String(palette::kBannerText)));
    m_text->setText(text);
    show();
}

void Banner::clear()
{
    m_text->clear();
    hide();
}

QString Banner::text() const
{
    return isHidden() ? QString() : m_text->text();
}

} // namespace rov::ui
