// Pathological inputs through the real binary, each under a time limit, as cmark-gfm's
// pathological_tests.py runs its worst cases: a build must finish, fail cleanly or refuse the
// file within the limit, never crash, hang or run out of memory.
#include <catch2/catch.hpp>

#include <chrono>
#include <string>

#include "support/run_binary.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;
using namespace std::chrono_literals;

namespace {

// cmark allows each case 5 seconds. Each of these takes about a second at most in a release
// build; sanitizers make the same work ten times slower, so their build allows more.
#if defined(__SANITIZE_ADDRESS__) || defined(__SANITIZE_UNDEFINED__)
constexpr auto kLimit = 60s;
#else
constexpr auto kLimit = 5s;
#endif

std::string repeat(const std::string& text, std::size_t times) {
    std::string out;
    out.reserve(text.size() * times);
    for (std::size_t i = 0; i < times; ++i) {
        out += text;
    }
    return out;
}

// Builds a site of one postmortem holding `bytes`; returns the run for further checks.
RunResult build_within_limit(const std::string& name, const std::string& bytes) {
    INFO(name);
    TempDir dir;
    write_text(dir.path() / "content" / "bad.md", bytes);
    const RunResult result =
        run_hindsight_within(kLimit, {"build", (dir.path() / "content").string(), "-o",
                                      (dir.path() / "public").string(), "--jobs", "1", "--quiet"});
    INFO("took " << result.elapsed.count() << " ms; stderr: " << result.err.substr(0, 2000));
    CHECK_FALSE(result.timed_out);
    CHECK(result.signal == 0);
    // 0: built; 1: the file has errors, reported. 2 would be an internal error.
    CHECK((result.exit_code == 0 || result.exit_code == 1));
    return result;
}

// An anchor holding `fanout` aliases of the one before, `levels` times: fanout^levels values
// once expanded, written with no more aliases than the text guard allows.
std::string alias_bomb(int levels, int fanout) {
    std::string yaml = "a0: &a0 [lol]\n";
    for (int i = 1; i <= levels; ++i) {
        const std::string name = "a" + std::to_string(i);
        yaml += name + ": &" + name + " [";
        for (int j = 0; j < fanout; ++j) {
            yaml += (j ? ", *a" : "*a") + std::to_string(i - 1);
        }
        yaml += "]\n";
    }
    return yaml;
}

}  // namespace

TEST_CASE("pathological Markdown: nesting", "[bad_input][pathological]") {
    build_within_limit("100,000 nested block quotes", std::string(100000, '>') + " x\n");
    build_within_limit("50,000 emphasis openers and closers",
                       std::string(50000, '*') + "x" + std::string(50000, '*'));
    build_within_limit("10,000 nested list markers on one line", repeat("- ", 10000) + "x\n");
    std::string indented;
    for (int depth = 0; depth < 1000; ++depth) {
        indented += std::string(static_cast<std::size_t>(depth) * 2, ' ') + "- x\n";
    }
    build_within_limit("1,000 indented list levels", indented);
}

TEST_CASE("pathological Markdown: emphasis", "[bad_input][pathological]") {
    // cmark's own worst cases (pathological_tests.py); the first four took from seconds to
    // minutes in Debian's cmark-gfm 0.29.0.gfm.6 before parse/emphasis_guard.hpp.
    build_within_limit("nested strong emphasis",
                       repeat("*a **a ", 65000) + "b" + repeat(" a** a*", 65000));
    build_within_limit("many triple-emphasis openers and closers",
                       repeat("***a ", 30000) + repeat("a*** ", 30000));
    build_within_limit("nested strikethrough", repeat("~~a ", 30000) + "b" + repeat(" a~~", 30000));
    build_within_limit("50,000 '_', a letter and 50,000 '_'",
                       std::string(50000, '_') + "x" + std::string(50000, '_'));
    build_within_limit("many emphasis closers with no openers", repeat("a_ ", 65000));
    build_within_limit("many emphasis openers with no closers", repeat("_a ", 65000));
    build_within_limit("mismatched openers and closers", repeat("*a_ ", 50000));
    build_within_limit("openers and closers multiple of 3", "a**b" + repeat("c* ", 50000));
    build_within_limit("link openers and emphasis closers", repeat("[ a_", 50000));
    build_within_limit("1,000 emphasised timeline entries",
                       repeat("- **10:00** *restarted*\n", 1000));
}

