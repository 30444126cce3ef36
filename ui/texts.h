#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <functional>
#include <vector>

class QFormLayout;
class QLabel;
class QLayout;
class QWidget;

namespace rov::ui {

// The texts of a widget that follow the language: each is set at once and again after every
// language change, so a window retranslates in place without a retranslate() that repeats its
// constructor. The owner's tr() calls stay in the owner, inside the lambdas.
//
// After a change they are set again on the next turn of the event loop: a language change
// reaches a parent before its children, and a QDialogButtonBox or QWizard would otherwise put
// its own words back over ours.
class Texts : public QObject
{
public:
    using Text = std::function<QString()>;

    explicit Texts(QWidget *owner);

    // `apply(text())` now and after each language change.
    void bind(std::function<void(const QString &)> apply, Text text);
    template <class Target, class Setter> void bind(Target *target, Setter setter, Text text)
    {
        QPointer<Target> guarded(target);
        bind(
            [guarded, setter](const QString &value) {
                if (guarded)
                    (guarded.data()->*setter)(value);
            },
            std::move(text));
    }
    // After each language change, once the texts are set again: words made from state.
    void onChange(std::function<void()> refresh) { m_refreshes.push_back(std::move(refresh)); }
    // A form row whose label follows the language (its buddy is `field`).
    QLabel *row(QFormLayout *form, QWidget *field, Text label);
    QLabel *row(QFormLayout *form, QLayout *fields, Text label);
    // Sets every text again now.
    void apply();

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    struct Binding
    {
        std::function<void(const QString &)> apply;
        Text text;
    };
    std::vector<Binding> m_bindings;
    std::vector<std::function<void()>> m_refreshes;
    bool m_pending = false;
};

} // namespace rov::ui
