// inotify, read with poll() beside an eventfd that stop() signals.
#include "serve/directory_watcher.hpp"

#include <poll.h>
#include <sys/eventfd.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <map>
#include <set>
#include <system_error>

#include <fmt/format.h>

namespace fs = std::filesystem;

namespace hindsight {
namespace {

constexpr std::uint32_t kEvents = IN_CLOSE_WRITE | IN_MODIFY | IN_CREATE | IN_DELETE |
                                  IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF |
                                  IN_ATTRIB;

fs::path absolute_clean(const fs::path& path) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return (ec ? fs::absolute(path) : resolved).lexically_normal();
}

bool is_within(const fs::path& path, const fs::path& folder) {
    const auto [folder_end, _] =
        std::mismatch(folder.begin(), folder.end(), path.begin(), path.end());
    return folder_end == folder.end();
}

}  // namespace

bool is_editor_scratch(const std::string& name) {
    if (name.empty() || name[0] == '.' || name.back() == '~' || name == "4913") {
        return true;
    }
    if (name.size() >= 2 && name.front() == '#' && name.back() == '#') {
        return true;
    }
    for (const char* suffix : {".swp", ".swx", ".tmp", ".part", ".crswap"}) {
        const std::size_t n = std::strlen(suffix);
        if (name.size() > n && name.compare(name.size() - n, n, suffix) == 0) {
            return true;
        }
    }
    return false;
}

struct DirectoryWatcher::State {
    WatchOptions options;
    int inotify = -1;
    int wake = -1;
    struct Folder {
        fs::path path;
        bool tree = false;  // part of a watched tree: every event counts, not only single files'
    };
    std::map<int, Folder> folders;    // by watch descriptor
    std::set<fs::path> single_files;  // roots that are files: watched through their folder
    std::vector<fs::path> ignored;
    bool stopped = false;

    bool ignored_path(const fs::path& path) const {
        return std::any_of(ignored.begin(), ignored.end(),
                           [&](const fs::path& folder) { return is_within(path, folder); });
    }

    // Watches a folder and, unless it is there for single files only, every folder below it;
    // files already inside a folder that just appeared are changes too.
    void watch_tree(const fs::path& folder, bool recursive, std::set<std::string>* found) {
        if (ignored_path(folder)) {
            return;
        }
        const int wd = ::inotify_add_watch(inotify, folder.c_str(), kEvents | IN_ONLYDIR);
        if (wd < 0) {
            return;
        }
        // Watching a folder twice gives the same descriptor: a tree wins over a single file.
        Folder& entry = folders[wd];
        entry.path = folder;
        entry.tree = entry.tree || recursive;
        if (!recursive) {
            return;
        }
        std::error_code ec;
        for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
            const std::string name = it->path().filename().string();
            if (it->is_directory(ec) && !it->is_symlink(ec)) {
                if (!name.empty() && name[0] != '.') {
                    watch_tree(it->path(), true, found);
                }
            } else if (found != nullptr && !is_editor_scratch(name)) {
                found->insert(it->path().string());
            }
        }
    }
};

DirectoryWatcher::DirectoryWatcher(WatchOptions options) : state_(std::make_unique<State>()) {
    state_->options = std::move(options);
}

DirectoryWatcher::~DirectoryWatcher() {
    if (state_->inotify >= 0) {
        ::close(state_->inotify);
    }
    if (state_->wake >= 0) {
        ::close(state_->wake);
    }
}

