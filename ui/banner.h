#pragma once

#include <QFrame>

class QHBoxLayout;
class QLabel;
class QPushButton;

namespace rov::ui {

// A strip at the top of a page or window that says what is wrong and offers what can be done
// (Retry, Start rovd, Close…). Hidden while it has nothing to say.
class Banner : public QFrame
{
    Q_OBJECT
public:
    enum class Tone
    {
        Warning,
        Error
    };
    explicit Banner(QWidget *parent = nullptr);

    // A button of the banner; its owner sets the text (and retranslates it) and shows it.
    QPushButton *addButton(const QString &objectName);
    void say(const QString &text, Tone tone);
    void clear();
    QString text() const;

private:
    QLabel *m_text;
    QHBoxLayout *m_buttons;
};

} // namespace rov::ui
