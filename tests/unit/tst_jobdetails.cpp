#include "api/ray/jobdetails.h"

#include <QTest>

using namespace rov::api::ray;
using nlohmann::json;

class TestJobDetails : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void readsTheDashboardsJobDetails()
    {
        const auto job = JobDetails::fromJson(json::parse(R"({
            "type": "SUBMISSION", "job_id": "02000000", "submission_id": "raysubmit_abc",
            "status": "SUCCEEDED", "entrypoint": "python pi.py", "message": "done",
            "start_time": 1795641536000, "end_time": 1795641546500,
            "metadata": {"job_name": "pi"}, "driver_node_id": "d9b2", "driver_exit_code": 0,
            "runtime_env": {}, "driver_info": null})"));
        QCOMPARE(job.name(), QStringLiteral("pi"));
        QVERIFY(job.isTerminal());
        QCOMPARE(job.startTime.msecsTo(job.endTime), 10500);
        QCOMPARE(job.driverNodeId, QStringLiteral("d9b2"));
        QCOMPARE(job.driverExitCode, 0);
        QCOMPARE(JobDetails::fromJson(json::parse(R"({"submission_id": "s", "status": "RUNNING"})"))
                     .name(),
                 QStringLiteral("s"));
    }

    void aSubmissionIsTheBodyAndTheCommandLine()
    {
        JobSubmission job;
        job.entrypoint = QStringLiteral("python pi.py --samples 1000");
        job.envVars[QStringLiteral("MODE")] = QStringLiteral("fast run");
        job.metadata[QStringLiteral("job_name")] = QStringLiteral("pi");
        job.entrypointCpus = 1;
        job.entrypointMemoryBytes = 1 << 30;
        job.workingDirUri = QStringLiteral("gcs://_ray_pkg_0123.zip");
        const json body = job.toJson();
        QVERIFY(body["runtime_env"]["env_vars"]["MODE"] == "fast run");
        QVERIFY(body["runtime_env"]["working_dir"] == "gcs://_ray_pkg_0123.zip");
        QVERIFY(body["entrypoint_num_cpus"] == 1.0);
        QVERIFY(body["entrypoint_memory"] == (1 << 30));
        QVERIFY(!body.contains("entrypoint_num_gpus"));
        QCOMPARE(
            job.commandLine(QStringLiteral("http://127.0.0.1:20001"), QStringLiteral("./demo")),
            QStringLiteral("ray job submit --address http://127.0.0.1:20001 --working-dir "
                           "./demo --runtime-env-json '{\"env_vars\":{\"MODE\":\"fast "
                           "run\"}}' --metadata-json '{\"job_name\":\"pi\"}' "
                           "--entrypoint-num-cpus 1 --entrypoint-memory 1073741824 -- "
                           "python pi.py --samples 1000"));
    }
};

QTEST_GUILESS_MAIN(TestJobDetails)
#include "tst_jobdetails.moc"
