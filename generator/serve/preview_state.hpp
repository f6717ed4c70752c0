// The state the preview server and its rebuild loop share: the build epoch, the latest build's
// problems, and a lock that holds requests back while a rebuild replaces the site.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <optional>
#include <shared_mutex>

#include "core/diagnostic.hpp"

namespace hindsight {

struct PreviewSnapshot {
    std::uint64_t epoch = 0;
    Diagnostics problems;
    bool build_failed = false;
    bool building = false;  // a rebuild is running: site requests wait for it
};

class PreviewState {
  public:
    // The first epoch differs from run to run (a clock reading), so that pages left open from
    // an earlier run of the server reload when it comes back.
    explicit PreviewState(std::uint64_t first_epoch);

    // From here until end_rebuild, requests for the site wait: a half-built site is never
    // served. Waits for requests being answered to finish first. A new epoch tells the open
    // pages to reload now: their requests wait for the rebuild, so the page's teardown and
    // its new request overlap the build instead of following it.
    void begin_rebuild();
    // The site is the last good build again (the new one, or the old one kept after a
    // failure), of the epoch begin_rebuild started.
    void end_rebuild(Diagnostics problems, bool build_failed);

    // For a request: waits while a rebuild runs, at most `limit`; holds the site until the
    // returned lock is released. Nothing when the limit passed.
    std::optional<std::shared_lock<std::shared_timed_mutex>> read_site(
        std::chrono::milliseconds limit);
    PreviewSnapshot snapshot() const;

    // Waits until the epoch is no longer `seen`, `limit` passes or shut_down() is called;
    // returns the epoch then.
    std::uint64_t wait_for_epoch_after(std::uint64_t seen, std::chrono::milliseconds limit) const;
    void shut_down();
    bool is_shut_down() const;

    // Pages holding a live-reload connection, for the terminal's "reloading N pages".
    void page_connected();
    void page_disconnected();
    int open_pages() const;

  private:
    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::shared_timed_mutex site_;
    PreviewSnapshot current_;
    bool shut_down_ = false;
    int open_pages_ = 0;
};

}  // namespace hindsight
