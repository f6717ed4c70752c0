// `hindsight serve`: builds the site in memory, serves it, rebuilds on every save and reloads
// the open pages. The server, watcher and loop are generator/serve/; this wires them to the build.
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <stdlib.h>
#include <sys/wait.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>

#include <fmt/format.h>

#include "cli/build_command.hpp"
#include "cli/commands.hpp"
#include "cli/live_site.hpp"
#include "cli/print_diagnostics.hpp"
#include "serve/directory_watcher.hpp"
#include "serve/preview_server.hpp"
#include "serve/rebuild_loop.hpp"

extern char** environ;

namespace fs = std::filesystem;

namespace hindsight {
namespace {

struct ServeOptions {
    BuildOptions build;
    std::string host = "127.0.0.1";
    int port = 8000;
    bool open = false;
    int quiet_ms = 30;
};

// Set by the first Ctrl-C; the handler only signals the watcher (an eventfd write).
DirectoryWatcher* interrupted_watcher = nullptr;

extern "C" void on_interrupt(int) {
    if (interrupted_watcher != nullptr) {
        interrupted_watcher->stop();
    }
}

bool is_loopback(const std::string& host) {
    return host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

std::string shown_path(const std::string& absolute) {
    std::error_code ec;
    const fs::path relative = fs::path(absolute).lexically_relative(fs::current_path(ec));
    return !relative.empty() && *relative.begin() != ".." ? relative.generic_string() : absolute;
}

void print_changes(const ChangeBatch& batch) {
    if (batch.overflowed) {
        fmt::print("changed: too many files at once to list\n");
    } else if (!batch.paths.empty()) {
        std::string names = shown_path(batch.paths[0]);
        for (std::size_t i = 1; i < batch.paths.size() && i < 3; ++i) {
            names += ", " + shown_path(batch.paths[i]);
        }
        if (batch.paths.size() > 3) {
            names += fmt::format(" and {} more", batch.paths.size() - 3);
        }
        fmt::print("changed: {}\n", names);
    }
    std::fflush(stdout);
}

void print_rebuilt(const RebuildReport& report) {
    const auto pages = report.open_pages;
    const std::string open =
        pages == 0 ? "no page open"
                   : fmt::format("{} open page{} notified", pages, pages == 1 ? "" : "s");
    if (report.outcome.failed) {
        fmt::print(
            "build failed: still serving the last good site, with the problems over "
            "every page ({} ms after the save, {})\n",
            std::lround(report.save_to_ready_seconds * 1000), open);
    } else {
        fmt::print("rebuilt in {} ms; served {} ms after the save ({})\n",
                   std::lround(report.build_seconds * 1000),
                   std::lround(report.save_to_ready_seconds * 1000), open);
    }
    std::fflush(stdout);
}

// --open: the desktop's browser, through xdg-open, not waited for.
void open_browser(const std::string& url) {
    pid_t pid = 0;
    std::string program = "xdg-open";
    std::string argument = url;
    char* argv[] = {program.data(), argument.data(), nullptr};
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
    const int failed = ::posix_spawnp(&pid, "xdg-open", &actions, nullptr, argv, environ);
    posix_spawn_file_actions_destroy(&actions);
    if (failed != 0) {
        fmt::print(stderr, "hindsight: note: cannot start xdg-open; open {} yourself\n", url);
    }
}

std::vector<fs::path> watched_roots(const BuildOptions& build) {
    std::vector<fs::path> roots = {build.pipeline.content};
    if (build.pipeline.config_file) {
        roots.push_back(*build.pipeline.config_file);
    }
    PipelineResult loaded;
    load_config(build.pipeline, loaded);
    if (auto theme = theme_dir(build, loaded.config)) {
        roots.push_back(*theme);
    }
    return roots;
}

int run_serve(ServeOptions options) {
    std::error_code ec;
    if (!fs::is_directory(options.build.pipeline.content, ec)) {
        print_tool_error(fmt::format("{}: content folder does not exist",
                                     options.build.pipeline.content.generic_string()),
                         "pass the folder holding the postmortems");
        return 2;
    }
    BuildOptions build = options.build;
    build.quiet = true;

    const auto first_epoch =
        static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::milliseconds>(
                                       std::chrono::system_clock::now().time_since_epoch())
                                       .count());
    // Watching starts before the first build, so that a save during it is not missed, and
    // Ctrl-C is caught from here on: it stops the watcher, and everything winds down from there.
    WatchOptions watch;
    watch.roots = watched_roots(build);
    watch.quiet = std::chrono::milliseconds(options.quiet_ms);
    DirectoryWatcher watcher(watch);
    if (auto error = watcher.start(); !error.empty()) {
        print_tool_error(error, "the preview still serves the site, but will not rebuild it");
    }
    interrupted_watcher = &watcher;
    struct Unhook {
        ~Unhook() { interrupted_watcher = nullptr; }
    } unhook;
    struct sigaction action = {};
    action.sa_handler = on_interrupt;
    action.sa_flags = SA_RESETHAND;  // a second Ctrl-C ends the program at once
    sigemptyset(&action.sa_mask);
    sigaction(SIGINT, &action, nullptr);
    sigaction(SIGTERM, &action, nullptr);

    PreviewState state(first_epoch);
    LiveSite site(build);
    PreviewServer server({options.host, options.port, &site}, state);
    if (auto error = server.bind(); !error.message.empty()) {
        print_tool_error(error.message, error.hint);
        return 2;
    }
    fmt::print("{}\n", server.url());
    std::fflush(stdout);
    if (!is_loopback(options.host)) {
        fmt::print(stderr,
                   "hindsight: warning: serving on {}: anyone who can reach this machine can "
                   "read the archive, drafts included\n",
                   options.host);
    }

    // The first build, with requests held until it is done.
    state.begin_rebuild();
    std::thread serving([&server] { server.run(); });
    const auto start = std::chrono::steady_clock::now();
    BuildOutcome first = site.rebuild();
    const bool first_failed = first.failed;
    state.end_rebuild(std::move(first.problems), first.failed);
    fmt::print("{} in {} ms, in memory (nothing is written); watching for changes (Ctrl-C stops)\n",
               first_failed ? "the first build failed (the page lists its problems)"
                            : fmt::format("built {} postmortems", site.postmortems()),
               std::lround(std::chrono::duration<double, std::milli>(
                               std::chrono::steady_clock::now() - start)
                               .count()));
    std::fflush(stdout);
    if (options.open) {
        open_browser(server.url());
    }

    // From a save to the first page of the build it started: the reload as the writer sees it.
    std::mutex reload_mutex;
    std::optional<std::chrono::steady_clock::time_point> saved_at;
    std::uint64_t epoch_before = 0;
    server.on_page_of_epoch = [&](std::uint64_t epoch) {
        std::lock_guard lock(reload_mutex);
        if (saved_at && epoch > epoch_before) {
            fmt::print("first page sent {} ms after the save\n",
                       std::lround(std::chrono::duration<double, std::milli>(
                                       std::chrono::steady_clock::now() - *saved_at)
                                       .count()));
            std::fflush(stdout);
            saved_at.reset();
        }
    };
    const auto changed = [&](const ChangeBatch& batch) {
        {
            std::lock_guard lock(reload_mutex);
            saved_at = batch.first_event;
            epoch_before = state.snapshot().epoch;
        }
        print_changes(batch);
    };
    // The site a rebuild replaced is freed once the pages have been told to reload.
    run_rebuild_loop(watcher, state,
                     {[&site] { return site.rebuild(); }, changed, print_rebuilt,
                      [&site] { site.release_previous(); }});

    server.stop();
    serving.join();
    fmt::print("stopped\n");
    return 0;
}

}  // namespace

void add_serve_command(CLI::App& app, int& exit_code) {
    auto options = std::make_shared<ServeOptions>();
    CLI::App* cmd = app.add_subcommand(
        "serve", "Preview the site: build it, serve it, rebuild and reload on every save");
    cmd->add_option("content", options->build.pipeline.content, "Folder of postmortems")
        ->capture_default_str();
    cmd->add_option("-p,--port", options->port, "Port to listen on (0: any free port)")
        ->check(CLI::Range(0, 65535))
        ->capture_default_str();
    cmd->add_option("--host", options->host,
                    "Address to listen on; anything but loopback shows the archive to the network")
        ->capture_default_str();
    cmd->add_flag("--drafts", options->build.pipeline.drafts,
                  "Include postmortems with status: draft");
    cmd->add_flag("--open", options->open, "Open the site in the desktop's browser");
    cmd->add_option("--config", options->build.pipeline.config_file,
                    "Site configuration file [default: CONTENT/hindsight.yaml]");
    cmd->add_option("--theme", options->build.theme,
                    "Theme folder whose files override the default theme's by name");
    cmd->add_flag("--strict", options->build.pipeline.strict,
                  "Treat warnings as errors, as a --strict build would");
    cmd->add_option("--quiet-period", options->quiet_ms,
                    "Milliseconds the files must stay unchanged before a rebuild")
        ->check(CLI::Range(0, 10000))
        ->capture_default_str();
    cmd->callback([options, &exit_code] { exit_code = run_serve(*options); });
}

}  // namespace hindsight
