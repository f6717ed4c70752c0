// `hindsight lunr` as a user runs it: standard input or a file, exit codes, exact error messages.
#include <catch2/catch.hpp>

#include "lunr_support.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight::test;
namespace fs = std::filesystem;

namespace {

// hindsight lunr ARGS < docs
RunResult lunr(const std::string& docs, std::vector<std::string> args) {
    TempDir dir;
    write_text(dir.path() / "docs.json", docs);
    args.insert(args.begin(), {HINDSIGHT_BINARY, "lunr"});
    return run_program(args, dir.path() / "docs.json");
}

}  // namespace

TEST_CASE("lunr reads standard input or a file and writes no final newline", "[lunr_cli]") {
    const std::string docs = R"([{"id": "a", "t": "Hello"}])";
    const std::string expected =
        R"({"version":"2.3.9","fields":["t"],"fieldVectors":[["t/a",[0,0.288]]],)"
        R"("invertedIndex":[["hello",{"_index":0,"t":{"a":{}}}]],"pipeline":["stemmer"]})";
    const RunResult piped = lunr(docs, {"--field", "t"});
    CHECK(piped.exit_code == 0);
    CHECK(piped.err.empty());
    CHECK(piped.out == expected);

    TempDir dir;
    write_text(dir.path() / "docs.json", docs);
    const RunResult named = run_program(
        {HINDSIGHT_BINARY, "lunr", "--field", "t", (dir.path() / "docs.json").string()});
    CHECK(named.exit_code == 0);
    CHECK(named.out == expected);
}

TEST_CASE("lunr reads a pipe as it reads a file", "[lunr_cli]") {
    TempDir dir;
    std::string docs = "[";
    for (int i = 0; i < 3000; ++i) {  // more than one read(2) of a pipe
        docs += (i ? "," : "") + std::string(R"({"id": )") + std::to_string(i) +
                R"(, "t": "incident number )" + std::to_string(i) + R"( of many"})";
    }
    docs += "]";
    write_text(dir.path() / "docs.json", docs);
    const std::string docs_path = (dir.path() / "docs.json").string();
    const RunResult from_file = run_program({HINDSIGHT_BINARY, "lunr", "--field", "t", docs_path});
    const RunResult from_pipe = run_program(
        {"sh", "-c", "cat \"$1\" | \"$0\" lunr --field t", HINDSIGHT_BINARY, docs_path});
    REQUIRE(from_file.exit_code == 0);
    CHECK(from_pipe.exit_code == 0);
    CHECK(from_pipe.out == from_file.out);
}

TEST_CASE("lunr locates invalid JSON by line and column", "[lunr_cli]") {
    const RunResult result = lunr("[\n  {\"id\": 1},\n  {\"id\": tru}\n]", {"--field", "t"});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "hindsight: error: <stdin>:3:13: not valid JSON: syntax error while parsing value - "
          "invalid literal; last read: '\"id\": tru}'\n"
          "    hint: the input must be a JSON array of document objects, in UTF-8\n");
}

TEST_CASE("lunr refuses input that is not an array of documents with refs", "[lunr_cli]") {
    CHECK(lunr(R"({"id": 1})", {"--field", "t"}).err ==
          "hindsight: error: <stdin>: expected a JSON array of documents, got an object\n"
          "    hint: write the documents as [{\"id\": ..., ...}, ...]\n");
    const RunResult result =
        lunr(R"([{"id": 1}, {"title": "no ref"}, "text", {"id": "b", "w": "2"}])",
             {"--field", "title", "--doc-boost", "w"});
    CHECK(result.exit_code == 2);
    CHECK(result.out.empty());
    CHECK(result.err ==
          "hindsight: error: <stdin>: the document at index 1 has no \"id\" field (the --ref "
          "field)\n"
          "    hint: give every document a ref; lunr.js would index this one as \"undefined\"\n"
          "hindsight: error: <stdin>: the document at index 2 is a string, not an object\n"
          "hindsight: error: <stdin>: the \"w\" field (the --doc-boost field) of the document at "
          "index 3 is a string, not a number\n");
}

TEST_CASE("lunr refuses field names and boosts lunr.js cannot use", "[lunr_cli]") {
    CHECK(lunr("[]", {"--field", "a/b"}).err ==
          "hindsight: error: --field a/b: a field name must not contain '/' (lunr joins field "
          "and ref with it)\n");
    const RunResult bad_boost = lunr("[]", {"--field", "title:ten"});
    CHECK(bad_boost.exit_code == 2);
    CHECK(bad_boost.err.rfind("hindsight: error: --field title:ten: the boost \"ten\" is not a "
                              "number\n",
                              0) == 0);
    CHECK(lunr("[]", {"--field", "constructor"}).exit_code == 2);
    CHECK(lunr("[]", {"--field", "t", "--ref", "toString"}).exit_code == 2);
    CHECK(lunr("[]", {}).exit_code == 2);  // --field is required
}

TEST_CASE("lunr reports an unreadable input file", "[lunr_cli]") {
    const RunResult result =
        run_program({HINDSIGHT_BINARY, "lunr", "--field", "t", "/nonexistent/docs.json"});
    CHECK(result.exit_code == 2);
    CHECK(result.err ==
          "hindsight: error: cannot read /nonexistent/docs.json: No such file or directory\n");
}

TEST_CASE("a field name holding ':' takes an explicit boost", "[lunr_cli]") {
    const RunResult result =
        lunr(R"([{"id": "a", "meta:tags": ["x"]}])", {"--field", "meta:tags:1"});
    CHECK(result.exit_code == 0);
    CHECK(result.out.find(R"("fields":["meta:tags"])") != std::string::npos);
}

TEST_CASE("lunr takes b, k1 and a metadata whitelist", "[lunr_cli]") {
    const std::string docs = R"([{"id": "a", "t": "Hello hello"}, {"id": "b", "t": "x"}])";
    const RunResult tuned =
        lunr(docs, {"--field", "t", "--b", "0", "--k1", "2", "--metadata-whitelist", "position"});
    CHECK(tuned.exit_code == 0);
    CHECK(tuned.out.find(R"(["hello",{"_index":0,"t":{"a":{"position":[[0,5],[6,5]]}}}])") !=
          std::string::npos);
    const RunResult bad_b = lunr(docs, {"--field", "t", "--b", "half"});
    CHECK(bad_b.exit_code == 2);
    CHECK(bad_b.err.rfind("hindsight: error: --b half: not a number\n", 0) == 0);
    CHECK(lunr(docs, {"--field", "t", "--k1", "inf"}).exit_code == 2);
}
