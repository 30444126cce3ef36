// scripts/bench.sh batchpredict [N]: what rovd's batchPredictionJobs cost on top of Ray Data
// itself. N instances (default 1,000,000) of a scikit-learn model are scored through rovd's
// batchPredictionJobs (tests/bench/batchpredict_bench.py rovd: the file and the model uploaded
// through rovd's Cloud Storage routes, the job created over REST and followed to its end, timed
// from its leaving the queue, the batch instance warmed by a small job first) and, in the same
// run, by a plain Ray Data script on the same resources (batchpredict_bench.py raw: read_text,
// map_batches on 1 to 2 actors of 2 CPUs, 1,000 instances a call, write_json). The last line:
// batchpredict: instances=<n> rovd_s=<x> raw_ray_data_s=<x> ratio=<x> instances_per_s=<n>
// (ratio: raw over rovd, 1.0 when rovd costs nothing more).
#include "rovdfixture.h"

#include <QCoreApplication>
#include <QDir>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <cstdio>

namespace {

[[noreturn]] void fail(const QString &why)
{
    std::fprintf(stderr, "bench-batchpredict: %s\n", qPrintable(why));
    std::exit(1);
}

double runSide(const QStringList &arguments, const QProcessEnvironment &environment)
{
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.setProcessEnvironment(environment);
    python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                 QStringList{QStringLiteral(ROV_SOURCE_DIR "/tests/bench/batchpredict_bench.py")} +
                     arguments);
    if (!python.waitForFinished(3600000))
        python.kill();
    const QString output = QString::fromUtf8(python.readAll());
    const auto seconds = QRegularExpression(QStringLiteral("seconds: ([0-9.]+)")).match(output);
    if (python.exitCode() != 0 || !seconds.hasMatch())
        fail(QStringLiteral("%1 side failed:\n%2").arg(arguments.value(0), output.right(3000)));
    return seconds.captured(1).toDouble();
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const qint64 instances = argc > 1 ? QByteArray(argv[1]).toLongLong() : 1'000'000;
    if (instances <= 0)
        fail(QStringLiteral("usage: bench-batchpredict [INSTANCES]"));
    QTemporaryDir data;
    const QString tempRoot = QStringLiteral("/tmp/rovbp-%1").arg(app.applicationPid());
    rov::test::RovdFixture rovd(data.path(), tempRoot);
    rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
    QString error;
    if (!rovd.start(&error))
        fail(error);
    const QString url = rovd.url(QString()).toString(QUrl::StripTrailingSlash);
    auto environment = QProcessEnvironment::systemEnvironment();
    environment.insert(QStringLiteral("ROV_TOKEN"), QString::fromLatin1(rovd.adminToken()));
    environment.insert(QStringLiteral("STORAGE_EMULATOR_HOST"),
                       url + QStringLiteral("/t/") + QString::fromLatin1(rovd.userToken()));
    const QString count = QString::number(instances);
    const double viaRovd = runSide({QStringLiteral("rovd"), url, count}, environment);
    rovd.terminate();
    rov::test::killProcessesUnder(tempRoot);
    QDir(tempRoot).removeRecursively();
    const double raw = runSide({QStringLiteral("raw"), count}, environment);
    std::printf("batchpredict: instances=%lld rovd_s=%.2f raw_ray_data_s=%.2f ratio=%.2f "
                "instances_per_s=%.0f\n",
                static_cast<long long>(instances), viaRovd, raw, raw / viaRovd,
                double(instances) / viaRovd);
    return 0;
}