TEST_CASE("pathological Markdown: links, brackets and code spans", "[bad_input][pathological]") {
    build_within_limit("many link openers with no closers", repeat("[a", 65000));  // from cmark
    build_within_limit("many link closers with no openers", repeat("a]", 65000));
    build_within_limit("many image openers", repeat("![a", 50000));
    build_within_limit("50,000 nested brackets",
                       std::string(50000, '[') + "a" + std::string(50000, ']') + "(b)");
    build_within_limit("unclosed link destinations", repeat("[a](<b", 30000));
    build_within_limit("unmatched backtick runs", repeat("`a``", 30000));
    std::string backticks;  // cmark: "e" then 1, 2, ... 2,000 backticks
    for (std::size_t i = 1; i < 2000; ++i) {
        backticks += "e" + std::string(i, '`');
    }
    build_within_limit("backtick runs of every length", backticks);
    build_within_limit("pattern [ (](", repeat("[ (](", 80000));
    build_within_limit("unclosed HTML comments", "</" + repeat("<!--", 300000));
    build_within_limit("50,000 autolinks", repeat("https://a.example/ ", 50000));
    build_within_limit("100,000 entities", repeat("&amp;&#x26;", 50000));
}

TEST_CASE("pathological Markdown: tables and headings", "[bad_input][pathological]") {
    build_within_limit("a table row 100,000 cells wide", "a\n" + std::string(100000, '|') + "\n");
    build_within_limit("a table of 2,000 rows and 200 columns",
                       "|" + repeat("a|", 200) + "\n|" + repeat("-|", 200) + "\n" +
                           repeat("|" + repeat("x|", 200) + "\n", 2000));
    build_within_limit("a table of 50,000 rows", "|a|b|\n|-|-|\n" + repeat("|x|y|\n", 50000));
    build_within_limit("20,000 headings with the same text", repeat("# Same heading\n\n", 20000));
    build_within_limit("20,000 setext headings", repeat("Setext\n---\n\n", 20000));
}

TEST_CASE("pathological text: huge lines, line ends and bytes", "[bad_input][pathological]") {
    build_within_limit("a 5 MB line", std::string(5 * 1024 * 1024, 'x'));
    build_within_limit("a million lone CRs", std::string(1000000, '\r'));
    build_within_limit("byte-order marks and mixed line ends",
                       repeat("\xEF\xBB\xBFx\r\n\r", 100000));
    build_within_limit("a million invalid UTF-8 bytes", std::string(1000000, '\xFF'));
    build_within_limit("50,000 unclosed HTML blocks", repeat("<div>", 50000));
    build_within_limit("50,000 pasted formatting tags", repeat("<span style=\"x\">a", 50000));
}

TEST_CASE("pathological text for the extractors", "[bad_input][pathological]") {
    build_within_limit("a 20,000-entry timeline",
                       "## Timeline\n\n" + repeat("- 10:00 UTC - restarted the database\n", 20000));
    build_within_limit("10,000 action items under each of two headings",
                       "## Action items\n\n" + repeat("- [ ] Audit the service\n", 10000) +
                           "\n## Follow-up tasks\n\n" + repeat("- [ ] Review the alerts\n", 10000));
    build_within_limit("20,000 action items",
                       "## Action items\n\n" + repeat("- [ ] Add an alert on disk usage\n", 20000));
    build_within_limit("50,000 time ranges on one line",
                       repeat("2023-08-10 13:45 UTC to 14:00 PST ", 50000));
    build_within_limit("20,000 duration lines",
                       repeat("Duration: 3 hours and 20 minutes\n", 20000));
    build_within_limit("500,000 numbers on one line", repeat("1 ", 500000));
    build_within_limit("100,000 impact figures on one line", repeat("30% of users ", 100000));
}

TEST_CASE("pathological front matter", "[bad_input][pathological]") {
    build_within_limit("10,000 nested YAML flow sequences",
                       "---\nx: " + std::string(10000, '[') + "\n---\nbody\n");
    build_within_limit("YAML aliases multiplying to 4^16 values",
                       "---\n" + alias_bomb(16, 4) + "---\nbody\n");
    build_within_limit("a YAML alias inside its own anchor", "---\nx: &a [*a]\n---\nbody\n");
    build_within_limit("13,000 duplicate keys", "---\n" + repeat("k: v\n", 13000) + "---\nbody\n");
    std::string unknown_keys = "---\n";
    for (int i = 0; i < 4000; ++i) {
        unknown_keys += "key" + std::to_string(i) + ": [a, b]\n";
    }
    build_within_limit("4,000 unknown keys", unknown_keys + "---\nbody\n");
}
