// rovd's Model Registry and endpoints on real Ray Serve, driven by Google's own SDK and by plain
// REST (tests/compat/google_serving.py): the artifacts uploaded with google-cloud-storage to
// rovd's Cloud Storage routes, upload, deploy, predictions equal to the model's own,
// a 50/50 split and {"0": 100}, a broken artifact, the errors; then rovd killed with -9 and
// started again serves the same endpoint.
#include "rovdfixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

class TestRovdServing : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase()
    {
        m_rovd.terminate();
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void deployPredictSplitAndSurviveAKill()
    {
        m_rovd.setExtraArguments({QStringLiteral("--stop-clusters-on-exit")});
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY(runScript({QStringLiteral("deploy"), url()}));

        m_rovd.kill9();
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QVERIFY(runScript({QStringLiteral("after-restart"), url()}));
        QCOMPARE(m_rovd.terminate(), 0);
        // The last endpoint went: the serving instance with it.
        QCOMPARE(rov::test::processesMentioning(m_tempRoot + QStringLiteral("/serving")), 0);
    }

private:
    QString url() const { return m_rovd.url(QString()).toString(QUrl::StripTrailingSlash); }

    bool runScript(const QStringList &arguments)
    {
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ROV_TOKEN"), QString::fromLatin1(m_rovd.adminToken()));
        // As rovd's Ray nodes reach gs://: the user role's token in the path.
        environment.insert(QStringLiteral("STORAGE_EMULATOR_HOST"),
                           url() + QStringLiteral("/t/") + QString::fromLatin1(m_rovd.userToken()));
        python.setProcessEnvironment(environment);
        python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                     QStringList{QStringLiteral(ROV_SOURCE_DIR "/tests/compat/google_serving.py")} +
                         arguments);
        if (!python.waitForFinished(900000))
            python.kill();
        const QString output = QString::fromUtf8(python.readAll());
        qInfo().noquote() << output;
        const bool passed = python.exitStatus() == QProcess::NormalExit && python.exitCode() == 0 &&
                            output.contains(QStringLiteral("google serving: every step passed"));
        if (!passed)
            qWarning().noquote() << "--- rovd ---\n" << m_rovd.output();
        return passed;
    }

    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovs-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
};

QTEST_GUILESS_MAIN(TestRovdServing)
#include "tst_rovdserving.moc"
