#pragma once

#include <QCoreApplication>
#include <QString>
#include <vector>

namespace rov::core {

// A job that comes with the console (resources/python/samples), so a demo needs no files.
struct SampleJob
{
    QString fileName; // in the working directory
    QString title;
    QString description;
    QString entrypoint() const { return QStringLiteral("python ") + fileName; }
};

class SampleJobs
{
    Q_DECLARE_TR_FUNCTIONS(rov::core::SampleJobs)
public:
    static std::vector<SampleJob> all();
    // Writes the sample's script into `directory`, which then serves as its working directory.
    static bool writeTo(const SampleJob &sample, const QString &directory, QString *error);
};

} // namespace rov::core
