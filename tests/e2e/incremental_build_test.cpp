// End-to-end tests of the build cache: a cached rebuild is byte-identical to a clean build after
// every kind of change, and a damaged or foreign cache is noticed and never trusted.
#include <catch2/catch.hpp>

#include <fstream>
#include <functional>

#include "support/run_binary.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

void write_bytes(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream(path, std::ios::binary) << bytes;
}

// A copy of the demo archive, the richest fixture there is: front matter and prose, recurring
// action items, related incidents, several causes, services and severities.
struct Fixture {
    TempDir dir;
    fs::path content = dir.path() / "content";
    fs::path out = dir.path() / "public";
    fs::path cache = dir.path() / ".hindsight-cache";
    int clean_builds = 0;

    Fixture() { fs::copy(source_dir() / "content", content, fs::copy_options::recursive); }

    RunResult cached_build() {
        return run_hindsight({"build", content.string(), "-o", out.string(), "--timings"});
    }

    // A clean build of the same content into a folder of its own, without any cache.
    Tree clean_tree() {
        const fs::path clean = dir.path() / ("clean-" + std::to_string(++clean_builds));
        const auto run =
            run_hindsight({"build", content.string(), "-o", clean.string(), "--no-cache"});
        REQUIRE(run.exit_code == 0);
        return read_tree(clean);
    }

    // Builds with the cache and checks the site against a clean build.
    RunResult check_identical() {
        auto run = cached_build();
        INFO(run.err);
        REQUIRE(run.exit_code == 0);
        CHECK(describe_difference(clean_tree(), read_tree(out)).empty());
        return run;
    }
};

