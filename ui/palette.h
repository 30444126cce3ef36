#pragma once

#include <QString>

// The console's colours, in one place (Google Cloud console's tones).
namespace rov::ui::palette {

inline constexpr const char *kErrorText = "#d93025";
inline constexpr const char *kWarningBackground = "#fef7e0";
inline constexpr const char *kWarningBorder = "#f9ab00";
inline constexpr const char *kErrorBackground = "#fce8e6";
// Charts: a series' colours in turn, capacity lines and the crosshair, events on the time axis.
inline constexpr const char *kChartSeries[] = {"#1a73e8", "#e8710a", "#12b5cb", "#e52592",
                                               "#9334e6", "#f9ab00", "#7cb342", "#5f6368"};
inline constexpr const char *kChartNeutral = "#5f6368";
inline constexpr const char *kChartEvent = "#1a73e8";

// The log query editor: AND/OR/NOT, field paths, quoted values.
inline constexpr const char *kQueryKeyword = "#1a73e8";
inline constexpr const char *kQueryField = "#9334e6";
inline constexpr const char *kQueryString = "#188038";
// Log severities as Logs Explorer shows them: errors red, warnings amber, info blue, the rest
// grey (the groups of core::logvolume::Group, bottom to top).
inline constexpr const char *kSeverityOther = "#9aa0a6";
inline constexpr const char *kSeverityInfo = "#1a73e8";
inline constexpr const char *kSeverityWarning = "#f9ab00";
inline constexpr const char *kSeverityError = "#d93025";
inline constexpr const char *kSeverityGroups[] = {kSeverityOther, kSeverityInfo, kSeverityWarning,
                                                  kSeverityError};

// A style sheet for a label that states a problem.
inline QString errorTextStyle()
{
    return QStringLiteral("color: %1;").arg(QLatin1String(kErrorText));
}

} // namespace rov::ui::palette
