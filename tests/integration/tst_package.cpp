// The Debian package (issue 29), built by CPack from this build as scripts/package.sh builds it,
// tried as Debian and a desktop would: lintian finds no error and no unhardened program,
// desktop-file-validate and appstreamcli pass, it has its icon, man pages, changelog, copyright
// and user service, and it depends on what the programs link and run. Unpacked into a folder
// (dpkg -x), its rovd makes a Python environment with its progress lines (and says why one cannot
// be made, leaving nothing), serves with its resources, and its console, started with a home of
// its own, starts the installed rovd itself and lists the clusters.
#include "core/localrovd.h"
#include "core/profile.h"
#include "rovdfixture.h"
#include "testsupport.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

namespace {

struct Run
{
    int exitCode = -1;
    QString output;
};

Run run(const QString &program, const QStringList &arguments, int timeoutMs = 120000,
        const QString &directory = {}, const QProcessEnvironment &environment = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    if (!directory.isEmpty())
        process.setWorkingDirectory(directory);
    if (!environment.isEmpty())
        process.setProcessEnvironment(environment);
    process.start(program, arguments);
    if (!process.waitForFinished(timeoutMs)) {
        process.kill();
        process.waitForFinished();
        return {-1, QStringLiteral("%1 did not finish in %2 ms: %3")
                        .arg(program)
                        .arg(timeoutMs)
                        .arg(QString::fromUtf8(process.readAll()))};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1,
            QString::fromUtf8(process.readAll())};
}

QByteArray readAll(const QString &path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

} // namespace

class TestPackage : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        // The unpacked programs' homes: their settings, data and Python environment (XDG_*),
        // set before this process reads a setting, as the console's own are.
        for (const char *folder : {"config", "share", "cache"})
            QVERIFY(QDir().mkpath(m_temp.filePath(QString::fromLatin1(folder))));
        qputenv("XDG_CONFIG_HOME", m_temp.filePath(QStringLiteral("config")).toUtf8());
        qputenv("XDG_DATA_HOME", m_temp.filePath(QStringLiteral("share")).toUtf8());
        qputenv("XDG_CACHE_HOME", m_temp.filePath(QStringLiteral("cache")).toUtf8());
        QCoreApplication::setOrganizationName(QStringLiteral("rov"));
        QCoreApplication::setApplicationName(QStringLiteral("rov-console"));

