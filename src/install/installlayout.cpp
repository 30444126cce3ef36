#include "installlayout.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QStandardPaths>

namespace rov::install {

bool runsFromBuildTree()
{
    return QFileInfo::exists(
        QDir(QCoreApplication::applicationDirPath()).filePath(QStringLiteral("../CMakeCache.txt")));
}

QString defaultPythonEnvironment()
{
    if (runsFromBuildTree())
        return QStringLiteral(ROV_PYTHON_VENV);
    return QDir(QStandardPaths::writableLocation(QStandardPaths::GenericDataLocation))
        .filePath(QStringLiteral("rov/python"));
}

QString defaultPythonEnvironmentText()
{
    return QStringLiteral("$XDG_DATA_HOME/rov/python (~/.local/share/rov/python), made on first "
                          "start; run from a build tree, the tree's .venv (scripts/setup.sh)");
}

QString guideFolder()
{
    return QDir::cleanPath(QDir(QCoreApplication::applicationDirPath())
                               .filePath(QStringLiteral("../share/rov-console/guide")));
}

} // namespace rov::install
