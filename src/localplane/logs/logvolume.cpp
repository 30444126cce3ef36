#include "logvolume.h"

#include "api/logging/logwire.h"
#include "localplane/metrics/textformat.h"

#include <QRegularExpression>
#include <sstream>

namespace rov::localplane::logs {

QString LogVolume::logFamily(const QString &fileName)
{
    if (fileName.startsWith(QLatin1String("job-driver-")))
        return QStringLiteral("job-driver-*.log");
    static const QRegularExpression suffix(QStringLiteral("\\.\\d+(?=\\.)"));
    static const QRegularExpression ids(QStringLiteral("[0-9a-f]{6,}|\\d+"));
    QString family = fileName;
    family.remove(suffix);
    family.replace(ids, QStringLiteral("*"));
    return family;
}

void LogVolume::add(const QString &cluster, int severity, const QString &fileName, quint64 count)
{
    std::lock_guard lock(m_mutex);
    m_counts[{cluster.toStdString(), api::logging::severityName(severity).toStdString(),
              logFamily(fileName).toStdString()}] += count;
}

std::string LogVolume::render() const
{
    std::ostringstream out;
    out << "# HELP " << api::logging::kVolumeMetric
        << " Log entries rovd stored, by cluster, severity and log file.\n"
        << "# TYPE " << api::logging::kVolumeMetric << " counter\n";
    std::lock_guard lock(m_mutex);
    for (const auto &[key, count] : m_counts) {
        const auto &[cluster, severity, log] = key;
        out << api::logging::kVolumeMetric << "{ray_io_cluster=\""
            << metrics::escapeLabelValue(cluster) << "\",severity=\"" << severity << "\",log=\""
            << metrics::escapeLabelValue(log) << "\"} " << count << '\n';
    }
    return out.str();
}

} // namespace rov::localplane::logs
