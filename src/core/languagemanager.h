#pragma once

#include <QList>
#include <QLocale>
#include <QObject>
#include <QTranslator>

namespace rov::core {

// Installs the application's and Qt's own translations for one language at a time. Switching
// while running is allowed: Qt sends LanguageChange to every widget, which retranslates itself.
class LanguageManager : public QObject
{
    Q_OBJECT
public:
    explicit LanguageManager(QObject *parent = nullptr);

    static QList<QLocale> supportedLanguages();
    // The supported language closest to `wanted` (Chinese for any zh_*, else English).
    static QLocale closestSupported(const QLocale &wanted);

    // Returns false when the application's own translation for `locale` could not be loaded.
    bool apply(const QLocale &locale);
    QLocale current() const { return m_current; }

Q_SIGNALS:
    void languageChanged(const QLocale &locale);

private:
    QTranslator m_application;
    QTranslator m_qtBase;
    QLocale m_current{QLocale::English, QLocale::UnitedStates};
};

} // namespace rov::core