        const Run cpack = run(QStringLiteral("cpack"),
                              {QStringLiteral("-G"), QStringLiteral("DEB"), QStringLiteral("-B"),
                               m_temp.filePath(QStringLiteral("cpack"))},
                              300000, QStringLiteral(ROV_BUILD_DIR));
        QVERIFY2(cpack.exitCode == 0, qPrintable(cpack.output));
        m_deb = m_temp.filePath(QStringLiteral("cpack/rov-console_" ROV_VERSION "_amd64.deb"));
        QVERIFY2(QFileInfo::exists(m_deb), qPrintable(cpack.output));
        m_root = m_temp.filePath(QStringLiteral("root"));
        const Run unpack = run(QStringLiteral("dpkg-deb"), {QStringLiteral("-x"), m_deb, m_root});
        QVERIFY2(unpack.exitCode == 0, qPrintable(unpack.output));
    }

    void itDependsOnWhatTheProgramsLinkAndRun()
    {
        const Run info =
            run(QStringLiteral("dpkg-deb"),
                {QStringLiteral("-f"), m_deb, QStringLiteral("Package"), QStringLiteral("Version"),
                 QStringLiteral("Architecture"), QStringLiteral("Depends")});
        QCOMPARE(info.exitCode, 0);
        QVERIFY2(info.output.contains(QStringLiteral("Version: " ROV_VERSION)) &&
                     info.output.contains(QStringLiteral("Architecture: amd64")),
                 qPrintable(info.output));
        // dpkg-shlibdeps' (what the programs link) and ours (what they run).
        for (const char *dependency : {"libqt6widgets6", "libqt6charts6", "libcurl4", "libssl3",
                                       "libqt6keychain1", "libsqlite3-0", "libzip4", "prometheus",
                                       "python3-venv", "libqt6svg6", "adwaita-icon-theme"})
            QVERIFY2(
                info.output.contains(QLatin1String(dependency)),
                qPrintable(
                    QStringLiteral("%1 missing: %2").arg(QLatin1String(dependency), info.output)));
    }

    void lintianFindsNoError()
    {
        const Run lintian = run(QStringLiteral("lintian"),
                                {QStringLiteral("--fail-on"), QStringLiteral("error"),
                                 QStringLiteral("--allow-root"), QStringLiteral("-I"), m_deb},
                                300000);
        qInfo().noquote() << "lintian:"
                          << (lintian.output.isEmpty() ? QStringLiteral("(nothing)")
                                                       : lintian.output);
        QVERIFY2(lintian.exitCode == 0, qPrintable(lintian.output));
        QVERIFY2(!lintian.output.contains(QRegularExpression(QStringLiteral("^E: "),
                                                             QRegularExpression::MultilineOption)),
                 qPrintable(lintian.output));
        // Its programs are hardened as Debian builds its own (lintian's informational tags:
        // hardening-no-bindnow, hardening-no-fortify-functions, hardening-no-relro, …).
        QVERIFY2(!lintian.output.contains(QStringLiteral(": hardening-")),
                 qPrintable(lintian.output));
    }

    void theDesktopFindsItsEntryIconAndMetainfo()
    {
        const QString share = m_root + QStringLiteral("/usr/share/");
        const QString desktop = share + QStringLiteral("applications/" ROV_APP_ID ".desktop");
        const Run entry = run(QStringLiteral("desktop-file-validate"), {desktop});
        QVERIFY2(entry.exitCode == 0 && entry.output.trimmed().isEmpty(), qPrintable(entry.output));
        const QByteArray text = readAll(desktop);
        for (const char *line : {"Name=Ray on Vertex AI console", "Name[zh_CN]=", "Comment[zh_CN]=",
                                 "Exec=rov-console", "Icon=" ROV_APP_ID, "Keywords=Ray;Vertex;"})
            QVERIFY2(text.contains(line), line);
        const Run metainfo = run(QStringLiteral("appstreamcli"),
                                 {QStringLiteral("validate"), QStringLiteral("--no-net"),
                                  share + QStringLiteral("metainfo/" ROV_APP_ID ".metainfo.xml")});
        QVERIFY2(metainfo.exitCode == 0, qPrintable(metainfo.output));
        const QByteArray release =
            readAll(share + QStringLiteral("metainfo/" ROV_APP_ID ".metainfo.xml"));
        QVERIFY(release.contains("<release version=\"" ROV_VERSION "\""));
        QVERIFY(QFileInfo::exists(
            share + QStringLiteral("icons/hicolor/scalable/apps/" ROV_APP_ID ".svg")));
        for (const int size : {16, 24, 32, 48, 64, 128, 256, 512})
            QVERIFY(QFileInfo::exists(
                share + QStringLiteral("icons/hicolor/%1x%1/apps/" ROV_APP_ID ".png").arg(size)));
    }

    void manPagesChangelogCopyrightAndTheUserService()
    {
        for (const char *page : {"rov-console.1.gz", "rovd.1.gz"}) {
            const Run man =
                run(QStringLiteral("man"),
                    {QStringLiteral("-l"), QStringLiteral("-P"), QStringLiteral("cat"),
                     m_root + QStringLiteral("/usr/share/man/man1/") + QLatin1String(page)});
            QVERIFY2(man.exitCode == 0, qPrintable(man.output));
            QVERIFY2(man.output.contains(QStringLiteral("--help")), qPrintable(man.output));
        }
        // rovd's page has every option with its default.
        const Run rovdMan = run(QStringLiteral("man"),
                                {QStringLiteral("-l"), QStringLiteral("-P"), QStringLiteral("cat"),
                                 m_root + QStringLiteral("/usr/share/man/man1/rovd.1.gz")});
        const QString flat =
            rovdMan.output.simplified().remove(QChar(0x2010)).remove(QStringLiteral("- "));
        for (const char *option : {"--data-dir", "--listen", "--ray-venv", "--prometheus",
                                   "--request-limits", "--bigquery-read-port"})
            QVERIFY2(flat.contains(QLatin1String(option)), option);
        QVERIFY2(flat.contains(QStringLiteral("Default: 127.0.0.1:8788")), qPrintable(flat));
        const QString doc = m_root + QStringLiteral("/usr/share/doc/rov-console/");
        QVERIFY(readAll(doc + QStringLiteral("copyright"))
                    .startsWith("Format: https://www.debian.org"));
        const Run changelog = run(QStringLiteral("gzip"),
                                  {QStringLiteral("-dc"), doc + QStringLiteral("changelog.gz")});
        QVERIFY2(changelog.output.startsWith(QStringLiteral("rov-console (" ROV_VERSION ")")),
                 qPrintable(changelog.output));
        const QByteArray unit =
            readAll(m_root + QStringLiteral("/usr/lib/systemd/user/rovd.service"));
        QVERIFY2(unit.contains("ExecStart=/usr/bin/rovd ") &&
                     unit.contains("WantedBy=default.target") && unit.contains("KillMode=process"),
                 unit.constData());
        // systemd's own check of the unit, with rovd where the package would put it.
        QFile moved(m_temp.filePath(QStringLiteral("rovd.service")));
        QVERIFY(moved.open(QIODevice::WriteOnly));
        moved.write(QByteArray(unit).replace("ExecStart=/usr/bin/rovd ",
                                             "ExecStart=" + rovd().toUtf8() + ' '));
        moved.close();
        const Run verify =
            run(QStringLiteral("systemd-analyze"),
                {QStringLiteral("verify"), QStringLiteral("--man=no"), moved.fileName()});
        QVERIFY2(verify.exitCode == 0 && verify.output.trimmed().isEmpty(),
                 qPrintable(verify.output));
    }

    void theInstalledRovdMakesAPythonEnvironmentOrSaysWhyNot()
    {
        QCOMPARE(run(rovd(), {QStringLiteral("--version")}).output.trimmed(),
                 QStringLiteral("rovd " ROV_VERSION));
        QFile good(m_temp.filePath(QStringLiteral("good.txt")));
        QVERIFY(good.open(QIODevice::WriteOnly) && good.write("six==1.16.0\n") > 0);
        good.close();
        const QString venv = m_temp.filePath(QStringLiteral("made"));
        const Run made = run(rovd(),
                             {QStringLiteral("--prepare-python"), QStringLiteral("--ray-venv"),
                              venv, QStringLiteral("--python-requirements"), good.fileName(),
                              QStringLiteral("--data-dir"), m_temp.filePath(QStringLiteral("d1"))},
                             300000, {}, environment());
        QVERIFY2(made.exitCode == 0, qPrintable(made.output));
        QVERIFY2(made.output.contains(QStringLiteral("Python environment 0/1: Creating")) &&
                     made.output.contains(QStringLiteral("Python environment 1/1: The Python "
                                                         "environment is ready")),
                 qPrintable(made.output));
        QVERIFY(QFileInfo::exists(venv + QStringLiteral("/bin/python")));

        QFile bad(m_temp.filePath(QStringLiteral("bad.txt")));
        QVERIFY(bad.open(QIODevice::WriteOnly) && bad.write("rov-no-such-package==0.0.0\n") > 0);
        bad.close();
        const QString failed = m_temp.filePath(QStringLiteral("failed"));
        const Run refused =
            run(rovd(),
                {QStringLiteral("--prepare-python"), QStringLiteral("--ray-venv"), failed,
                 QStringLiteral("--python-requirements"), bad.fileName(),
                 QStringLiteral("--data-dir"), m_temp.filePath(QStringLiteral("d2"))},
                300000, {}, environment());
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.output.contains(QStringLiteral("Installing the Python packages failed")) &&
                     refused.output.contains(QStringLiteral("rov-no-such-package")),
                 qPrintable(refused.output));
        QVERIFY(!QFileInfo::exists(failed));
    }

    // The user's environment is the build's (made by scripts/setup.sh; not ours, so used as it
    // is): the 1.5 GB of the pinned packages are not installed again here.
    void theInstalledRovdServesWithItsResources()
    {
        QVERIFY(QDir().mkpath(m_temp.filePath(QStringLiteral("share/rov"))));
        QVERIFY(QFile::link(QStringLiteral(ROV_PYTHON_VENV),
                            m_temp.filePath(QStringLiteral("share/rov/python"))) ||
                QFileInfo::exists(m_temp.filePath(QStringLiteral("share/rov/python"))));
        rov::test::RovdFixture installed(
            m_temp.filePath(QStringLiteral("served")),
            QStringLiteral("/tmp/rovt-pkg-%1").arg(QCoreApplication::applicationPid()));
        installed.setProgram(rovd());
        installed.setEnvironment(environment());
        QString error;
        QVERIFY2(installed.start(&error), qPrintable(error));
        rov::rest::RestClient client;
        auto request = rov::rest::HttpRequest::get(installed.url(QStringLiteral("/openapi.json")));
        request.setHeader("Authorization", "Bearer " + installed.userToken());
        const auto document = rov::test::sendAndWait(client, request).json();
        QCOMPARE(QString::fromStdString(document["info"].value("version", "")),
                 QStringLiteral(ROV_VERSION));
        // The machine catalogue and the translations are compiled in: a Chinese error.
        auto missing = rov::rest::HttpRequest::get(installed.url(
            QStringLiteral("/v1/projects/p/locations/us-central1/persistentResources/nope")));
        missing.setHeader("Authorization", "Bearer " + installed.userToken());
        missing.setHeader("Accept-Language", "zh-CN");
        const auto answer = rov::test::sendAndWait(client, missing);
        QCOMPARE(answer.status, 404);
        QVERIFY2(answer.body.contains("zh-CN"), answer.body.constData());
        QCOMPARE(installed.terminate(), 0);
    }

    void theUserGuideIsInstalledWhereTheConsoleReadsIt()
    {
        // Help → User guide reads ../share/rov-console/guide beside the program's bin folder
        // (install::guideFolder): both guides as docs/ has them, and every screenshot they show.
        const QString guide = QDir(m_root + QStringLiteral("/usr/bin"))
                                  .filePath(QStringLiteral("../share/rov-console/guide"));
        for (const char *name : {"user-guide.md", "user-guide.zh_CN.md"}) {
            const QByteArray installed = readAll(guide + QLatin1Char('/') + QLatin1String(name));
            QCOMPARE(installed,
                     readAll(QStringLiteral(ROV_SOURCE_DIR "/docs/") + QLatin1String(name)));
            const QRegularExpression image(QStringLiteral(R"re(\]\((screenshots/[^)]+\.png)\))re"));
            int images = 0;
            for (auto m = image.globalMatch(QString::fromUtf8(installed)); m.hasNext(); ++images) {
                const QString shot = m.next().captured(1);
                QVERIFY2(QFileInfo(guide + QLatin1Char('/') + shot).isFile(), qPrintable(shot));
            }
            QVERIFY(images >= 15);
        }
    }

    void theInstalledConsoleStartsItsRovdAndListsTheClusters()
    {
        // A profile of its own: this computer, rovd on a free port with its data here.
        rov::core::Profile profile = rov::core::Profile::thisComputer();
        const quint16 port = rov::test::freeLocalPort();
        QVERIFY(port != 0);
        profile.rovdUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        profile.rovdDataDir = m_temp.filePath(QStringLiteral("console-data"));
        rov::core::ProfileStore().save(profile);
        rov::core::ProfileStore().setCurrentId(profile.id);

        QProcess console;
        console.setProcessEnvironment(environment());
        console.setProcessChannelMode(QProcess::MergedChannels);
        console.start(m_root + QStringLiteral("/usr/bin/rov-console"), {});
        QVERIFY(console.waitForStarted());
        const auto stopBoth = qScopeGuard([&] {
            console.terminate();
            if (!console.waitForFinished(10000))
                console.kill();
            rov::core::localrovd::stop(profile.rovdDataDir);
        });
        // rovd's access log: the console's list of the clusters, answered.
        const QString log = profile.rovdDataDir + QStringLiteral("/logs/access.log");
        QTRY_VERIFY2_WITH_TIMEOUT(
            readAll(log).contains(
                "\"method\":\"GET\",\"route\":\"/{version}/projects/{project}/locations/"
                "{location}/persistentResources\",\"subsystem\":\"clusters\",\"status\":200"),
            qPrintable(
                QString::fromUtf8(readAll(log).right(2000)) + QString::fromUtf8(console.readAll()) +
                QString::fromUtf8(readAll(profile.rovdDataDir + QStringLiteral("/rovd.log")))),
            90000);
        QCOMPARE(console.state(), QProcess::Running);
        // The rovd it started is the installed one.
        const auto pid = rov::core::localrovd::runningPid(profile.rovdDataDir);
        QVERIFY(pid.has_value());
        QCOMPARE(QFileInfo(QStringLiteral("/proc/%1/exe").arg(*pid)).canonicalFilePath(),
                 QFileInfo(rovd()).canonicalFilePath());
    }

    void cleanupTestCase()
    {
        rov::test::killProcessesUnder(
            QStringLiteral("/tmp/rovt-pkg-%1").arg(QCoreApplication::applicationPid()));
    }

private:
    QString rovd() const { return m_root + QStringLiteral("/usr/bin/rovd"); }
    QProcessEnvironment environment() const
    {
        QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
        environment.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
        return environment; // XDG_* as this process has them (initTestCase)
    }

    QTemporaryDir m_temp;
    QString m_deb;
    QString m_root;
};

QTEST_GUILESS_MAIN(TestPackage)
#include "tst_package.moc"
