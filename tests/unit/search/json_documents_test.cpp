// Tests for search/json_documents: reading docs.json, and every problem reported with its place.
#include <catch2/catch.hpp>

#include "search/json_documents.hpp"

using namespace hindsight;
using namespace hindsight::search;

namespace {

DocumentSchema schema(std::optional<std::string> boost = std::nullopt) {
    return {"id", {{"title", 1}, {"body", 1}}, std::move(boost)};
}

}  // namespace

TEST_CASE("documents are read with their refs and values through ToString", "[json_documents]") {
    const auto read = read_json_documents(
        R"([{"id": 7, "title": "T", "body": ["a", null]}, {"id": "x", "boost": 2}])", "d.json",
        schema("boost"));
    REQUIRE(read.diagnostics.empty());
    REQUIRE(read.documents.size() == 2);
    CHECK(read.documents[0].ref == "7");
    CHECK(std::get<std::string>(read.documents[0].values[0]) == "T");
    CHECK(std::get<std::vector<std::string>>(read.documents[0].values[1]) ==
          std::vector<std::string>{"a", ""});
    CHECK(std::holds_alternative<std::monostate>(read.documents[1].values[0]));
    CHECK(read.documents[1].boost == 2);
}

TEST_CASE("invalid JSON is located by line and column", "[json_documents]") {
    const auto read =
        read_json_documents("[\n  {\"id\": 1},\n  {\"id\": tru}\n]", "d.json", schema());
    REQUIRE(read.diagnostics.size() == 1);
    const auto& d = read.diagnostics[0];
    CHECK(d.location.path == "d.json");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 13);
    CHECK(d.message.rfind("not valid JSON: ", 0) == 0);
}

TEST_CASE("every bad document is reported, not just the first", "[json_documents]") {
    const auto read =
        read_json_documents(R"([{"title": "no ref"}, 3, {"id": null}, {"id": "ok", "boost": "2"}])",
                            "-", schema("boost"));
    REQUIRE(read.diagnostics.size() == 4);
    CHECK(read.diagnostics[0].message ==
          "the document at index 0 has no \"id\" field (the --ref field)");
    CHECK(read.diagnostics[1].message == "the document at index 1 is a number, not an object");
    CHECK(read.diagnostics[2].message ==
          "the document at index 2 has a null \"id\" field (the --ref field)");
    CHECK(read.diagnostics[3].message ==
          "the \"boost\" field (the --doc-boost field) of the document at index 3 is a string, "
          "not a number");
}

TEST_CASE("the top level must be an array", "[json_documents]") {
    const auto read = read_json_documents(R"({"id": 1})", "-", schema());
    REQUIRE(read.diagnostics.size() == 1);
    CHECK(read.diagnostics[0].message == "expected a JSON array of documents, got an object");
}
