#pragma once

#include <QRegularExpression>
#include <QString>
#include <nlohmann/json.hpp>
#include <vector>

namespace rov::localplane {

// rovd's words in the language a client reads (Accept-Language; English and Simplified Chinese).
// rovd keeps and logs its texts in English; on the way out, a text that matches one of its
// message templates is said again in the client's language: operation progress and event
// reasons in place, errors as Google does it (the English `message` stays and a
// google.rpc.LocalizedMessage detail carries the translation).
class Localizer
{
public:
    // Built once from the translations compiled into rovd, read-only afterwards: safe on every
    // server thread.
    static const Localizer &instance();
    // "zh-CN" when the header prefers Chinese, else empty (English: nothing to do).
    static QString languageOf(const std::string &acceptLanguage);

    // `english` in `language`; unchanged when it is not one of rovd's messages.
    QString translate(const QString &english, const QString &language) const;
    // A response body, in place: messages, progress, reasons and error details.
    void localize(nlohmann::json &body, const QString &language) const;

private:
    Localizer();
    void localizeError(nlohmann::json &error, const QString &language) const;
    QString said(const QString &english, int depth) const; // Chinese, or `english`

    struct Template
    {
        QRegularExpression english; // the template with its %1…%9 as groups
        QString chinese;            // with the same %1…%9
        std::vector<int> order;     // which %n each group of `english` is
    };
    std::vector<Template> m_templates;
};

} // namespace rov::localplane
