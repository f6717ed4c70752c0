// Listing changed files with git (run without a shell) and splitting diagnostics by them.
#include "report/changed_files.hpp"

#include <fcntl.h>
#include <poll.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <system_error>

#include <fmt/format.h>

extern char** environ;

namespace fs = std::filesystem;

namespace hindsight {
namespace {

struct GitOutput {
    int status = -1;  // exit status; -1 when git could not be run
    std::string out;
    std::string err;
};

// Runs `git -C dir args...` with its output captured, both pipes read together so that neither
// can fill up and stall it.
GitOutput run_git(const fs::path& dir, const std::vector<std::string>& args) {
    GitOutput result;
    std::vector<std::string> storage = {"git", "-C", dir.string()};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    int out_pipe[2];
    int err_pipe[2];
    if (::pipe2(out_pipe, O_CLOEXEC) != 0) {
        result.err = std::strerror(errno);
        return result;
    }
    if (::pipe2(err_pipe, O_CLOEXEC) != 0) {
        result.err = std::strerror(errno);
        ::close(out_pipe[0]);
        ::close(out_pipe[1]);
        return result;
    }
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
    posix_spawn_file_actions_adddup2(&actions, err_pipe[1], STDERR_FILENO);
    pid_t pid = 0;
    const int spawned = ::posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    ::close(out_pipe[1]);
    ::close(err_pipe[1]);
    if (spawned != 0) {
        result.err = fmt::format("cannot run git: {}", std::strerror(spawned));
        ::close(out_pipe[0]);
        ::close(err_pipe[0]);
        return result;
    }
    std::array<pollfd, 2> fds = {pollfd{out_pipe[0], POLLIN, 0}, pollfd{err_pipe[0], POLLIN, 0}};
    std::array<std::string*, 2> sinks = {&result.out, &result.err};
    int open_fds = 2;
    char buffer[65536];
    while (open_fds > 0) {
        if (::poll(fds.data(), fds.size(), -1) < 0) {
            if (errno == EINTR) {
                continue;
            }
            break;
        }
        for (std::size_t i = 0; i < fds.size(); ++i) {
            if (fds[i].fd < 0 || fds[i].revents == 0) {
                continue;
            }
            const ssize_t n = ::read(fds[i].fd, buffer, sizeof buffer);
            if (n > 0) {
                sinks[i]->append(buffer, static_cast<std::size_t>(n));
            } else if (n == 0 || errno != EINTR) {
                ::close(fds[i].fd);
                fds[i].fd = -1;
                --open_fds;
            }
        }
    }
    for (auto& fd : fds) {
        if (fd.fd >= 0) {
            ::close(fd.fd);
        }
    }
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
    }
    result.status = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return result;
}

std::string canonical_string(const fs::path& path) {
    std::error_code ec;
    fs::path resolved = fs::weakly_canonical(fs::absolute(path, ec), ec);
    return (ec ? fs::absolute(path) : resolved).generic_string();
}

std::string first_line(const std::string& text) {
    return text.substr(0, text.find('\n'));
}

// NUL-separated paths relative to `root`.
void add_paths(const std::string& listing, const fs::path& root, std::set<std::string>& paths) {
    std::size_t start = 0;
    while (start < listing.size()) {
        auto end = listing.find('\0', start);
        if (end == std::string::npos) {
            end = listing.size();
        }
        if (end > start) {
            paths.insert(canonical_string(root / listing.substr(start, end - start)));
        }
        start = end + 1;
    }
}

}  // namespace

ChangedFiles files_changed_since(const std::string& ref, const fs::path& dir) {
    ChangedFiles changed;
    const auto fail = [&](const GitOutput& git, std::string hint) {
        changed.error = git.status < 0 && !git.err.empty()
                            ? git.err
                            : fmt::format("git could not list the files changed since '{}': {}",
                                          ref, first_line(git.err));
        changed.hint = std::move(hint);
        return changed;
    };
    const auto top = run_git(dir, {"rev-parse", "--show-toplevel"});
    if (top.status != 0) {
        return fail(top, "--changed-since needs the content folder to be in a git checkout");
    }
    const fs::path root = first_line(top.out);
    if (ref.empty() || ref[0] == '-') {
        changed.error = fmt::format("'{}' is not a git revision", ref);
        changed.hint = "name a branch, tag or commit: --changed-since origin/main";
        return changed;
    }
    const auto base = run_git(dir, {"merge-base", ref, "HEAD"});
    if (base.status != 0) {
        return fail(base,
                    "fetch the branch and enough history to reach it (a shallow CI checkout has "
                    "neither: actions/checkout with fetch-depth: 0, GitLab's GIT_DEPTH: 0)");
    }
    const std::string base_commit = first_line(base.out);
    const auto diff = run_git(
        dir, {"diff", "--name-only", "--no-renames", "-z", base_commit, "--", root.string()});
    if (diff.status != 0) {
        return fail(diff, {});
    }
    const auto untracked = run_git(dir, {"ls-files", "--others", "--exclude-standard",
                                         "--full-name", "-z", "--", root.string()});
    if (untracked.status != 0) {
        return fail(untracked, {});
    }
    add_paths(diff.out, root, changed.paths);
    add_paths(untracked.out, root, changed.paths);
    return changed;
}

ChangedFiles named_files(const std::vector<std::string>& paths) {
    ChangedFiles changed;
    for (const auto& path : paths) {
        changed.paths.insert(canonical_string(path));
    }
    return changed;
}

ChangedDiagnostics split_by_change(const Diagnostics& diagnostics, const ChangedFiles& changed) {
    ChangedDiagnostics split;
    for (const auto& d : diagnostics) {
        std::error_code ec;
        const bool is_file = !d.location.path.empty() && fs::exists(d.location.path, ec);
        if (!is_file || changed.paths.count(canonical_string(d.location.path)) > 0) {
            split.shown.push_back(d);
        } else {
            split.hidden.push_back(d);
        }
    }
    return split;
}

}  // namespace hindsight
