#include "localplane/clusters/lifecycle.h"

#include <QTest>

using namespace rov::localplane::lifecycle;

namespace {
const QList<State> kStates = {State::Provisioning, State::Running,   State::Stopping,
                              State::Error,        State::Rebooting, State::Updating};
const QList<Event> kEvents = {Event::NodesStarted,  Event::StartFailed,  Event::HeadExited,
                              Event::WorkerExited,  Event::NodesStopped, Event::NodesRetired,
                              Event::DeadlinePassed};
bool pending(State state)
{
    return state == State::Provisioning || state == State::Updating || state == State::Rebooting ||
           state == State::Stopping;
}
} // namespace

class TestLifecycle : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void startingStatesEndRunningWhenAllNodesAreUp()
    {
        for (const State state : {State::Provisioning, State::Updating, State::Rebooting}) {
            const Transition t = next(state, Event::NodesStarted, {}, 3);
            QCOMPARE(t.state, State::Running);
            QCOMPARE(t.outcome, Outcome::Succeeded);
            QCOMPARE(t.action, Action::WatchLoad);
            QVERIFY(t.reason.contains(QLatin1String("3")));
        }
        QVERIFY(next(State::Rebooting, Event::NodesStarted, {}, 2)
                    .reason.contains(QLatin1String("again")));
    }

    void aDeadlineEndsEveryPendingOperation()
    {
        // The fault of issue 12: an operation that never ends. Whatever is pending, the deadline
        // ends it, and the cluster goes where it has a way out.
        for (const State state : kStates) {
            const Transition t = next(state, Event::DeadlinePassed, QStringLiteral("5 min"), 2);
            QVERIFY2(t.outcome != Outcome::Open, qPrintable(QString::number(int(state))));
            if (state == State::Stopping) {
                QCOMPARE(t.outcome, Outcome::Succeeded);
                QCOMPARE(t.action, Action::KillAndForget);
            } else {
                QCOMPARE(t.errorCode, QStringLiteral("DEADLINE_EXCEEDED"));
            }
            if (state == State::Provisioning || state == State::Updating ||
                state == State::Rebooting) {
                QCOMPARE(t.state, State::Error);
                QCOMPARE(t.action, Action::StopNodes);
                QVERIFY(t.reason.contains(QLatin1String("5 min")));
            }
        }
    }

    void aFailedStartGoesToErrorWithTheFirstLineOfTheReason()
    {
        const Transition t = next(State::Provisioning, Event::StartFailed,
                                  QStringLiteral("port 6379 in use\ntraceback"), 2);
        QCOMPARE(t.state, State::Error);
        QCOMPARE(t.outcome, Outcome::Failed);
        QCOMPARE(t.reason, QStringLiteral("port 6379 in use"));
        QCOMPARE(t.action, Action::StopNodes);
    }

    void aHeadThatExitsTakesTheClusterToError()
    {
        const Transition t = next(State::Running, Event::HeadExited, {}, 2);
        QCOMPARE(t.state, State::Error);
        QCOMPARE(t.errorCode, QStringLiteral("UNAVAILABLE"));
        QVERIFY(!next(State::Stopping, Event::HeadExited, {}, 2).state.has_value());
    }

    void aWorkerThatExitsIsReplaced()
    {
        const Transition t = next(State::Running, Event::WorkerExited, QStringLiteral("w-1"), 2);
        QVERIFY(!t.state.has_value());
        QCOMPARE(t.action, Action::StartNodes);
        QVERIFY(t.reason.contains(QLatin1String("w-1")));
        QCOMPARE(next(State::Error, Event::WorkerExited, {}, 2).action, Action::Nothing);
    }

    void stoppedNodesEndADeleteOrRestartAReboot()
    {
        const Transition deleted = next(State::Stopping, Event::NodesStopped, {}, 0);
        QCOMPARE(deleted.outcome, Outcome::Succeeded);
        QCOMPARE(deleted.action, Action::Forget);
        const Transition reboot = next(State::Rebooting, Event::NodesStopped, {}, 0);
        QCOMPARE(reboot.outcome, Outcome::Open);
        QCOMPARE(reboot.action, Action::StartNodes);
    }

    void noEventLeavesAStateWithoutAWayOut()
    {
        // Every (state, event) pair either stays (and the deadline still applies) or moves on;
        // none moves a cluster into a pending state with nothing to carry it further.
        for (const State state : kStates) {
            for (const Event event : kEvents) {
                const Transition t = next(state, event, QStringLiteral("x"), 1);
                if (t.state && *t.state != state && pending(*t.state))
                    QFAIL("a transition into a pending state must come from a request");
                if (t.outcome == Outcome::Failed)
                    QVERIFY(!t.errorCode.isEmpty());
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"
