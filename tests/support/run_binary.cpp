// fork/exec of the hindsight binary with stdout and stderr captured to files.
#include "support/run_binary.hpp"

#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>
#include <fstream>
#include <optional>
#include <sstream>
#include <stdexcept>
#include <string_view>
#include <thread>

namespace fs = std::filesystem;

namespace hindsight::test {
namespace {

std::string slurp(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

using Clock = std::chrono::steady_clock;

// Waits for the child, killing it at `deadline` if it has one; fills in how it ended.
void wait_for(pid_t pid, std::optional<Clock::time_point> deadline, RunResult& result) {
    const auto start = Clock::now();
    int status = 0;
    if (deadline) {
        // Polling is coarse (a few milliseconds) but needs no signal handling in the test.
        while (::waitpid(pid, &status, WNOHANG) == 0) {
            if (Clock::now() >= *deadline) {
                ::kill(pid, SIGKILL);
                ::waitpid(pid, &status, 0);
                result.timed_out = true;
                break;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(2));
        }
    } else {
        ::waitpid(pid, &status, 0);
    }
    result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - start);
    if (WIFEXITED(status)) {
        result.exit_code = WEXITSTATUS(status);
    } else if (WIFSIGNALED(status)) {
        result.signal = WTERMSIG(status);
    }
}

#if defined(__SANITIZE_ADDRESS__)
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

// The environment for a limited run. AddressSanitizer reserves terabytes of address space, so
// there the limit is its own hard_rss_limit_mb (appended: the environment's options win over the
// binary's defaults, and a later option over an earlier one); elsewhere it is RLIMIT_AS.
std::vector<std::string> limited_environment() {
    std::vector<std::string> env;
    std::string asan_options;
    for (char** entry = environ; *entry != nullptr; ++entry) {
        const std::string_view text = *entry;
        if (text.rfind("ASAN_OPTIONS=", 0) == 0) {
            asan_options = std::string(text.substr(13)) + ":";
        } else {
            env.emplace_back(text);
        }
    }
    env.push_back("ASAN_OPTIONS=" + asan_options +
                  "hard_rss_limit_mb=" + std::to_string(kMemoryLimitMb));
    return env;
}

RunResult run_hindsight_until(const std::vector<std::string>& args, const fs::path& cwd,
                              std::optional<Clock::time_point> deadline) {
    // Everything the child needs is made before fork: only async-signal-safe calls follow it.
    std::vector<std::string> env_storage;
    std::vector<char*> env;
    if (deadline) {
        env_storage = limited_environment();
        for (auto& entry : env_storage) {
            env.push_back(entry.data());
        }
        env.push_back(nullptr);
    }
    std::vector<std::string> storage = {HINDSIGHT_BINARY};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& arg : storage) {
        argv.push_back(arg.data());
    }
    argv.push_back(nullptr);
    TempDir capture;
    const fs::path out_path = capture.path() / "out";
    const fs::path err_path = capture.path() / "err";
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        if (!cwd.empty() && ::chdir(cwd.c_str()) != 0) {
            ::_exit(127);
        }
        const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        ::dup2(out_fd, STDOUT_FILENO);
        ::dup2(err_fd, STDERR_FILENO);
        if (deadline) {
            if (!kSanitized) {
                const rlim_t bytes = rlim_t(kMemoryLimitMb) << 20;
                const rlimit memory{bytes, bytes};
                ::setrlimit(RLIMIT_AS, &memory);
            }
            ::execve(argv[0], argv.data(), env.data());
        } else {
            ::execv(argv[0], argv.data());
        }
        ::_exit(127);
    }
    RunResult result;
    wait_for(pid, deadline, result);
    result.out = slurp(out_path);
    result.err = slurp(err_path);
    return result;
}

}  // namespace

fs::path source_dir() {
    return HINDSIGHT_SOURCE_DIR;
}

RunResult run_hindsight(const std::vector<std::string>& args, const fs::path& cwd) {
    return run_hindsight_until(args, cwd, std::nullopt);
}

RunResult run_hindsight_within(std::chrono::milliseconds limit,
                               const std::vector<std::string>& args) {
    return run_hindsight_until(args, {}, Clock::now() + limit);
}

RunResult run_program(const std::vector<std::string>& args, const fs::path& stdin_file) {
    TempDir capture;
    const fs::path out_path = capture.path() / "out";
    const fs::path err_path = capture.path() / "err";
    const fs::path in_path = stdin_file.empty() ? fs::path("/dev/null") : stdin_file;
    const pid_t pid = ::fork();
    if (pid < 0) {
        throw std::runtime_error("fork failed");
    }
    if (pid == 0) {
        const int in_fd = ::open(in_path.c_str(), O_RDONLY);
        const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
        if (in_fd < 0) {
            ::_exit(127);
        }
        ::dup2(in_fd, STDIN_FILENO);
        ::dup2(out_fd, STDOUT_FILENO);
        ::dup2(err_fd, STDERR_FILENO);
        std::vector<std::string> storage = args;
        std::vector<char*> argv;
        for (auto& arg : storage) {
            argv.push_back(arg.data());
        }
        argv.push_back(nullptr);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    RunResult result;
    wait_for(pid, std::nullopt, result);
    result.out = slurp(out_path);
    result.err = slurp(err_path);
    return result;
}

}  // namespace hindsight::test
