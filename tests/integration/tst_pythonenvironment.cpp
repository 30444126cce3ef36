// The Python environment made on first start of an installed rovd or console (issue 29), with
// real Python and real pip from PyPI: a small list of packages stands in for the pinned one
// (minutes and 1.5 GB), which scripts/setup.sh installs the same way. Made, it is ready and is
// not made again; a package that cannot be installed says why and leaves nothing; a folder a
// crash left half-made is made again; a folder not made by us is never touched; cancel removes
// what was made; a second process waits for the first and finds it ready.
#include "install/pythonenvironment.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using rov::install::PythonEnvironment;

namespace {

PythonEnvironment::Packages packages(const QByteArray &lines)
{
    return {lines, {}};
}

// prepare() to its end: the error ("" on success) and the progress texts on the way.
QString prepareAndWait(PythonEnvironment &environment, QStringList *texts = nullptr)
{
    QString error = QStringLiteral("(not finished)");
    bool ended = false;
    QObject listening; // the connections end with this call
    QObject::connect(&environment, &PythonEnvironment::finished, &listening,
                     [&](const QString &reason) {
                         error = reason;
                         ended = true;
                     });
    if (texts)
        QObject::connect(&environment, &PythonEnvironment::progress, &listening,
                         [texts](int, int, const QString &text) { *texts << text; });
    environment.prepare();
    if (!QTest::qWaitFor([&] { return ended; }, 240000))
        return QStringLiteral("(not finished in 240 s)");
    return error;
}

QString runIn(const QString &venv, const QString &code)
{
    QProcess python;
    python.setProcessChannelMode(QProcess::MergedChannels);
    python.start(venv + QStringLiteral("/bin/python"), {QStringLiteral("-c"), code});
    python.waitForFinished(60000);
    return QString::fromUtf8(python.readAll()).trimmed();
}

} // namespace

