// Tests for report/github_annotations.cpp: workflow-command escaping and the step summary.
#include <catch2/catch.hpp>

#include <filesystem>

#include "report/github_annotations.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;
using hindsight::test::TempDir;
using hindsight::test::write_text;
namespace fs = std::filesystem;

TEST_CASE("workflow data escapes percent signs and line breaks, properties also : and ,",
          "[report]") {
    CHECK(escape_workflow_data("100% of 3:1, a\r\nb") == "100%25 of 3:1, a%0D%0Ab");
    CHECK(escape_workflow_property("100% of 3:1, a\r\nb") == "100%25 of 3%3A1%2C a%0D%0Ab");
    // An escape sequence already in the text is escaped again, not passed through.
    CHECK(escape_workflow_data("%0A") == "%250A");
}

TEST_CASE("an annotation names the file relative to the repository root, its line and column",
          "[report]") {
    TempDir repo;
    write_text(repo.path() / "content/2024, a:b.md", "x");
    const RepositoryPaths paths(repo.path());
    Diagnostic d = make_error({(repo.path() / "content/2024, a:b.md").string(), 3, 11},
                              "unknown severity 'SEV9'", "did you mean 'SEV1'? (100%)");
    CHECK(github_annotation(d, paths) ==
          "::error file=content/2024%2C a%3Ab.md,line=3,col=11,title=hindsight%3A "
          "unknown-severity::unknown severity 'SEV9'%0Ahint: did you mean 'SEV1'? (100%25)");
    d.severity = Severity::warning;
    d.location.column = 0;
    d.hint.clear();
    CHECK(github_annotation(d, paths) ==
          "::warning file=content/2024%2C a%3Ab.md,line=3,title=hindsight%3A "
          "unknown-severity::unknown severity 'SEV9'");
    d.severity = Severity::note;
    d.location.line = 0;
    CHECK(github_annotation(d, paths) ==
          "::notice file=content/2024%2C a%3Ab.md,title=hindsight%3A unknown-severity::unknown "
          "severity 'SEV9'");
}

TEST_CASE("a problem in no file of the repository is annotated without a file", "[report]") {
    TempDir repo;
    TempDir elsewhere;
    write_text(elsewhere.path() / "a.md", "x");
    const RepositoryPaths paths(repo.path());
    CHECK(github_annotation(make_warning({"--base-url"}, "not an http(s) URL"), paths) ==
          "::warning title=hindsight%3A not-an-http::--base-url: not an http(s) URL");
    CHECK(github_annotation(make_error({(elsewhere.path() / "a.md").string(), 2, 1}, "bad"), paths)
              .rfind("::error title=hindsight%3A bad::", 0) == 0);
}

TEST_CASE("the step summary is a table of every diagnostic, Markdown and HTML escaped",
          "[report]") {
    TempDir repo;
    write_text(repo.path() / "content/a.md", "x");
    const RepositoryPaths paths(repo.path());
    const Diagnostics diagnostics = {
        make_error({(repo.path() / "content/a.md").string(), 3, 1}, "a | b <script> *c*",
                   "use `x`"),
        make_note({(repo.path() / "content/a.md").string(), 0, 0}, "read start_time as started"),
    };
    CHECK(github_step_summary(diagnostics, paths, "checked 1 postmortem: 1 error") ==
          "### hindsight check: checked 1 postmortem: 1 error\n\n"
          "| severity | file | line | problem |\n|---|---|--:|---|\n"
          "| error | content/a.md | 3 | a \\| b &lt;script&gt; \\*c\\*<br>hint: use \\`x\\` |\n"
          "| note | content/a.md |  | read start\\_time as started |\n\n");
    CHECK(github_step_summary({}, paths, "checked 1 postmortem: no problems") ==
          "### hindsight check: checked 1 postmortem: no problems\n\n");
}
