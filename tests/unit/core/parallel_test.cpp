// Tests for core/parallel: every index handed out exactly once, on any number of threads.
#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "core/parallel.hpp"

using namespace hindsight;

TEST_CASE("run_on_threads visits every index once", "[parallel]") {
    for (const unsigned threads : {1u, 2u, 8u}) {
        for (const std::size_t count : {std::size_t{0}, std::size_t{1}, std::size_t{1000}}) {
            std::vector<std::atomic<int>> visits(count);
            std::atomic<int> workers{0};
            run_on_threads(count, threads, [&](IndexQueue& queue) {
                ++workers;
                for (std::size_t i = 0; queue.next(i);) {
                    ++visits[i];
                }
            });
            for (const auto& v : visits) {
                CHECK(v == 1);
            }
            CHECK(workers >= 1);
            CHECK(workers <= static_cast<int>(
                                 std::max<std::size_t>(1, std::min<std::size_t>(threads, count))));
        }
    }
}

TEST_CASE("an exception on a worker thread reaches the caller, the same on any thread count",
          "[parallel]") {
    for (const unsigned threads : {1u, 2u, 8u}) {
        std::atomic<int> done{0};
        std::string message;
        try {
            run_on_threads(200, threads, [&](IndexQueue& queue) {
                for (std::size_t i = 0; queue.next(i);) {
                    if (i == 37 || i == 120) {
                        throw std::runtime_error("item " + std::to_string(i));
                    }
                    ++done;
                }
            });
        } catch (const std::runtime_error& e) {
            message = e.what();
        }
        INFO("threads: " << threads);
        CHECK(message == "item 37");  // the lowest failing index, as one thread meets it
        if (threads == 1) {
            CHECK(done == 37);  // nothing is handed out after the failure
        }
    }
}
