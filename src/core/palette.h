#pragma once

#include <QColor>
#include <QString>

// The console's colours, in one place (Google Cloud console's tones). In core because the table
// models colour their states too; the pages reach it as ui::palette.
namespace rov::palette {

// What a state means to a person; its colour is said here only.
enum class Tone
{
    Good,    // running, succeeded, alive: green
    Bad,     // error, failed, a critical alert: red
    Warning, // an alert that is not critical: amber
    Busy,    // on its way (provisioning, pending, running a job): blue
    Idle,    // stopping, unknown, stopped by a person, an alert not firing yet: grey
    Quiet    // a node stopped on purpose: a lighter grey
};
inline constexpr const char *kToneColours[] = {"#1e8e3e", "#d93025", "#f9ab00",
                                               "#1a73e8", "#80868b", "#9aa0a6"};
inline QColor color(Tone tone)
{
    return QColor(QLatin1String(kToneColours[int(tone)]));
}

inline constexpr const char *kErrorText = "#d93025";
inline constexpr const char *kWarningBackground = "#fef7e0";
inline constexpr const char *kWarningBorder = "#f9ab00";
inline constexpr const char *kErrorBackground = "#fce8e6";
inline constexpr const char *kBannerText = "#202124";
// The line around a floating box (the chart's readout).
inline constexpr const char *kFrameBorder = "#dadce0";
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

} // namespace rov::palette

namespace rov::ui {
namespace palette = rov::palette;
} // namespace rov::ui
