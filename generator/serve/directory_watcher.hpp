// Watching folders for changes with inotify: whole folders (an editor that saves by writing a new
// file and renaming it over the old one replaces the file a file watch would hold), new
// sub-folders as they appear, and a quiet period so that one save is one batch.
#pragma once

#include <chrono>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace hindsight {

struct WatchOptions {
    // Folders watched with everything below them; a file is watched through its folder, and
    // only its own events are kept.
    std::vector<std::filesystem::path> roots;
    // Folders whose events are dropped: what the watcher's owner writes itself (no reload loop).
    std::vector<std::filesystem::path> ignored;
    // How long the tree must stay still before a batch is handed over.
    std::chrono::milliseconds quiet{30};
};

struct ChangeBatch {
    std::vector<std::string> paths;                     // sorted, each once; absolute
    std::chrono::steady_clock::time_point first_event;  // when the first change of it was seen
    std::chrono::system_clock::time_point first_event_wall;
    bool overflowed = false;  // the kernel dropped events: anything may have changed
};

// True for names editors write beside a file while saving it (".x.md.swp", "x.md~", "#x.md#",
// vim's "4913" probe): they change nothing a build reads, so they never start one.
bool is_editor_scratch(const std::string& file_name);

class DirectoryWatcher {
  public:
    explicit DirectoryWatcher(WatchOptions options);
    ~DirectoryWatcher();
    DirectoryWatcher(const DirectoryWatcher&) = delete;
    DirectoryWatcher& operator=(const DirectoryWatcher&) = delete;

    // Sets the watches up; an error message when inotify or a root cannot be watched.
    std::string start();

    // Blocks until a batch of changes has been still for the quiet period, and returns it;
    // nothing once stop() was called.
    std::optional<ChangeBatch> next();

    // Makes next() return nothing, now and from then on. Safe from any thread and from a signal
    // handler (it writes to an eventfd).
    void stop();

  private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace hindsight
