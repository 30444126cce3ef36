// rovd's batchPredictionJobs on real Ray Data, driven by Google's own SDK and by plain REST
// (tests/compat/google_batch.py): Model.batch_predict over 10,000 instances with the model's own
// predictions in Vertex's files, bad lines in the errors file (the job succeeds, counting them),
// keyField and excludedFields, list and its filter, delete, cancel mid-run with no Ray work left,
// the errors; then rovd killed with -9 mid-job and started again: the job ends, never stays
// running.
#include "rovdfixture.h"

#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

class TestRovdBatch : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase()
    {
        m_rovd.terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void batchPredictWithGooglesSdk()
    {
        m_rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY(runScript({QStringLiteral("run"), url()}).has_value());
    }

    void aJobEndsAfterRovdIsKilled()
    {
        const auto started = runScript({QStringLiteral("start-long"), url()});
        QVERIFY(started.has_value());
        const auto job = QRegularExpression(QStringLiteral("job: (\\S+)")).match(*started);
        QVERIFY2(job.hasMatch(), qPrintable(*started));
        m_rovd.kill9();
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY(runScript({QStringLiteral("after-restart"), url(), job.captured(1)}).has_value());
        QCOMPARE(m_rovd.terminate(), 0);
        // --stop-clusters-on-exit: the batch instance went with rovd.
        QCOMPARE(rov::test::processesMentioning(m_tempRoot + QStringLiteral("/batch")), 0);
    }

private:
    QString url() const { return m_rovd.url(QString()).toString(QUrl::StripTrailingSlash); }

    // The script's output when it passed; nullopt (and the output logged) when not.
    std::optional<QString> runScript(const QStringList &arguments)
    {
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ROV_TOKEN"), QString::fromLatin1(m_rovd.adminToken()));
        environment.insert(QStringLiteral("STORAGE_EMULATOR_HOST"),
                           url() + QStringLiteral("/t/") + QString::fromLatin1(m_rovd.userToken()));
        python.setProcessEnvironment(environment);
        python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                     QStringList{QStringLiteral(ROV_SOURCE_DIR "/tests/compat/google_batch.py")} +
                         arguments);
        if (!python.waitForFinished(900000))
            python.kill();
        const QString output = QString::fromUtf8(python.readAll());
        qInfo().noquote() << output;
        const bool passed = python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0 &&
                            output.contains(QStringLiteral("google batch: every step passed"));
        if (!passed) {
            qWarning().noquote() << "--- rovd ---\n" << m_rovd.output();
            return std::nullopt;
        }
        return output;
    }

    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovb-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
};

QTEST_GUILESS_MAIN(TestRovdBatch)
#include "tst_rovdbatch.moc"
