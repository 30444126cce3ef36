// rovd's systemd user service as the console sees it (issue 29): which profiles it serves (the
// unit's address and data folder), and how a process is known to run as it (its cgroup, in the
// forms systemd writes under cgroup v2 and v1). The console's own process, which is no service,
// is not taken for one.
#include "core/localrovd.h"

#include <QCoreApplication>
#include <QTest>

using namespace rov::core;

class TestUserService : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void itServesTheDefaultProfileOnly()
    {
        QVERIFY(localrovd::serviceServes(QUrl(QStringLiteral("http://127.0.0.1:8788")), {}));
        QVERIFY(localrovd::serviceServes(QUrl(QStringLiteral("http://127.0.0.1")), {}));
        QVERIFY(!localrovd::serviceServes(QUrl(QStringLiteral("http://127.0.0.1:9000")), {}));
        QVERIFY(!localrovd::serviceServes(QUrl(QStringLiteral("http://localhost:8788")), {}));
        QVERIFY(!localrovd::serviceServes(QUrl(QStringLiteral("http://127.0.0.1:8788")),
                                          QStringLiteral("/data/elsewhere")));
    }

    void itsProcessesAreKnownByTheirCgroup_data()
    {
        QTest::addColumn<QByteArray>("cgroup");
        QTest::addColumn<bool>("service");
        QTest::newRow("v2, the service")
            << QByteArray(
                   "0::/user.slice/user-1000.slice/user@1000.service/app.slice/rovd.service\n")
            << true;
        QTest::newRow("v1, the service")
            << QByteArray(
                   "12:pids:/user.slice/user-1000.slice/user@1000.service\n"
                   "1:name=systemd:/user.slice/user-1000.slice/user@1000.service/"
                   "app.slice/rovd.service\n0::/user.slice/user-1000.slice/user@1000.service/"
                   "app.slice/rovd.service\n")
            << true;
        QTest::newRow("a login session")
            << QByteArray("0::/user.slice/user-1000.slice/session-2.scope\n") << false;
        QTest::newRow("a system service of that name")
            << QByteArray("0::/system.slice/rovd.service\n") << false;
        QTest::newRow("another user service")
            << QByteArray("0::/user.slice/user-1000.slice/user@1000.service/app.slice/"
                          "xrovd.service\n")
            << false;
        QTest::newRow("a container") << QByteArray("0::/\n") << false;
    }
    void itsProcessesAreKnownByTheirCgroup()
    {
        QFETCH(QByteArray, cgroup);
        QFETCH(bool, service);
        QCOMPARE(localrovd::cgroupIsUserService(cgroup), service);
    }

    void thisProcessIsNoService()
    {
        QVERIFY(!localrovd::runsAsUserService(QCoreApplication::applicationPid()));
        QVERIFY(!localrovd::runsAsUserService(0)); // no such process: no service either
    }
};

QTEST_GUILESS_MAIN(TestUserService)
#include "tst_userservice.moc"
