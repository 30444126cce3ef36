#include "settingsdialog.h"

#include "core/languagemanager.h"
#include "core/settingskeys.h"
#include "dashboard/webdashboard.h"
#include "help/guidewindow.h"
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
    auto *jupyterLab = new QComboBox(this);
    jupyterLab->setObjectName(QStringLiteral("jupyterLabIn"));
    // Without a web view (a build without Qt WebEngine), the system browser is the only place.
    const bool embedded = webdashboard::available();
    texts->bind(
        [jupyterLab, embedded](const QString &) {
            const int chosen = jupyterLab->currentIndex();
            jupyterLab->clear();
            if (embedded)
                jupyterLab->addItem(tr("A window of the console"), false);
            jupyterLab->addItem(tr("The system browser"), true);
            jupyterLab->setCurrentIndex(std::max(
                0, chosen >= 0 ? chosen
                               : jupyterLab->findData(
                                     QSettings()
                                         .value(core::settingskeys::jupyterLabInBrowser(), false)
                                         .toBool())));
        },
        [] { return QString(); });
    connect(jupyterLab, &QComboBox::activated, this, [jupyterLab] {
        QSettings().setValue(core::settingskeys::jupyterLabInBrowser(),
                             jupyterLab->currentData().toBool());
    });
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    offerGuide(this, buttons, QStringLiteral("settings"));
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::accept);
    auto *form = new QFormLayout(this);
    texts->row(form, language, [] { return tr("&Language:"); });
    texts->row(form, jupyterLab, [] { return tr("Open &JupyterLab in:"); });
    form->addRow(buttons);
}

} // namespace rov::ui
