#include "notebookkernel.h"

#include <QCoreApplication>
#include <QDir>
#include <QJsonArray>
#include <QRegularExpression>
#include <QStandardPaths>

namespace rov::core {

NotebookPlaces NotebookPlaces::forProfile(const QString &profileId)
{
    const QString data = QStandardPaths::writableLocation(QStandardPaths::AppDataLocation);
    return {QDir(data).filePath(QStringLiteral("jupyter/") + profileId)};
}

QString NotebookPlaces::notebooks() const
{
    return QDir(root).filePath(QStringLiteral("notebooks"));
}

QString NotebookPlaces::dataDir() const
{
    return QDir(root).filePath(QStringLiteral("share"));
}

QString NotebookPlaces::kernelFile(const QString &kernelName) const
{
    return QDir(dataDir()).filePath(QStringLiteral("kernels/%1/kernel.json").arg(kernelName));
}

QString NotebookPlaces::serverFile() const
{
    return QDir(root).filePath(QStringLiteral("server.json"));
}

QString NotebookPlaces::logFile() const
{
    return QDir(root).filePath(QStringLiteral("jupyterlab.log"));
}

QString NotebookPlaces::openFile() const
{
    return QDir(root).filePath(QStringLiteral("open-jupyterlab.html"));
}

QString kernelName(const QString &clusterName)
{
    return QStringLiteral("ray-") + clusterName.section(QLatin1Char('/'), -1);
}

QJsonObject kernelSpec(const KernelTarget &target)
{
    QJsonObject environment{
        {QStringLiteral("ROV_CLUSTER"), target.clusterName},
        {QStringLiteral("RAY_ADDRESS"), QStringLiteral("vertex_ray://") + target.clusterName},
        {QStringLiteral("ROV_API"), target.rovdUrl},
        // The kernel's Ray Client keeps gRPC busy; with grpcio's fork support on, a notebook's
        // subprocess.run() then dies now and then before it starts (raynodeprocess.cpp says why).
        {QStringLiteral("GRPC_ENABLE_FORK_SUPPORT"), QStringLiteral("false")},
    };
    if (!target.rovdUrl.isEmpty())
        environment.insert(QStringLiteral("ROV_TOKEN_FILE"), target.tokensFile);
    if (!target.keyFile.isEmpty())
        environment.insert(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS"), target.keyFile);
    // Not translated: JupyterLab shows it as it is, and it names a product and a version.
    const QString title =
        QStringLiteral("Ray on %1 (Python %2)")
            .arg(target.clusterTitle,
                 target.pythonVersion.isEmpty() ? QStringLiteral("3") : target.pythonVersion);
    return {
        {QStringLiteral("argv"), QJsonArray{target.python, target.launcher, QStringLiteral("-f"),
                                            QStringLiteral("{connection_file}")}},
        {QStringLiteral("display_name"), title},
        {QStringLiteral("language"), QStringLiteral("python")},
        {QStringLiteral("env"), environment},
        {QStringLiteral("metadata"),
         QJsonObject{{QStringLiteral("rov_cluster"), target.clusterName}}},
    };
}

QUrl colabEnterprisePage(const QString &project)
{
    QUrl page(QStringLiteral("https://console.cloud.google.com/vertex-ai/ray"));
    page.setQuery(QStringLiteral("project=") +
                  QString::fromLatin1(QUrl::toPercentEncoding(project)));
    return page;
}

PythonVersions environmentVersions(const QString &venv)
{
    PythonVersions versions;
    const QDir lib(QDir(venv).filePath(QStringLiteral("lib")));
    const QStringList pythons =
        lib.entryList({QStringLiteral("python3.*")}, QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
    if (pythons.isEmpty())
        return versions;
    versions.python = pythons.last().mid(int(qstrlen("python")));
    static const QRegularExpression distInfo(QStringLiteral("^ray-([0-9][^-]*)\\.dist-info$"));
    const QStringList packages =
        QDir(lib.filePath(pythons.last() + QStringLiteral("/site-packages")))
            .entryList({QStringLiteral("ray-*.dist-info")}, QDir::Dirs);
    for (const QString &package : packages) {
        if (const auto match = distInfo.match(package); match.hasMatch())
            versions.ray = match.captured(1);
    }
    return versions;
}

QString versionWarning(const QString &clusterRay, const QString &clusterPython,
                       const PythonVersions &kernel)
{
    const QString kernelRay = kernel.ray.section(QLatin1Char('.'), 0, 1);
    const bool rayDiffers =
        !clusterRay.isEmpty() && !kernelRay.isEmpty() && clusterRay != kernelRay;
    const bool pythonDiffers =
        !clusterPython.isEmpty() && !kernel.python.isEmpty() && clusterPython != kernel.python;
    if (rayDiffers && pythonDiffers)
        return QCoreApplication::translate(
                   "rov::core::Notebooks",
                   "The cluster runs Ray %1 on Python %2, and the notebook's kernel Ray %3 on "
                   "Python %4. Ray Client connects only when both match; tasks may fail or the "
                   "connection may be refused.")
            .arg(clusterRay, clusterPython, kernel.ray, kernel.python);
    if (rayDiffers)
        return QCoreApplication::translate(
                   "rov::core::Notebooks",
                   "The cluster runs Ray %1 and the notebook's kernel Ray %2. Ray Client connects "
                   "only when the versions match; the connection may be refused.")
            .arg(clusterRay, kernel.ray);
    if (pythonDiffers)
        return QCoreApplication::translate(
                   "rov::core::Notebooks",
                   "The cluster runs Python %1 and the notebook's kernel Python %2. Ray Client "
                   "connects only when the versions match; the connection may be refused.")
            .arg(clusterPython, kernel.python);
    return {};
}

} // namespace rov::core
