// A fixed pool of threads handing out the indices of independent items, for parse and render.
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

namespace hindsight {

// The indices 0..count-1, each handed out once, to whichever thread asks first.
class IndexQueue {
  public:
    explicit IndexQueue(std::size_t count) : count_(count) {}

    bool next(std::size_t& index) {
        index = next_++;
        return index < count_;
    }

  private:
    std::size_t count_;
    std::atomic<std::size_t> next_{0};
};

// Calls worker(queue) on up to `threads` threads, the caller's among them, and returns when all
// have finished. A worker takes indices until the queue is empty and writes each item's result
// to that item's slot, so the outcome is the same whatever the number of threads; state a
// worker keeps (a template cache) is its thread's own.
template <class Worker>
void run_on_threads(std::size_t count, unsigned threads, const Worker& worker) {
    IndexQueue queue(count);
    threads = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(count)));
    std::vector<std::jthread> pool;
    for (unsigned t = 1; t < threads; ++t) {
        pool.emplace_back([&] { worker(queue); });
    }
    worker(queue);
}  // the pool joins here, before the caller reads the slots

}  // namespace hindsight
