// Tests for parse/parse_postmortem: fields, title fallback, and what it infers.
#include <catch2/catch.hpp>

#include "parse/parse_postmortem.hpp"

using namespace hindsight;

namespace {

ParseResult parse(const std::string& bytes, const std::string& name = "pm.md",
                  bool strict = false) {
    static const SiteConfig config;
    return parse_postmortem({name, "content/" + name, bytes}, config, ParseOptions{strict});
}

std::vector<std::string> messages(const ParseResult& result) {
    std::vector<std::string> out;
    for (const auto& d : result.diagnostics) {
        out.push_back(format_diagnostic(d));
    }
    return out;
}

}  // namespace

TEST_CASE("every front-matter field of DESIGN.md section 2 is read", "[parse_postmortem]") {
    const auto result = parse(R"(---
title: Sessions shared between users
id: INC-2023-042
date: 2023-08-10
started: 2023-08-10T13:45:00Z
detected: 2023-08-10T13:50:00Z
mitigated: 2023-08-11T08:15:00Z
resolved: 2023-08-11T09:20:00Z
severity: sev1
status: published
impact:
  users_affected_pct: 30
  summary: HTTP 500s on every page
causes: [race-condition, Load Balancer]
services: [web, sessions]
authors: [platform-team]
action_items:
  - title: Audit session handling for races
    owner: platform-team
    status: in-progress
    due: 2023-09-15
    link: https://tracker.example/PLAT-123
  - Add a canary stage
customer_tickets: 42
---
Body text.
)");
    // A lower-case level is read as the ladder's name, and said so.
    CHECK(messages(result) ==
          std::vector<std::string>{"content/pm.md:9:11: note: read severity 'sev1' as 'SEV1'"});
    REQUIRE(result.postmortem);
    const Postmortem& pm = *result.postmortem;
    CHECK(pm.title == "Sessions shared between users");
    CHECK(pm.slug == "inc-2023-042");
    CHECK(pm.slug_line == 3);
    CHECK(format_date(*pm.date) == "2023-08-10");
    CHECK(format_iso_utc(*pm.detected) == "2023-08-10T13:50:00Z");
    CHECK(format_iso_utc(*pm.mitigated) == "2023-08-11T08:15:00Z");
    CHECK(pm.duration->count() == 19 * 60 + 35);
    CHECK(pm.severity == "SEV1");
    CHECK_FALSE(pm.draft);
    CHECK(*pm.users_affected_pct == 30);
    CHECK(pm.impact_summary == "HTTP 500s on every page");
    CHECK(pm.causes == std::vector<std::string>{"race-condition", "load-balancer"});
    CHECK(pm.services == std::vector<std::string>{"web", "sessions"});
    CHECK(pm.authors == std::vector<std::string>{"platform-team"});
    REQUIRE(pm.action_items.size() == 2);
    CHECK(pm.action_items[0].status == ActionStatus::in_progress);
    CHECK(format_date(*pm.action_items[0].due) == "2023-09-15");
    CHECK(pm.action_items[0].link == "https://tracker.example/PLAT-123");
    CHECK(pm.action_items[1].title == "Add a canary stage");
    CHECK(pm.extra["customer_tickets"] == 42);
    CHECK(pm.inferred.empty());
    CHECK(pm.body_html == "<p>Body text.</p>\n");
}

TEST_CASE("title falls back to H1, then first line, then file name", "[parse_postmortem]") {
    CHECK(parse("# Real title\n\ntext\n").postmortem->title == "Real title");
    CHECK(parse("\n\n**Outage of the API**\n\nmore\n").postmortem->title == "Outage of the API");
    CHECK(parse("---\nseverity: SEV2\n---\n\n").postmortem->title == "pm");
    CHECK(parse("# Real title\n").postmortem->is_inferred(Field::title));
}

TEST_CASE("a long first line is cut at a word", "[parse_postmortem]") {
    std::string words;
    for (int i = 0; i < 30; ++i) {
        words += "alpha ";
    }
    const auto title = parse(words + "\n").postmortem->title;
    CHECK(title == words.substr(0, 119) + "…");
    const auto unbroken = parse(std::string(300, 'a') + "\n").postmortem->title;
    CHECK(unbroken == std::string(120, 'a') + "…");
}

TEST_CASE("date comes from started when not declared; duration field", "[parse_postmortem]") {
    const auto result = parse("---\nstarted: 2024-01-16T23:30:00-02:00\nduration: 5h05m\n---\nx\n");
    CHECK(messages(result).empty());
    CHECK(format_date(*result.postmortem->date) == "2024-01-17");
    CHECK(result.postmortem->duration->count() == 305);
}

TEST_CASE("impact as a plain string gives the users share", "[parse_postmortem]") {
    const auto result = parse("---\nimpact: 30% of users could not log in\n---\nx\n");
    CHECK(*result.postmortem->users_affected_pct == 30);
    CHECK(result.postmortem->impact_summary == "30% of users could not log in");
}

TEST_CASE("drafts are marked", "[parse_postmortem]") {
    CHECK(parse("---\nstatus: draft\n---\nx\n").postmortem->draft);
}

TEST_CASE("other tools' keys are read as aliases", "[parse_postmortem]") {
    const auto result = parse(
        "---\ntitle: t\nstart_time: 2024-08-14T23:02:00Z\nend_time: 2024-08-14T23:38:00Z\n"
        "categories: [cloud, dns]\naffected: [ci]\nresolved: true\n---\nx\n");
    CHECK(messages(result) ==
          std::vector<std::string>{"content/pm.md:3:1: note: read 'start_time' as 'started'",
                                   "content/pm.md:4:1: note: read 'end_time' as 'resolved'",
                                   "content/pm.md:5:1: note: read 'categories' as 'causes'",
                                   "content/pm.md:6:1: note: read 'affected' as 'services'"});
    const auto& pm = *result.postmortem;
    CHECK(pm.duration->count() == 36);
    CHECK(pm.causes == std::vector<std::string>{"dns"});
    CHECK(pm.tags == std::vector<std::string>{"cloud"});
    CHECK(pm.services == std::vector<std::string>{"ci"});
}

