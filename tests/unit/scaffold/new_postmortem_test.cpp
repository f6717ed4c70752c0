// Tests for scaffold/new_postmortem.cpp: a new file, filled in the way a writer fills it, reads
// back with every field; left unfilled, it builds and says what is left to write.
#include <catch2/catch.hpp>

#include <algorithm>
#include <regex>

#include "analyze/unfinished_drafts.hpp"
#include "parse/parse_postmortem.hpp"
#include "scaffold/new_postmortem.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) {
    return date::sys_days(date::year(y) / date::month(m) / date::day(d));
}

const NewPostmortem kNew{"Checkout: 502s after the \"payments\" deploy #2", "PW-2026-007",
                         day(2026, 5, 3)};

PostmortemTemplate shipped(const std::string& name) {
    hindsight::test::TempDir empty;
    return *find_template(empty.path(), name).found;
}

// Writes `value` for `key` on the key's own line, over what was there (nothing, `[]`, `draft`),
// as a writer does.
std::string fill(std::string text, const std::string& key, const std::string& value) {
    const std::regex line("(^|\n)" + key + ":[^\n]*\n");
    REQUIRE(std::regex_search(text, line));
    return std::regex_replace(text, line, "$1" + key + ": " + value + "\n",
                              std::regex_constants::format_first_only);
}

// Writes `text` under the first heading whose words are `heading`.
std::string write_under(std::string text, const std::string& heading, const std::string& prose) {
    const auto at = text.find("## " + heading + "\n");
    REQUIRE(at != std::string::npos);
    const auto end = at + heading.size() + 4;
    return text.insert(end, "\n" + prose + "\n");
}

std::string filled_in(std::string text) {
    text = fill(text, "status", "published");
    text = fill(text, "severity", "SEV2");
    text = fill(text, "started", "2026-05-03T14:05:00Z");
    text = fill(text, "detected", "2026-05-03T14:12:00Z");
    text = fill(text, "mitigated", "2026-05-03T15:02:00+02:00");
    text = fill(text, "resolved", "2026-05-03T15:35:00Z");
    text = fill(text, "impact",
                "\n  users_affected_pct: 30\n  summary: Card payments failed at checkout");
    text = fill(text, "services", "[checkout, payments]");
    text = fill(text, "authors", "[ana.silva]");
    text = fill(text, "causes", "[deployment, database]");
    text = fill(text, "action_items",
                "\n  - title: Canary the payments service before a full rollout\n"
                "    owner: payments-team\n    status: in-progress\n    due: 2026-06-01\n"
                "    link: https://tracker.example.com/PAY-12");
    return text;
}

}  // namespace

TEST_CASE("a new postmortem filled in as a writer would reads back every field", "[scaffold]") {
    for (const std::string name : {"default", "google-sre", "pagerduty", "atlassian"}) {
        INFO(name);
        const SiteConfig config;
        std::string text = new_postmortem_text(kNew, shipped(name), config);
        text = filled_in(text);
        const std::string summary_heading = name == "pagerduty"   ? "Overview"
                                            : name == "atlassian" ? "Incident summary"
                                                                  : "Summary";
        text = write_under(text, summary_heading,
                           "A payments deploy broke card checkout for 90 minutes.");
        INFO(text);
        const auto result = parse_postmortem({"new.md", "content/new.md", text}, config, {});
        for (const auto& d : result.diagnostics) {
            UNSCOPED_INFO(format_diagnostic(d));
            CHECK(d.severity == Severity::note);
        }
        REQUIRE(result.postmortem);
        const Postmortem& pm = *result.postmortem;
        CHECK(pm.title == kNew.title);
        CHECK(pm.id == "PW-2026-007");
        CHECK(pm.slug == "pw-2026-007");
        CHECK(pm.date == day(2026, 5, 3));
        CHECK_FALSE(pm.draft);
        CHECK(pm.severity == "SEV2");
        CHECK(format_iso_utc(*pm.started) == "2026-05-03T14:05:00Z");
        CHECK(format_iso_utc(*pm.detected) == "2026-05-03T14:12:00Z");
        CHECK(format_iso_utc(*pm.mitigated) == "2026-05-03T13:02:00Z");
        CHECK(format_iso_utc(*pm.resolved) == "2026-05-03T15:35:00Z");
        CHECK(pm.users_affected_pct == 30);
        CHECK(pm.impact_summary == "Card payments failed at checkout");
        CHECK(pm.services == std::vector<std::string>{"checkout", "payments"});
        CHECK(pm.authors == std::vector<std::string>{"ana.silva"});
        auto causes = pm.causes;
        std::sort(causes.begin(), causes.end());
        CHECK(causes == std::vector<std::string>{"database", "deployment"});
        REQUIRE(pm.action_items.size() == 1);
        CHECK(pm.action_items[0].title == "Canary the payments service before a full rollout");
        CHECK(pm.action_items[0].owner == "payments-team");
        CHECK(pm.action_items[0].status == ActionStatus::in_progress);
        CHECK(pm.action_items[0].due == day(2026, 6, 1));
        CHECK(pm.action_items[0].link == "https://tracker.example.com/PAY-12");
        CHECK(pm.summary == "A payments deploy broke card checkout for 90 minutes.");
        // Every field the front matter offers was read from it, none left to extraction; the
        // summary paragraph is the text's, and the duration follows from the two times.
        for (const Field field : kRecordFields) {
            INFO(field_name(field));
            if (field == Field::summary || field == Field::duration_minutes) {
                CHECK(has_value(pm, field));
            } else {
                CHECK(pm.declared.count(field) == 1);
                CHECK_FALSE(pm.is_inferred(field));
            }
        }
        CHECK(pm.duration == std::chrono::minutes(90));
        // The template's sections are the page's headings; its notes to the writer are not.
        CHECK_FALSE(pm.headings.empty());
        CHECK(pm.body_html.find("notes to you") == std::string::npos);
    }
}

