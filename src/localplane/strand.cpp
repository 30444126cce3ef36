#include "strand.h"

namespace rov::localplane {

struct Strand::Task
{
    enum class Stage
    {
        Queued,
        Running,
        Ended,
        GivenUp
    };
    std::function<void()> work;
    Stage stage = Stage::Queued;
};

Strand::Strand() : m_thread([this] { loop(); }) {}

Strand::~Strand()
{
    stop();
}

bool Strand::run(std::function<void()> work, std::chrono::milliseconds patience)
{
    if (isCurrent()) {
        work();
        return true;
    }
    auto task = std::make_shared<Task>();
    task->work = std::move(work);
    const auto deadline = std::chrono::steady_clock::now() + patience;
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return false;
    m_queue.push_back(task);
    m_wake.notify_one();
    while (task->stage != Task::Stage::Ended) {
        if (task->stage == Task::Stage::GivenUp)
            return false;
        if (task->stage == Task::Stage::Queued) {
            if (m_stopping || std::chrono::steady_clock::now() >= deadline) {
                task->stage = Task::Stage::GivenUp;
                return false;
            }
            m_ended.wait_until(lock, deadline);
        } else {
            m_ended.wait(lock);
        }
    }
    return true;
}

void Strand::stop()
{
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
    }
    m_wake.notify_all();
    m_ended.notify_all();
    if (m_thread.joinable() && !isCurrent())
        m_thread.join();
}

void Strand::loop()
{
    std::unique_lock lock(m_mutex);
    for (;;) {
        m_wake.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
        if (m_stopping) {
            for (const auto &task : m_queue)
                task->stage = Task::Stage::GivenUp;
            m_queue.clear();
            m_ended.notify_all();
            return;
        }
        const auto task = m_queue.front();
        m_queue.pop_front();
        if (task->stage == Task::Stage::GivenUp)
            continue;
        task->stage = Task::Stage::Running;
        lock.unlock();
        task->work();
        lock.lock();
        task->stage = Task::Stage::Ended;
        m_ended.notify_all();
    }
}

} // namespace rov::localplane
