// Helpers of the byte-identity tests: documents on disk, both index builds, both query runs.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "search/site_index.hpp"
#include "support/run_binary.hpp"

namespace hindsight::test {

// Fails the test (never skips it) when node or node_modules/lunr is missing: make test installs
// both, and a byte-identity suite that quietly checks nothing would prove nothing.
void require_node_and_lunr();

// node tests/lunr/lunr_reference.mjs ARGS...; fails the test unless it exits 0.
RunResult run_reference(const std::vector<std::string>& args);

// The index options shared by both builds: --ref, --field NAME[:BOOST]..., --doc-boost, and
// the builder's tuning.
struct IndexOptions {
    std::string ref = "id";
    std::vector<std::string> fields;
    std::string doc_boost;  // empty: none
    // More options for both builders: --b B, --k1 K, --metadata-whitelist KEY.
    std::vector<std::string> builder;
    std::vector<std::string> arguments() const;
};

struct BuiltIndexes {
    std::string hindsight;  // `hindsight lunr < docs.json`
    std::string lunr_js;    // lunr.js with the same documents and options
};

// docs_json is written to docs.json as it is, so a test can give JSON that nlohmann would not
// write itself (duplicate keys, number spellings).
BuiltIndexes build_both(const std::filesystem::path& dir, const std::string& docs_json,
                        const IndexOptions& options);

// The documents as JSON text, invalid UTF-8 in them replaced by U+FFFD.
std::string to_json_text(const nlohmann::json& docs);

// The site index's documents as a lunr.js build script reads them ({"id": ref, field: text}).
std::string site_documents_json(const search::SiteIndexInput& input);

// Empty when equal; otherwise where the first difference is, with both sides around it.
std::string first_difference(const std::string& expected, const std::string& actual);

// A few hundred queries of every kind lunr's query language has, from the documents' words.
std::vector<std::string> make_queries(const nlohmann::json& docs,
                                      const std::vector<std::string>& fields, std::size_t count);

struct QueryReport {
    int queries = 0;
    int hits = 0;
    int errors = 0;
    int mismatches = 0;
    std::string examples;  // JSON of the first mismatches
};

// Loads both indexes with lunr.Index.load and runs every query on each.
QueryReport compare_queries(const std::filesystem::path& dir, const BuiltIndexes& indexes,
                            const std::vector<std::string>& queries);

// Documents from Markdown files: ref = file name, title = first heading, body = the text.
nlohmann::json markdown_documents(const std::filesystem::path& folder, bool recursive);

std::string read_file(const std::filesystem::path& path);

}  // namespace hindsight::test
