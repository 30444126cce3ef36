// The kernel the console writes for a cluster, and what it reads from a Python environment.
#include "core/notebookkernel.h"

#include <QDir>
#include <QJsonArray>
#include <QTemporaryDir>
#include <QTest>

using namespace rov::core;

class TestNotebookKernel : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void aLocalClustersKernelConnectsThroughVertexRayWithNoSecret()
    {
        KernelTarget target;
        target.clusterName =
            QStringLiteral("projects/p/locations/us-central1/persistentResources/c1");
        target.clusterTitle = QStringLiteral("My cluster");
        target.python = QStringLiteral("/venv/bin/python");
        target.launcher = QStringLiteral("/lab/rov_kernel.py");
        target.rovdUrl = QStringLiteral("http://127.0.0.1:8788");
        target.tokensFile = QStringLiteral("/data/rovd/tokens");
        target.pythonVersion = QStringLiteral("3.11");
        QCOMPARE(kernelName(target.clusterName), QStringLiteral("ray-c1"));
        const QJsonObject spec = kernelSpec(target);
        QCOMPARE(spec[QStringLiteral("display_name")].toString(),
                 QStringLiteral("Ray on My cluster (Python 3.11)"));
        QCOMPARE(spec[QStringLiteral("argv")].toArray().at(0).toString(), target.python);
        QCOMPARE(spec[QStringLiteral("argv")].toArray().at(1).toString(), target.launcher);
        QCOMPARE(spec[QStringLiteral("argv")].toArray().at(3).toString(),
                 QStringLiteral("{connection_file}"));
        const QJsonObject env = spec[QStringLiteral("env")].toObject();
        QCOMPARE(env[QStringLiteral("RAY_ADDRESS")].toString(),
                 QStringLiteral("vertex_ray://") + target.clusterName);
        QCOMPARE(env[QStringLiteral("ROV_API")].toString(), target.rovdUrl);
        QCOMPARE(env[QStringLiteral("ROV_TOKEN_FILE")].toString(), target.tokensFile);
        QVERIFY(!env.contains(QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS")));
        // grpcio's fork support off: the kernel's subprocesses start beside its Ray Client.
        QCOMPARE(env[QStringLiteral("GRPC_ENABLE_FORK_SUPPORT")].toString(),
                 QStringLiteral("false"));
    }

    void aGoogleCloudKernelUsesTheProfilesKey()
    {
        KernelTarget target;
        target.clusterName =
            QStringLiteral("projects/p/locations/europe-west4/persistentResources/c2");
        target.clusterTitle = QStringLiteral("c2");
        target.keyFile = QStringLiteral("/home/me/key.json");
        const QJsonObject env = kernelSpec(target)[QStringLiteral("env")].toObject();
        QCOMPARE(env[QStringLiteral("ROV_API")].toString(), QString());
        QVERIFY(!env.contains(QStringLiteral("ROV_TOKEN_FILE")));
        QCOMPARE(env[QStringLiteral("GOOGLE_APPLICATION_CREDENTIALS")].toString(), target.keyFile);
        QCOMPARE(env[QStringLiteral("GRPC_ENABLE_FORK_SUPPORT")].toString(),
                 QStringLiteral("false"));
    }

    void colabEnterpriseIsTheProjectsRayPage()
    {
        QCOMPARE(
            colabEnterprisePage(QStringLiteral("my-proj")),
            QUrl(QStringLiteral("https://console.cloud.google.com/vertex-ai/ray?project=my-proj")));
    }

    void versionsAreReadFromTheEnvironmentsFolders()
    {
        QTemporaryDir venv;
        QVERIFY(QDir(venv.path())
                    .mkpath(QStringLiteral("lib/python3.11/site-packages/ray-2.47.1.dist-info")));
        QVERIFY(
            QDir(venv.path())
                .mkpath(QStringLiteral("lib/python3.11/site-packages/ray_cpp-2.47.1.dist-info")));
        const PythonVersions versions = environmentVersions(venv.path());
        QCOMPARE(versions.ray, QStringLiteral("2.47.1"));
        QCOMPARE(versions.python, QStringLiteral("3.11"));
        QCOMPARE(environmentVersions(venv.filePath(QStringLiteral("absent"))).python, QString());
    }

    void aDifferentRayOrPythonIsWarnedAbout_data()
    {
        QTest::addColumn<QString>("clusterRay");
        QTest::addColumn<QString>("clusterPython");
        QTest::addColumn<QString>("says"); // empty: no warning
        QTest::newRow("same") << "2.47"
                              << "3.11"
                              << "";
        QTest::newRow("custom image") << ""
                                      << ""
                                      << "";
        QTest::newRow("older Ray") << "2.42"
                                   << "3.11"
                                   << "Ray 2.42";
        QTest::newRow("other Python") << "2.47"
                                      << "3.10"
                                      << "Python 3.10";
        QTest::newRow("both") << "2.33"
                              << "3.10"
                              << "Ray 2.33 on Python 3.10";
    }

    void aDifferentRayOrPythonIsWarnedAbout()
    {
        QFETCH(QString, clusterRay);
        QFETCH(QString, clusterPython);
        QFETCH(QString, says);
        const QString warning = versionWarning(clusterRay, clusterPython,
                                               {QStringLiteral("2.47.1"), QStringLiteral("3.11")});
        if (says.isEmpty()) {
            QCOMPARE(warning, QString());
        } else {
            QVERIFY2(warning.contains(says), qPrintable(warning));
            QVERIFY2(warning.contains(QStringLiteral("2.47.1")) ||
                         warning.contains(QStringLiteral("3.11")),
                     qPrintable(warning));
        }
    }
};

QTEST_GUILESS_MAIN(TestNotebookKernel)
#include "tst_notebookkernel.moc"
