// The Python call the wizard shows names only functions, classes and keywords that exist in the
// google-cloud-aiplatform SDK installed in .venv (checked by tests/compat/check_sdk_call.py).
#include "core/clusterdraft.h"

#include <QProcess>
#include <QTest>

using rov::core::ClusterDraft;

class TestSdkCall : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void theSdkKnowsEveryNameWeWrite_data()
    {
        QTest::addColumn<bool>("everything");
        QTest::newRow("defaults") << false;
        QTest::newRow("every option") << true;
    }

    void theSdkKnowsEveryNameWeWrite()
    {
        QFETCH(bool, everything);
        ClusterDraft draft;
        draft.id = QStringLiteral("demo");
        if (everything) {
            draft.displayName = QStringLiteral("Demo");
            draft.customImage = QStringLiteral("us-docker.pkg.dev/p/r/ray:latest");
            draft.head.machine.acceleratorType = QStringLiteral("NVIDIA_L4");
            draft.head.machine.acceleratorCount = 1;
            draft.workers[0].autoscaling = std::pair<qint64, qint64>{1, 4};
            draft.workers.push_back(draft.workers[0]);
            draft.workers[1].id = QStringLiteral("second");
            draft.network = QStringLiteral("projects/1/global/networks/n");
            draft.reservedIpRanges = {QStringLiteral("range-a")};
            draft.networkAttachment = QStringLiteral("projects/p/regions/r/networkAttachments/a");
            draft.serviceAccount = QStringLiteral("sa@p.iam.gserviceaccount.com");
            draft.kmsKeyName = QStringLiteral("projects/p/locations/l/keyRings/r/cryptoKeys/k");
            draft.metricsExport = false;
            draft.logsExport = false;
            draft.labels[QStringLiteral("team")] = QStringLiteral("ml");
        }
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                     {QStringLiteral(ROV_SOURCE_DIR "/tests/compat/check_sdk_call.py")});
        python.write(draft.pythonCall(QStringLiteral("my-project")).toUtf8());
        python.closeWriteChannel();
        QVERIFY(python.waitForFinished(60000));
        const QString output = QString::fromUtf8(python.readAll());
        QVERIFY2(python.exitCode() == 0,
                 qPrintable(output + QLatin1Char('\n') +
                            draft.pythonCall(QStringLiteral("my-project"))));
    }
};

QTEST_GUILESS_MAIN(TestSdkCall)
#include "tst_sdkcall.moc"
