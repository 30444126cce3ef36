#include "languagemanager.h"

#include <QCoreApplication>
#include <QLibraryInfo>

namespace rov::core {

LanguageManager::LanguageManager(QObject *parent) : QObject(parent) {}

QList<QLocale> LanguageManager::supportedLanguages()
{
    return {QLocale(QLocale::English, QLocale::UnitedStates),
            QLocale(QLocale::Chinese, QLocale::SimplifiedChineseScript, QLocale::China)};
}

QLocale LanguageManager::closestSupported(const QLocale &wanted)
{
    return wanted.language() == QLocale::Chinese ? supportedLanguages().at(1)
                                                 : supportedLanguages().at(0);
}

bool LanguageManager::apply(const QLocale &locale)
{
    const QLocale chosen = closestSupported(locale);
    QCoreApplication::removeTranslator(&m_application);
    QCoreApplication::removeTranslator(&m_qtBase);

    const bool loaded = m_application.load(chosen, QStringLiteral("rov"), QStringLiteral("_"),
                                           QStringLiteral(":/i18n"));
    if (loaded)
        QCoreApplication::installTranslator(&m_application);
    if (m_qtBase.load(chosen, QStringLiteral("qtbase"), QStringLiteral("_"),
                      QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(&m_qtBase);

    QLocale::setDefault(chosen);
    m_current = chosen;
    Q_EMIT languageChanged(chosen);
    return loaded;
}

} // namespace rov::core
