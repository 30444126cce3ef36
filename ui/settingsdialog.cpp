#include "settingsdialog.h"

#include "core/languagemanager.h"
#include "core/settingskeys.h"
#include "texts.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QSettings>

namespace rov::ui {

SettingsDialog::SettingsDialog(core::LanguageManager *languages, QWidget *parent) : QDialog(parent)
{
    auto *texts = new Texts(this);
    texts->bind(this, &QWidget::setWindowTitle, [] { return tr("Settings"); });
    auto *language = new QComboBox(this);
    language->setObjectName(QStringLiteral("language"));
    texts->bind(language, &QWidget::setAccessibleName, [] { return tr("Language"); });
    for (const QLocale &locale : core::LanguageManager::supportedLanguages())
        language->addItem(locale.nativeLanguageName(), locale.name());
    language->setCurrentIndex(
        std::max(0, language->findData(QLocale().name().startsWith(QLatin1String("zh"))
                                           ? QStringLiteral("zh_CN")
                                           : QStringLiteral("en_US"))));
    connect(language, &QComboBox::activated, this, [languages, language] {
        const QLocale locale(language->currentData().toString());
        if (languages)
            languages->apply(locale);
        QSettings().setValue(core::settingskeys::language(), locale.name());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *form = new QFormLayout(this);
    texts->row(form, language, [] { return tr("&Language:"); });
    form->addRow(buttons);
}

} // namespace rov::ui
