#include "nodestartup.h"

#include "localplane/state/durablefile.h"

#include <QDir>
#include <QFile>
#include <QObject>
#include <QUrl>

namespace rov::localplane {

std::map<QString, QString> nodeStartupEnvironment(const NodeStartup &startup,
                                                  const QByteArray &nodeToken)
{
    std::map<QString, QString> environment;
    if (startup.rovdBase.isEmpty())
        return environment;
    const QString withToken =
        startup.rovdBase + QStringLiteral("/t/") + QString::fromLatin1(nodeToken);
    environment[QStringLiteral("STORAGE_EMULATOR_HOST")] = withToken;
    // google-auth reads http://GCE_METADATA_HOST/computeMetadata/v1/... and pings
    // http://GCE_METADATA_IP: host:port and a path, no scheme.
    const QString authority = QUrl(startup.rovdBase).authority();
    const QString metadata = authority + QStringLiteral("/t/") + QString::fromLatin1(nodeToken);
    environment[QStringLiteral("GCE_METADATA_HOST")] = metadata;
    environment[QStringLiteral("GCE_METADATA_IP")] = metadata + QStringLiteral("/computeMetadata/");
    environment[QStringLiteral("BIGQUERY_EMULATOR_HOST")] = startup.rovdBase;
    environment[QStringLiteral("CLOUDSDK_CONFIG")] = startup.gcloudDir;
    QString pythonPath = startup.startupDir;
    if (const QString inherited = qEnvironmentVariable("PYTHONPATH"); !inherited.isEmpty())
        pythonPath += QLatin1Char(':') + inherited;
    environment[QStringLiteral("PYTHONPATH")] = pythonPath;
    return environment;
}

QString writeNodeStartup(const QString &startupDir)
{
    if (makeDirectories(startupDir))
        return QObject::tr("Cannot make %1").arg(startupDir);
    QFile shipped(QStringLiteral(":/nodepython/sitecustomize.py"));
    if (!shipped.open(QIODevice::ReadOnly))
        return QObject::tr("rovd was built without the nodes' start-up code");
    if (writeFileDurably(QDir(startupDir).filePath(QStringLiteral("sitecustomize.py")),
                         shipped.readAll()))
        return QObject::tr("Cannot write the nodes' start-up code in %1").arg(startupDir);
    return {};
}

} // namespace rov::localplane
