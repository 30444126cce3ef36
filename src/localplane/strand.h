#pragma once

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace rov::localplane {

// One thread that runs what it is given, one at a time and in order: the owner of a subsystem's
// state (serving's today; clusters' owner is a Qt thread, OwnerThread). Whoever hands it work
// waits for the end of it, or gives up before it starts: when the strand stops, or when it has
// not reached the work within `patience`. Work that has started is always waited for, so a
// client is never told "failed" about a change that was made.
class Strand
{
public:
    Strand();
    ~Strand();
    Strand(const Strand &) = delete;
    Strand &operator=(const Strand &) = delete;

    // true: `work` ran to its end. Called on the strand itself, it runs at once (a change that
    // leads to another never waits for itself).
    bool run(std::function<void()> work, std::chrono::milliseconds patience);
    // Work not started is given up; the running one ends first. Any thread but the strand's.
    void stop();
    bool isCurrent() const { return std::this_thread::get_id() == m_thread.get_id(); }

private:
    struct Task;
    void loop();

    std::mutex m_mutex;
    std::condition_variable m_wake;  // work queued, or stop
    std::condition_variable m_ended; // a task ran, or stop
    std::deque<std::shared_ptr<Task>> m_queue;
    bool m_stopping = false;
    std::thread m_thread;
};

} // namespace rov::localplane
