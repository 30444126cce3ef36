#include "samplejobs.h"

#include <QDir>
#include <QFile>

namespace rov::core {

std::vector<SampleJob> SampleJobs::all()
{
    return {
        {QStringLiteral("pi_monte_carlo.py"), tr("Pi by Monte Carlo"),
         tr("Throws random points at a square in 16 tasks spread over the workers and prints "
            "the estimate of pi.")},
        {QStringLiteral("word_count.py"), tr("Word count"),
         tr("Counts words in parallel: one task per shard, the counts merged on the driver.")},
        {QStringLiteral("train_checkpoint.py"), tr("Training with a checkpoint"),
         tr("Fits a line by gradient descent in an actor, saves a checkpoint every few epochs "
            "and reads the last one back.")},
        {QStringLiteral("train_sklearn.py"), tr("Train a model to deploy"),
         tr("Fits scikit-learn classifiers in parallel tasks and writes the best as model.pkl to "
            "a gs:// folder, ready for Register model.")},
        {QStringLiteral("bigquery_pipeline.py"), tr("BigQuery → Ray → BigQuery"),
         tr("Makes a table of taxi trips with a query, reads it into Ray Data, sums each zone's "
            "trips and fares on the workers and writes ray_samples.zone_summary, which the Data "
            "page shows.")},
    };
}

bool SampleJobs::writeTo(const SampleJob &sample, const QString &directory, QString *error)
{
    QFile source(QStringLiteral(":/samples/") + sample.fileName);
    const QString target = QDir(directory).filePath(sample.fileName);
    QFile::remove(target);
    if (!source.copy(target)) {
        *error = tr("Cannot write %1: %2").arg(target, source.errorString());
        return false;
    }
    QFile::setPermissions(target, QFileDevice::ReadOwner | QFileDevice::WriteOwner);
    return true;
}

} // namespace rov::core
