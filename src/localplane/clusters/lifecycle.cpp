#include "lifecycle.h"

namespace rov::localplane::lifecycle {

namespace {

bool isStarting(State state)
{
    return state == State::Provisioning || state == State::Updating || state == State::Rebooting;
}

Transition stay()
{
    return {};
}

Transition fail(const QString &reason, const QString &code, Action action)
{
    return {State::Error, reason, Outcome::Failed, code, action};
}

Transition onStarted(State state, int nodeCount)
{
    switch (state) {
    case State::Provisioning:
        return {State::Running,
                QStringLiteral("All %1 Ray nodes are alive").arg(nodeCount),
                Outcome::Succeeded,
                {},
                Action::WatchLoad};
    case State::Updating:
        return {State::Running,
                QStringLiteral("Scaled to %1 Ray nodes").arg(nodeCount),
                Outcome::Succeeded,
                {},
                Action::WatchLoad};
    case State::Rebooting:
        return {State::Running,
                QStringLiteral("All %1 Ray nodes are alive again").arg(nodeCount),
                Outcome::Succeeded,
                {},
                Action::WatchLoad};
    case State::Running: // a replaced, adopted or autoscaled node
        return {std::nullopt, {}, Outcome::Open, {}, Action::WatchLoad};
    default:
        return stay();
    }
}

Transition onDeadline(State state, const QString &limit)
{
    const QString code = QStringLiteral("DEADLINE_EXCEEDED");
    switch (state) {
    case State::Provisioning:
        return fail(QStringLiteral("The cluster did not start within %1").arg(limit), code,
                    Action::StopNodes);
    case State::Updating:
        return fail(QStringLiteral("Scaling did not finish within %1").arg(limit), code,
                    Action::StopNodes);
    case State::Rebooting:
        return fail(QStringLiteral("The reboot did not finish within %1").arg(limit), code,
                    Action::StopNodes);
    case State::Stopping:
        // The nodes would not stop: they are killed, and the cluster is gone as asked.
        return {std::nullopt,
                QStringLiteral("The nodes did not stop within %1; they were killed").arg(limit),
                Outcome::Succeeded,
                {},
                Action::KillAndForget};
    default:
        // Nothing should be pending here; if something is, it ends now and says why.
        return {std::nullopt, {}, Outcome::Failed, code, Action::Nothing};
    }
}

} // namespace

Transition next(State state, Event event, const QString &detail, int nodeCount)
{
    switch (event) {
    case Event::NodesStarted:
        return onStarted(state, nodeCount);
    case Event::StartFailed:
        if (isStarting(state) || state == State::Running)
            return fail(detail.section(QLatin1Char('\n'), 0, 0),
                        QStringLiteral("FAILED_PRECONDITION"), Action::StopNodes);
        return stay();
    case Event::HeadExited:
        if (state == State::Stopping || state == State::Error)
            return stay();
        return fail(QStringLiteral("The head node exited"), QStringLiteral("UNAVAILABLE"),
                    Action::StopNodes);
    case Event::WorkerExited:
        if (isStarting(state) || state == State::Running)
            return {std::nullopt,
                    QStringLiteral("Node %1 exited; starting a replacement").arg(detail),
                    Outcome::Open,
                    {},
                    Action::StartNodes};
        return stay();
    case Event::NodesStopped:
        if (state == State::Stopping)
            return {std::nullopt, {}, Outcome::Succeeded, {}, Action::Forget};
        if (state == State::Rebooting)
            return {std::nullopt, {}, Outcome::Open, {}, Action::StartNodes};
        return stay();
    case Event::NodesRetired:
        if (state == State::Updating || state == State::Running)
            return {std::nullopt, {}, Outcome::Open, {}, Action::StartNodes};
        return stay();
    case Event::DeadlinePassed:
        return onDeadline(state, detail);
    }
    return stay();
}

} // namespace rov::localplane::lifecycle
