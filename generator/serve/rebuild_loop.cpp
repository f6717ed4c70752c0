// Rebuilds under the state's lock, so that requests wait for them, and times each one.
#include "serve/rebuild_loop.hpp"

namespace hindsight {
namespace {

using Clock = std::chrono::steady_clock;

double seconds_between(Clock::time_point from, Clock::time_point to) {
    return std::chrono::duration<double>(to - from).count();
}

}  // namespace

void run_rebuild_loop(DirectoryWatcher& watcher, PreviewState& state, const RebuildHooks& hooks) {
    while (auto batch = watcher.next()) {
        if (hooks.changed) {
            hooks.changed(*batch);
        }
        RebuildReport report;
        // Counted before the new epoch, when the pages close their streams to reload.
        report.open_pages = state.open_pages();
        state.begin_rebuild();
        const auto start = Clock::now();
        BuildOutcome outcome = hooks.build();
        const auto built = Clock::now();
        report.outcome = outcome;
        report.build_seconds = seconds_between(start, built);
        report.epoch = state.snapshot().epoch;
        report.save_to_ready_seconds = seconds_between(batch->first_event, Clock::now());
        report.changes = std::move(*batch);
        // Reported just before the site is handed over, so that the terminal says "rebuilt"
        // before the first reloaded page is answered.
        if (hooks.rebuilt) {
            hooks.rebuilt(report);
        }
        state.end_rebuild(std::move(outcome.problems), outcome.failed);
        if (hooks.settled) {
            hooks.settled();
        }
    }
}

}  // namespace hindsight
