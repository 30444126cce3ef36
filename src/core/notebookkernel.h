#pragma once

#include <QJsonObject>
#include <QString>
#include <QUrl>

namespace rov::core {

// Where a profile's JupyterLab keeps its files: one folder (mode 0700) per profile.
struct NotebookPlaces
{
    QString root;

    // <the console's data folder>/jupyter/<profile id>
    static NotebookPlaces forProfile(const QString &profileId);
    QString notebooks() const; // the server's root folder; the samples are copied here
    QString dataDir() const;   // JUPYTER_DATA_DIR: kernels/<name>/kernel.json
    QString kernelFile(const QString &kernelName) const;
    QString serverFile() const; // the running server: pid, port, token (mode 0600)
    QString logFile() const;
    QString openFile() const; // the page that opens the server in a browser (mode 0600)
};

// What a kernel of a cluster needs to know. Nothing secret: rovd's token is read by the kernel
// from rovd's own tokens file when it starts.
struct KernelTarget
{
    QString clusterName;   // projects/P/locations/L/persistentResources/ID
    QString clusterTitle;  // its display name, or its id
    QString python;        // the interpreter (the project's environment)
    QString launcher;      // rov_kernel.py
    QString rovdUrl;       // this computer: rovd's URL; empty for Google Cloud
    QString tokensFile;    // this computer: rovd's tokens file
    QString keyFile;       // Google Cloud: the profile's service account key, if it uses one
    QString pythonVersion; // "3.11", for the kernel's name
};

// "ray-<cluster id>": one kernel per cluster in a profile's JupyterLab.
QString kernelName(const QString &clusterName);
// The kernelspec (kernel.json): "Ray on <cluster> (Python 3.11)", whose environment makes
// ray.init() connect through vertex_ray:// and Google's clients reach the profile's backend.
QJsonObject kernelSpec(const KernelTarget &target);

// Google Cloud: the console's Ray on Vertex AI page of `project`, where each cluster's row has
// "Open in Colab Enterprise" (Google's hosted notebook, connected to the cluster).
QUrl colabEnterprisePage(const QString &project);

// The Ray and Python versions of an environment, read from its folders (no Python is run):
// lib/python3.11/site-packages/ray-2.47.1.dist-info gives {"2.47.1", "3.11"}.
struct PythonVersions
{
    QString ray;    // "2.47.1"; empty when Ray is not installed
    QString python; // "3.11"
};
PythonVersions environmentVersions(const QString &venv);

// What vertex_ray warns about before connecting: the cluster (its image: Ray "2.47", Python
// "3.11") runs another Ray (major.minor) or Python than the kernel. Empty when they match or the
// cluster's image does not say (a custom image).
QString versionWarning(const QString &clusterRay, const QString &clusterPython,
                       const PythonVersions &kernel);

} // namespace rov::core
