// End-to-end tests of check's CI formats (--format github, --format gitlab) and of reporting only
// the files a change touches (--changed-since, --changed), with the real binary and real git.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "support/run_binary.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

// hindsight run from `cwd` with extra environment variables, none of CI's own leaking in.
RunResult run_in(const fs::path& cwd, const std::vector<std::string>& env,
                 const std::vector<std::string>& args) {
    std::vector<std::string> argv = {
        "env", "-u",        "GITHUB_WORKSPACE", "-u", "CI_PROJECT_DIR", "-u", "GITHUB_STEP_SUMMARY",
        "-C",  cwd.string()};
    argv.insert(argv.end(), env.begin(), env.end());
    argv.push_back(HINDSIGHT_BINARY);
    argv.insert(argv.end(), args.begin(), args.end());
    return run_program(argv);
}

// A repository whose archive sits two folders down: an error (front matter that is no YAML),
// a warning (bytes that are not UTF-8) and a clean file.
void write_archive(const fs::path& repo) {
    const fs::path content = repo / "docs/incidents";
    write_text(content / "broken, yes.md", "---\ntitle: [unclosed\n---\nBody\n");
    write_text(content / "latin1.md", "---\ntitle: Caf\xe9 outage\n---\nThe caf\xe9 was down.\n");
    write_text(content / "fine.md", "---\ntitle: Fine\n---\nAll good.\n");
}

int git(const fs::path& repo, const std::string& command) {
    const auto result = run_program(
        {"sh", "-c",
         "cd \"$0\" && git -c user.name=t -c user.email=t@example.com -c init.defaultBranch=main "
         "-c commit.gpgsign=false " +
             command,
         repo.string()});
    INFO(result.err);
    return result.exit_code;
}

}  // namespace

TEST_CASE("check --format github annotates each problem at its path from the repository root",
          "[cli][check-formats]") {
    TempDir repo;
    write_archive(repo.path());
    fs::create_directory(repo.path() / ".git");
    const fs::path summary = repo.path() / "summary.md";
    write_text(summary, "earlier steps' summary\n");
    const auto result = run_in(repo.path() / "docs", {"GITHUB_STEP_SUMMARY=" + summary.string()},
                               {"check", "incidents", "--format", "github"});
    CHECK(result.exit_code == 1);
    std::istringstream lines(result.out);
    std::string first;
    std::string second;
    std::getline(lines, first);
    std::getline(lines, second);
    CHECK(first.rfind("::error file=docs/incidents/broken%2C yes.md,line=", 0) == 0);
    CHECK(first.find(",title=hindsight%3A invalid-yaml-in-front-matter::invalid YAML") !=
          std::string::npos);
    CHECK(first.find("%0Ahint: ") != std::string::npos);
    CHECK(second.rfind("::warning file=docs/incidents/latin1.md,line=", 0) == 0);
    CHECK(result.err.find("checked 3 postmortems: 1 error, 1 warning") != std::string::npos);
    const std::string table = read_text(summary);
    CHECK(table.rfind("earlier steps' summary\n### hindsight check: checked 3 postmortems", 0) ==
          0);
    CHECK(table.find("| error | docs/incidents/broken, yes.md | 3 | invalid YAML") !=
          std::string::npos);
    CHECK(table.find("| warning | docs/incidents/latin1.md |") != std::string::npos);
}

TEST_CASE("check --format github takes the root from GITHUB_WORKSPACE", "[cli][check-formats]") {
    TempDir repo;
    write_archive(repo.path());
    const auto result =
        run_in(repo.path() / "docs/incidents", {"GITHUB_WORKSPACE=" + repo.path().string()},
               {"check", ".", "--format", "github"});
    CHECK(result.out.find("::warning file=docs/incidents/latin1.md,") != std::string::npos);
}

