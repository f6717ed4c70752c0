// Tests for search/serializer: JSON.stringify's bytes for the spec's example and its corners.
#include <catch2/catch.hpp>

#include "search/lunr.hpp"
#include "search/serializer.hpp"

using namespace hindsight::search;

TEST_CASE("the spec's worked example serializes byte for byte", "[serializer]") {
    const std::string json = build_lunr_index(
        {{"title", 10}, {"body", 1}},
        {{"b", {std::string("Running tests"), std::string("The tests ran... twice.")}, 1},
         {"10", {std::string("Test"), std::vector<std::string>{"Running", "ok!"}}, 1},
         {"9", {std::monostate{}, std::string("caf\u00E9 \u2014 \u00C9T\u00C9")}, 1}});
    CHECK(
        json ==
        R"({"version":"2.3.9","fields":["title","body"],"fieldVectors":[["title/b",[0,3.336,1,0.948]],["body/b",[1,0.127,2,0.933,3,0.933]],["title/10",[1,1.335]],["body/10",[0,0.524,4,1.093]],["title/9",[]],["body/9",[5,0.933,6,0.933,7,0.933]]],"invertedIndex":[["",{"_index":6,"title":{},"body":{"9":{}}}],["caf",{"_index":5,"title":{},"body":{"9":{}}}],["ok",{"_index":4,"title":{},"body":{"10":{}}}],["ran",{"_index":2,"title":{},"body":{"b":{}}}],["run",{"_index":0,"title":{"b":{}},"body":{"10":{}}}],["t",{"_index":7,"title":{},"body":{"9":{}}}],["test",{"_index":1,"title":{"10":{},"b":{}},"body":{"b":{}}}],["twice",{"_index":3,"title":{},"body":{"b":{}}}]],"pipeline":["stemmer"]})");
}

TEST_CASE("an empty index is still a complete one", "[serializer]") {
    CHECK(
        build_lunr_index({{"title", 1}}, {}) ==
        R"({"version":"2.3.9","fields":["title"],"fieldVectors":[],"invertedIndex":[],"pipeline":["stemmer"]})");
}

TEST_CASE("array-index fields precede _index in postings", "[serializer]") {
    const std::string json =
        build_lunr_index({{"x", 1}, {"7", 1}}, {{"d", {std::string("a1"), std::string("b2")}, 1}});
    // Field "7" comes first, so its "b2" is term 0 and x's "a1" term 1.
    CHECK(json.find(R"(["a1",{"7":{},"_index":1,"x":{"d":{}}}])") != std::string::npos);
}

TEST_CASE("strings escape as JSON.stringify escapes them", "[serializer]") {
    std::string out;
    append_json_string(out, u"q\"b\\s/\b\t\n\f\r\u0001\u001b\u007f\u2028\u00e9\U0001F600");
    CHECK(out ==
          "\"q\\\"b\\\\s/\\b\\t\\n\\f\\r\\u0001\\u001b\x7f\xE2\x80\xA8\xC3\xA9\xF0\x9F\x98\x80\"");
    out.clear();
    append_json_string(out, std::u16string{u'a', char16_t(0xD83D), u'b', char16_t(0xDE00)});
    CHECK(out == "\"a\\ud83db\\ude00\"");  // lone surrogates, lower-case hex
}

TEST_CASE("terms sort by UTF-16 code units, not code points", "[serializer]") {
    // x𝐀z (a surrogate pair, D835) sorts before x＠z (FF20) in UTF-16, after it in code points.
    const std::string json = build_lunr_index(
        {{"f", 1}}, {{"d", {std::vector<std::string>{"x\uFF20z", "x\U0001D400z"}}, 1}});
    REQUIRE(json.find("x\xEF\xBC\xA0z") != std::string::npos);
    CHECK(json.find("x\xF0\x9D\x90\x80z") < json.find("x\xEF\xBC\xA0z"));
}
