// End-to-end tests of the real binary: exit codes, exact diagnostics, usage errors.
#include <catch2/catch.hpp>

#include <fstream>
#include <regex>
#include <sstream>

#include "support/run_binary.hpp"
#include "support/tree.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

std::string read(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (auto pos = text.find(from); pos != std::string::npos;
         pos = text.find(from, pos + to.size())) {
        text.replace(pos, from.size(), to);
    }
    return text;
}

}  // namespace

TEST_CASE("check prints every problem of every file, once, in order", "[cli]") {
    const fs::path site = source_dir() / "tests/sites/broken";
    const auto result = run_hindsight({"check", site.string()});
    CHECK(result.exit_code == 1);
    CHECK(replace_all(result.err, site.string(), "SITE") == read(site / "_expected.stderr"));
}

TEST_CASE("build with content errors exits 1 and writes nothing", "[cli]") {
    TempDir dir;
    const auto result = run_hindsight({"build", (source_dir() / "tests/sites/broken").string(),
                                       "-o", (dir.path() / "out").string()});
    CHECK(result.exit_code == 1);
    CHECK(result.err.find("3 errors, 3 warnings; the site was not written") != std::string::npos);
    CHECK_FALSE(fs::exists(dir.path() / "out"));
}

TEST_CASE("warnings fail the build only with --strict", "[cli]") {
    TempDir dir;
    write_text(dir.path() / "content/a.md", "---\ntitle: A\nteam: sre\n---\nBody\n");
    const auto out = (dir.path() / "out").string();
    const auto relaxed = run_hindsight({"build", (dir.path() / "content").string(), "-o", out});
    CHECK(relaxed.exit_code == 0);
    CHECK(relaxed.err.empty());
    CHECK(std::regex_search(relaxed.out,
                            std::regex(R"(^built 1 postmortem, \d+ pages in \d+\.\d\d s\n$)")));
    const auto strict =
        run_hindsight({"build", (dir.path() / "content").string(), "-o", out, "--strict"});
    CHECK(strict.exit_code == 1);
    CHECK(strict.err.find("content/a.md:3:1: warning: unknown front-matter key 'team'") !=
          std::string::npos);
}

TEST_CASE("usage and I/O problems exit 2", "[cli]") {
    TempDir dir;
    CHECK(run_hindsight({"build", "--no-such-option"}).exit_code == 2);
    CHECK(run_hindsight({}).exit_code == 2);
    CHECK(run_hindsight({"build", "-j", "0"}).exit_code == 2);
    const auto missing = run_hindsight({"build", (dir.path() / "nope").string()});
    CHECK(missing.exit_code == 2);
    CHECK(missing.err == (dir.path() / "nope").generic_string() +
                             ": error: content folder does not exist\n    hint: pass the folder "
                             "holding the postmortems\n");
    CHECK(run_hindsight({"check", (dir.path() / "nope").string()}).exit_code == 2);
    const auto config = run_hindsight({"check", (source_dir() / "content").string(), "--config",
                                       (dir.path() / "missing.yaml").string()});
    CHECK(config.exit_code == 2);
}

TEST_CASE("dangerous output folders are refused with exit 2", "[cli]") {
    TempDir dir;
    const auto content = dir.path() / "content";
    write_text(content / "a.md", "# A\n");
    const auto self = run_hindsight({"build", content.string(), "-o", content.string()});
    CHECK(self.exit_code == 2);
    CHECK(self.err == "hindsight: error: output folder '" + content.string() +
                          "' is the content folder\n    hint: choose a folder of its own for the "
                          "site, e.g. -o public\n");
    CHECK(run_hindsight({"build", content.string(), "-o", "/"}).exit_code == 2);
    CHECK(run_hindsight({"build", content.string(), "-o", dir.path().string()}).exit_code == 2);
    CHECK(run_hindsight({"build", content.string(), "-o", source_dir().string()}).exit_code == 2);
    CHECK(fs::exists(content / "a.md"));
}

