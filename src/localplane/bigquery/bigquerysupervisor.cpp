#include "bigquerysupervisor.h"

#include "localplane/state/durablefile.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QRandomGenerator>

namespace rov::localplane::bigquery {

namespace {

QByteArray randomSecret()
{
    QByteArray bytes(32, '\0');
    QRandomGenerator::system()->generate(reinterpret_cast<quint32 *>(bytes.data()),
                                         reinterpret_cast<quint32 *>(bytes.data() + bytes.size()));
    return bytes.toHex();
}

ChildSpec serviceSpec(const BigQuerySettings &settings, const QByteArray &secret)
{
    const QDir directory(settings.directory);
    ChildSpec spec;
    spec.name = QObject::tr("rovd's BigQuery service");
    spec.program = settings.python;
    spec.arguments = [script = directory.filePath(QStringLiteral("service/rov_bigquery.py")),
                      settings](quint16 port) {
        return QStringList{script,
                           QStringLiteral("--port"),
                           QString::number(port),
                           QStringLiteral("--data"),
                           settings.directory,
                           QStringLiteral("--storage"),
                           settings.storageRoot,
                           QStringLiteral("--read-port"),
                           QString::number(settings.readPort)};
    };
    spec.environment.insert(QStringLiteral("ROV_BIGQUERY_SECRET"), QString::fromLatin1(secret));
    spec.environment.insert(QStringLiteral("PYTHONDONTWRITEBYTECODE"), QStringLiteral("1"));
    spec.logFile = directory.filePath(QStringLiteral("service.log"));
    return spec;
}

BigQuerySettings withReadPort(BigQuerySettings settings)
{
    if (settings.readPort == 0)
        settings.readPort = freeLoopbackPort();
    return settings;
}

} // namespace

BigQuerySupervisor::BigQuerySupervisor(BigQuerySettings settings, QObject *parent)
    : QObject(parent), m_settings(withReadPort(std::move(settings))), m_secret(randomSecret()),
      m_child(serviceSpec(m_settings, m_secret))
{}

bool BigQuerySupervisor::start(const QString &rovdBase, QString *error)
{
    m_child.setEnvironment(QStringLiteral("ROV_BIGQUERY_ROVD"), rovdBase);
    if (!QFileInfo(m_settings.python).isExecutable()) {
        *error = tr("BigQuery needs the Python environment, and %1 is not there (run "
                    "scripts/setup.sh)")
                     .arg(m_settings.python);
        m_child.setProblem(*error);
        return false;
    }
    if (!writeService()) {
        *error = tr("Cannot write the BigQuery service's files under %1").arg(m_settings.directory);
        m_child.setProblem(*error);
        return false;
    }
    m_child.start();
    return true;
}

// The service's code (resources/python/bigquery) copied beside its data, so that an upgraded
// rovd brings its new code along.
bool BigQuerySupervisor::writeService()
{
    const QDir target(QDir(m_settings.directory).filePath(QStringLiteral("service")));
    if (makeDirectories(target.filePath(QStringLiteral("rovbq"))))
        return false;
    QDirIterator files(QStringLiteral(":/bigquery"), QDir::Files, QDirIterator::Subdirectories);
    bool any = false;
    while (files.hasNext()) {
        const QString path = files.next();
        QFile shipped(path);
        const QString relative = path.mid(QStringLiteral(":/bigquery/").size());
        if (!shipped.open(QIODevice::ReadOnly) ||
            writeFileDurably(target.filePath(relative), shipped.readAll()))
            return false;
        any = true;
    }
    return any;
}

} // namespace rov::localplane::bigquery
