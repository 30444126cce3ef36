// The console's own job history: rows and final logs kept by cluster, updated in place, dropped
// after the retention period; and the pieces that feed it (colour codes stripped across chunks,
// the Submit form's checks).
#include "core/ansifilter.h"
#include "core/jobform.h"
#include "core/jobhistorystore.h"

#include <QTemporaryDir>
#include <QTest>

using namespace rov::core;
using rov::api::ray::JobDetails;

namespace {

JobDetails job(const QString &id, const QString &status)
{
    JobDetails details;
    details.submissionId = id;
    details.status = status;
    details.entrypoint = QStringLiteral("python pi.py");
    details.metadata[QStringLiteral("job_name")] = QStringLiteral("pi");
    details.startTime = QDateTime::fromMSecsSinceEpoch(1795641536000, Qt::UTC);
    return details;
}

} // namespace

class TestJobHistory : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void jobsAndLogsAreKeptByCluster()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("history.sqlite"));
        const QString cluster = QStringLiteral("projects/p/locations/l/persistentResources/c1");
        {
            JobHistoryStore store;
            QString error;
            QVERIFY2(store.open(path, &error), qPrintable(error));
            QVERIFY(store.recordJob(cluster, QStringLiteral("c1"),
                                    job(QStringLiteral("a"), QStringLiteral("RUNNING"))));
            QVERIFY(!store.hasLog(cluster, QStringLiteral("a")));
            QVERIFY(store.recordJob(cluster, QStringLiteral("c1"),
                                    job(QStringLiteral("a"), QStringLiteral("SUCCEEDED"))));
            QVERIFY(store.recordLog(cluster, QStringLiteral("a"), "line 1\nline 2\n"));
            QVERIFY(!store.recordLog(cluster, QStringLiteral("unknown"), "x"));
            QVERIFY(store.recordJob(QStringLiteral("other"), QStringLiteral("o"),
                                    job(QStringLiteral("b"), QStringLiteral("FAILED"))));
        }
        JobHistoryStore reopened; // what survives the console
        QString error;
        QVERIFY(reopened.open(path, &error));
        const auto clusters = reopened.clusters();
        QCOMPARE(clusters.size(), size_t(2));
        const auto jobs = reopened.jobs(cluster);
        QCOMPARE(jobs.size(), size_t(1)); // updated in place, not added twice
        QCOMPARE(jobs[0].status, QStringLiteral("SUCCEEDED"));
        QCOMPARE(jobs[0].name, QStringLiteral("pi"));
        QCOMPARE(jobs[0].clusterName, QStringLiteral("c1"));
        QVERIFY(jobs[0].hasLog);
        QCOMPARE(jobs[0].startTime, job(QStringLiteral("a"), {}).startTime);
        QCOMPARE(*reopened.log(cluster, QStringLiteral("a")), QByteArray("line 1\nline 2\n"));
        QVERIFY(!reopened.log(QStringLiteral("other"), QStringLiteral("b")));

        QCOMPARE(reopened.removeOlderThan(QDateTime::currentDateTimeUtc().addDays(-1)), 0);
        QCOMPARE(reopened.removeOlderThan(QDateTime::currentDateTimeUtc().addSecs(1)), 2);
        QVERIFY(reopened.clusters().empty());
    }

    void anUnwritablePathIsAnError()
    {
        JobHistoryStore store;
        QString error;
        QVERIFY(!store.open(QStringLiteral("/nonexistent/dir/history.sqlite"), &error));
        QVERIFY(error.contains(QStringLiteral("/nonexistent/dir")));
        QVERIFY(!store.isOpen());
    }

    void colourCodesGoEvenWhenSplitBetweenChunks()
    {
        AnsiFilter filter;
        QCOMPARE(filter.filter("dashboard at \x1b[1m\x1b[3"), QByteArray("dashboard at "));
        QCOMPARE(filter.filter("2mhttp://x\x1b"), QByteArray("http://x"));
        QCOMPARE(filter.filter("[39m\x1b[22m done\n"), QByteArray(" done\n"));
        QCOMPARE(AnsiFilter().filter("plain ü text"), QByteArray("plain ü text"));
    }

    void theSubmitFormSaysWhatIsWrong()
    {
        JobForm form;
        QString problem;
        QVERIFY(!form.toSubmission(&problem));
        QVERIFY(problem.startsWith(QStringLiteral("Enter the command")));
        form.entrypoint = QStringLiteral("python main.py");
        form.envText = QStringLiteral("MODE=fast\nBROKEN");
        QVERIFY(!form.toSubmission(&problem));
        QCOMPARE(problem, QStringLiteral("Environment variable \"BROKEN\" is not NAME=value."));
        form.envText = QStringLiteral("1MODE=fast");
        QVERIFY(!form.toSubmission(&problem));
        QCOMPARE(problem, QStringLiteral("\"1MODE\" is not a valid environment variable name."));
        form.envText = QStringLiteral("MODE = fast run\n# a comment\n\nURL=http://a/?b=c");
        form.resourcesText = QStringLiteral("accelerator=0");
        QVERIFY(!form.toSubmission(&problem));
        QCOMPARE(problem, QStringLiteral("The amount of accelerator must be a number above 0."));
        form.resourcesText = QStringLiteral("accelerator=1, disk=2.5");
        form.name = QStringLiteral(" train ");
        form.metadataText = QStringLiteral("owner=ana");
        form.memoryMiB = 512;
        form.submissionId = QStringLiteral("bad id");
        QVERIFY(!form.toSubmission(&problem));
        form.submissionId = QStringLiteral("run-1");
        const auto job = form.toSubmission(&problem);
        QVERIFY2(job, qPrintable(problem));
        QCOMPARE(job->envVars.at(QStringLiteral("MODE")), QStringLiteral("fast run"));
        QCOMPARE(job->envVars.at(QStringLiteral("URL")), QStringLiteral("http://a/?b=c"));
        QCOMPARE(job->metadata.at(QStringLiteral("job_name")), QStringLiteral("train"));
        QCOMPARE(job->metadata.at(QStringLiteral("owner")), QStringLiteral("ana"));
        QCOMPARE(job->entrypointResources.at(QStringLiteral("disk")), 2.5);
        QCOMPARE(job->entrypointMemoryBytes, qint64(512) * 1024 * 1024);
        QCOMPARE(job->submissionId, QStringLiteral("run-1"));
    }
};

QTEST_GUILESS_MAIN(TestJobHistory)
#include "tst_jobhistory.moc"
