#pragma once

#include <QString>

namespace rov::core {

// What the console keeps on disk (rovd's log, the job history, JupyterLab's files) is the user's
// alone: folders 0700, files 0600, whatever the umask says; one made open by an older console is
// closed again.

// The folder, made with its parents when missing, then 0700. False when it cannot be made; a
// file system that refuses chmod gets a warning (rov.files), not a failure.
bool privateFolder(const QString &path);

// The file, created empty when missing, then 0600; so are SQLite's "-wal" and "-shm" beside it,
// when they are there (SQLite gives new ones the database's mode). False when it cannot be
// created or opened; a refused chmod as above.
bool privateFile(const QString &path);

} // namespace rov::core
