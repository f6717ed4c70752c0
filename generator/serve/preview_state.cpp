// Epochs under a mutex and condition variable; the site itself under a reader-writer lock.
#include "serve/preview_state.hpp"

namespace hindsight {

PreviewState::PreviewState(std::uint64_t first_epoch) {
    current_.epoch = first_epoch;
}

void PreviewState::begin_rebuild() {
    site_.lock();
    {
        std::lock_guard lock(mutex_);
        current_.building = true;
        ++current_.epoch;
    }
    changed_.notify_all();
}

void PreviewState::end_rebuild(Diagnostics problems, bool build_failed) {
    {
        std::lock_guard lock(mutex_);
        current_.problems = std::move(problems);
        current_.build_failed = build_failed;
        current_.building = false;
    }
    site_.unlock();
    changed_.notify_all();
}

std::optional<std::shared_lock<std::shared_timed_mutex>> PreviewState::read_site(
    std::chrono::milliseconds limit) {
    std::shared_lock lock(site_, std::defer_lock);
    if (!lock.try_lock_for(limit)) {
        return std::nullopt;
    }
    return lock;
}

PreviewSnapshot PreviewState::snapshot() const {
    std::lock_guard lock(mutex_);
    return current_;
}

std::uint64_t PreviewState::wait_for_epoch_after(std::uint64_t seen,
                                                 std::chrono::milliseconds limit) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, limit, [&] { return shut_down_ || current_.epoch != seen; });
    return current_.epoch;
}

void PreviewState::shut_down() {
    {
        std::lock_guard lock(mutex_);
        shut_down_ = true;
    }
    changed_.notify_all();
}

bool PreviewState::is_shut_down() const {
    std::lock_guard lock(mutex_);
    return shut_down_;
}

void PreviewState::page_connected() {
    std::lock_guard lock(mutex_);
    ++open_pages_;
}

void PreviewState::page_disconnected() {
    std::lock_guard lock(mutex_);
    --open_pages_;
}

int PreviewState::open_pages() const {
    std::lock_guard lock(mutex_);
    return open_pages_;
}

}  // namespace hindsight
