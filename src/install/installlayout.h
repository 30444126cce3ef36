#pragma once

#include <QString>

namespace rov::install {

// Where the parts of rov-console that are not compiled in are, for a program that runs from a
// build tree (build/bin, as scripts/run.sh and the tests run it) or from where `cmake --install`
// or the Debian package put it (/usr/bin, with /usr/lib/rov and /usr/share/rov-console).

// Whether this program runs from a build tree: its folder's parent holds CMakeCache.txt.
bool runsFromBuildTree();

// The Python environment that holds Ray and the pinned packages. In a build tree, the one
// scripts/setup.sh makes (ROV_PYTHON_VENV); installed, the user's own under
// $XDG_DATA_HOME/rov/python (never a system folder: it is made without root on first start).
QString defaultPythonEnvironment();

// The rule, as --help and the man page say it (no folder of the machine that built it).
QString defaultPythonEnvironmentText();

// The user guide (docs/user-guide*.md and the screenshots it shows), read by Help → User guide:
// share/rov-console/guide beside the program's bin folder, where the build copies it
// (docs/CMakeLists.txt) and where `cmake --install` and the package put it.
QString guideFolder();

} // namespace rov::install
