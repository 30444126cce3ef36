#pragma once

#include <QProcessEnvironment>
#include <QString>
#include <QStringList>
#include <variant>

namespace rov::localplane {

struct DetachedCommand
{
    QString program; // an absolute path: it is not looked up in PATH
    QStringList arguments;
    QProcessEnvironment environment;
    QString logFile; // stdout and stderr are appended here; stdin is /dev/null
};

// Starts `command` as a process that outlives rovd: the grandchild of a fork, leader of its own
// session (so that one signal to its group reaches everything it starts), holding none of rovd's
// descriptors. QProcess::startDetached lets the child inherit every descriptor that is not
// close-on-exec, and the HTTP server's accepted sockets are not: a Ray node kept a client's
// connection open after rovd was killed, and the client's next request on it hung.
// Returns the pid, or why it could not start (exec's error included).
std::variant<qint64, QString> spawnDetached(const DetachedCommand &command);

} // namespace rov::localplane
