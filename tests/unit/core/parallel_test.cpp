// Tests for core/parallel: every index handed out exactly once, on any number of threads.
#include <catch2/catch.hpp>

#include <atomic>
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
