#include "core/connectionhealth.h"

#include <QTest>

using rov::core::ConnectionHealth;
using State = ConnectionHealth::State;
using namespace std::chrono_literals;

class TestConnectionHealth : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void oneMissIsReconnectingAndTwoAreUnreachable()
    {
        ConnectionHealth health;
        const auto t0 = ConnectionHealth::Clock::time_point{} + 1h;
        QVERIFY(!health.record(true, t0));
        QCOMPARE(health.state(), State::Connected);
        QVERIFY(health.record(false, t0 + 1s));
        QCOMPARE(health.state(), State::Reconnecting);
        QVERIFY(health.record(false, t0 + 2s));
        QCOMPARE(health.state(), State::Unreachable);
        QVERIFY(!health.record(false, t0 + 3s));
        QCOMPARE(health.misses(), 3);
    }

    void anAnswerAfterMissesIsConnectedAgain()
    {
        ConnectionHealth health;
        const auto t0 = ConnectionHealth::Clock::time_point{} + 1h;
        health.record(false, t0);
        health.record(false, t0 + 1s);
        QCOMPARE(health.state(), State::Unreachable);
        QVERIFY(health.record(true, t0 + 2s));
        QCOMPARE(health.state(), State::Connected);
        // A new miss starts counting again from one.
        health.record(false, t0 + 10s);
        QCOMPARE(health.state(), State::Reconnecting);
    }

    void aSingleLongMissIsUnreachableWithinTheDetectionTime()
    {
        // The heartbeat plus its timeout must tell "unreachable" within 5 s of the backend dying.
        QVERIFY(ConnectionHealth::kHeartbeat * ConnectionHealth::kMissesForUnreachable +
                    ConnectionHealth::kHeartbeatTimeout <=
                5s);
        ConnectionHealth health;
        const auto t0 = ConnectionHealth::Clock::time_point{} + 1h;
        health.record(false, t0);
        QCOMPARE(health.state(), State::Reconnecting);
        // Misses that straddle the limit: unreachable even without the count.
        ConnectionHealth slow;
        slow.record(false, t0);
        slow.record(true, t0 + 100ms);
        slow.record(false, t0 + 1s);
        QCOMPARE(slow.state(), State::Reconnecting);
    }
};

QTEST_APPLESS_MAIN(TestConnectionHealth)
#include "tst_connectionhealth.moc"
