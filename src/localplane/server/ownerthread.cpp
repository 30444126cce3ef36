#include "ownerthread.h"

#include <QMetaObject>
#include <condition_variable>
#include <memory>
#include <mutex>

namespace rov::localplane {

namespace {

// Shared by the waiting server thread and the queued call on the owner's thread; whichever
// lives longer frees it.
struct Handoff
{
    enum class Stage
    {
        Queued,
        Running,
        Answered,
        GivenUp
    };
    std::mutex mutex;
    std::condition_variable changed;
    Stage stage = Stage::Queued;
    ApiResult answer;
};

constexpr std::chrono::milliseconds kStopCheck{100};

} // namespace

std::optional<ApiResult> OwnerThread::run(std::function<ApiResult()> change,
                                          std::chrono::milliseconds patience)
{
    if (m_stopping || !m_owner)
        return std::nullopt;
    auto handoff = std::make_shared<Handoff>();
    QMetaObject::invokeMethod(
        m_owner.data(),
        [handoff, change = std::move(change)] {
            {
                std::lock_guard lock(handoff->mutex);
                if (handoff->stage == Handoff::Stage::GivenUp)
                    return;
                handoff->stage = Handoff::Stage::Running;
            }
            ApiResult answer = change();
            {
                std::lock_guard lock(handoff->mutex);
                handoff->answer = std::move(answer);
                handoff->stage = Handoff::Stage::Answered;
            }
            handoff->changed.notify_all();
        },
        Qt::QueuedConnection);

    const auto deadline = std::chrono::steady_clock::now() + patience;
    std::unique_lock lock(handoff->mutex);
    while (handoff->stage != Handoff::Stage::Answered) {
        const bool queued = handoff->stage == Handoff::Stage::Queued;
        if (queued && (m_stopping || std::chrono::steady_clock::now() >= deadline)) {
            handoff->stage = Handoff::Stage::GivenUp;
            return std::nullopt;
        }
        // Short waits, so that a stop is noticed while the change is still queued.
        handoff->changed.wait_for(lock, kStopCheck);
    }
    return std::move(handoff->answer);
}

} // namespace rov::localplane
