// The bad-input suite: each hostile or broken file gives these exact diagnostics, never a crash.
#include <catch2/catch.hpp>

#include "parse/parse_postmortem.hpp"

using namespace hindsight;

namespace {

std::vector<std::string> diagnose(const std::string& bytes, const std::string& name = "bad.md") {
    static const SiteConfig config;
    const auto result = parse_postmortem({name, "content/" + name, bytes}, config, {});
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) {
        out.push_back(format_diagnostic(d));
    }
    return out;
}

using Lines = std::vector<std::string>;

}  // namespace

TEST_CASE("empty file", "[bad_input]") {
    CHECK(diagnose("") == Lines{"content/bad.md: warning: file is empty; skipped\n    hint: write "
                                "the postmortem, or start its name with '_' to keep it out of the "
                                "site"});
    CHECK(diagnose(" \n\n") == diagnose(""));
}

TEST_CASE("front matter only", "[bad_input]") {
    CHECK(diagnose("---\ntitle: Only metadata\n---\n") ==
          Lines{"content/bad.md:3:1: warning: postmortem has front matter but no text\n    hint: "
                "write what happened below the closing '---'"});
}

TEST_CASE("unterminated front matter", "[bad_input]") {
    CHECK(diagnose("---\ntitle: x\n\n# Body\n") ==
          Lines{"content/bad.md:1:1: error: front matter opened on line 1 is never closed\n    "
                "hint: add a line '---' after the last front-matter field"});
}

TEST_CASE("YAML syntax error, with the file's line number", "[bad_input]") {
    CHECK(diagnose("---\ntitle: x\ncauses: [dns\n---\nbody\n") ==
          Lines{"content/bad.md:4:1: error: invalid YAML in front matter: end of sequence flow not "
                "found\n    hint: front matter is YAML between two '---' lines; check quoting and "
                "indentation"});
}

TEST_CASE("tabs in YAML", "[bad_input]") {
    CHECK(diagnose("---\nimpact:\n\tsummary: x\n---\nbody\n") ==
          Lines{"content/bad.md:3:1: error: tab character in front-matter indentation\n    hint: "
                "YAML indents with spaces only; replace the tab with spaces"});
}

TEST_CASE("wrong types and values not understood are warnings, located, with a hint",
          "[bad_input]") {
    CHECK(diagnose("---\ntitle: [a, b]\nstarted: yesterday\nseverity: SEV9\ncauses: {a: 1}\n"
                   "impact:\n  users_affected_pct: 130\nresolved: 2020-01-01T00:00:00Z\n"
                   "started_ok: 1\n---\nbody\n") ==
          Lines{"content/bad.md:2:8: warning: 'title: [\"a\",\"b\"]' is a list, not a single "
                "value\n    hint: write one value after the key",
                "content/bad.md:3:10: warning: 'started: yesterday' is not a date and time\n    "
                "hint: write it like 2023-08-10T13:45:00Z, 2023-08-10 13:45 PDT or Aug 10, 2023 "
                "1:45 PM UTC",
                "content/bad.md:4:11: warning: 'severity: SEV9' is not a severity level\n    "
                "hint: did you mean 'SEV1'? (known: SEV1, SEV2, SEV3, SEV4, SEV5)",
                "content/bad.md:5:9: warning: 'causes: {\"a\":1}' is not a list of names\n    "
                "hint: write it as [a, b] or one name",
                "content/bad.md:7:23: warning: 'impact.users_affected_pct: 130' is not a "
                "percentage from 0 to 100\n    hint: write the share of users affected as a "
                "percentage, e.g. users_affected_pct: 30 (or 30%)"});
}

TEST_CASE("resolved before started", "[bad_input]") {
    CHECK(diagnose("---\nstarted: 2023-08-10T13:45:00Z\nresolved: 2023-08-10T12:00:00+00:00\n---\n"
                   "x\n") ==
          Lines{"content/bad.md:3:11: warning: 'resolved: 2023-08-10T12:00:00+00:00' is before "
                "'started' (2023-08-10T13:45:00Z); it is left out\n    hint: check the dates and "
                "the time zones of both, and write the time the impact ended, after the start"});
}

TEST_CASE("a 5 MB single line", "[bad_input]") {
    const std::string line(5 * 1024 * 1024, 'x');
    CHECK(diagnose(line).empty());
    CHECK(diagnose("---\ntitle: " + line + "\n---\nx\n") ==
          Lines{"content/bad.md:2:1: error: front matter is 5242888 bytes, over the limit of 65536 "
                "bytes\n    hint: front matter holds a postmortem's metadata; keep long text in "
                "the body"});
}

TEST_CASE("invalid UTF-8 is decoded as Windows-1252 with a warning", "[bad_input]") {
    CHECK(diagnose("# Caf\xE9 outage\n\nIt\x92s down.\n") ==
          Lines{"content/bad.md:1:6: warning: file is not valid UTF-8 (2 bad bytes); read it as "
                "Windows-1252\n    hint: save the file as UTF-8"});
}

TEST_CASE("a UTF-8 BOM and CRLF are accepted silently", "[bad_input]") {
    CHECK(diagnose("\xEF\xBB\xBF---\r\ntitle: x\r\n---\r\nbody\r\n").empty());
}

