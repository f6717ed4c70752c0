// Tests for search/json_documents: reading docs.json, and every problem reported with its place.
#include <catch2/catch.hpp>

#include "search/json_documents.hpp"

using namespace hindsight;
using namespace hindsight::search;

namespace {

DocumentSchema schema(std::optional<std::string> boost = std::nullopt) {
    return {"id", {{"title", 1}, {"body", 1}}, std::move(boost)};
}

struct Read {
    std::vector<LunrDocument> documents;
    Diagnostics diagnostics;
};

Read read(const std::string& text, const DocumentSchema& schema,
          const std::string& path = "d.json") {
    Read out;
    out.diagnostics =
        read_json_documents(simdjson::padded_string(text), path, schema,
                            [&](const LunrDocument& d) { out.documents.push_back(d); });
    return out;
}

}  // namespace

TEST_CASE("documents are read with their refs and values through ToString", "[json_documents]") {
    const auto r =
        read(R"([{"id": 7, "title": "T", "body": ["a", null]}, {"id": "x", "boost": 2}])",
             schema("boost"));
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.documents.size() == 2);
    CHECK(r.documents[0].ref == "7");
    CHECK(std::get<std::string>(r.documents[0].values[0]) == "T");
    CHECK(std::get<std::vector<std::string>>(r.documents[0].values[1]) ==
          std::vector<std::string>{"a", ""});
    CHECK(r.documents[0].boost == 1);
    CHECK(std::holds_alternative<std::monostate>(r.documents[1].values[0]));
    CHECK(r.documents[1].boost == 2);
}

TEST_CASE("the last of duplicate keys wins, as in JSON.parse", "[json_documents]") {
    const auto r = read(R"([{"id": "a", "title": "first", "title": "last", "id": "b"}])", schema());
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].ref == "b");
    CHECK(std::get<std::string>(r.documents[0].values[0]) == "last");
}

TEST_CASE("integers beyond 64 bits are read as doubles, as JSON.parse reads them",
          "[json_documents]") {
    // simdjson refuses them; nlohmann reads them, and the document is read again.
    const auto r =
        read(R"([{"id": 123456789012345678901234, "title": "t", "title": "u"}])", schema());
    REQUIRE(r.diagnostics.empty());
    REQUIRE(r.documents.size() == 1);
    CHECK(r.documents[0].ref == "1.2345678901234569e+23");
    CHECK(std::get<std::string>(r.documents[0].values[0]) == "u");
}

TEST_CASE("invalid JSON is located by line and column", "[json_documents]") {
    const auto r = read("[\n  {\"id\": 1},\n  {\"id\": tru}\n]", schema());
    REQUIRE(r.diagnostics.size() == 1);
    const auto& d = r.diagnostics[0];
    CHECK(d.location.path == "d.json");
    CHECK(d.location.line == 3);
    CHECK(d.location.column == 13);
    CHECK(d.message.rfind("not valid JSON: ", 0) == 0);
}

TEST_CASE("a number beyond a double's range is an error, not a crash", "[json_documents]") {
    const auto r = read(R"([{"id": 1e400}])", schema());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "not valid JSON: number overflow parsing '1e400'");
}

TEST_CASE("documents nested past simdjson's depth are an error, not a stack overflow",
          "[json_documents]") {
    // simdjson refuses them; nlohmann read them and then wrote them back one stack frame a
    // level, which crashed `hindsight lunr` on 200,000 '['. With a 64-bit integer (which sends
    // the text to nlohmann anyway) too.
    const std::string deep(200000, '[');
    for (const std::string& text :
         {deep + std::string(200000, ']'),
          "[123456789012345678901234567890, " + deep + std::string(200001, ']')}) {
        const auto r = read(text, schema());
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].message == "documents nest deeper than 1024 arrays and objects");
        CHECK(r.diagnostics[0].location.line == 1);
    }
    const auto r =
        read("[\n" + std::string(1100, '[') + "\"[\", " + std::string(1100, ']') + "]", schema());
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].location.line == 2);
    CHECK(r.diagnostics[0].location.column == 1024);
}

TEST_CASE("every bad document is reported, not just the first", "[json_documents]") {
    const auto r = read(R"([{"title": "no ref"}, 3, {"id": null}, {"id": "ok", "boost": "2"}])",
                        schema("boost"), "-");
    REQUIRE(r.diagnostics.size() == 4);
    CHECK(r.diagnostics[0].message ==
          "the document at index 0 has no \"id\" field (the --ref field)");
    CHECK(r.diagnostics[1].message == "the document at index 1 is a number, not an object");
    CHECK(r.diagnostics[2].message ==
          "the document at index 2 has a null \"id\" field (the --ref field)");
    CHECK(r.diagnostics[3].message ==
          "the \"boost\" field (the --doc-boost field) of the document at index 3 is a string, "
          "not a number");
}

TEST_CASE("the top level must be an array", "[json_documents]") {
    const auto r = read(R"({"id": 1})", schema(), "-");
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message == "expected a JSON array of documents, got an object");
}
