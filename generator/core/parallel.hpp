// A fixed pool of threads handing out the indices of independent items, for parse and render.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <exception>
#include <limits>
#include <mutex>
#include <thread>
#include <vector>

namespace hindsight {

// What the threads of one run share: the next index to hand out, and the first failure.
class WorkShare {
  public:
    explicit WorkShare(std::size_t count) : count_(count) {}

    // Keeps the failure of the lowest index: every lower index was handed out before it and
    // finishes, so this is the exception a single thread, going in order, would have met.
    void fail(std::size_t index, std::exception_ptr error) {
        const std::lock_guard lock(mutex_);
        if (index < failed_index_) {
            failed_index_ = index;
            error_ = std::move(error);
        }
        failed_.store(true);
    }

    void rethrow_failure() const {
        if (error_) {
            std::rethrow_exception(error_);
        }
    }

  private:
    friend class IndexQueue;
    std::size_t count_;
    std::atomic<std::size_t> next_{0};
    std::atomic<bool> failed_{false};
    std::mutex mutex_;
    std::size_t failed_index_ = std::numeric_limits<std::size_t>::max();
    std::exception_ptr error_;
};

// One thread's view of the shared indices 0..count-1: each handed out once, to whichever
// thread asks first; none after any item has failed.
class IndexQueue {
  public:
    explicit IndexQueue(WorkShare& share) : share_(share) {}

    bool next(std::size_t& index) {
        if (share_.failed_.load()) {
            return false;
        }
        index = share_.next_++;
        current_ = index;
        return index < share_.count_;
    }

    // The index this thread took last: the one it was working on when it threw.
    std::size_t current() const { return current_; }

  private:
    WorkShare& share_;
    std::size_t current_ = 0;
};

// Calls worker(queue) on up to `threads` threads, the caller's among them, and returns when all
// have finished. A worker takes indices until the queue is empty and writes each item's result
// to that item's slot, so the outcome is the same whatever the number of threads; state a
// worker keeps (a template cache) is its thread's own. An exception thrown by a worker stops
// the handing out and is rethrown here, on the caller's thread, once every thread has joined:
// the one of the lowest failing index, whatever the number of threads.
template <class Worker>
void run_on_threads(std::size_t count, unsigned threads, const Worker& worker) {
    WorkShare share(count);
    const auto run = [&] {
        IndexQueue queue(share);
        try {
            worker(queue);
        } catch (...) {
            share.fail(queue.current(), std::current_exception());
        }
    };
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count)));
    {
        std::vector<std::jthread> pool;
        for (unsigned t = 1; t < threads; ++t) {
            pool.emplace_back(run);
        }
        run();
    }  // the pool joins here, before the caller reads the slots
    share.rethrow_failure();
}

}  // namespace hindsight
