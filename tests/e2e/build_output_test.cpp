// End-to-end tests of what a build leaves on disk: determinism and atomic replacement.
#include <catch2/catch.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <fmt/format.h>

#include "support/run_binary.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

// A large archive, so that a build takes long enough to be interrupted.
void write_archive(const fs::path& content, int count, const std::string& flavour) {
    std::string body;
    for (int line = 0; line < 200; ++line) {
        body += fmt::format("- {} step {} of the timeline, with `code` and **bold** text.\n",
                            flavour, line);
    }
    for (int i = 0; i < count; ++i) {
        write_text(
            content / fmt::format("{:05}.md", i),
            fmt::format("---\ntitle: {} incident {}\ndate: 2024-01-{:02}\n---\n## Timeline\n{}",
                        flavour, i, i % 28 + 1, body));
    }
}

pid_t spawn_build(const fs::path& content, const fs::path& out) {
    const pid_t pid = ::fork();
    if (pid == 0) {
        const int null = ::open("/dev/null", O_WRONLY);
        ::dup2(null, STDOUT_FILENO);
        ::dup2(null, STDERR_FILENO);
        ::execl(HINDSIGHT_BINARY, HINDSIGHT_BINARY, "build", content.c_str(), "-o", out.c_str(),
                "--jobs", "1", "--no-cache", static_cast<char*>(nullptr));
        ::_exit(127);
    }
    return pid;
}

}  // namespace

TEST_CASE("two builds of the same input are byte-identical", "[determinism]") {
    TempDir dir;
    const auto content = (source_dir() / "content").string();
    REQUIRE(run_hindsight({"build", content, "-o", (dir.path() / "a").string()}).exit_code == 0);
    REQUIRE(run_hindsight({"build", content, "-o", (dir.path() / "b").string(), "--jobs", "1"})
                .exit_code == 0);
    const Tree a = read_tree(dir.path() / "a");
    const Tree b = read_tree(dir.path() / "b");
    CHECK(a.size() > 10);
    CHECK(describe_difference(a, b).empty());
}

TEST_CASE("a failed build leaves the previous site byte-for-byte", "[atomicity]") {
    TempDir dir;
    const auto content = dir.path() / "content";
    const auto out = dir.path() / "public";
    write_text(content / "a.md", "# First\n\nok\n");
    REQUIRE(run_hindsight({"build", content.string(), "-o", out.string()}).exit_code == 0);
    const Tree before = read_tree(out);
    write_text(content / "b.md", "---\ntitle: \"never closed\nseverity: SEV1\n---\nbroken\n");
    write_text(content / "a.md", "# Changed\n");
    CHECK(run_hindsight({"build", content.string(), "-o", out.string()}).exit_code == 1);
    CHECK(describe_difference(before, read_tree(out)).empty());
}

TEST_CASE("kill -9 in the middle of a build never leaves a mix of two sites", "[atomicity]") {
    TempDir dir;
    const auto content = dir.path() / "content";
    const auto out = dir.path() / "public";
    write_archive(content, 1500, "old");
    REQUIRE(run_hindsight({"build", content.string(), "-o", out.string()}).exit_code == 0);
    const Tree old_site = read_tree(out);
    write_archive(content, 1500, "new");

    // Time a full build, then kill builds at points spread across it. Neither reads the cache
    // (the timed build would fill it, and the killed ones would then finish sooner than it).
    const auto start = std::chrono::steady_clock::now();
    REQUIRE(run_hindsight({"build", content.string(), "-o", (dir.path() / "ref").string(), "--jobs",
                           "1", "--no-cache"})
                .exit_code == 0);
    const auto full = std::chrono::steady_clock::now() - start;
    const Tree new_site = read_tree(dir.path() / "ref");
    REQUIRE(describe_difference(old_site, new_site) != "");

    int killed_midway = 0;
    for (int step = 1; step <= 5; ++step) {
        const pid_t pid = spawn_build(content, out);
        std::this_thread::sleep_for(full * step / 8);
        ::kill(pid, SIGKILL);
        int status = 0;
        ::waitpid(pid, &status, 0);
        const Tree now = read_tree(out);
        const bool was_killed = WIFSIGNALED(status);
        if (was_killed && describe_difference(old_site, now).empty()) {
            ++killed_midway;
        }
        INFO("step " << step << (was_killed ? " (killed)" : " (finished)"));
        CHECK((describe_difference(old_site, now).empty() ||
               describe_difference(new_site, now).empty()));
        if (!describe_difference(new_site, now).empty()) {
            continue;  // still the old site: try again later in the build
        }
        break;  // the new site is in place; later kills would prove nothing new
    }
    CHECK(killed_midway >= 1);

    // The next build cleans up after the killed ones and succeeds.
    REQUIRE(run_hindsight({"build", content.string(), "-o", out.string()}).exit_code == 0);
    CHECK(describe_difference(new_site, read_tree(out)).empty());
    int leftovers = 0;
    for (const auto& entry : fs::directory_iterator(dir.path())) {
        leftovers += entry.path().filename().string().rfind(".public.staging-", 0) == 0;
    }
    CHECK(leftovers == 0);
}

TEST_CASE("a rebuild keeps the files whose bytes did not change, and rewrites the others",
          "[incremental]") {
    TempDir dir;
    const auto content = dir.path() / "content";
    const auto out = dir.path() / "public";
    write_archive(content, 3, "Steady");
    REQUIRE(run_hindsight({"build", content.string(), "-o", out.string()}).exit_code == 0);
    const auto inode = [&](const std::string& path) -> ino_t {
        struct stat info {};
        return ::lstat((out / path).c_str(), &info) == 0 ? info.st_ino : 0;
    };
    const auto unchanged = inode("postmortems/00000/index.html");
    const auto changed = inode("postmortems/00002/index.html");
    REQUIRE(unchanged != 0);
    write_text(content / "00002.md", "---\ntitle: Steady incident 2, renamed\n---\nBody.\n");
    REQUIRE(run_hindsight({"build", content.string(), "-o", out.string()}).exit_code == 0);
    // The same file (a hard link carried over), not a copy; the edited page is a new file.
    CHECK(inode("postmortems/00000/index.html") == unchanged);
    CHECK(inode("postmortems/00002/index.html") != changed);
    CHECK(read_tree(out).at("postmortems/00002/index.html").find("renamed") != std::string::npos);
}
