// Tests for report/gitlab_code_quality.cpp: the fields GitLab reads, and stable fingerprints.
#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "report/gitlab_code_quality.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;
using hindsight::test::TempDir;
using hindsight::test::write_text;

TEST_CASE("a Code Quality issue has description, check name, fingerprint, severity, location",
          "[report]") {
    TempDir repo;
    write_text(repo.path() / "content/a.md", "x");
    const RepositoryPaths paths(repo.path());
    const std::string file = (repo.path() / "content/a.md").string();
    const Diagnostics diagnostics = {
        make_error({file, 3, 11}, "unknown severity 'SEV9'", "did you mean 'SEV1'?"),
        make_warning({file, 5, 1}, "unknown front-matter key 'owner'"),
        make_warning({file, 9, 1}, "unknown front-matter key 'owner'"),
        make_note({"--base-url"}, "read as https"),
    };
    const auto report = nlohmann::json::parse(gitlab_code_quality(diagnostics, paths));
    REQUIRE(report.size() == 4);
    CHECK(report[0]["description"] == "unknown severity 'SEV9' (hint: did you mean 'SEV1'?)");
    CHECK(report[0]["check_name"] == "hindsight/unknown-severity");
    CHECK(report[0]["severity"] == "major");
    CHECK(report[0]["location"] ==
          nlohmann::json::parse(R"({"path": "content/a.md", "lines": {"begin": 3}})"));
    CHECK(report[0].size() == 5);
    CHECK(report[1]["severity"] == "minor");
    CHECK(report[1]["check_name"] == "hindsight/unknown-front-matter-key");
    // GitLab requires a path and a line: a problem in no file keeps its name and line 1.
    CHECK(report[3]["severity"] == "info");
    CHECK(report[3]["location"] ==
          nlohmann::json::parse(R"({"path": "--base-url", "lines": {"begin": 1}})"));
    std::set<std::string> fingerprints;
    for (const auto& issue : report) {
        CHECK(issue["fingerprint"].get<std::string>().size() == 32);
        fingerprints.insert(issue["fingerprint"]);
    }
    CHECK(fingerprints.size() == 4);  // the same message twice in one file is two issues
}

TEST_CASE("a problem keeps its fingerprint when the lines above it move", "[report]") {
    TempDir repo;
    write_text(repo.path() / "a.md", "x");
    const RepositoryPaths paths(repo.path());
    const std::string file = (repo.path() / "a.md").string();
    const auto before = nlohmann::json::parse(
        gitlab_code_quality({make_error({file, 3, 1}, "unknown severity 'SEV9'")}, paths));
    const auto after = nlohmann::json::parse(
        gitlab_code_quality({make_error({file, 7, 1}, "unknown severity 'SEV9'")}, paths));
    const auto other = nlohmann::json::parse(
        gitlab_code_quality({make_error({file, 3, 1}, "unknown severity 'SEV8'")}, paths));
    CHECK(before[0]["fingerprint"] == after[0]["fingerprint"]);
    CHECK(before[0]["fingerprint"] != other[0]["fingerprint"]);
    CHECK(gitlab_code_quality({}, paths) == "[]");
}