TEST_CASE("NUL bytes", "[bad_input]") {
    CHECK(diagnose(std::string("# T\n\nab\0c\n", 10)) ==
          Lines{"content/bad.md:3:3: warning: file contains 1 NUL byte; replaced with U+FFFD\n    "
                "hint: is this a binary file? Postmortems are text"});
}

TEST_CASE("deeply nested YAML is refused before yaml-cpp", "[bad_input]") {
    CHECK(diagnose("---\nx: " + std::string(10000, '[') + "\n---\nbody\n") ==
          Lines{"content/bad.md:2:36: error: front matter nests deeper than 32 levels\n    hint: "
                "front matter holds a postmortem's metadata; keep long text in the body"});
}

TEST_CASE("an alias bomb is refused before yaml-cpp", "[bad_input]") {
    std::string yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
    const char* names = "bcdefghij";
    for (int i = 1; i < 9; ++i) {
        yaml += std::string(1, names[i - 1]) + ": &" + names[i - 1] + " [";
        for (int j = 0; j < 9; ++j) {
            yaml +=
                std::string(j ? ", " : "") + "*" + (i == 1 ? "a" : std::string(1, names[i - 2]));
        }
        yaml += "]\n";
    }
    CHECK(diagnose("---\n" + yaml + "---\nbody\n") ==
          Lines{"content/bad.md:10:12: error: front matter uses more than 64 aliases\n    hint: "
                "front matter holds a postmortem's metadata; keep long text in the body"});
}

TEST_CASE("an alias bomb within the alias count is refused by its expansion", "[bad_input]") {
    // 64 aliases, four to each of 16 anchors: 4^16 values once read. Reading them (page.extra)
    // used to run until memory ran out.
    std::string yaml = "a0: &a0 [lol]\n";
    for (int i = 1; i <= 16; ++i) {
        const std::string previous = "*a" + std::to_string(i - 1);
        yaml += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [" + previous + ", " +
                previous + ", " + previous + ", " + previous + "]\n";
    }
    const auto diagnostics = diagnose("---\n" + yaml + "---\nbody\n");
    REQUIRE(diagnostics.size() == 1);
    CHECK(diagnostics[0].find("error: front matter's aliases expand it to more than 262144 "
                              "bytes\n    hint: write the repeated values out, or repeat fewer "
                              "of them") != std::string::npos);
}

TEST_CASE("an alias inside its own anchor is refused", "[bad_input]") {
    // yaml-cpp builds it as a cycle; reading it into page.extra overflowed the stack.
    CHECK(diagnose("---\nx: &a [*a]\n---\nbody\n") ==
          Lines{"content/bad.md:2:4: error: front matter has an alias inside the anchor it "
                "refers to\n    hint: an alias (*name) repeats an anchor (&name) it is not part "
                "of"});
}

TEST_CASE("a slug that tries to leave the output folder", "[bad_input]") {
    CHECK(diagnose("---\nslug: ../../etc/passwd\n---\nx\n") ==
          Lines{"content/bad.md:2:7: error: slug '../../etc/passwd' may contain only a-z, 0-9 "
                "and '-' (no '/' or '..')\n    hint: did you mean 'etc-passwd'?"});
    CHECK(diagnose("---\nslug: a/b\n---\nx\n") ==
          Lines{"content/bad.md:2:7: error: slug 'a/b' may contain only a-z, 0-9 and '-' (no "
                "'/' or '..')\n    hint: did you mean 'a-b'?"});
}

TEST_CASE("a file name without letters or digits", "[bad_input]") {
    CHECK(diagnose("# T\n", "---.md") ==
          Lines{"content/---.md: error: file name '---' gives an empty slug\n    hint: rename the "
                "file with letters or digits, or set 'slug:' in its front matter"});
}

TEST_CASE("front matter that is not a mapping", "[bad_input]") {
    CHECK(diagnose("---\n- a\n- b\n---\nx\n") ==
          Lines{"content/bad.md:2:1: error: front matter must be a mapping of keys to values\n    "
                "hint: write it as 'title: ...' lines"});
}

TEST_CASE("deeply nested Markdown does not crash", "[bad_input]") {
    CHECK(diagnose(std::string(100000, '>') + " x\n").empty());
    // Shown as written (parse/emphasis_guard.hpp): nested, it took seconds in cmark-gfm.
    CHECK(diagnose(std::string(50000, '*') + "x" + std::string(50000, '*')) ==
          Lines{"content/bad.md:1:1: warning: paragraph has more than 1000 '*', '_' or '~' "
                "characters; they are shown as written, not as emphasis\n    hint: put pasted "
                "logs and data in a code block (```)"});
}

TEST_CASE("a paragraph of emphasis marks is shown as written", "[bad_input]") {
    CHECK(diagnose("---\ntitle: t\n---\nText.\n\n" + std::string(60000, '*') + "x" +
                   std::string(60000, '*') + "\n") ==
          Lines{"content/bad.md:6:1: warning: paragraph has more than 1000 '*', '_' or '~' "
                "characters; they are shown as written, not as emphasis\n    hint: put pasted "
                "logs and data in a code block (```)"});
}

TEST_CASE("a table a hundred thousand columns wide", "[bad_input]") {
    CHECK(diagnose("---\ntitle: t\n---\n" + std::string(100000, '|') + "\n") ==
          Lines{"content/bad.md:4:1: warning: line has more than 256 '|' characters; tables are "
                "rendered as text in this file\n    hint: split the table, or escape the pipes as "
                "\\|"});
}
