// Tests for config/site_config: hindsight.yaml reading and validation.
#include <catch2/catch.hpp>

#include "config/site_config.hpp"

using namespace hindsight;

TEST_CASE("an empty config keeps every default", "[site_config]") {
    const auto result = parse_site_config("hindsight.yaml", "");
    CHECK(result.diagnostics.empty());
    CHECK(result.config.title == "Incident archive");
    CHECK(result.config.severity_names().front() == "SEV1");
    CHECK(result.config.taxonomy.find("race-condition") != nullptr);
    CHECK_FALSE(result.config.unsafe_html);
}

TEST_CASE("settings are read", "[site_config]") {
    const auto result =
        parse_site_config("h.yaml",
                          "title: Acme incidents\n"
                          "time_zone: Europe/Berlin\n"
                          "unsafe_html: true\n"
                          "severities: [P1, {name: P2, aliases: [major]}]\n"
                          "taxonomy:\n"
                          "  causes:\n"
                          "    flaky-vendor: {label: Flaky vendor, aliases: [vendor-x]}\n");
    REQUIRE(result.diagnostics.empty());
    CHECK(result.config.title == "Acme incidents");
    CHECK(result.config.time_zone.name() == "Europe/Berlin");
    CHECK(result.config.unsafe_html);
    REQUIRE(result.config.find_severity("major") != nullptr);
    CHECK(result.config.find_severity("major")->name == "P2");
    CHECK(result.config.find_severity("SEV1") == nullptr);
    REQUIRE(result.config.taxonomy.find("vendor-x") != nullptr);
    CHECK(result.config.taxonomy.find("vendor-x")->label == "Flaky vendor");
    CHECK(result.config.taxonomy.find("dns") != nullptr);  // defaults stay
}

TEST_CASE("default severities understand other tools' names", "[site_config]") {
    const SiteConfig config;
    CHECK(config.find_severity("sev2")->name == "SEV2");
    CHECK(config.find_severity("2")->name == "SEV2");
    CHECK(config.find_severity("Critical")->name == "SEV1");
    CHECK(config.find_severity("disrupted")->name == "SEV2");
    CHECK(config.find_severity("notice")->name == "SEV4");
    CHECK(config.find_severity("catastrophic") == nullptr);
}

TEST_CASE("config problems are located and explained", "[site_config]") {
    const auto result = parse_site_config("h.yaml", "titel: x\ntime_zone: Mars/Base\n");
    REQUIRE(result.diagnostics.size() == 2);
    CHECK(format_diagnostic(result.diagnostics[0]) ==
          "h.yaml:1:8: warning: unknown site setting 'titel'\n    hint: did you mean 'title'?");
    CHECK(format_diagnostic(result.diagnostics[1]) ==
          "h.yaml:2:12: error: unknown time zone 'Mars/Base'\n    hint: use UTC, an offset like "
          "+02:00, or an IANA name like Europe/Berlin");
}

TEST_CASE("invalid YAML in the config is an error, not an exception", "[site_config]") {
    const auto result = parse_site_config("h.yaml", "title: [unclosed\n");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(result.diagnostics[0].severity == Severity::error);
    CHECK(result.diagnostics[0].message.rfind("invalid YAML: ", 0) == 0);
}

TEST_CASE("search fields and the word cap are read", "[site_config]") {
    const SiteConfig defaults;
    REQUIRE(defaults.search.fields.size() == 6);
    CHECK(defaults.search.fields.front().name == "title");
    CHECK(defaults.search.fields.front().boost == 10);

    const auto result = parse_site_config(
        "h.yaml", "search:\n  fields: {title: 8, body: 1, severity: 2.5}\n  max_words: 500\n");
    REQUIRE(result.diagnostics.empty());
    const auto& fields = result.config.search.fields;
    REQUIRE(fields.size() == 3);
    CHECK(fields[0].name == "title");
    CHECK(fields[0].boost == 8);
    CHECK(fields[2].name == "severity");
    CHECK(fields[2].boost == 2.5);
    CHECK(result.config.search.max_words == 500);
}

TEST_CASE("bad search settings are errors that keep the defaults", "[site_config]") {
    const auto unknown = parse_site_config("h.yaml", "search:\n  fields: {titel: 3}\n");
    REQUIRE(unknown.diagnostics.size() == 1);
    CHECK(format_diagnostic(unknown.diagnostics[0]) ==
          "h.yaml:2:12: error: unknown search field 'titel'\n    hint: did you mean 'title'?");
    CHECK(unknown.config.search.fields.size() == 6);

    const auto boost = parse_site_config("h.yaml", "search:\n  fields: {title: -1}\n");
    REQUIRE(boost.diagnostics.size() == 1);
    CHECK(boost.diagnostics[0].message ==
          "the boost of search field 'title' must be a number above 0");

    const auto cap = parse_site_config("h.yaml", "search: {max_words: lots}\n");
    REQUIRE(cap.diagnostics.size() == 1);
    CHECK(cap.diagnostics[0].message == "'max_words' must be a whole number, 0 for no limit");
    CHECK(cap.config.search.max_words == 2000);
}

TEST_CASE("base_url goes through the scheme allowlist: a refused one is a warning, left out",
          "[site_config]") {
    const auto good = parse_site_config("h.yaml", "base_url: https://status.example/pm/\n");
    CHECK(good.diagnostics.empty());
    CHECK(good.config.base_url == "https://status.example/pm/");
    const auto bad =
        parse_site_config("h.yaml", "title: T\nbase_url: \" javascript:alert(1)//\"\n");
    REQUIRE(bad.diagnostics.size() == 1);
    CHECK(format_diagnostic(bad.diagnostics[0]) ==
          "h.yaml:2:11: warning: base_url ' javascript:alert(1)//' is not allowed and is left "
          "out\n    hint: use an http:, https: or mailto: address, or a relative one");
    CHECK(bad.config.base_url.empty());
    CHECK(bad.config.title == "T");
}

TEST_CASE("a severity's rank is its place in the ladder, worst first", "[site_config]") {
    const auto result = parse_site_config("h.yaml", "severities: [P1, P2, P3]\n");
    CHECK(result.config.severity_rank("P1") == 1);
    CHECK(result.config.severity_rank("P3") == 3);
    CHECK(result.config.severity_rank("SEV1") == 0);  // not a level of this ladder
    CHECK(SiteConfig{}.severity_rank("SEV5") == 5);
}

TEST_CASE("an alias inside its own anchor is refused in hindsight.yaml too", "[site_config]") {
    const auto result = parse_site_config("hindsight.yaml", "taxonomy: &t {causes: *t}\n");
    REQUIRE(result.diagnostics.size() == 1);
    CHECK(format_diagnostic(result.diagnostics[0]) ==
          "hindsight.yaml:1:11: error: front matter has an alias inside the anchor it refers to\n"
          "    hint: an alias (*name) repeats an anchor (&name) it is not part of");
}
