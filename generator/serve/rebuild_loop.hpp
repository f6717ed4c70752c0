// The preview's loop: a settled batch of changes, a rebuild, a new epoch for the open pages.
#pragma once

#include <chrono>
#include <functional>

#include "core/diagnostic.hpp"
#include "serve/directory_watcher.hpp"
#include "serve/preview_state.hpp"

namespace hindsight {

struct BuildOutcome {
    Diagnostics problems;  // what the build reported (errors and warnings)
    bool failed = false;   // nothing was written: the last good site stays
};

struct RebuildReport {
    ChangeBatch changes;
    BuildOutcome outcome;
    std::uint64_t epoch = 0;
    double build_seconds = 0;
    // From the first change the watcher saw to the new site being served: the quiet period and
    // the build (the open pages were told to reload when it began).
    double save_to_ready_seconds = 0;
    int open_pages = 0;
};

struct RebuildHooks {
    // Builds the site into the folder the server serves. Runs on the loop's thread, with
    // requests held back.
    std::function<BuildOutcome()> build;
    std::function<void(const ChangeBatch&)> changed;    // before the rebuild
    std::function<void(const RebuildReport&)> rebuilt;  // after it, as the pages are told
    // After the pages are told, with requests flowing again: work that may wait (removing the
    // previous site).
    std::function<void()> settled;
};

// One rebuild per settled batch of changes, until the watcher is stopped (the first build, before
// any change, is the caller's).
void run_rebuild_loop(DirectoryWatcher& watcher, PreviewState& state, const RebuildHooks& hooks);

}  // namespace hindsight