TEST_CASE("a new postmortem left as written is a draft that names what is left to fill in",
          "[scaffold]") {
    const SiteConfig config;
    const std::string text = new_postmortem_text(kNew, shipped("default"), config);
    const auto result = parse_postmortem({"new.md", "content/new.md", text}, config, {});
    for (const auto& d : result.diagnostics) {
        UNSCOPED_INFO(format_diagnostic(d));
        CHECK(d.severity == Severity::note);
    }
    REQUIRE(result.postmortem);
    CHECK(result.postmortem->draft);
    const auto left = unfinished_draft_fields(*result.postmortem);
    REQUIRE(left.size() == 2);
    CHECK(format_diagnostic(left[0]) ==
          "content/new.md: warning: draft: fill in 'started', when the impact began\n"
          "    hint: write it in ISO 8601, e.g. started: 2026-05-03T14:05:00Z");
    CHECK(left[1].message == "draft: fill in 'resolved', when the impact ended");
}

TEST_CASE("the front matter lists the site's severities and causes as comments", "[scaffold]") {
    SiteConfig config;
    config.severities = {{"critical", {}}, {"major", {}}, {"minor", {}}};
    config.taxonomy.causes = {{"dns", "DNS", {}, {}, false},
                              {"expired-cert", "Cert", {}, {}, true}};
    const std::string text = new_postmortem_text(kNew, shipped("default"), config);
    CHECK(text.rfind("---\ntitle: \"Checkout: 502s after the \\\"payments\\\" deploy #2\"\n"
                     "id: PW-2026-007\ndate: 2026-05-03\n",
                     0) == 0);
    CHECK(text.find("# One of: critical (the worst), major, minor.\nseverity:\n") !=
          std::string::npos);
    CHECK(text.find("#  dns, expired-cert.\ncauses: []\n") != std::string::npos);
    CHECK(text.find("status: draft\n") != std::string::npos);
}

TEST_CASE("a site template's front matter adds keys and replaces generated ones", "[scaffold]") {
    const PostmortemTemplate own{"security",
                                 "---\nservices: [auth]\nreviewers: [security-team]\n---\n\n"
                                 "# {{title}} ({{id}}, {{date}})\n\n## Exposure\n",
                                 "content/_templates/security.md"};
    const std::string text = new_postmortem_text(kNew, own, SiteConfig{});
    CHECK(text.find("services: []") == std::string::npos);
    CHECK(text.find("services: [auth]\nreviewers: [security-team]\n---\n\n# Checkout: 502s after "
                    "the \"payments\" deploy #2 (PW-2026-007, 2026-05-03)\n\n## Exposure\n") !=
          std::string::npos);
    CHECK(text.find("status: draft\n") != std::string::npos);
}

TEST_CASE("a new file is named by its date and title", "[scaffold]") {
    CHECK(new_postmortem_file_name(kNew) ==
          "2026-05-03-checkout-502s-after-the-payments-deploy-2.md");
    CHECK(yaml_quoted("a\\b\tc") == "\"a\\\\b c\"");
}
