// Tests for parse/front_matter: fences and line bookkeeping.
#include <catch2/catch.hpp>

#include "parse/front_matter.hpp"

using namespace hindsight;

TEST_CASE("front matter between fences", "[front_matter]") {
    const auto split = split_front_matter("---\ntitle: x\n---\n# Body\n");
    CHECK(split.present);
    CHECK(split.terminated);
    CHECK(split.yaml == "title: x\n");
    CHECK(split.yaml_first_line == 2);
    CHECK(split.body == "# Body\n");
    CHECK(split.body_first_line == 4);
}

TEST_CASE("'...' also closes, trailing spaces are allowed", "[front_matter]") {
    const auto split = split_front_matter("---  \na: 1\n...\nbody");
    CHECK(split.terminated);
    CHECK(split.body == "body");
}

TEST_CASE("no front matter leaves the text as body", "[front_matter]") {
    const auto split = split_front_matter("# Title\n---\n");
    CHECK_FALSE(split.present);
    CHECK(split.body == "# Title\n---\n");
}

TEST_CASE("unterminated front matter keeps the whole text", "[front_matter]") {
    const auto split = split_front_matter("---\ntitle: x\nbody\n");
    CHECK(split.present);
    CHECK_FALSE(split.terminated);
    CHECK(split.body == "---\ntitle: x\nbody\n");
}

TEST_CASE("front matter with nothing after it", "[front_matter]") {
    const auto split = split_front_matter("---\ntitle: x\n---");
    CHECK(split.terminated);
    CHECK(split.body.empty());
}

TEST_CASE("tabs in indentation are found", "[front_matter]") {
    const auto tab = find_indentation_tab("a:\n  b: 1\n\tc: 2\n");
    REQUIRE(tab);
    CHECK(tab->line == 3);
    CHECK(tab->column == 1);
    CHECK_FALSE(find_indentation_tab("a: \"x\ty\"\n"));
}

TEST_CASE("an unterminated quote is found where it opens, whatever follows", "[front_matter]") {
    const auto swallowed = find_unterminated_quote("title: \"broken\nstarted: [1, 2\n");
    REQUIRE(swallowed);
    CHECK(swallowed->line == 1);
    CHECK(swallowed->column == 8);
    const auto single = find_unterminated_quote("id: INC-1\ntitle: 'broken\nseverity: SEV2\n");
    REQUIRE(single);
    CHECK(single->line == 2);
    CHECK(single->column == 8);
    const auto at_end = find_unterminated_quote("title: ok\nsummary: \"never closed");
    REQUIRE(at_end);
    CHECK(at_end->line == 2);
    const auto in_item =
        find_unterminated_quote("action_items:\n  - title: \"Fix it\n    owner: ana\n");
    REQUIRE(in_item);
    CHECK(in_item->line == 2);
    CHECK(find_unterminated_quote("causes: [\"a\", \"b]\n"));
}

TEST_CASE("closed quotes, escapes and quotes inside plain values are fine", "[front_matter]") {
    CHECK_FALSE(find_unterminated_quote("title: \"a \\\"quoted\\\" word\"\n"));
    CHECK_FALSE(find_unterminated_quote("title: 'it''s fine'\n"));
    CHECK_FALSE(find_unterminated_quote("title: It's fine\nowner: \"ana\"\n"));
    CHECK_FALSE(find_unterminated_quote("title: \"a long\n  title on two lines\"\nid: x\n"));
    CHECK_FALSE(find_unterminated_quote("# a comment with a \" quote\ntitle: x\n"));
    CHECK_FALSE(find_unterminated_quote("title: x # it's a comment\n"));
}

TEST_CASE("Hugo's JSON front matter, braces included", "[front_matter]") {
    const auto split = split_front_matter("{\n  \"title\": \"x\"\n}\n# Body\n");
    CHECK(split.present);
    CHECK(split.json);
    CHECK(split.terminated);
    CHECK(split.yaml == "{\n  \"title\": \"x\"\n}");
    CHECK(split.yaml_first_line == 1);
    CHECK(split.body == "# Body\n");
    CHECK(split.body_first_line == 4);
    // A '{' never closed by a line '}', or a template tag, is the text's own.
    const auto open = split_front_matter("{\n\"a\": 1\n# Body\n");
    CHECK_FALSE(open.present);
    CHECK(open.body == "{\n\"a\": 1\n# Body\n");
    CHECK_FALSE(split_front_matter("{{< figure >}}\n}\n").present);
}

TEST_CASE("Hexo's JSON front matter: members without braces, up to ';;;'", "[front_matter]") {
    // bench/frontmatter-probe2/hexo-json.md
    const auto split = split_front_matter("\"title\": \"x\",\n\"published\": false\n;;;\n# Body\n");
    CHECK(split.present);
    CHECK(split.json_members);
    CHECK(split.terminated);
    CHECK(split.yaml == "\"title\": \"x\",\n\"published\": false\n");
    CHECK(split.yaml_first_line == 1);
    CHECK(split.body == "# Body\n");
    CHECK(split.body_first_line == 4);
    // A quoted first line with no ';;;' after it is the text's own.
    const auto quote = split_front_matter("\"Hello\": she said.\n\nMore.\n");
    CHECK_FALSE(quote.present);
    CHECK(quote.body == "\"Hello\": she said.\n\nMore.\n");
}