std::string DirectoryWatcher::start() {
    State& s = *state_;
    s.wake = ::eventfd(0, EFD_CLOEXEC | EFD_NONBLOCK);
    s.inotify = ::inotify_init1(IN_CLOEXEC | IN_NONBLOCK);
    if (s.wake < 0 || s.inotify < 0) {
        return fmt::format("cannot watch for changes: {}", std::strerror(errno));
    }
    for (const auto& folder : s.options.ignored) {
        s.ignored.push_back(absolute_clean(folder));
    }
    for (const auto& root : s.options.roots) {
        const fs::path path = absolute_clean(root);
        std::error_code ec;
        if (fs::is_directory(path, ec)) {
            const auto before = s.folders.size();
            s.watch_tree(path, true, nullptr);
            if (s.folders.size() == before && !s.ignored_path(path)) {
                return fmt::format("cannot watch {}: {}", path.string(), std::strerror(errno));
            }
        } else {
            // A file (the config, say), perhaps not written yet: its folder, for its name alone.
            s.single_files.insert(path);
            s.watch_tree(path.parent_path(), false, nullptr);
        }
    }
    return {};
}

std::optional<ChangeBatch> DirectoryWatcher::next() {
    State& s = *state_;
    if (s.inotify < 0) {
        return std::nullopt;
    }
    std::set<std::string> changed;
    // Files that appeared during the batch: one that is gone again by its end was a save's
    // scratch file (sed -i, an editor's or a library's write-then-rename), not a change.
    std::set<std::string> appeared;
    ChangeBatch batch;
    bool pending = false;
    alignas(inotify_event) char buffer[64 * 1024];
    while (!s.stopped) {
        // Before the first event, wait as long as it takes; after it, only the quiet period.
        const int timeout = pending ? static_cast<int>(s.options.quiet.count()) : -1;
        pollfd fds[2] = {{s.inotify, POLLIN, 0}, {s.wake, POLLIN, 0}};
        const int ready = ::poll(fds, 2, timeout);
        if (ready < 0 && errno != EINTR) {
            return std::nullopt;
        }
        if (fds[1].revents != 0) {
            s.stopped = true;
            break;
        }
        if (ready == 0 && pending) {
            for (const auto& path : appeared) {
                std::error_code ec;
                if (!fs::exists(path, ec)) {
                    changed.erase(path);
                }
            }
            appeared.clear();
            if (changed.empty() && !batch.overflowed) {
                pending = false;  // only scratch files came and went: nothing to rebuild
                continue;
            }
            batch.paths.assign(changed.begin(), changed.end());
            return batch;
        }
        if (ready <= 0 || fds[0].revents == 0) {
            continue;
        }
        const ssize_t length = ::read(s.inotify, buffer, sizeof buffer);
        if (length <= 0) {
            continue;
        }
        for (ssize_t offset = 0; offset < length;) {
            const auto* event = reinterpret_cast<const inotify_event*>(buffer + offset);
            offset += static_cast<ssize_t>(sizeof(inotify_event) + event->len);
            if ((event->mask & IN_Q_OVERFLOW) != 0) {
                batch.overflowed = true;
            } else {
                const auto folder = s.folders.find(event->wd);
                if (folder == s.folders.end() || event->len == 0) {
                    if ((event->mask & IN_IGNORED) != 0) {
                        s.folders.erase(event->wd);
                    }
                    continue;
                }
                const std::string name = event->name;
                const fs::path path = folder->second.path / name;
                const bool counts = folder->second.tree || s.single_files.count(path) > 0;
                if (!counts || s.ignored_path(path) || is_editor_scratch(name)) {
                    continue;
                }
                if ((event->mask & IN_ISDIR) != 0 &&
                    (event->mask & (IN_CREATE | IN_MOVED_TO)) != 0 && folder->second.tree) {
                    s.watch_tree(path, true, &changed);
                }
                changed.insert(path.string());
                if ((event->mask & (IN_CREATE | IN_MOVED_TO)) != 0) {
                    appeared.insert(path.string());
                }
            }
            if (!pending) {
                pending = true;
                batch.first_event = std::chrono::steady_clock::now();
                batch.first_event_wall = std::chrono::system_clock::now();
            }
        }
    }
    return std::nullopt;
}

void DirectoryWatcher::stop() {
    if (state_->wake >= 0) {
        const std::uint64_t one = 1;
        // The result is ignored: a full counter already wakes the reader.
        [[maybe_unused]] const auto written = ::write(state_->wake, &one, sizeof one);
    }
}

}  // namespace hindsight
