// Tests for extract/lexicon: the number words, word splitting, label colon and shared words.
#include <catch2/catch.hpp>

#include "extract/lexicon.hpp"

using namespace hindsight;

TEST_CASE("number words", "[lexicon]") {
    CHECK(number_word("three") == 3);
    CHECK(number_word("forty-five") == 45);
    CHECK(number_word("ninety") == 90);
    CHECK_FALSE(number_word("a"));      // an article is an amount only to durations
    CHECK_FALSE(number_word("Three"));  // callers lower-case first
    CHECK_FALSE(number_word("several"));
}

TEST_CASE("split_words keeps case and, when asked, hyphens", "[lexicon]") {
    CHECK(split_words("Add p99 alerts, on-call!") ==
          std::vector<std::string>{"Add", "p99", "alerts", "on", "call"});
    CHECK(split_words("Add p99 alerts, on-call!", WordChars::alnum_hyphen) ==
          std::vector<std::string>{"Add", "p99", "alerts", "on-call"});
    CHECK(split_words(" ,; ").empty());
}

TEST_CASE("label_colon finds a short label without digits", "[lexicon]") {
    CHECK(label_colon("Runbook: write one for failover") == 7);
    CHECK_FALSE(label_colon("Freeze deploys between 22:00 and 02:00"));
    CHECK_FALSE(label_colon("we learned that when the cache is cold the: database falls over"));
    CHECK_FALSE(label_colon(": nothing before the colon"));
    CHECK_FALSE(label_colon("No colon at all"));
    CHECK_FALSE(label_colon(std::string(70, 'x') + ": too far"));
}

TEST_CASE("shared_words counts the intersection of sorted lists", "[lexicon]") {
    CHECK(shared_words({"alert", "db", "monitor"}, {"db", "monitor", "pool", "zeta"}) == 2);
    CHECK(shared_words({}, {"a"}) == 0);
    CHECK(shared_words({"a", "b"}, {"a", "b"}) == 2);
}
