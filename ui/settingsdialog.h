#pragma once

#include <QDialog>

namespace rov::core {
class LanguageManager;
}

namespace rov::ui {

// Preferences that apply at once: the language, without a restart.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    SettingsDialog(core::LanguageManager *languages, QWidget *parent = nullptr);
};

} // namespace rov::ui
