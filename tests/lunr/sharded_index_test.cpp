// Ranking identity of the sharded site index: queries of every lunr form run through the search
// page's engine on the shards (loading only those each query needs) give the ranked refs and
// scores lunr.js gives on the single whole-archive index it builds from the same documents.
#include <catch2/catch.hpp>

#include <fstream>
#include <iostream>

#include "cli/pipeline.hpp"
#include "lunr_support.hpp"
#include "search/js_number.hpp"
#include "search/site_files.hpp"
#include "search/site_index.hpp"
#include "support/shared.hpp"
#include "support/temp_dir.hpp"

using namespace hindsight;
using namespace hindsight::test;
using nlohmann::json;
namespace fs = std::filesystem;

namespace {

void write_bytes(const fs::path& path, const std::string& bytes) {
    fs::create_directories(path.parent_path());
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

// Builds the archive of a content folder, writes its search files with shards of about
// shard_bytes beside the page's engine, has lunr.js build the whole index of the same documents,
// and compares `count` queries on both.
void check_sharded(const std::string& name, const fs::path& content, std::size_t shard_bytes,
                   std::size_t family_shares, std::size_t count, bool families, bool likeliest,
                   int most_prefix_requests) {
    require_node_and_lunr();
    PipelineOptions pipeline;
    pipeline.content = content;
    const PipelineResult loaded = load_archive(pipeline);
    REQUIRE(count_errors(loaded.diagnostics) == 0);

    TempDir dir;
    const fs::path site = dir.path() / "site";
    search::SearchFileSizes sizes;
    sizes.shard = shard_bytes;
    sizes.family_shares = family_shares;
    for (const auto& file : search::site_search_files(loaded.archive, loaded.config, sizes)) {
        write_bytes(site / file.path, file.bytes);
    }
    // The engine as the site ships it: minified by the build (cmake/minify_asset.mjs).
    for (const char* asset : {"search-engine.js", "search-ahead.js"}) {
        write_bytes(site / "assets" / asset,
                    read_file(fs::path(HINDSIGHT_MINIFIED_DIR) / "assets" / asset));
    }

    const auto input = search::site_index_input(loaded.archive, loaded.config);
    const std::string docs = site_documents_json(input);
    write_bytes(dir.path() / "docs.json", docs);
    std::vector<std::string> build = {"build", "--ref", "id"};
    for (const auto& field : input.fields) {
        build.push_back("--field");
        build.push_back(field.name + ":" + search::js_number_to_string(field.boost));
    }
    build.push_back((dir.path() / "docs.json").string());
    build.push_back((dir.path() / "whole.json").string());
    run_reference(build);

    auto queries = make_queries(json::parse(docs), {"title", "causes", "summary", "body"}, count);
    // And the prefixes of the families (the shards holding every term a prefix starts, which the
    // cut splits): alone, with a word, and one code unit longer.
    json manifest;
    for (const auto& file : search::site_search_files(loaded.archive, loaded.config, sizes)) {
        if (file.path == "search/manifest.js") {
            manifest = json::parse(search::registered_json(file.bytes));
        }
    }
    for (std::size_t f = 0; f < manifest["families"].size(); ++f) {
        const std::string prefix = manifest["families"][f];
        queries.push_back(prefix + "*");
        queries.push_back(queries[f] + " " + prefix + "*");
        queries.push_back("+" + prefix + "* " + queries[2 * f]);
    }
    write_bytes(dir.path() / "queries.json", json(queries).dump());
    const RunResult run = run_program(
        {"node", (source_dir() / "tests/lunr/sharded_search.mjs").string(), site.string(),
         (dir.path() / "whole.json").string(), (dir.path() / "queries.json").string()});
    INFO("node stderr: " << run.err);
    REQUIRE(run.exit_code == 0);
    const json report = json::parse(run.out);
    INFO("report: " << report.dump());
    CHECK(report.at("structure").empty());
    CHECK(report.at("queries").get<std::size_t>() == queries.size());
    CHECK(report.at("mismatches").get<int>() == 0);
    CHECK(report.at("hits").get<int>() > 0);
    CHECK(report.at("shards").get<int>() > 1);
    // Some words were read from their families, and some prefixes from their likeliest terms.
    CHECK((report.at("familyQueries").get<int>() > 0) == families);
    CHECK((report.at("likeliest").get<int>() > 0) == likeliest);
    CHECK(report.at("prefixes").get<int>() > 100);
    // A typed prefix is read from the shards of the cut holding its terms, when no family of a
    // word holds them all: as many requests as shards hold them (a ratchet).
    CHECK(report.at("prefixRequests").get<int>() <= most_prefix_requests);
    std::cout << "sharded identity: " << name << ": " << input.documents.size()
              << " postmortems in " << report.at("shards") << " shards and "
              << report.at("families") << " families; " << queries.size() << " queries, "
              << report.at("hits") << " hits, same refs and scores as lunr.js on "
              << "the whole index, " << report.at("shardsPerQuery") << " shards loaded a query, "
              << report.at("familyQueries") << " queries read a family; " << report.at("prefixes")
              << " typed prefixes expand as on the whole index, with " << report.at("likeliest")
              << " shards of a prefix's likeliest terms\n";
}

}  // namespace

TEST_CASE("the demo archive's shards rank as lunr.js's whole index", "[lunr][sharded]") {
    // Small shards, so that most queries need several and prefixes span some, and families of
    // one share, which no word here costs little enough for.
    check_sharded("content/", source_dir() / "content", 4 * 1024, 1, 600, false, false, 3);
}

TEST_CASE("a generated archive's shards rank as lunr.js's whole index", "[lunr][sharded]") {
    TempDir dir;
    const RunResult generated =
        run_program({"node", (source_dir() / "bench/search/generate_archive.mjs").string(), "400",
                     (dir.path() / "content").string()});
    REQUIRE(generated.exit_code == 0);
    check_sharded("generated", dir.path() / "content", 48 * 1024, 1, 600, false, true, 3);
    // With families as big as a site's: some words have one.
    check_sharded("generated", dir.path() / "content", 16 * 1024, 8, 600, true, true, 7);
}
