// Tests for ParseMemo: lookups copy the record out, and finish() forgets what no build used.
#include <catch2/catch.hpp>

#include "cache/parse_memo.hpp"

using namespace hindsight;

namespace {

ParsedFile parsed(const std::string& title) {
    Postmortem pm;
    pm.title = title;
    return ParsedFile{pm, {}};
}

}  // namespace

TEST_CASE("a stored result is found by its key, as a copy", "[cache]") {
    ParseMemo memo;
    const Digest key = hash_bytes("a.md");
    CHECK_FALSE(memo.find(key));
    memo.store(key, parsed("first"));
    auto found = memo.find(key);
    REQUIRE(found);
    REQUIRE(found->postmortem);
    CHECK(found->postmortem->title == "first");
    found->postmortem->title = "changed by the caller";
    CHECK(memo.find(key)->postmortem->title == "first");
}

TEST_CASE("finish() forgets the entries no build used since the last finish()", "[cache]") {
    ParseMemo memo;
    const Digest kept = hash_bytes("kept.md");
    const Digest dropped = hash_bytes("dropped.md");
    memo.store(kept, parsed("kept"));
    memo.store(dropped, parsed("dropped"));
    memo.finish();  // both were stored during this build: both stay
    CHECK(memo.find(kept));
    CHECK(memo.find(dropped));
    memo.finish();  // both were looked up during the second build
    CHECK(memo.find(kept));
    memo.finish();  // only `kept` was looked up during the third
    CHECK(memo.find(kept));
    CHECK_FALSE(memo.find(dropped));
}
