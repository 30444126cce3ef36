// Google's own Vertex AI Python client (REST transport, api_endpoint pointed at rovd) works
// against rovd unchanged: create, get, list, scale, reboot and delete a real Ray cluster.
#include "rovdfixture.h"

#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

class TestGoogleClient : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void cleanupTestCase()
    {
        rov::test::killProcessesUnder(m_tempRoot);
        QDir(m_tempRoot).removeRecursively();
    }

    void everyCallOfTheClientWorks()
    {
        QString error;
        QVERIFY2(m_rovd.start(&error), qPrintable(error));
        QProcess python;
        python.setProcessChannelMode(QProcess::MergedChannels);
        auto environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("ROV_TOKEN"), QString::fromLatin1(m_rovd.adminToken()));
        python.setProcessEnvironment(environment);
        python.start(QStringLiteral(ROV_PYTHON_VENV "/bin/python"),
                     {QStringLiteral(ROV_SOURCE_DIR "/tests/compat/google_client.py"),
                      m_rovd.url(QString()).toString(QUrl::StripTrailingSlash)});
        QVERIFY(python.waitForFinished(900000));
        const QString output = QString::fromUtf8(python.readAll());
        QVERIFY2(python.exitCode() == 0 &&
                     output.contains(QStringLiteral("google client: every step passed")),
                 qPrintable(output + QStringLiteral("\n--- rovd ---\n") + m_rovd.output()));
        QCOMPARE(m_rovd.terminate(), 0);
    }

private:
    QTemporaryDir m_data;
    const QString m_tempRoot =
        QStringLiteral("/tmp/rovg-%1").arg(QCoreApplication::applicationPid());
    rov::test::RovdFixture m_rovd{m_data.path(), m_tempRoot};
};

QTEST_GUILESS_MAIN(TestGoogleClient)
#include "tst_googleclient.moc"
