#pragma once

#include <QString>

// The console's colours, in one place (Google Cloud console's tones).
namespace rov::ui::palette {

inline constexpr const char *kErrorText = "#d93025";
inline constexpr const char *kWarningBackground = "#fef7e0";
inline constexpr const char *kWarningBorder = "#f9ab00";
inline constexpr const char *kErrorBackground = "#fce8e6";

// A style sheet for a label that states a problem.
inline QString errorTextStyle()
{
    return QStringLiteral("color: %1;").arg(QLatin1String(kErrorText));
}

} // namespace rov::ui::palette