TEST_CASE("help and version output for the tool and every command", "[cli]") {
    const auto version = run_hindsight({"--version"});
    CHECK(version.exit_code == 0);
    // The version, then the build id CI keys the build cache by: 32 hex digits.
    CHECK(version.out.rfind("hindsight 0.1.0 (build ", 0) == 0);
    CHECK(version.out.size() == std::string("hindsight 0.1.0 (build ").size() + 32 + 2);
    CHECK(version.out.substr(version.out.size() - 2) == ")\n");
    for (const char* command : {"build", "check"}) {
        const auto help = run_hindsight({command, "--help"});
        CHECK(help.exit_code == 0);
        CHECK(help.out.find("--strict") != std::string::npos);
    }
    CHECK(run_hindsight({"--help"}).out.find("Exit status: 0 ok") != std::string::npos);
}

TEST_CASE("check --format json reports the same problems as data", "[cli]") {
    const auto result = run_hindsight(
        {"check", (source_dir() / "tests/sites/broken").string(), "--format", "json"});
    CHECK(result.exit_code == 1);
    CHECK(result.out.find("\"errors\": 3") != std::string::npos);
    CHECK(result.out.find("\"message\": \"'severity: SEV-huge' is not a severity level\"") !=
          std::string::npos);
}

TEST_CASE("drafts are built only with --drafts", "[cli]") {
    TempDir dir;
    write_text(dir.path() / "content/a.md", "---\ntitle: Draft one\nstatus: draft\n---\nBody\n");
    write_text(dir.path() / "content/b.md", "# Published\n");
    const auto content = (dir.path() / "content").string();
    CHECK(run_hindsight({"build", content, "-o", (dir.path() / "one").string()}).exit_code == 0);
    CHECK_FALSE(fs::exists(dir.path() / "one/postmortems/a/index.html"));
    CHECK(run_hindsight({"build", content, "-o", (dir.path() / "two").string(), "--drafts"})
              .exit_code == 0);
    CHECK(fs::exists(dir.path() / "two/postmortems/a/index.html"));
}

TEST_CASE("base URL, theme folder and quiet options", "[cli]") {
    TempDir dir;
    write_text(dir.path() / "content/a.md", "# A\n");
    write_text(dir.path() / "theme/templates/404.mustache", "custom 404 at {{root}}");
    const auto result = run_hindsight({"build", (dir.path() / "content").string(), "-o",
                                       (dir.path() / "out").string(), "--base-url",
                                       "https://wiki.example.com/incidents", "--theme",
                                       (dir.path() / "theme").string(), "--quiet"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.empty());
    CHECK(result.err.empty());
    const auto tree = read_tree(dir.path() / "out");
    // The 404 page starts its links at base_url's path: its server is the site's own. The feed
    // needs the whole address.
    CHECK(tree.at("404.html") == "custom 404 at /incidents/");
    CHECK(tree.at("atom.xml").find("<id>https://wiki.example.com/incidents/</id>") !=
          std::string::npos);
    CHECK(tree.at("index.html").find("href=\"postmortems/a/index.html\"") != std::string::npos);
}

TEST_CASE("raw HTML is escaped unless the site config says unsafe_html", "[cli]") {
    TempDir dir;
    const auto content = dir.path() / "content";
    write_text(content / "a.md", "# A\n\n<img src=x onerror=alert(1)>\n");
    REQUIRE(run_hindsight({"build", content.string(), "-o", (dir.path() / "safe").string()})
                .exit_code == 0);
    const auto safe = read_tree(dir.path() / "safe").at("postmortems/a/index.html");
    CHECK(safe.find("&lt;img src=x onerror=alert(1)&gt;") != std::string::npos);
    CHECK(safe.find("<img src=x") == std::string::npos);
    write_text(content / "hindsight.yaml", "unsafe_html: true\n");
    REQUIRE(
        run_hindsight({"build", content.string(), "-o", (dir.path() / "raw").string()}).exit_code ==
        0);
    CHECK(read_tree(dir.path() / "raw").at("postmortems/a/index.html").find("<img src=x") !=
          std::string::npos);
}