class TestPythonEnvironment : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void thePinnedPackagesAreThoseTheScriptsInstall()
    {
        const auto pinned = PythonEnvironment::pinned();
        QFile lock(QStringLiteral(ROV_SOURCE_DIR "/resources/python/requirements.lock"));
        QVERIFY(lock.open(QIODevice::ReadOnly));
        QCOMPARE(pinned.constraints, lock.readAll());
        QVERIFY(pinned.requirements.contains("ray[default,serve,data]==2.47.1"));
        QVERIFY2(pinned.count() > 100, qPrintable(QString::number(pinned.count())));
    }

    void madeOnceThenReady()
    {
        const QString dir = m_root.filePath(QStringLiteral("env"));
        PythonEnvironment environment(dir, packages("six==1.16.0\n"));
        QCOMPARE(environment.state(), PythonEnvironment::State::Missing);
        QStringList texts;
        QSignalSpy progress(&environment, &PythonEnvironment::progress);
        QCOMPARE(prepareAndWait(environment, &texts), QString());
        QCOMPARE(environment.state(), PythonEnvironment::State::Ready);
        QCOMPARE(runIn(dir, QStringLiteral("import six; print(six.__version__)")),
                 QStringLiteral("1.16.0"));
        // It said how far it was: the venv, the package, the end (1 of 1).
        QVERIFY2(texts.join(QLatin1Char('\n')).contains(QStringLiteral("six")),
                 qPrintable(texts.join(QLatin1Char('\n'))));
        QCOMPARE(progress.last().at(0).toInt(), 1);
        QCOMPARE(progress.last().at(1).toInt(), 1);
        // Ready: another prepare() ends at once, with nothing run.
        QSignalSpy again(&environment, &PythonEnvironment::progress);
        QCOMPARE(prepareAndWait(environment), QString());
        QCOMPARE(again.size(), 0);
        // Other packages (an upgrade): the folder is stale and is made again.
        PythonEnvironment upgraded(dir, packages("six==1.17.0\n"));
        QCOMPARE(upgraded.state(), PythonEnvironment::State::Stale);
        QCOMPARE(prepareAndWait(upgraded), QString());
        QCOMPARE(runIn(dir, QStringLiteral("import six; print(six.__version__)")),
                 QStringLiteral("1.17.0"));
    }

    void aPackageThatCannotBeInstalledSaysWhyAndLeavesNothing()
    {
        const QString dir = m_root.filePath(QStringLiteral("bad"));
        PythonEnvironment environment(dir, packages("rov-no-such-package==0.0.0\n"));
        const QString error = prepareAndWait(environment);
        QVERIFY2(error.startsWith(QStringLiteral("Installing the Python packages failed")) &&
                     error.contains(QStringLiteral("rov-no-such-package")),
                 qPrintable(error));
        QVERIFY(!QFileInfo::exists(dir));
        QCOMPARE(environment.state(), PythonEnvironment::State::Missing);
    }

    void aHalfMadeFolderIsMadeAgain()
    {
        // What a crash in the middle leaves: the marker, a venv without the packages.
        const QString dir = m_root.filePath(QStringLiteral("half"));
        QVERIFY(QProcess::execute(PythonEnvironment::basePython(),
                                  {QStringLiteral("-m"), QStringLiteral("venv"), dir}) == 0);
        QFile marker(dir + QStringLiteral("/.rov-environment-making"));
        QVERIFY(marker.open(QIODevice::WriteOnly));
        marker.close();
        PythonEnvironment environment(dir, packages("six==1.16.0\n"));
        QCOMPARE(environment.state(), PythonEnvironment::State::Stale);
        QCOMPARE(prepareAndWait(environment), QString());
        QCOMPARE(environment.state(), PythonEnvironment::State::Ready);
        QVERIFY(!QFileInfo::exists(marker.fileName()));
    }

    void someoneElsesFolderIsNeverTouched()
    {
        const QString dir = m_root.filePath(QStringLiteral("theirs"));
        QVERIFY(QDir().mkpath(dir));
        QFile mine(dir + QStringLiteral("/notes.txt"));
        QVERIFY(mine.open(QIODevice::WriteOnly) && mine.write("keep") == 4);
        mine.close();
        PythonEnvironment environment(dir, packages("six==1.16.0\n"));
        QCOMPARE(environment.state(), PythonEnvironment::State::Foreign);
        const QString error = prepareAndWait(environment);
        QVERIFY2(error.contains(QStringLiteral("was not made by rov-console")), qPrintable(error));
        QVERIFY(QFileInfo::exists(mine.fileName()));
    }

    void cancelRemovesWhatWasMade()
    {
        const QString dir = m_root.filePath(QStringLiteral("cancelled"));
        PythonEnvironment environment(dir, packages("six==1.16.0\n"));
        QString error;
        connect(&environment, &PythonEnvironment::finished,
                [&](const QString &reason) { error = reason; });
        environment.prepare();
        QTRY_VERIFY(QFileInfo::exists(dir)); // the venv is being made
        environment.cancel();
        QCOMPARE(error, QStringLiteral("Cancelled"));
        QVERIFY(!environment.isRunning());
        QVERIFY(!QFileInfo::exists(dir));
    }

    void aSecondMakerWaitsForTheFirst()
    {
        const QString dir = m_root.filePath(QStringLiteral("shared"));
        PythonEnvironment first(dir, packages("six==1.16.0\n"));
        PythonEnvironment second(dir, packages("six==1.16.0\n"));
        QStringList secondTexts;
        connect(&second, &PythonEnvironment::progress,
                [&](int, int, const QString &text) { secondTexts << text; });
        QString firstError = QStringLiteral("-"), secondError = QStringLiteral("-");
        connect(&first, &PythonEnvironment::finished, [&](const QString &e) { firstError = e; });
        connect(&second, &PythonEnvironment::finished, [&](const QString &e) { secondError = e; });
        first.prepare();
        second.prepare();
        QTRY_VERIFY_WITH_TIMEOUT(
            firstError != QStringLiteral("-") && secondError != QStringLiteral("-"), 240000);
        QCOMPARE(firstError, QString());
        QCOMPARE(secondError, QString());
        // The second said it waited, and ran nothing of its own (it found the first's done).
        QVERIFY2(!secondTexts.isEmpty() &&
                     secondTexts.front().startsWith(QStringLiteral("Waiting")),
                 qPrintable(secondTexts.join(QLatin1Char('\n'))));
        QCOMPARE(secondTexts.size(), 1);
    }

private:
    QTemporaryDir m_temp;
    QDir m_root{m_temp.path()};
};

QTEST_GUILESS_MAIN(TestPythonEnvironment)
#include "tst_pythonenvironment.moc"