TEST_CASE("check --format gitlab writes a Code Quality report to stdout or --output",
          "[cli][check-formats]") {
    TempDir repo;
    write_archive(repo.path());
    const std::vector<std::string> env = {"CI_PROJECT_DIR=" + repo.path().string()};
    const auto to_stdout =
        run_in(repo.path(), env, {"check", "docs/incidents", "--format", "gitlab"});
    CHECK(to_stdout.exit_code == 1);
    const auto report = nlohmann::json::parse(to_stdout.out);
    REQUIRE(report.size() == 2);
    CHECK(report[0]["location"]["path"] == "docs/incidents/broken, yes.md");
    CHECK(report[0]["severity"] == "major");
    CHECK(report[0]["check_name"] == "hindsight/invalid-yaml-in-front-matter");
    CHECK(report[1]["location"]["path"] == "docs/incidents/latin1.md");
    CHECK(report[1]["severity"] == "minor");
    for (const auto& issue : report) {
        CHECK(issue["description"].is_string());
        CHECK(issue["fingerprint"].get<std::string>().size() == 32);
        CHECK(issue["location"]["lines"]["begin"].get<int>() >= 1);
    }
    // With --output, the job log still gets the usual diagnostics.
    const auto to_file = run_in(repo.path(), env,
                                {"check", "docs/incidents", "--format", "gitlab", "--output",
                                 "gl-code-quality-report.json"});
    CHECK(to_file.exit_code == 1);
    CHECK(to_file.out.empty());
    CHECK(to_file.err.find("docs/incidents/latin1.md:2:") != std::string::npos);
    CHECK(nlohmann::json::parse(read_text(repo.path() / "gl-code-quality-report.json")) == report);
    CHECK(run_in(repo.path(), env, {"check", "docs/incidents", "--output", "x.json"}).exit_code ==
          2);
}

TEST_CASE("check --changed-since reports the changed files, and fails whenever build would",
          "[cli][check-formats]") {
    TempDir repo;
    const fs::path content = repo.path() / "content";
    write_text(content / "old-broken.md", "---\ntitle: [unclosed\n---\nBody\n");
    write_text(content / "old-fine.md", "---\ntitle: Fine\n---\nAll good.\n");
    write_text(content / "edited.md", "---\ntitle: Edited\n---\nAll good.\n");
    REQUIRE(git(repo.path(), "init -q && git add -A && git commit -q -m base") == 0);
    REQUIRE(git(repo.path(), "checkout -q -b change") == 0);
    // The change: one file edited and committed, one new file not even added yet.
    write_text(content / "edited.md", "---\ntitle: Edited\n---\nCaf\xe9.\n");
    REQUIRE(git(repo.path(), "commit -q -am edit") == 0);
    write_text(content / "new.md", "---\ntitle: New\ntitle2: [\n---\nNew.\n");

    const auto changed = run_in(repo.path(), {}, {"check", "content", "--changed-since", "main"});
    INFO(changed.err);
    CHECK(changed.exit_code == 1);
    CHECK(changed.err.find("content/edited.md:") != std::string::npos);
    CHECK(changed.err.find("content/new.md:") != std::string::npos);
    CHECK(changed.err.find("old-broken.md") == std::string::npos);
    CHECK(changed.err.find("content: error: 1 error in files this change does not touch; the "
                           "build fails on it too") != std::string::npos);

    // Once the other file is fixed (which makes it part of the change), only the change's own
    // warning is left, and the check passes.
    write_text(content / "old-broken.md", "---\ntitle: Fixed\n---\nBody\n");
    write_text(content / "new.md", "---\ntitle: New\n---\nNew.\n");
    const auto clean = run_in(repo.path(), {}, {"check", "content", "--changed-since", "main"});
    INFO(clean.err);
    CHECK(clean.exit_code == 0);
    CHECK(clean.err.find("content/edited.md:") != std::string::npos);
    CHECK(clean.err.find("checked 4 postmortems: 1 warning") != std::string::npos);

    // A list of paths instead of a revision.
    write_text(content / "old-broken.md", "---\ntitle: [unclosed\n---\nBody\n");
    const auto listed =
        run_in(repo.path(), {}, {"check", "content", "--changed", "content/new.md"});
    CHECK(listed.exit_code == 1);
    CHECK(listed.err.find("edited.md") == std::string::npos);
    CHECK(listed.err.find("1 error in files this change does not touch") != std::string::npos);

    const auto bad_ref =
        run_in(repo.path(), {}, {"check", "content", "--changed-since", "no-such-branch"});
    CHECK(bad_ref.exit_code == 2);
    CHECK(bad_ref.err.find("git could not list the files changed since 'no-such-branch'") !=
          std::string::npos);
}
