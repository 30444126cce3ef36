#pragma once

#include "rest/apierror.h"

#include <QString>
#include <QUrl>
#include <optional>
#include <variant>

namespace rov::core {

// The rovd that serves a data directory on this computer. rovd holds an exclusive lock on
// `<data dir>/.rovd.lock` for as long as it runs and writes its pid there, so the lock (not a
// port or a name) tells whether it runs, and which process it is.
namespace localrovd {

// Its pid while a rovd holds the directory's lock; nullopt when none does.
std::optional<qint64> runningPid(const QString &dataDir);
// Asks it to stop (SIGTERM: it stops taking requests, finishes those under way and leaves its
// clusters running unless it was started with --stop-clusters-on-exit). The pid it asked, or
// why it could not.
std::variant<qint64, rest::ApiError> stop(const QString &dataDir);

// A rovd that was started as a child of this process (a shell that exec'd the console) is
// waited for once it has exited, so that it does not stay behind as a zombie. True when there is
// nothing more to wait for.
bool reapIfChild(qint64 pid);

// rovd's systemd user service (`rovd.service`, which the Debian package installs): it runs rovd
// with the default address and data directory, so it serves a profile that has those.
constexpr const char *kUserService = "rovd.service";
bool serviceServes(const QUrl &rovdUrl, const QString &rovdDataDir);
// Whether a process's cgroup (the text of /proc/<pid>/cgroup) is the user service's: systemd
// puts what a unit starts in the unit's own cgroup.
bool cgroupIsUserService(const QByteArray &cgroup);
// Whether the rovd with this pid runs as the user service.
bool runsAsUserService(qint64 pid);

} // namespace localrovd

} // namespace rov::core
