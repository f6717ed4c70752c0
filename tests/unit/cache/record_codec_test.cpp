// Tests for cache/record_codec: a parse result survives the round trip whole, and damaged bytes
// are refused rather than half-read.
#include <catch2/catch.hpp>

#include "cache/record_codec.hpp"
#include "core/hash.hpp"
#include "parse/parse_postmortem.hpp"

using namespace hindsight;

namespace {

// Every kind of member set: declared and inferred fields, evidence, a timeline, triggers,
// aliases, action items with owner, status, due date and link, extra keys and diagnostics.
ParsedFile rich_result() {
    static const SiteConfig config;
    const std::string bytes = R"(---
title: Sessions shared between users
id: INC-2023-042
resolved: 2023-08-11T09:20:00Z
severity: sev1
start_time: 2023-08-10T13:45:00Z
services: [web]
causes: [gremlins]
authors: [ana]
runbook: https://runbooks.example/sessions
action_items:
  - title: Audit session handling for races
    owner: platform-team
    status: done
    due: 2023-09-15
    link: https://tracker.example/PLAT-123
---
# Sessions shared between users

## Impact
About 30% of users saw another user's session.

## Root cause
A race condition in the session cache.

## Timeline
- 13:45 UTC: deploy
- 14:10 UTC: alert fired

## Action items
- Add a load test for session churn
)";
    auto parsed = parse_postmortem({"pm.md", "content/pm.md", bytes}, config, ParseOptions{});
    return {std::move(parsed.postmortem), std::move(parsed.diagnostics)};
}

}  // namespace

TEST_CASE("a parse result round-trips through the cache encoding", "[record_codec]") {
    const ParsedFile original = rich_result();
    REQUIRE(original.postmortem);
    REQUIRE_FALSE(original.diagnostics.empty());
    REQUIRE_FALSE(original.postmortem->timeline.empty());
    REQUIRE_FALSE(original.postmortem->evidence.empty());
    REQUIRE_FALSE(original.postmortem->aliases.empty());
    const std::string bytes = encode_parsed_file(original);
    const auto decoded = decode_parsed_file(bytes);
    REQUIRE(decoded);
    // The encoding of what was decoded is the encoding of the original: nothing was lost or
    // changed on the way (every member takes part in the encoding; a static_assert on the
    // structs' sizes keeps that so when a member is added).
    CHECK(encode_parsed_file(*decoded) == bytes);
    const Postmortem& pm = *decoded->postmortem;
    CHECK(pm.title == "Sessions shared between users");
    CHECK(pm.action_items.at(0).status == ActionStatus::done);
    CHECK(pm.action_items.at(0).link == "https://tracker.example/PLAT-123");
    CHECK(pm.extra.at("runbook") == "https://runbooks.example/sessions");
    CHECK(pm.body_html == original.postmortem->body_html);
    CHECK(decoded->diagnostics.size() == original.diagnostics.size());
}

TEST_CASE("a skipped file (no record) round-trips too", "[record_codec]") {
    ParsedFile skipped;
    skipped.diagnostics.push_back(make_warning({"content/empty.md"}, "file is empty"));
    const auto decoded = decode_parsed_file(encode_parsed_file(skipped));
    REQUIRE(decoded);
    CHECK_FALSE(decoded->postmortem);
    CHECK(decoded->diagnostics.at(0).message == "file is empty");
}

TEST_CASE("truncated or foreign bytes are refused", "[record_codec]") {
    const std::string bytes = encode_parsed_file(rich_result());
    for (const std::size_t keep :
         {std::size_t{0}, std::size_t{1}, bytes.size() / 2, bytes.size() - 1}) {
        CHECK_FALSE(decode_parsed_file(bytes.substr(0, keep)));
    }
    CHECK_FALSE(decode_parsed_file("not cbor at all"));
}

TEST_CASE("digests print and parse as 32 hex digits", "[hash]") {
    const Digest d = hash_bytes("hindsight");
    Digest back;
    REQUIRE(parse_digest(d.hex(), back));
    CHECK(back == d);
    CHECK(d.hex().size() == 32);
    CHECK_FALSE(parse_digest("xyz", back));
    CHECK_FALSE(hash_bytes("a") == hash_bytes("b"));
    Hasher split_one, split_two;
    split_one.add("ab").add("c");
    split_two.add("a").add("bc");
    CHECK_FALSE(split_one.digest() == split_two.digest());
}