bool says(const RunResult& run, const std::string& text) {
    return run.err.find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("a cached rebuild equals a clean build after every kind of change", "[incremental]") {
    Fixture f;
    auto first = f.check_identical();
    CHECK(says(first, "cache: 19 files parsed, 0 reused; 84 of 84 pages rendered"));

    SECTION("nothing changed: the site is left as it is") {
        const auto page = f.out / "stats/index.html";
        const auto written = fs::last_write_time(page);
        auto run = f.check_identical();
        CHECK(run.out.find("public is up to date") != std::string::npos);
        CHECK_FALSE(says(run, "pages rendered"));
        CHECK(fs::last_write_time(page) == written);
        // The site's own folder replaced, or a build with other options: made again.
        fs::remove_all(f.out);
        CHECK(says(f.check_identical(), "0 files parsed, 19 reused; 84 of 84 pages rendered"));
        auto drafts = run_hindsight(
            {"build", f.content.string(), "-o", f.out.string(), "--drafts", "--timings"});
        REQUIRE(drafts.exit_code == 0);
        CHECK(drafts.out.find("up to date") == std::string::npos);
        CHECK(says(f.check_identical(), "pages rendered"));
    }
    SECTION("a file added to the site by hand: the site is made again") {
        write_bytes(f.out / "stray.html", "added by hand");
        auto run = f.cached_build();
        REQUIRE(run.exit_code == 0);
        CHECK(says(run, "0 files parsed, 19 reused; 0 of 84 pages rendered"));
        CHECK_FALSE(fs::exists(f.out / "stray.html"));
    }
    SECTION("a postmortem added") {
        write_bytes(f.content / "2025-12-01-queue-backlog.md",
                    "---\ntitle: Queue backlog after a broker restart\ndate: 2025-12-01\n"
                    "severity: SEV2\ncauses: [capacity]\nservices: [notifications]\n"
                    "action_items:\n  - Set connection-pool limits per pod, not per worker "
                    "process\n---\n## Summary\nThe notification queue backed up for 40 minutes.\n");
        auto run = f.check_identical();
        CHECK(says(run, "cache: 1 file parsed, 19 reused"));
    }
    SECTION("a postmortem edited") {
        const auto path = f.content / "2024-03-12-checkout-db-pool-exhaustion.md";
        std::string text = read_text(path);
        text.replace(text.find("title: "), 7, "title: Edited, ");
        text.replace(text.find("status: done"), 12, "status: open");
        write_bytes(path, text);
        auto run = f.check_identical();
        CHECK(says(run, "cache: 1 file parsed, 18 reused"));
    }
    SECTION("a postmortem deleted") {
        fs::remove(f.content / "2024-03-12-checkout-db-pool-exhaustion.md");
        auto run = f.check_identical();
        CHECK(says(run, "cache: 0 files parsed, 18 reused"));
    }
    SECTION("a postmortem renamed") {
        fs::rename(f.content / "2024-03-12-checkout-db-pool-exhaustion.md",
                   f.content / "2024-03-12-checkout-pool.md");
        auto run = f.check_identical();
        CHECK(says(run, "cache: 1 file parsed, 18 reused"));
    }
    SECTION("the configuration changed: every file is parsed again") {
        std::string config = read_text(f.content / "hindsight.yaml");
        config.replace(config.find("Parcelwise"), 10, "Shipwise");
        write_bytes(f.content / "hindsight.yaml", config + "page_size: 4\n");
        auto run = f.check_identical();
        CHECK(says(run, "cache: 19 files parsed, 0 reused"));
    }
    SECTION("a theme override: pages rendered again, files not parsed again") {
        const fs::path theme = f.dir.path() / "theme";
        write_bytes(theme / "assets/site.css", "body { color: black; }\n");
        auto run = run_hindsight({"build", f.content.string(), "-o", f.out.string(), "--theme",
                                  theme.string(), "--timings"});
        REQUIRE(run.exit_code == 0);
        CHECK(says(run, "cache: 0 files parsed, 19 reused; 84 of 84 pages rendered"));
        const fs::path clean = f.dir.path() / "clean-theme";
        REQUIRE(run_hindsight({"build", f.content.string(), "-o", clean.string(), "--theme",
                               theme.string(), "--no-cache"})
                    .exit_code == 0);
        CHECK(describe_difference(read_tree(clean), read_tree(f.out)).empty());
    }
    SECTION("a page of the previous site edited by hand is rendered again") {
        write_bytes(f.out / "stats/index.html", "edited by hand");
        auto run = f.check_identical();
        CHECK(says(run, "1 of 84 pages rendered"));
    }
}

TEST_CASE("a damaged or foreign cache is reported and not trusted", "[incremental]") {
    Fixture f;
    REQUIRE(f.cached_build().exit_code == 0);
    std::vector<fs::path> entries;
    for (const auto& e : fs::recursive_directory_iterator(f.cache / "parse")) {
        if (e.is_regular_file()) {
            entries.push_back(e.path());
        }
    }
    std::sort(entries.begin(), entries.end());
    REQUIRE(entries.size() == 19);

    SECTION("truncated and corrupted entries are parsed again") {
        const std::string whole = read_text(entries[0]);
        write_bytes(entries[0], whole.substr(0, whole.size() / 2));
        std::string flipped = read_text(entries[1]);
        flipped[flipped.size() - 3] ^= 0x20;
        write_bytes(entries[1], flipped);
        auto run = f.check_identical();
        CHECK(says(run, "note: 2 cache entries could not be read (truncated or corrupt)"));
        CHECK(says(run, "cache: 2 files parsed, 17 reused"));
    }
    SECTION("an entry moved under another file's key is rejected") {
        // Swapped entries are well formed and pass their checksums; each also names its own key.
        const std::string a = read_text(entries[0]);
        write_bytes(entries[0], read_text(entries[1]));
        write_bytes(entries[1], a);
        auto run = f.check_identical();
        CHECK(says(run, "cache: 2 files parsed, 17 reused"));
    }
    SECTION("a cache written by another build of hindsight is not used") {
        write_bytes(f.cache / "build-id", "0123456789abcdef0123456789abcdef\n");
        auto run = f.check_identical();
        CHECK(says(run, "note: the build cache was written by another build of hindsight"));
    }
    SECTION("a damaged page record: every page is rendered again") {
        std::string record = read_text(f.cache / "pages-public");
        write_bytes(f.cache / "pages-public", record.substr(0, record.size() - 7));
        auto run = f.check_identical();
        CHECK(says(run, "the record of the previous build's pages is damaged"));
        CHECK(says(run, "84 of 84 pages rendered"));
    }
    SECTION("--no-cache neither reads nor writes it") {
        fs::remove_all(f.cache);
        REQUIRE(run_hindsight({"build", f.content.string(), "-o", f.out.string(), "--no-cache"})
                    .exit_code == 0);
        CHECK_FALSE(fs::exists(f.cache));
    }
}

TEST_CASE("the cache goes where --cache-dir says", "[incremental]") {
    Fixture f;
    const fs::path elsewhere = f.dir.path() / "ci-cache";
    REQUIRE(run_hindsight({"build", f.content.string(), "-o", f.out.string(), "--cache-dir",
                           elsewhere.string()})
                .exit_code == 0);
    CHECK(fs::exists(elsewhere / "CACHEDIR.TAG"));
    CHECK(fs::exists(elsewhere / "pages-public"));
    CHECK_FALSE(fs::exists(f.cache));
    // Nothing of the cache is inside the site that gets deployed.
    for (const auto& entry : fs::recursive_directory_iterator(f.out)) {
        CHECK(entry.path().filename() != "CACHEDIR.TAG");
    }
}
