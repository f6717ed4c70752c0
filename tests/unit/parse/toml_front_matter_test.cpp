// Tests for parse/toml_front_matter: Hugo's '+++' front matter read as the YAML one is, with its
// keys' own lines in diagnostics.
#include <catch2/catch.hpp>

#include <algorithm>

#include "parse/parse_postmortem.hpp"

using namespace hindsight;

namespace {

ParseResult parse(const std::string& text) {
    static const SiteConfig config;
    return parse_postmortem({"pm.md", "content/pm.md", text}, config, ParseOptions{});
}

bool has(const ParseResult& result, const std::string& part) {
    return std::any_of(
        result.diagnostics.begin(), result.diagnostics.end(),
        [&](const Diagnostic& d) { return format_diagnostic(d).find(part) != std::string::npos; });
}

}  // namespace

TEST_CASE("TOML front matter gives the record YAML would", "[toml_front_matter]") {
    const auto result = parse(
        "+++\n"
        "title = \"Checkout errors\"\n"
        "date = 2024-03-05T14:15:00Z\n"
        "services = [\n"
        "  \"checkout\",\n"
        "  \"payments\",\n"
        "]\n"
        "severity = \"sev 2\"\n"
        "\n"
        "[impact]\n"
        "users_affected_pct = 12.5\n"
        "\n"
        "[[action_items]]\n"
        "title = \"Add a canary stage\"\n"
        "status = \"In Progress\"\n"
        "+++\n"
        "The checkout failed.\n");
    const Postmortem& pm = *result.postmortem;
    CHECK(pm.title == "Checkout errors");
    // A `date` with a time in an entry that is no status page's is when it was published.
    CHECK(!pm.started);
    REQUIRE(pm.date);
    CHECK(format_date(*pm.date) == "2024-03-05");
    CHECK(pm.services == std::vector<std::string>{"checkout", "payments"});
    CHECK(pm.users_affected_pct == 12.5);
    REQUIRE(pm.action_items.size() == 1);
    CHECK(pm.action_items[0].title == "Add a canary stage");
    // Diagnostics name the line the TOML wrote the key on.
    CHECK(has(result, "content/pm.md:8:"));
    CHECK(has(result, "read severity 'sev 2' as 'SEV2'"));
}

TEST_CASE("TOML that cannot be read is an error where it fails", "[toml_front_matter]") {
    const auto result = parse("+++\ntitle = \"ok\"\ndate = = 2024\n+++\nBody.\n");
    CHECK(has(result, "content/pm.md:3:"));
    CHECK(has(result, "error: invalid TOML in front matter"));
    const auto unclosed = parse("+++\ntitle = \"ok\"\nBody.\n");
    CHECK(has(unclosed, "add a line '+++'"));
}
