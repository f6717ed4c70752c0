// Tests for parse/declare_front_matter: what `hindsight adopt` writes into a file.
#include <catch2/catch.hpp>

#include "parse/declare_front_matter.hpp"
#include "parse/parse_postmortem.hpp"

using namespace hindsight;

namespace {

const SiteConfig& config() {
    static const SiteConfig c;
    return c;
}

Adoption adopt(const std::string& bytes) {
    const auto parsed = parse_postmortem({"pm.md", "content/pm.md", bytes}, config(), {});
    REQUIRE(parsed.postmortem);
    return declare_front_matter(bytes, *parsed.postmortem, config());
}

const std::string kProse =
    "# Login outage\n"
    "\n"
    "Start Time: 2024-03-05 14:05 UTC\n"
    "End Time: 2024-03-05 16:20 UTC\n"
    "\n"
    "About 30% of users could not log in.\n"
    "\n"
    "## Root cause\n"
    "\n"
    "A misconfigured load balancer health check.\n"
    "\n"
    "## Action items\n"
    "\n"
    "- [x] Fix the health check path\n"
    "- Add an alert on login errors\n";

}  // namespace

TEST_CASE("a prose postmortem gains a front matter of what was read from it", "[adopt]") {
    const auto adopted = adopt(kProse);
    REQUIRE(adopted.problem.empty());
    REQUIRE(adopted.changed);
    CHECK(adopted.bytes ==
          "---\n"
          "title: \"Login outage\"\n"
          "started: 2024-03-05T14:05:00Z\n"
          "resolved: 2024-03-05T16:20:00Z\n"
          "impact:\n"
          "  users_affected_pct: 30\n"
          "# line 22, \"Root cause\": classified by the cause taxonomy's keywords\n"
          "# causes: [misconfiguration, load-balancer]\n"
          "action_items:\n"
          "  - title: \"Fix the health check path\"\n"
          "    status: done\n"
          "  - title: \"Add an alert on login errors\"\n"
          "    status: open\n"
          "---\n" +
              kProse);
    CHECK(adopted.declared == 5);
    CHECK(adopted.commented == 1);
}

TEST_CASE("adopting an adopted file changes nothing", "[adopt]") {
    const auto once = adopt(kProse);
    const auto twice = adopt(once.bytes);
    CHECK(twice.problem.empty());
    CHECK_FALSE(twice.changed);
    CHECK(twice.bytes == once.bytes);
}

TEST_CASE("missing keys go after the existing ones; BOM, CRLF and every byte kept", "[adopt]") {
    std::string crlf;
    for (const char c : kProse) {
        crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    }
    const std::string head =
        "\xEF\xBB\xBF---\r\nseverity: SEV2   # as paged\r\nservices: [auth]\r\n---\r\n";
    const auto adopted = adopt(head + crlf);
    REQUIRE(adopted.changed);
    const std::string kept =
        "\xEF\xBB\xBF---\r\nseverity: SEV2   # as paged\r\nservices: [auth]\r\n";
    CHECK(adopted.bytes.substr(0, kept.size()) == kept);
    CHECK(adopted.bytes.substr(adopted.bytes.size() - crlf.size() - 5) == "---\r\n" + crlf);
    CHECK(adopted.bytes.find("title: \"Login outage\"\r\nstarted:") != std::string::npos);
    CHECK(adopted.bytes.find("\n\n") == std::string::npos);  // no bare LF inserted
}

TEST_CASE("a value read with a doubt is a comment naming its line, not a declaration", "[adopt]") {
    const std::string timeline =
        "# Queue backlog\n"
        "\n"
        "## Timeline\n"
        "\n"
        "- 2024-05-02 09:10 UTC: queue lag alerts fire\n"
        "- 2024-05-02 09:40 UTC: workers restarted\n"
        "- 2024-05-02 10:05 UTC: backlog drained, service restored\n";
    const auto adopted = adopt(timeline);
    REQUIRE(adopted.changed);
    CHECK(adopted.bytes.find("\nstarted:") == std::string::npos);
    CHECK(adopted.bytes.find("# started: 2024-05-02T09:10:00Z\n") != std::string::npos);
    // The comment names the line in the file as written, front matter included.
    const auto comment = adopted.bytes.find("# line ");
    REQUIRE(comment != std::string::npos);
    const auto line = std::stoi(adopted.bytes.substr(comment + 7));
    std::size_t at = 0;
    for (int i = 1; i < line; ++i) {
        at = adopted.bytes.find('\n', at) + 1;
    }
    CHECK(adopted.bytes.substr(at).starts_with("- 2024-05-02 09:10 UTC"));
}

TEST_CASE("an existing key left empty is not written twice", "[adopt]") {
    const auto adopted = adopt("---\nstarted: \"\"\n---\n" + kProse);
    REQUIRE(adopted.changed);
    CHECK(adopted.bytes.find("\nstarted: 2024") == std::string::npos);
    CHECK(adopted.bytes.find("# started: 2024-03-05T14:05:00Z") != std::string::npos);
    CHECK(adopted.bytes.find("'started' above is empty") != std::string::npos);
}
