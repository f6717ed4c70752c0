// Tests for scaffold/next_id.cpp: ids that continue the archive's pattern.
#include <catch2/catch.hpp>

#include "scaffold/next_id.hpp"

using namespace hindsight;

namespace {

date::sys_days day(int y, unsigned m, unsigned d) {
    return date::sys_days(date::year(y) / date::month(m) / date::day(d));
}

}  // namespace

TEST_CASE("a yearly pattern continues in its year, and starts again at 1 in a new one",
          "[scaffold]") {
    const std::vector<std::string> ids = {"PW-2023-002", "PW-2023-015", "PW-2024-001",
                                          "PW-2024-019", "PW-2024-004"};
    CHECK(next_id(ids, day(2024, 12, 30), "x") == "PW-2024-020");
    CHECK(next_id(ids, day(2026, 1, 2), "x") == "PW-2026-001");
    CHECK(next_id(ids, day(2023, 5, 1), "x") == "PW-2023-016");
}

TEST_CASE("a plain counter continues, padded to the widest number seen", "[scaffold]") {
    CHECK(next_id({"INC-7", "INC-0042", "INC-9"}, day(2026, 5, 3), "x") == "INC-0043");
    CHECK(next_id({"incident-99"}, day(2026, 5, 3), "x") == "incident-100");
}

TEST_CASE("the largest group of ids is the pattern; ties go to the one that sorts first",
          "[scaffold]") {
    const std::vector<std::string> ids = {"OLD-1", "INC-2025-0007", "INC-2026-0002",
                                          "2024-01-16-kafka"};
    CHECK(next_id(ids, day(2026, 3, 1), "x") == "INC-2026-0003");
    CHECK(next_id({"B-1", "A-5"}, day(2026, 3, 1), "x") == "A-6");
}

TEST_CASE("without numbered ids the id is the date and the title's slug, never a taken one",
          "[scaffold]") {
    CHECK(next_id({}, day(2026, 5, 3), "Checkout errors after the deploy!") ==
          "2026-05-03-checkout-errors-after-the-deploy");
    CHECK(next_id({"2026-05-03-db-down"}, day(2026, 5, 3), "DB down") == "2026-05-03-db-down-2");
    CHECK(next_id({}, day(2026, 5, 3), "¿¿") == "2026-05-03");
    // Counters of nine digits and more are hashes or timestamps, not counts.
    CHECK(next_id({"deploy-20240116093000"}, day(2026, 5, 3), "A") == "2026-05-03-a");
}

TEST_CASE("an id that exists in another case is skipped", "[scaffold]") {
    CHECK(next_id({"inc-2026-001", "INC-2026-002", "inc-2026-003"}, day(2026, 5, 3), "x") ==
          "inc-2026-004");
}

TEST_CASE("ids are read from each file's front matter, quoted or commented", "[scaffold]") {
    const std::vector<SourceFile> files = {
        {"a.md", "c/a.md", "---\ntitle: A\nid: PW-2024-001\n---\nid: not-this\n"},
        {"b.md", "c/b.md", "\xEF\xBB\xBF---\r\nid: \"PW-2024-002\"  # the second\r\n---\r\n"},
        {"c.md", "c/c.md", "# No front matter\nid: PW-2024-099\n"},
        {"d.md", "c/d.md", "---\ntitle: [broken yaml\nid: 'PW-2024-003'\n---\n"},
        {"e.md", "c/e.md", "---\ntitle: E\n  id: nested\n---\n"},
    };
    CHECK(declared_ids(files) ==
          std::vector<std::string>{"PW-2024-001", "PW-2024-002", "PW-2024-003"});
}

TEST_CASE("title slugs are cut at a word boundary", "[scaffold]") {
    CHECK(title_slug("Checkout errors after the payments deploy", 20) == "checkout-errors");
    CHECK(title_slug("Supercalifragilisticexpialidocious", 10) == "supercalif");
}
