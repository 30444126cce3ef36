#pragma once

#include <QString>

// Every key the console keeps in QSettings, in one table: a rename here moves it everywhere,
// and nobody writes a key another part reads under another spelling. A group's own fields
// (a profile's "project", a window's "geometry") are kept by the one that writes the group.
namespace rov::core::settingskeys {

// The language of the interface ("zh_CN"); absent: the system's.
inline QString language()
{
    return QStringLiteral("language");
}
// The profile the console opens with (an id under profiles/).
inline QString currentProfile()
{
    return QStringLiteral("currentProfile");
}
// One group per profile, by id: its backend, project, region, credentials (core::ProfileStore).
inline QString profiles()
{
    return QStringLiteral("profiles");
}
inline QString profile(const QString &id)
{
    return profiles() + QLatin1Char('/') + id;
}
// A profile's charts of its own on the Monitoring page (core::saveCustomCharts).
inline QString customCharts(const QString &profileId)
{
    return profile(profileId) + QStringLiteral("/customCharts");
}
// A profile's saved log queries (core::saveLogQueries).
inline QString savedLogQueries(const QString &profileId)
{
    return profile(profileId) + QStringLiteral("/savedLogQueries");
}
// A profile's saved BigQuery queries (the Data page).
inline QString savedDataQueries(const QString &profileId)
{
    return profile(profileId) + QStringLiteral("/savedDataQueries");
}
// JupyterLab opens in the system browser (true) or a window of the console (false, the default
// when the console embeds a web view).
inline QString jupyterLabInBrowser()
{
    return QStringLiteral("notebooks/openInBrowser");
}
// How many days Job history keeps a finished job.
inline QString historyRetentionDays()
{
    return QStringLiteral("history/retentionDays");
}
// One group per window, by object name: geometry, splitters, table headers (ui::WindowMemory).
inline QString windows()
{
    return QStringLiteral("windows");
}
inline QString window(const QString &objectName)
{
    return windows() + QLatin1Char('/') + objectName;
}

} // namespace rov::core::settingskeys