TEST_CASE("unknown keys warn only in strict mode, with a suggestion", "[parse_postmortem]") {
    const std::string text = "---\nserverity: SEV1\n---\nx\n";
    CHECK(messages(parse(text)).empty());
    CHECK(messages(parse(text, "pm.md", true)) ==
          std::vector<std::string>{"content/pm.md:2:1: warning: unknown front-matter key "
                                   "'serverity'\n    hint: did you mean 'severity'?"});
}

TEST_CASE("an action item link outside the allowlist is a located warning and kept as text",
          "[parse_postmortem]") {
    const std::string text =
        "---\naction_items:\n  - title: Fix it\n    link: \"javascript:alert(3)\"\n"
        "  - title: Track it\n    link: https://tracker.example/1\n---\nBody\n";
    const auto result = parse(text);
    CHECK(messages(result) ==
          std::vector<std::string>{
              "content/pm.md:4:11: warning: action item link 'javascript:alert(3)' is not "
              "allowed; it is shown as text, not as a link\n    hint: use an http:, https: or "
              "mailto: address, or a relative one"});
    REQUIRE(result.postmortem);
    REQUIRE(result.postmortem->action_items.size() == 2);
    CHECK(result.postmortem->action_items[0].link == "javascript:alert(3)");
}

TEST_CASE("a Markdown link outside the allowlist is a warning at its place in the file",
          "[parse_postmortem]") {
    const auto result = parse("---\ntitle: T\n---\n\nsee [x](vbscript:msgbox)\n");
    CHECK(messages(result) ==
          std::vector<std::string>{
              "content/pm.md:5:5: warning: link to 'vbscript:msgbox' is not allowed; its text "
              "is shown without the link\n    hint: use an http:, https: or mailto: address, "
              "or a relative one"});
    REQUIRE(result.postmortem);
    CHECK(result.postmortem->body_html.find("href") == std::string::npos);
}

TEST_CASE("JSON front matter is read as its YAML form is", "[parse_postmortem]") {
    static const SiteConfig config;
    const std::string bytes =
        "{\n\t\"title\": \"Resolver returned NXDOMAIN\",\n\t\"severity\": \"SEV2\",\n"
        "\t\"started\": \"2024-05-01T10:00:00Z\",\n\t\"causes\": [\"dns\"]\n}\n\nBody text.\n";
    const auto result = parse_postmortem({"pm.md", "content/pm.md", bytes}, config, {});
    REQUIRE(result.postmortem);
    CHECK(result.postmortem->title == "Resolver returned NXDOMAIN");
    CHECK(result.postmortem->severity == "SEV2");
    CHECK(result.postmortem->causes == std::vector<std::string>{"dns"});
    CHECK(result.postmortem->started.has_value());
    const auto broken = parse_postmortem(
        {"pm.md", "content/pm.md", "{\n\"title\" \"x\",\n\"severity\": \"SEV2\"\n}\nBody\n"},
        config, {});
    REQUIRE(!broken.diagnostics.empty());
    CHECK(broken.diagnostics.front().severity == Severity::error);
    CHECK(broken.diagnostics.front().location.line == 2);
    CHECK(broken.diagnostics.front().hint.find("JSON front matter") != std::string::npos);
}

TEST_CASE("when an incident was opened gives the date when nothing else does",
          "[parse_postmortem]") {
    // bench/frontmatter-probe2: grafana-oncall-group.md, zenduty-alert.md
    const auto opened = parse(
        "---\ntitle: Memory above 90%\ncreated_at: \"2023-05-19T12:37:01Z\"\n---\n\nMemory "
        "rose.\n");
    REQUIRE(opened.postmortem->date);
    CHECK(format_date(*opened.postmortem->date) == "2023-05-19");
    CHECK(messages(opened) ==
          std::vector<std::string>{"content/pm.md:3:1: note: read the day of 'created_at: "
                                   "2023-05-19T12:37:01Z' as the date, when the incident was "
                                   "opened\n    hint: set date: if the incident began on "
                                   "another day"});
    // The text's own date wins, and so does a declared one.
    const auto told =
        parse("---\ncreated_at: 2024-02-01T09:00:00Z\n---\n\nOn March 3, 2023 the API was down.\n");
    CHECK(format_date(*told.postmortem->date) == "2023-03-03");
    const auto declared =
        parse("---\ndate: 2023-01-02\ncreated_at: 2024-02-01T09:00:00Z\n---\n\nDown.\n");
    CHECK(format_date(*declared.postmortem->date) == "2023-01-02");
}

TEST_CASE("Hexo's JSON front matter is read as the object it lists", "[parse_postmortem]") {
    const auto hexo = parse(
        "\"title\": \"Blank thumbnails\",\n\"date\": \"2019-12-08\",\n\"published\": false,\n"
        "\"duration\": \"35 minutes\",\n;;;\n\n# Summary\n\nThumbnails were blank.\n");
    REQUIRE(hexo.postmortem);
    CHECK(hexo.postmortem->title == "Blank thumbnails");
    CHECK(hexo.postmortem->draft);
    CHECK(hexo.postmortem->duration == std::chrono::minutes{35});
    CHECK(hexo.postmortem->body_html.find("Summary") != std::string::npos);
    CHECK(hexo.postmortem->body_html.find(";;;") == std::string::npos);
}
