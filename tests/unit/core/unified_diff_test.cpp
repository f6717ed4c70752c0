// Tests for core/unified_diff: a block of inserted lines as `diff -u` shows it.
#include <catch2/catch.hpp>

#include "core/unified_diff.hpp"

using namespace hindsight;

TEST_CASE("lines inserted at the top, with the context after them", "[unified_diff]") {
    CHECK(insertion_diff("a.md", "# T\nbody\n", "---\ntitle: T\n---\n# T\nbody\n") ==
          "--- a/a.md\n+++ b/a.md\n@@ -1,2 +1,5 @@\n+---\n+title: T\n+---\n # T\n body\n");
}

TEST_CASE("lines inserted in the middle keep three lines of context each side", "[unified_diff]") {
    const std::string before = "1\n2\n3\n4\n5\n6\n7\n8\n";
    const std::string after = "1\n2\n3\n4\nnew\n5\n6\n7\n8\n";
    CHECK(insertion_diff("f", before, after) ==
          "--- a/f\n+++ b/f\n@@ -2,6 +2,7 @@\n 2\n 3\n 4\n+new\n 5\n 6\n 7\n");
}

TEST_CASE("CRLF line ends are not shown, and equal texts give no diff", "[unified_diff]") {
    CHECK(insertion_diff("f", "a\r\nb\r\n", "a\r\nx\r\nb\r\n") ==
          "--- a/f\n+++ b/f\n@@ -1,2 +1,3 @@\n a\n+x\n b\n");
    CHECK(insertion_diff("f", "same\n", "same\n").empty());
}
