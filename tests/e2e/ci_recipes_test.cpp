// The CI recipes in examples/ run as written: each recipe's YAML is parsed, and the shell its
// jobs run (GitHub's `run:` steps, GitLab's before_script and script) is run in a fresh clone of
// this repository, first on a pull request that adds a draft postmortem, then on the main branch.
// Only what the hosting service does itself is skipped: the `uses:` actions (checkout, the cache,
// the Pages upload and deploy); GitLab's Pages deploy is no step at all.
#include <catch2/catch.hpp>

#include <yaml-cpp/yaml.h>

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>
#include <sstream>

#include "support/run_binary.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

struct Checkout {
    TempDir dir;
    fs::path clone;
    fs::path home;
    std::string base_branch;  // the branch the clone starts on: the pull request's base
};

// Runs `script` with bash as the CI runners do (-e, and pipefail as GitHub's bash shell), in the
// clone, with a HOME of its own (the recipes set git config --global) and `env` added.
RunResult run_step(const Checkout& checkout, const std::string& script,
                   const std::vector<std::string>& env) {
    std::vector<std::string> argv = {"env", "-C", checkout.clone.string(),
                                     "HOME=" + checkout.home.string(), "CI=true"};
    // The recipes build hindsight from scratch; with ccache at hand (as on a developer's machine)
    // that takes seconds instead of minutes. CMake reads the launcher from the environment.
    if (run_program({"sh", "-c", "command -v ccache"}).exit_code == 0) {
        argv.push_back("CMAKE_CXX_COMPILER_LAUNCHER=ccache");
        argv.push_back("CCACHE_BASEDIR=" + checkout.clone.string());
        // Debug info names the build folder; without this, no other folder's objects are hits.
        argv.push_back("CCACHE_NOHASHDIR=1");
    }
    argv.insert(argv.end(), env.begin(), env.end());
    argv.insert(argv.end(), {"bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script});
    return run_program(argv);
}

int git(const Checkout& checkout, const std::string& command) {
    return run_step(checkout,
                    "git -c user.name=ci -c user.email=ci@example.com -c commit.gpgsign=false " +
                        command,
                    {})
        .exit_code;
}

// A fresh clone of the repository as committed, on a pull-request branch that adds a draft
// postmortem (`hindsight new`'s, so check warns about what is left to fill in).
void pull_request_checkout(Checkout& checkout) {
    checkout.clone = checkout.dir.path() / "repo";
    checkout.home = checkout.dir.path() / "home";
    fs::create_directories(checkout.home);
    REQUIRE(run_program({"git", "clone", "--quiet", source_dir().string(), checkout.clone.string()})
                .exit_code == 0);
    const auto branch = run_step(checkout, "git rev-parse --abbrev-ref HEAD", {});
    checkout.base_branch = branch.out.substr(0, branch.out.find('\n'));
    REQUIRE(git(checkout, "checkout --quiet -b pull-request") == 0);
    write_text(checkout.clone / "content/2026-05-03-checkout-errors.md",
               "---\ntitle: Checkout errors\nstatus: draft\n---\n\n## Summary\n\nDraft.\n");
    REQUIRE(git(checkout,
                "add content && git -c user.name=ci -c user.email=ci@example.com "
                "commit --quiet -m 'A draft postmortem'") == 0);
}

// ${{ github.base_ref }} and the other expressions a recipe may use; any other fails the test,
// so that a recipe cannot come to depend on a value nobody tried.
std::string github_expressions(std::string script, const std::string& base_ref) {
    static const std::regex expression(R"(\$\{\{\s*([^}]*?)\s*\}\})");
    std::smatch m;
    while (std::regex_search(script, m, expression)) {
        const std::string name = m[1];
        INFO("expression ${{ " << name << " }}");
        REQUIRE(name == "github.base_ref");
        script.replace(m.position(0), m.length(0), base_ref);
    }
    return script;
}

std::string joined(const YAML::Node& lines) {
    if (lines.IsScalar()) {
        return lines.Scalar() + "\n";
    }
    std::string script;
    for (const auto& line : lines) {
        script += line.Scalar() + "\n";
    }
    return script;
}

// GitHub's jobs: the steps that run a shell, in order; the others must be `uses:` actions.
void run_github_recipe(Checkout& checkout) {
    const YAML::Node recipe =
        YAML::LoadFile((source_dir() / "examples/github-actions/hindsight.yml").string());
    const fs::path summary = checkout.dir.path() / "step-summary.md";
    const std::vector<std::string> env = {"GITHUB_WORKSPACE=" + checkout.clone.string(),
                                          "GITHUB_STEP_SUMMARY=" + summary.string(),
                                          "GITHUB_ACTIONS=true"};
    std::map<std::string, std::string> outputs;  // job -> what its steps printed
    for (const std::string job : {"check", "build"}) {
        if (job == "build") {
            REQUIRE(git(checkout, "checkout --quiet " + checkout.base_branch) == 0);
        }
        const YAML::Node steps = recipe["jobs"][job]["steps"];
        REQUIRE(steps.IsSequence());
        int run_steps = 0;
        for (const auto& step : steps) {
            if (!step["run"]) {
                // checkout (the clone is one), the cache, the Pages upload: the host's own work.
                REQUIRE(step["uses"]);
                continue;
            }
            ++run_steps;
            const std::string name = step["name"].as<std::string>("");
            const auto result = run_step(
                checkout, github_expressions(step["run"].Scalar(), checkout.base_branch), env);
            INFO(job << " / " << name << "\n" << result.out << result.err);
            REQUIRE(result.exit_code == 0);
            outputs[job] += result.out;
        }
        CHECK(run_steps >= 3);
    }
    // The draft is annotated on the pull request's diff, and the summary lists it.
    CHECK(outputs["check"].find("::warning file=content/2026-05-03-checkout-errors.md,") !=
          std::string::npos);
    CHECK(outputs["check"].find("draft: fill in 'started'") != std::string::npos);
    CHECK(read_text(summary).find("| warning | content/2026-05-03-checkout-errors.md |") !=
          std::string::npos);
    CHECK(fs::exists(checkout.clone / "public/index.html"));
    // The cache the recipe saves sits where the build keeps it: beside the output folder.
    const YAML::Node restore = recipe["jobs"]["build"]["steps"][3];
    CHECK(restore["uses"].Scalar().rfind("actions/cache/restore@", 0) == 0);
    CHECK(restore["with"]["path"].Scalar() == ".hindsight-cache");
}

// GitLab's jobs: before_script (its own, or its template's through `extends`) and script.
void run_gitlab_recipe(Checkout& checkout) {
    const YAML::Node recipe =
        YAML::LoadFile((source_dir() / "examples/gitlab-ci/.gitlab-ci.yml").string());
    const auto base =
        run_step(checkout, "git merge-base origin/" + checkout.base_branch + " HEAD", {});
    REQUIRE(base.exit_code == 0);
    const std::vector<std::string> env = {
        "CI_PROJECT_DIR=" + checkout.clone.string(),
        "CI_MERGE_REQUEST_DIFF_BASE_SHA=" + base.out.substr(0, base.out.find('\n')),
        "GITLAB_CI=true"};
    for (const std::string job : {"check", "pages"}) {
        if (job == "pages") {
            REQUIRE(git(checkout, "checkout --quiet " + checkout.base_branch) == 0);
        }
        const YAML::Node spec = recipe[job];
        REQUIRE(spec["script"]);
        std::string script;
        // `extends` brings the template's before_script.
        const YAML::Node from = spec["extends"] ? recipe[spec["extends"].Scalar()] : YAML::Node();
        if (spec["before_script"]) {
            script += joined(spec["before_script"]);
        } else if (from && from["before_script"]) {
            script += joined(from["before_script"]);
        }
        script += joined(spec["script"]);
        const auto result = run_step(checkout, script, env);
        INFO(job << "\n" << result.out << result.err);
        REQUIRE(result.exit_code == 0);
    }
    const auto report =
        nlohmann::json::parse(read_text(checkout.clone / "gl-code-quality-report.json"));
    REQUIRE(report.is_array());
    REQUIRE(report.size() == 2);
    CHECK(report[0]["location"]["path"] == "content/2026-05-03-checkout-errors.md");
    CHECK(report[0]["severity"] == "minor");
    CHECK(recipe["check"]["artifacts"]["reports"]["codequality"].Scalar() ==
          "gl-code-quality-report.json");
    CHECK(fs::exists(checkout.clone / "public/index.html"));
    CHECK(recipe["pages"]["artifacts"]["paths"][0].Scalar() == "public");
    CHECK(recipe["pages"]["cache"]["paths"][0].Scalar() == ".hindsight-cache/");
}

}  // namespace

// One clone for both recipes, so that hindsight is built once: the GitLab jobs start again from
// the pull-request branch, with what the GitHub jobs left behind cleaned away but build/.
TEST_CASE("the CI recipes check a pull request and build the site, as written", "[ci-recipes]") {
    Checkout checkout;
    pull_request_checkout(checkout);
    run_github_recipe(checkout);
    REQUIRE(git(checkout, "checkout --quiet pull-request && git clean -fdxq -e build") == 0);
    run_gitlab_recipe(checkout);
}
