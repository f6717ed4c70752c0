// The site's whole lunr index against lunr.js: built from the demo archive through the whole
// pipeline, it must be the bytes lunr.js writes for the same documents, fields and boosts.
#include <catch2/catch.hpp>

#include <algorithm>
#include <iostream>

#include "cli/pipeline.hpp"
#include "lunr_support.hpp"
#include "search/js_number.hpp"
#include "search/serializer.hpp"
#include "search/site_index.hpp"
#include "support/shared.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;
using namespace hindsight::test;
using nlohmann::json;

namespace {

IndexOptions options_of(const search::SiteIndexInput& input) {
    IndexOptions options;
    for (const auto& field : input.fields) {
        options.fields.push_back(field.name + ":" + search::js_number_to_string(field.boost));
    }
    return options;
}

// Builds the archive of a content folder through the whole pipeline, then checks its site index.
void check_site(const std::string& name, const std::filesystem::path& content, int max_words) {
    require_node_and_lunr();
    PipelineOptions pipeline;
    pipeline.content = content;
    PipelineResult loaded = load_archive(pipeline);
    REQUIRE(count_errors(loaded.diagnostics) == 0);
    loaded.config.search.max_words = max_words;

    const auto input = search::site_index_input(loaded.archive, loaded.config);
    // Built as the site builds it: from each postmortem's terms, read once.
    const std::string site_index = search::serialize_index(search::site_lunr_index(
        loaded.archive, loaded.config, search::capped_bodies(loaded.archive, loaded.config)));

    TempDir dir;
    const std::string docs = site_documents_json(input);
    const BuiltIndexes built = build_both(dir.path(), docs, options_of(input));
    const std::string difference = first_difference(built.lunr_js, site_index);
    INFO(difference);
    REQUIRE(difference.empty());

    const auto queries =
        make_queries(json::parse(docs), {"title", "causes", "summary", "body"}, 300);
    const QueryReport report = compare_queries(dir.path(), built, queries);
    INFO("first mismatches: " << report.examples);
    CHECK(report.mismatches == 0);
    CHECK(report.hits > 0);
    std::cout << "lunr identity: " << name << " site index, " << input.documents.size()
              << " postmortems, " << site_index.size() << " bytes identical; " << report.queries
              << " queries, same refs and scores\n";
}

}  // namespace

TEST_CASE("the demo site's search index is what lunr.js builds", "[lunr][site]") {
    // A small word cap, so that the cut is checked too.
    check_site("content/", source_dir() / "content", 150);
}

TEST_CASE("the real corpus's search index is what lunr.js builds", "[lunr][site]") {
    const auto corpus = shared_dir() / "corpus/real";
    if (!shared_present("corpus/real")) {
        return;
    }
    check_site("corpus/real", corpus, SiteConfig{}.search.max_words);
}
